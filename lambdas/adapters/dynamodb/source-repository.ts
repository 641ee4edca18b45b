import { randomUUID } from 'node:crypto';
import { type AttributeValue, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { conflict, DomainError } from '../../core/errors.ts';
import type { FeedPosition, SourceStore } from '../../core/ports/source-store.ts';
import { parseDocumentSymbol } from '../../core/sources/document-symbol.ts';
import {
  type ProposalClaim,
  type ProposalDecision,
  type ProposalStatus,
  proposalIdOf,
  proposalStatuses,
  type SourceFeed,
  type StoredProposal,
  type StoredSourceDocument,
  sourceFeeds,
  symbolOfProposalId,
} from '../../core/sources/stored-proposal.ts';
import { putIfAbsent } from './put-if-absent.ts';
import { parseStoredItem } from './stored-item.ts';

/*
 * A document and its amendments share the original's partition, `SOURCE#<original symbol>`, each
 * under `DOC#<its symbol>`: the conditional write of that key is what stores a symbol once. Report
 * proposals are on GSI1 by status (`PROPOSALS#<status>` / `<foundAt>#<id>`), so each status lists
 * oldest first. A feed's watermark is `SOURCES` / `WATERMARK#<feed>`. A reviewer's hold on a
 * pending proposal is its `claim` (token, by, until), removed when the proposal is decided.
 */
const documentKey = (symbol: string) => ({
  PK: `SOURCE#${parseDocumentSymbol(symbol).original}`,
  SK: `DOC#${symbol}`,
});
/** No one holds the proposal as of `:now`: never held, let go of, or the hold ran out. */
const unheld = '(attribute_not_exists(#claim) OR #claim.#until <= :now)';
const byStatus = (status: ProposalStatus) => `PROPOSALS#${status}`;
const listKey = (document: Pick<StoredSourceDocument, 'foundAt' | 'id'>) => `${document.foundAt}#${document.id}`;

const storedSchema = z.looseObject({
  id: z.string(),
  feed: z.enum(sourceFeeds),
  foundAt: z.string(),
  proposal: z.looseObject({ kind: z.enum(['report', 'amendment']) }),
  status: z.optional(z.enum(proposalStatuses)),
  amendments: z.optional(z.array(z.string())),
  decision: z.optional(z.looseObject({ by: z.string(), at: z.string() })),
});

/** An item as the domain reads it: the amendments' set as a sorted list, the keys left off. */
const fromItem = (item: Record<string, unknown>): StoredSourceDocument => {
  const { amendments } = item;
  // A hold is the review's own business: no reader of a proposal sees it.
  const fields = Object.fromEntries(Object.entries(item).filter(([name]) => name !== 'claim'));
  const parsed = parseStoredItem(storedSchema, {
    ...fields,
    amendments: amendments instanceof Set ? [...(amendments as Set<string>)].sort() : undefined,
  });
  // The proposal was checked on its way in (proposalFor over a parsed SourceDocument); only its kind is read back here.
  return parsed as unknown as StoredSourceDocument;
};

/**
 * Why a conditional write on a proposal failed, from the item as it was: decided (or never a
 * proposal), held by someone else, or no longer held by the caller.
 */
const refusal = (symbol: string, old: Record<string, AttributeValue> | undefined): DomainError => {
  if (old?.status?.S !== 'pending') {
    return conflict('proposal-decided', `The proposal for ${symbol} is no longer pending: it was decided before`);
  }
  const holder = old.claim?.M;
  if (!holder) {
    return conflict('proposal-hold-lost', `The hold on the proposal for ${symbol} ran out before it was accepted`);
  }
  return conflict(
    'proposal-being-reviewed',
    `${holder.by?.S ?? 'Another reviewer'} is accepting the proposal for ${symbol}; ask again after ${holder.until?.S ?? 'a while'}`,
  );
};

const isProposal = (document: StoredSourceDocument | undefined): document is StoredProposal =>
  document?.proposal.kind === 'report' && document.status !== undefined;

export class DynamoSourceStore implements SourceStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  async store(
    document: Omit<StoredSourceDocument, 'id' | 'status' | 'amendments' | 'decision'>,
  ): Promise<'stored' | 'exists'> {
    const { symbol } = document.proposal.document;
    const id = proposalIdOf(symbol);
    const key = documentKey(symbol);
    if (document.proposal.kind === 'amendment') {
      const stored = await putIfAbsent(this.#client, this.#tableName, {
        ...key,
        itemType: 'source-document',
        id,
        ...document,
      });
      if (stored) await this.#listAmendment(document.proposal.amends, symbol);
      return stored ? 'stored' : 'exists';
    }
    // An update, not a put: an amendment found first may have left the original's item with only
    // its `amendments`, which the original's fields now join.
    const status: ProposalStatus = 'pending';
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: key,
          UpdateExpression:
            'SET itemType = :itemType, id = :id, feed = :feed, foundAt = :foundAt, proposal = :proposal, #status = :status, GSI1PK = :gsi1pk, GSI1SK = :gsi1sk',
          ConditionExpression: 'attribute_not_exists(proposal)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':itemType': 'source-document',
            ':id': id,
            ':feed': document.feed,
            ':foundAt': document.foundAt,
            ':proposal': document.proposal,
            ':status': status,
            ':gsi1pk': byStatus(status),
            ':gsi1sk': listKey({ foundAt: document.foundAt, id }),
          },
        }),
      );
      return 'stored';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'exists';
      throw error;
    }
  }

  /** ADD to a set: the same amendment listed twice (a re-run) is still listed once. */
  async #listAmendment(original: string, amendment: string): Promise<void> {
    await this.#client.send(
      new UpdateCommand({
        TableName: this.#tableName,
        Key: documentKey(original),
        UpdateExpression: 'SET itemType = :itemType ADD amendments :amendment',
        ExpressionAttributeValues: { ':itemType': 'source-document', ':amendment': new Set([amendment]) },
      }),
    );
  }

  async getProposal(id: string): Promise<StoredProposal | undefined> {
    const symbol = symbolOfProposalId(id);
    if (symbol === undefined) return undefined;
    const { Item } = await this.#client.send(
      new GetCommand({ TableName: this.#tableName, Key: documentKey(symbol), ConsistentRead: true }),
    );
    const document = Item && Item.proposal !== undefined ? fromItem(Item) : undefined;
    return isProposal(document) ? document : undefined;
  }

  async listProposals(query: {
    readonly status: ProposalStatus;
    readonly limit: number;
    readonly after?: string;
  }): Promise<{ readonly proposals: StoredProposal[]; readonly next?: string }> {
    const page = await this.#client.send(
      new QueryCommand({
        TableName: this.#tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: `GSI1PK = :pk${query.after ? ' AND GSI1SK > :after' : ''}`,
        ExpressionAttributeValues: { ':pk': byStatus(query.status), ...(query.after ? { ':after': query.after } : {}) },
        Limit: query.limit,
      }),
    );
    const proposals = (page.Items ?? []).map(fromItem).filter(isProposal);
    const last = proposals.at(-1);
    return { proposals, ...(page.LastEvaluatedKey && last ? { next: listKey(last) } : {}) };
  }

  async claim(id: string, by: string, now: Date, seconds: number): Promise<ProposalClaim> {
    const claim = { token: randomUUID(), by, until: new Date(now.getTime() + seconds * 1000).toISOString() };
    await this.#updatePending(id, {
      UpdateExpression: 'SET #claim = :claim',
      ConditionExpression: `#status = :pending AND ${unheld}`,
      ExpressionAttributeNames: { '#claim': 'claim', '#until': 'until' },
      ExpressionAttributeValues: { ':claim': claim, ':now': now.toISOString() },
    });
    return claim;
  }

  async release(id: string, claim: ProposalClaim): Promise<void> {
    try {
      await this.#updatePending(id, {
        UpdateExpression: 'REMOVE #claim',
        ConditionExpression: '#status = :pending AND #claim.#token = :token',
        ExpressionAttributeNames: { '#claim': 'claim', '#token': 'token' },
        ExpressionAttributeValues: { ':token': claim.token },
      });
    } catch (error) {
      // Held no longer (it ran out and was taken, or the proposal was decided since): nothing to let go of.
      if (!(error instanceof DomainError)) throw error;
    }
  }

  decide(id: string, status: 'accepted', decision: ProposalDecision, claim: ProposalClaim): Promise<void>;
  decide(id: string, status: 'rejected', decision: ProposalDecision, now: Date): Promise<void>;
  async decide(
    id: string,
    status: Exclude<ProposalStatus, 'pending'>,
    decision: ProposalDecision,
    holdOrNow: ProposalClaim | Date,
  ): Promise<void> {
    // Accepting needs the caller's own hold; rejecting needs no one to hold it.
    const held: { condition: string; names: Record<string, string>; values: Record<string, unknown> } =
      holdOrNow instanceof Date
        ? { condition: unheld, names: { '#until': 'until' }, values: { ':now': holdOrNow.toISOString() } }
        : { condition: '#claim.#token = :token', names: { '#token': 'token' }, values: { ':token': holdOrNow.token } };
    await this.#updatePending(id, {
      UpdateExpression: 'SET #status = :status, decision = :decision, GSI1PK = :gsi1pk REMOVE #claim',
      ConditionExpression: `#status = :pending AND ${held.condition}`,
      ExpressionAttributeNames: { '#claim': 'claim', ...held.names },
      ExpressionAttributeValues: {
        ':status': status,
        ':decision': decision,
        ':gsi1pk': byStatus(status),
        ...held.values,
      },
    });
  }

  /** An update of a proposal that must be pending (`:pending`, `#status` are supplied); a failed condition is its `refusal`. */
  async #updatePending(
    id: string,
    update: {
      readonly UpdateExpression: string;
      readonly ConditionExpression: string;
      readonly ExpressionAttributeNames: Record<string, string>;
      readonly ExpressionAttributeValues: Record<string, unknown>;
    },
  ): Promise<void> {
    const symbol = symbolOfProposalId(id);
    if (symbol === undefined) throw conflict('proposal-decided', `Proposal ${id} is not pending`);
    const pending: ProposalStatus = 'pending';
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: documentKey(symbol),
          ...update,
          ExpressionAttributeNames: { '#status': 'status', ...update.ExpressionAttributeNames },
          ExpressionAttributeValues: { ':pending': pending, ...update.ExpressionAttributeValues },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw refusal(symbol, error.Item);
      throw error;
    }
  }

  async watermark(feed: SourceFeed): Promise<FeedPosition | undefined> {
    const { Item } = await this.#client.send(
      new GetCommand({
        TableName: this.#tableName,
        Key: { PK: 'SOURCES', SK: `WATERMARK#${feed}` },
        ConsistentRead: true,
      }),
    );
    const position: unknown = Item?.position;
    return typeof position === 'string' || typeof position === 'number' ? position : undefined;
  }

  async advanceWatermark(feed: SourceFeed, position: FeedPosition): Promise<void> {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: { PK: 'SOURCES', SK: `WATERMARK#${feed}` },
          UpdateExpression: 'SET itemType = :itemType, #position = :position',
          ConditionExpression: 'attribute_not_exists(#position) OR #position < :position',
          ExpressionAttributeNames: { '#position': 'position' },
          ExpressionAttributeValues: { ':itemType': 'source-watermark', ':position': position },
        }),
      );
    } catch (error) {
      // A concurrent run got further: the watermark is already past this position.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
