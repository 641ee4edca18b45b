import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type * as z from 'zod/mini';

/** A record whose images cannot be read as the item they claim to be: it must fail, not vanish. */
export class PoisonRecordError extends Error {
  override readonly name = 'PoisonRecordError';
}

type StreamImage = NonNullable<NonNullable<DynamoDBRecord['dynamodb']>['NewImage']>;

// aws-lambda's AttributeValue and the SDK's differ only in how binary values are typed; stream images carry none here.
export const plain = (image: StreamImage | undefined): Record<string, unknown> | undefined =>
  image === undefined ? undefined : unmarshall(image as Record<string, AttributeValue>);

export const parse = <T>(schema: z.ZodMiniType<T>, item: Record<string, unknown>, what: string): T => {
  const parsed = schema.safeParse(item);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new PoisonRecordError(
    `${what} image is malformed at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
  );
};
