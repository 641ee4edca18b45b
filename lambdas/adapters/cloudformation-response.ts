import type { CloudFormationCustomResourceEvent } from 'aws-lambda';

/**
 * Answers CloudFormation for a Lambda-backed custom resource: a PUT of the outcome to the
 * pre-signed ResponseURL. CloudFormation waits (up to an hour) until this arrives, so it must be
 * sent on failure too.
 */
export const sendCloudFormationResponse = async (
  event: CloudFormationCustomResourceEvent,
  outcome: {
    readonly status: 'SUCCESS' | 'FAILED';
    readonly reason: string;
    readonly physicalResourceId: string;
    readonly data?: Record<string, string>;
  },
): Promise<void> => {
  const body = JSON.stringify({
    Status: outcome.status,
    Reason: outcome.reason.slice(0, 1000),
    PhysicalResourceId: outcome.physicalResourceId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    Data: outcome.data ?? {},
  });
  const response = await fetch(event.ResponseURL, {
    method: 'PUT',
    // The pre-signed URL is signed for an empty content type.
    headers: { 'content-type': '', 'content-length': String(Buffer.byteLength(body)) },
    body,
  });
  if (!response.ok) throw new Error(`CloudFormation response was refused: HTTP ${response.status}`);
};
