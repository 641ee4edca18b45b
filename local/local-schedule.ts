import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { localLambdaContext } from './lambda-context.ts';

type ScheduledHandler<Result> = (
  event: ScheduledEvent,
  context: ReturnType<typeof localLambdaContext>,
) => Promise<Result>;

/** The EventBridge scheduled event the checker receives in AWS, for the instant `time`. */
export const scheduledEvent = (time: Date): ScheduledEvent => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '000000000000',
  time: time.toISOString(),
  region: 'local',
  resources: ['arn:aws:events:local:000000000000:rule/sanctions-watch-schedule'],
  detail: {},
});

/**
 * EventBridge's part, locally: invokes a scheduled handler (the deadline check, the delivery job)
 * now and then every `intervalMs`, one run at a time. A failed run is reported and the next one
 * still happens.
 */
export const startLocalSchedule = async <Result>(options: {
  readonly handler: ScheduledHandler<Result>;
  readonly functionName: string;
  readonly intervalMs: number;
  readonly now: () => Date;
  readonly onRun: (outcome: { readonly at: Date; readonly result?: Result; readonly error?: unknown }) => void;
}): Promise<{ stop(): Promise<void> }> => {
  const { handler } = options;
  let running: Promise<void> = Promise.resolve();
  const runOnce = () => {
    running = running.then(async () => {
      const at = options.now();
      try {
        const result = await handler(scheduledEvent(at), localLambdaContext(options.functionName, 60_000));
        options.onRun({ at, result });
      } catch (error) {
        options.onRun({ at, error });
      }
    });
    return running;
  };
  await runOnce();
  const timer = setInterval(() => void runOnce(), options.intervalMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
};
