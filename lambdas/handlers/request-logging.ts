import type { MiddlewareObj } from '@middy/core';
import { logger } from '../adapters/logger.ts';

let invocations = 0;

/** Tags every log line of an invocation with its request id and function, so one request's lines can be found together. */
export const requestLogging = (): MiddlewareObj => ({
  before: ({ context }) => {
    logger.setRequestKeys({
      requestId: context.awsRequestId,
      function: context.functionName,
      coldStart: invocations++ === 0,
    });
  },
});
