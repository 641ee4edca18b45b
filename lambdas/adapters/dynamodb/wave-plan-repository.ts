import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import type { WaveClaim, WavePart, WavePlans } from '../../core/ports/delivery-pipeline.ts';

/** Long past any redelivery of a wave's announcement. */
const KEEP_SECONDS = 30 * 86_400;

const planKey = (waveId: string) => ({ PK: `WAVE#${waveId}`, SK: 'PLAN' });

const storedPlanSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    parts: z.optional(z.number()),
    planned: z.optional(z.custom<Set<string>>((value) => value instanceof Set)),
    open: z.optional(z.object({ index: z.number(), eventIds: z.array(z.string()), leaseUntil: z.number() })),
  }),
);

/**
 * `WAVE#<id>` / `PLAN`: how many parts the wave has had, the ids of the events planned (a string
 * set), and the part being planned with its planner's lease. Every change is conditional on what
 * was read, so two planners of one wave never both open a part.
 */
export class DynamoWavePlans implements WavePlans {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  async claim(waveId: string, eventIds: readonly string[], now: Date, leaseUntil: Date): Promise<WaveClaim> {
    const { Item } = await this.#client.send(
      new GetCommand({ TableName: this.#tableName, Key: planKey(waveId), ConsistentRead: true }),
    );
    const plan = storedPlanSchema.parse(Item ?? {});
    if (plan.open) {
      if (plan.open.leaseUntil > now.getTime()) return { status: 'busy' };
      const taken = await this.#update({
        Key: planKey(waveId),
        UpdateExpression: 'SET #open.leaseUntil = :lease',
        ConditionExpression: '#open.#index = :index AND #open.leaseUntil = :seen',
        ExpressionAttributeNames: { '#open': 'open', '#index': 'index' },
        ExpressionAttributeValues: {
          ':lease': leaseUntil.getTime(),
          ':index': plan.open.index,
          ':seen': plan.open.leaseUntil,
        },
      });
      return taken
        ? { status: 'claimed', part: { index: plan.open.index, eventIds: plan.open.eventIds } }
        : { status: 'busy' };
    }
    const planned = plan.planned ?? new Set<string>();
    const unplanned = [...new Set(eventIds)].filter((id) => !planned.has(id)).sort();
    if (unplanned.length === 0) return { status: 'done' };
    const index = plan.parts ?? 0;
    const opened = await this.#update({
      Key: planKey(waveId),
      UpdateExpression: 'SET #open = :open, parts = :next, itemType = :itemType, expiresAt = :expiresAt',
      ConditionExpression: 'attribute_not_exists(#open) AND (attribute_not_exists(parts) OR parts = :index)',
      ExpressionAttributeNames: { '#open': 'open' },
      ExpressionAttributeValues: {
        ':open': { index, eventIds: unplanned, leaseUntil: leaseUntil.getTime() },
        ':next': index + 1,
        ':index': index,
        ':itemType': 'wave-plan',
        ':expiresAt': Math.floor(now.getTime() / 1000) + KEEP_SECONDS,
      },
    });
    return opened ? { status: 'claimed', part: { index, eventIds: unplanned } } : { status: 'busy' };
  }

  async complete(waveId: string, part: WavePart): Promise<void> {
    // A planner that lost its lease finds the part completed or re-leased: the taker completes it.
    await this.#update({
      Key: planKey(waveId),
      UpdateExpression: 'REMOVE #open ADD planned :ids',
      ConditionExpression: '#open.#index = :index',
      ExpressionAttributeNames: { '#open': 'open', '#index': 'index' },
      ExpressionAttributeValues: { ':ids': new Set(part.eventIds), ':index': part.index },
    });
  }

  /** Says whether the condition held. */
  async #update(input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName'>): Promise<boolean> {
    try {
      await this.#client.send(new UpdateCommand({ TableName: this.#tableName, ...input }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
