import { afterEach, describe, expect, it, vi } from 'vitest';
import { type EmfDocument, EmfMetrics } from '../../lambdas/adapters/emf-metrics.ts';
import { JsonLogger } from '../../lambdas/adapters/logger.ts';

const AT = Date.parse('2019-03-23T06:00:00.000Z');

const recorder = () => {
  const documents: EmfDocument[] = [];
  return {
    documents,
    metrics: new EmfMetrics(
      (document) => void documents.push(document),
      () => AT,
    ),
  };
};
afterEach(() => vi.restoreAllMocks());

describe('embedded metric format metrics', () => {
  it('writes a counter as one document: namespace, its one dimension, the metric with its unit, and the value', () => {
    const { documents, metrics } = recorder();
    metrics.record('messagesSent', 'sms');

    expect(documents).toEqual([
      {
        _aws: {
          Timestamp: AT,
          CloudWatchMetrics: [
            {
              Namespace: 'SanctionsWatch',
              Dimensions: [['channel']],
              Metrics: [{ Name: 'MessagesSent', Unit: 'Count' }],
            },
          ],
        },
        channel: 'sms',
        MessagesSent: 1,
      },
    ]);
  });

  it('writes a timing in milliseconds, and a metric without a dimension with an empty dimension set', () => {
    const { documents, metrics } = recorder();
    metrics.record('streamToSendLatency', 'email', 4200);
    metrics.record('checkDuration', 812);

    expect(documents[0]).toMatchObject({
      _aws: {
        CloudWatchMetrics: [
          { Dimensions: [['channel']], Metrics: [{ Name: 'StreamToSendLatency', Unit: 'Milliseconds' }] },
        ],
      },
      channel: 'email',
      StreamToSendLatency: 4200,
    });
    expect(documents[1]).toEqual({
      _aws: {
        Timestamp: AT,
        CloudWatchMetrics: [
          { Namespace: 'SanctionsWatch', Dimensions: [[]], Metrics: [{ Name: 'CheckDuration', Unit: 'Milliseconds' }] },
        ],
      },
      CheckDuration: 812,
    });
  });

  it('never lets an address or a phone number become a dimension, whatever a caller casts', () => {
    const { documents, metrics } = recorder();
    const record = metrics.record.bind(metrics) as (metric: string, ...args: unknown[]) => void;
    record('messagesSent', 'ana@example.org');
    record('alertsEmitted', '+447700900123');

    expect(documents.map((document) => [document['channel'], document['type']])).toEqual([
      ['other', undefined],
      [undefined, 'other'],
    ]);
    expect(JSON.stringify(documents)).not.toMatch(/example\.org|7700900123/);
  });

  it("goes to the log through the logger, beside the request's keys, at any level but SILENT", () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const logger = new JsonLogger('sanctions-watch', 'WARN');
    logger.setRequestKeys({ requestId: 'r-1', function: 'send-sms-jobs' });
    new EmfMetrics(
      (document) => logger.metric(document),
      () => AT,
    ).record('messagesDeferred', 'sms');
    new JsonLogger('sanctions-watch', 'SILENT').metric({ hidden: true });

    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      requestId: 'r-1',
      function: 'send-sms-jobs',
      channel: 'sms',
      MessagesDeferred: 1,
    });
  });
});
