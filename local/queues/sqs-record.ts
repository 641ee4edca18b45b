import type { Message, MessageAttributeValue } from '@aws-sdk/client-sqs';
import type { SQSMessageAttribute, SQSRecord, SQSRecordAttributes } from 'aws-lambda';

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** The SDK decodes binary values to bytes; Lambda's JSON event carries them as base64, with lower-case keys. */
const toLambdaAttribute = (value: MessageAttributeValue): SQSMessageAttribute => ({
  ...(value.StringValue === undefined ? {} : { stringValue: value.StringValue }),
  ...(value.BinaryValue === undefined ? {} : { binaryValue: base64(value.BinaryValue) }),
  stringListValues: value.StringListValues ?? [],
  binaryListValues: (value.BinaryListValues ?? []).map(base64),
  dataType: value.DataType ?? 'String',
});

/** The system attributes Lambda passes on; SQS returns them all when asked for `All`. */
const toLambdaAttributes = (message: Message): SQSRecordAttributes => {
  const attributes = message.Attributes ?? {};
  const required = (
    name: 'ApproximateReceiveCount' | 'SentTimestamp' | 'SenderId' | 'ApproximateFirstReceiveTimestamp',
  ) => {
    const value = attributes[name];
    if (value === undefined) throw new Error(`Message ${message.MessageId} came without ${name}`);
    return value;
  };
  const optional = (name: 'AWSTraceHeader' | 'SequenceNumber' | 'MessageGroupId' | 'MessageDeduplicationId') => {
    const value = attributes[name];
    return value === undefined ? {} : { [name]: value };
  };
  return {
    ApproximateReceiveCount: required('ApproximateReceiveCount'),
    SentTimestamp: required('SentTimestamp'),
    SenderId: required('SenderId'),
    ApproximateFirstReceiveTimestamp: required('ApproximateFirstReceiveTimestamp'),
    ...optional('AWSTraceHeader'),
    ...optional('SequenceNumber'),
    ...optional('MessageGroupId'),
    ...optional('MessageDeduplicationId'),
  };
};

/** A received message as Lambda's SQS event source mapping hands it to the function. */
export const toLambdaRecord = (
  message: Message,
  queue: { readonly arn: string; readonly region: string },
): SQSRecord => {
  const { MessageId, ReceiptHandle, Body, MD5OfBody } = message;
  if (MessageId === undefined || ReceiptHandle === undefined || Body === undefined || MD5OfBody === undefined) {
    throw new Error(`A received message lacks its id, receipt handle, body or digest: ${JSON.stringify(message)}`);
  }
  return {
    messageId: MessageId,
    receiptHandle: ReceiptHandle,
    body: Body,
    attributes: toLambdaAttributes(message),
    messageAttributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [name, toLambdaAttribute(value)]),
    ),
    md5OfBody: MD5OfBody,
    ...(message.MD5OfMessageAttributes === undefined ? {} : { md5OfMessageAttributes: message.MD5OfMessageAttributes }),
    eventSource: 'aws:sqs',
    eventSourceARN: queue.arn,
    awsRegion: queue.region,
  };
};
