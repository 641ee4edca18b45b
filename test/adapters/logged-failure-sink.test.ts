import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmfMetrics } from '../../lambdas/adapters/emf-metrics.ts';
import { LoggedFailureSink } from '../../lambdas/adapters/logged-failure-sink.ts';
import { JsonLogger } from '../../lambdas/adapters/logger.ts';
import type { DeliveryFailure } from '../../lambdas/core/delivery/delivery-records.ts';
import { captureStdoutLines } from '../support/stdout-lines.ts';

afterEach(() => vi.restoreAllMocks());

const failure: DeliveryFailure = {
  at: '2019-03-23T06:00:05.000Z',
  contactKey: 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6',
  channel: 'sms',
  kind: 'digest',
  watchIds: ['w-1'],
  eventIds: ['e-ng-overdue'],
  code: 'misconfigured',
  message: 'Publish for <address>: not authorized',
};

const sink = () => {
  const logger = new JsonLogger('sanctions-watch', 'INFO');
  return new LoggedFailureSink(
    logger,
    new EmfMetrics(
      (document) => logger.metric(document),
      () => Date.parse('2019-03-23T06:00:05Z'),
    ),
  );
};

describe('the logged failure sink (messages sent outside the pipeline)', () => {
  it('writes the failure with its context as an error line, and counts it in MessagesFailed for its channel', async () => {
    const lines = captureStdoutLines();

    await expect(sink().park(failure)).resolves.toBeUndefined();

    expect(lines).toEqual([
      expect.objectContaining({ level: 'ERROR', message: 'delivery failed for good', failure }),
      expect.objectContaining({
        _aws: expect.objectContaining({
          CloudWatchMetrics: [expect.objectContaining({ Metrics: [{ Name: 'MessagesFailed', Unit: 'Count' }] })],
        }),
        channel: 'sms',
        MessagesFailed: 1,
      }),
    ]);
  });

  it('is heard even when the function logs only errors, as the metric is', async () => {
    const lines = captureStdoutLines();
    const logger = new JsonLogger('sanctions-watch', 'ERROR');

    await new LoggedFailureSink(logger, new EmfMetrics((document) => logger.metric(document), Date.now)).park(failure);

    expect(lines.map((line) => line['message'] ?? 'metric')).toEqual(['delivery failed for good', 'metric']);
  });
});
