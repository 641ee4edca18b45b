import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { contactShard } from '../../core/delivery/contact-shard.ts';
import { conflict, DomainError, notFound } from '../../core/errors.ts';
import { mapWithConcurrency } from '../../core/map-with-concurrency.ts';
import type { FeedKeyStore, StoredFeedKey } from '../../core/ports/feed-key-store.ts';
import type { WatchStore } from '../../core/ports/stores.ts';
import { contactOf, type Watch } from '../../core/watches/watch.ts';
import { watchInputFields } from '../../core/watches/watch-schema.ts';
import { batchGetAll } from './batch-get.ts';
import { batchWriteAll } from './batch-write.ts';
import { contactPartition } from './contact-key.ts';
import { queryAll } from './query-all.ts';
import { parseStoredItem } from './stored-item.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const storedWatchSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    ...watchInputFields(),
    id: z.string(),
    owner: z.string(),
    status: z.enum(['pending-confirmation', 'active', 'paused', 'opted-out', 'unsubscribed']),
    mutedUntil: z.optional(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
);

const watchKey = (id: string) => ({ PK: `WATCH#${id}`, SK: 'WATCH' });
/** Beside the watch, not in it: the hash never travels with the watch into answers, logs or the dispatcher. */
const feedKeyKey = (id: string) => ({ PK: `WATCH#${id}`, SK: 'FEED-KEY' });

const storedFeedKeySchema = /* @__PURE__ */ z.lazy(() =>
  z.object({ watchId: z.string(), keyHash: z.string(), createdAt: z.string() }),
);

const ownerCounterKey = (owner: string) => ({ PK: `OWNER#${owner}`, SK: 'WATCH-COUNT' });

const statePartition = (state: string) => `TARGET#STATE#${state}`;
const groupPartition = (group: string) => `TARGET#GROUP#${group}`;
const ALL_PARTITION = 'TARGET#ALL';
const shardPartition = (shard: number) => `WSHARD#${shard}`;
const REPEATING_PARTITION = 'INDEX#REPEATING';

/**
 * The index partitions a watch is listed in: by target, what the dispatcher queries per event;
 * and the repeating watches, which the hourly job walks.
 */
const targetPartitions = (watch: Watch): string[] => [
  ...(watch.target.states ?? []).map(statePartition),
  ...(watch.target.groups ?? []).map(groupPartition),
  ...(watch.target.all ? [ALL_PARTITION] : []),
  ...(watch.delivery.repeatEveryDays === undefined ? [] : [REPEATING_PARTITION]),
];

/** A watch's place on GSI3, in its contact's shard: written with every watch, and by the backfill of older ones. */
export const watchShardKeys = (watch: Pick<Watch, 'id' | 'channel'>) => ({
  GSI3PK: shardPartition(contactShard(contactOf(watch))),
  GSI3SK: `WATCH#${watch.id}`,
});

const watchItem = (watch: Watch): Record<string, unknown> => ({
  ...watchKey(watch.id),
  itemType: 'watch',
  GSI1PK: `OWNER#${watch.owner}`,
  GSI1SK: `${watch.createdAt}#${watch.id}`,
  GSI2PK: contactPartition(contactOf(watch)),
  GSI2SK: `WATCH#${watch.id}`,
  ...watchShardKeys(watch),
  ...watch,
});

const targetItem = (watch: Watch, PK: string): Record<string, unknown> => ({
  PK,
  SK: `WATCH#${watch.id}`,
  itemType: 'watch-target',
  watchId: watch.id,
});

/**
 * The items that creating these watches one by one would leave (each watch, its index items, and
 * its owner's counter at the owner's total): for loading many at once with unconditional batch
 * writes, as the bench's setup does, which checks no cap.
 */
export const newWatchItems = (watches: readonly Watch[]): Record<string, unknown>[] => {
  const perOwner = new Map<string, number>();
  for (const { owner } of watches) perOwner.set(owner, (perOwner.get(owner) ?? 0) + 1);
  return [
    ...watches.flatMap((watch) => [watchItem(watch), ...targetPartitions(watch).map((PK) => targetItem(watch, PK))]),
    ...[...perOwner].map(([owner, watchCount]) => ({
      ...ownerCounterKey(owner),
      itemType: 'watch-counter',
      watchCount,
    })),
  ];
};

/**
 * Watches: `WATCH#<id>` (on GSI1 by owner, GSI2 by contact, GSI3 by contact shard), one `TARGET#...` / `WATCH#<id>` index item per state,
 * group or "all" it covers, and a per-owner counter that enforces the cap inside the same
 * transaction, so concurrent creates cannot overshoot it. A watch's feed key hash is `WATCH#<id>` /
 * `FEED-KEY`; it and the watch's delivery log (`WATCH#<id>` / `DELIVERY#...`) are deleted with the watch.
 */
export class DynamoWatchStore implements WatchStore, FeedKeyStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  #targetPuts(watch: Watch, partitions: readonly string[]): TransactItem[] {
    return partitions.map((PK) => ({ Put: { TableName: this.#tableName, Item: targetItem(watch, PK) } }));
  }

  #targetDeletes(watch: Watch, partitions: readonly string[]): TransactItem[] {
    return partitions.map((PK) => ({ Delete: { TableName: this.#tableName, Key: { PK, SK: `WATCH#${watch.id}` } } }));
  }

  #counter(owner: string, change: 1 | -1, cap?: number): TransactItem {
    return {
      Update: {
        TableName: this.#tableName,
        Key: ownerCounterKey(owner),
        UpdateExpression: 'SET itemType = :itemType ADD watchCount :change',
        ...(cap === undefined ? {} : { ConditionExpression: 'attribute_not_exists(watchCount) OR watchCount < :cap' }),
        ExpressionAttributeValues: {
          ':itemType': 'watch-counter',
          ':change': change,
          ...(cap === undefined ? {} : { ':cap': cap }),
        },
      },
    };
  }

  async #transact(items: TransactItem[], onConditionFailed: (index: number) => Error): Promise<void> {
    try {
      await this.#client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const failed = (error.CancellationReasons ?? []).findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
      if (failed >= 0) throw onConditionFailed(failed);
      throw error;
    }
  }

  async create(watch: Watch, cap: number): Promise<void> {
    const items: TransactItem[] = [
      this.#counter(watch.owner, 1, cap),
      { Put: { TableName: this.#tableName, Item: watchItem(watch), ConditionExpression: 'attribute_not_exists(PK)' } },
      ...this.#targetPuts(watch, targetPartitions(watch)),
    ];
    await this.#transact(items, (index) =>
      index === 0
        ? new DomainError(
            'invalid-input',
            'too-many-watches',
            `An owner may have at most ${cap} watches; delete one first`,
          )
        : conflict('watch-exists', `Watch "${watch.id}" already exists`, 'id'),
    );
  }

  async get(id: string): Promise<Watch | undefined> {
    const { Item } = await this.#client.send(new GetCommand({ TableName: this.#tableName, Key: watchKey(id) }));
    return Item ? parseStoredItem(storedWatchSchema, Item) : undefined;
  }

  async listByOwner(owner: string): Promise<Watch[]> {
    const items = await queryAll(this.#client, {
      TableName: this.#tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': `OWNER#${owner}` },
    });
    return items.map((item) => parseStoredItem(storedWatchSchema, item));
  }

  /**
   * The watch and its new index items in one transaction; index items it no longer needs go after
   * it. Left behind by a crash in between, a stale item only costs the dispatcher a read: it
   * matches the watch as it is, not as it was indexed.
   */
  async replace(previous: Watch, next: Watch): Promise<void> {
    const before = new Set(targetPartitions(previous));
    const after = new Set(targetPartitions(next));
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.#tableName,
          Item: watchItem(next),
          ConditionExpression: 'updatedAt = :seen',
          ExpressionAttributeValues: { ':seen': previous.updatedAt },
        },
      },
      ...this.#targetPuts(
        next,
        [...after].filter((partition) => !before.has(partition)),
      ),
    ];
    await this.#transact(items, () =>
      conflict('watch-changed', `Watch "${next.id}" changed meanwhile; read it again`, 'id'),
    );
    const stale = [...before].filter((partition) => !after.has(partition));
    await batchWriteAll(
      this.#client,
      this.#tableName,
      stale.map((PK) => ({ DeleteRequest: { Key: { PK, SK: `WATCH#${next.id}` } } })),
    );
  }

  /**
   * The delivery log goes first: it names the address and nobody can read it once the watch is
   * gone. A delete cut short (a timeout) leaves the watch, so trying again finishes the job rather
   * than leaving a log no request can reach.
   */
  async delete(watch: Watch): Promise<void> {
    const log = await queryAll(this.#client, {
      TableName: this.#tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :log)',
      ExpressionAttributeValues: { ':pk': watchKey(watch.id).PK, ':log': 'DELIVERY#' },
      ProjectionExpression: 'PK, SK',
    });
    await batchWriteAll(
      this.#client,
      this.#tableName,
      log.map((Key) => ({ DeleteRequest: { Key } })),
    );
    const items: TransactItem[] = [
      { Delete: { TableName: this.#tableName, Key: watchKey(watch.id), ConditionExpression: 'attribute_exists(PK)' } },
      ...this.#targetDeletes(watch, targetPartitions(watch)),
      this.#counter(watch.owner, -1),
      { Delete: { TableName: this.#tableName, Key: feedKeyKey(watch.id) } },
    ];
    await this.#transact(items, () => conflict('watch-gone', `Watch "${watch.id}" was deleted meanwhile`, 'id'));
  }

  /** The counter goes only at zero: a watch created meanwhile keeps its owner's count right. */
  async forgetOwner(owner: string): Promise<void> {
    try {
      await this.#client.send(
        new DeleteCommand({
          TableName: this.#tableName,
          Key: ownerCounterKey(owner),
          ConditionExpression: 'watchCount <= :zero',
          ExpressionAttributeValues: { ':zero': 0 },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async listByContact(contact: string): Promise<Watch[]> {
    const items = await queryAll(this.#client, {
      TableName: this.#tableName,
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': contactPartition(contact) },
    });
    return items.map((item) => parseStoredItem(storedWatchSchema, item));
  }

  /** Watch ids listed in the partitions; stops reading once it has more than `limit`. */
  async #idsListedIn(partitions: readonly string[], limit = Number.POSITIVE_INFINITY): Promise<Set<string>> {
    const ids = new Set<string>();
    await mapWithConcurrency([...new Set(partitions)], 16, async (partition) => {
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        if (ids.size > limit) return;
        const page = await this.#client.send(
          new QueryCommand({
            TableName: this.#tableName,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': partition },
            ProjectionExpression: 'watchId',
            ExclusiveStartKey,
          }),
        );
        for (const item of page.Items ?? []) ids.add(String(item.watchId));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
    });
    return ids;
  }

  async #watchesOf(ids: ReadonlySet<string>): Promise<Watch[]> {
    const items = await batchGetAll(this.#client, this.#tableName, [...ids].map(watchKey));
    return items
      .map((item) => parseStoredItem(storedWatchSchema, item))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async #listedIn(partitions: readonly string[]): Promise<Watch[]> {
    return this.#watchesOf(await this.#idsListedIn(partitions));
  }

  #targetPartitionsOf(target: { readonly states: readonly string[]; readonly groups: readonly string[] }): string[] {
    return [...target.states.map(statePartition), ...target.groups.map(groupPartition), ALL_PARTITION];
  }

  targeting(target: { readonly states: readonly string[]; readonly groups: readonly string[] }): Promise<Watch[]> {
    return this.#listedIn(this.#targetPartitionsOf(target));
  }

  async targetingAtMost(
    target: { readonly states: readonly string[]; readonly groups: readonly string[] },
    limit: number,
  ): Promise<Watch[] | 'more'> {
    const ids = await this.#idsListedIn(this.#targetPartitionsOf(target), limit);
    return ids.size > limit ? 'more' : this.#watchesOf(ids);
  }

  async inShard(shard: number): Promise<Watch[]> {
    const items = await queryAll(this.#client, {
      TableName: this.#tableName,
      IndexName: 'GSI3',
      KeyConditionExpression: 'GSI3PK = :pk',
      ExpressionAttributeValues: { ':pk': shardPartition(shard) },
    });
    return items.map((item) => parseStoredItem(storedWatchSchema, item));
  }

  getMany(ids: readonly string[]): Promise<Watch[]> {
    return this.#watchesOf(new Set(ids));
  }

  listRepeating(): Promise<Watch[]> {
    return this.#listedIn([REPEATING_PARTITION]);
  }

  async feedKeyOf(watchId: string): Promise<StoredFeedKey | undefined> {
    const { Item } = await this.#client.send(new GetCommand({ TableName: this.#tableName, Key: feedKeyKey(watchId) }));
    return Item ? parseStoredItem(storedFeedKeySchema, Item) : undefined;
  }

  /** Overwrites the key before it, on condition that the watch is still there: a deleted watch leaves no key behind. */
  async replaceFeedKey(key: StoredFeedKey): Promise<void> {
    const items: TransactItem[] = [
      {
        ConditionCheck: {
          TableName: this.#tableName,
          Key: watchKey(key.watchId),
          ConditionExpression: 'attribute_exists(PK)',
        },
      },
      { Put: { TableName: this.#tableName, Item: { ...feedKeyKey(key.watchId), itemType: 'watch-feed-key', ...key } } },
    ];
    await this.#transact(items, () => notFound('watch-not-found', `No watch "${key.watchId}"`, 'id'));
  }
}
