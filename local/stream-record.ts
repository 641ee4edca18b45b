import type { _Record, AttributeValue } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord, AttributeValue as LambdaAttributeValue, StreamRecord } from 'aws-lambda';

type LambdaImage = Record<string, LambdaAttributeValue>;

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** The SDK decodes binary attributes to bytes; Lambda's JSON event carries them as base64. */
const toLambdaValue = (value: AttributeValue): LambdaAttributeValue => {
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.SS !== undefined) return { SS: value.SS };
  if (value.NS !== undefined) return { NS: value.NS };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  if (value.M !== undefined) return { M: toLambdaImage(value.M) };
  if (value.L !== undefined) return { L: value.L.map(toLambdaValue) };
  if (value.NULL !== undefined) return { NULL: value.NULL };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  throw new Error(`Unknown DynamoDB attribute type ${Object.keys(value).join(', ')}`);
};

const toLambdaImage = (image: Record<string, AttributeValue>): LambdaImage =>
  Object.fromEntries(Object.entries(image).map(([name, value]) => [name, toLambdaValue(value)]));

/** Lambda's event is JSON: absent fields are missing, not present with `undefined`. */
const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;

/**
 * A stream record as Lambda hands it to the function. The SDK parses ApproximateCreationDateTime
 * (epoch seconds on the wire) into a Date; Lambda passes the number through, so it is turned back.
 * userIdentity (TTL deletions) is renamed to Lambda's lower-case keys.
 */
export const toLambdaRecord = (record: _Record, eventSourceARN: string): DynamoDBRecord => {
  const stream = record.dynamodb;
  const dynamodb: StreamRecord | undefined =
    stream &&
    withoutUndefined({
      ApproximateCreationDateTime:
        stream.ApproximateCreationDateTime && stream.ApproximateCreationDateTime.getTime() / 1000,
      Keys: stream.Keys && toLambdaImage(stream.Keys),
      NewImage: stream.NewImage && toLambdaImage(stream.NewImage),
      OldImage: stream.OldImage && toLambdaImage(stream.OldImage),
      SequenceNumber: stream.SequenceNumber,
      SizeBytes: stream.SizeBytes,
      StreamViewType: stream.StreamViewType,
    });
  return withoutUndefined({
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: record.eventSource,
    awsRegion: record.awsRegion,
    dynamodb,
    eventSourceARN,
    userIdentity:
      record.userIdentity &&
      withoutUndefined({ type: record.userIdentity.Type, principalId: record.userIdentity.PrincipalId }),
  });
};
