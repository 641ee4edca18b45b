import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { sendCloudFormationResponse } from '../adapters/cloudformation-response.ts';
import { logger } from '../adapters/logger.ts';

/** What a resource's work tells CloudFormation: its reason and the attributes `Fn::GetAtt` reads. */
export interface CustomResourceOutcome {
  readonly reason: string;
  readonly data?: Record<string, string>;
}

/**
 * A custom resource whose handler replies to CloudFormation itself (no Provider framework): it
 * does its work on Create and Update, keeps the data on Delete (the table is retained too).
 */
export interface DataCustomResource {
  readonly physicalResourceId: string;
  /** What the work is, for the log and the reason of a failure: `seeding reference data`. */
  readonly what: string;
  /**
   * Does the work. `later`: another invocation was handed the event and will answer
   * CloudFormation, which keeps waiting (up to the resource's service timeout) until one does.
   */
  readonly apply: (event: CloudFormationCustomResourceEvent) => Promise<CustomResourceOutcome | 'later'>;
}

/** Answers CloudFormation for one event, on failure too: an event left unanswered holds the stack for an hour. */
export const answerCustomResource = async (
  event: CloudFormationCustomResourceEvent,
  resource: DataCustomResource,
): Promise<void> => {
  try {
    if (event.RequestType === 'Delete') {
      await sendCloudFormationResponse(event, {
        status: 'SUCCESS',
        reason: 'Data kept',
        physicalResourceId: event.PhysicalResourceId,
      });
      return;
    }
    const outcome = await resource.apply(event);
    if (outcome === 'later') return;
    await sendCloudFormationResponse(event, {
      status: 'SUCCESS',
      reason: outcome.reason,
      physicalResourceId: resource.physicalResourceId,
      ...(outcome.data === undefined ? {} : { data: outcome.data }),
    });
  } catch (error) {
    logger.error(`${resource.what} failed`, { requestType: event.RequestType, error });
    await sendCloudFormationResponse(event, {
      status: 'FAILED',
      reason: error instanceof Error ? error.message : `${resource.what} failed`,
      physicalResourceId: event.RequestType === 'Create' ? resource.physicalResourceId : event.PhysicalResourceId,
    });
  }
};

/** The handler of a custom resource CloudFormation invokes directly. */
export const customResourceHandler =
  (resource: (context: Context) => DataCustomResource) =>
  async (event: CloudFormationCustomResourceEvent, context: Context): Promise<void> => {
    logger.setRequestKeys({ requestId: context.awsRequestId, function: context.functionName });
    await answerCustomResource(event, resource(context));
  };
