import { createServer } from 'node:http';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';

/** Stands in for CloudFormation's pre-signed S3 URL and records what the function PUTs there. */
export const startResponseReceiver = async () => {
  const received: { method: string; body: Record<string, unknown> }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ method: request.method ?? '', body: JSON.parse(body) as Record<string, unknown> });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/response`, received, close: () => new Promise((done) => server.close(done)) };
};

/** Which custom resource an event is for. */
export interface CustomResourceNames {
  readonly logicalId: string;
  readonly type: string;
  readonly physicalId: string;
}

const referenceDataSeed: CustomResourceNames = {
  logicalId: 'ReferenceDataSeed',
  type: 'Custom::ReferenceDataSeed',
  physicalId: 'sanctions-watch-reference-data',
};

/** What CloudFormation sends a custom resource's function (the reference-data seed's, unless told). */
export const cloudFormationEvent = (
  requestType: 'Create' | 'Update' | 'Delete',
  responseUrl: string,
  resource: CustomResourceNames = referenceDataSeed,
): CloudFormationCustomResourceEvent =>
  ({
    RequestType: requestType,
    ServiceToken: 'arn:aws:lambda:eu-west-1:000000000000:function:seed',
    ResponseURL: responseUrl,
    StackId: 'arn:aws:cloudformation:eu-west-1:000000000000:stack/SanctionsWatch/1',
    RequestId: `request-${requestType}`,
    LogicalResourceId: resource.logicalId,
    ResourceType: resource.type,
    ResourceProperties: { ServiceToken: 'arn:aws:lambda:eu-west-1:000000000000:function:seed', seedVersion: 'v1' },
    ...(requestType === 'Create' ? {} : { PhysicalResourceId: resource.physicalId, OldResourceProperties: {} }),
  }) as CloudFormationCustomResourceEvent;
