import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.ts';
import { alertEventId } from '../../lambdas/core/alerts/alert-event-id.ts';
import { alertEventMessage } from '../../lambdas/core/alerts/alert-event-message.ts';
import { russiaWorkPermits } from '../support/watch-fixtures.ts';

const midtermPassed: AlertEvent = {
  id: 'mLr1fJ3hQ2o0c9VbX8s7Zw',
  type: 'deadline.passed',
  at: '2019-03-23T06:00:00.000Z',
  obligationId: '2397-p8-midterm',
  data: { title: 'Midterm report', dueDate: '2019-03-22', daysPassed: 1 },
  dedupKey: 'deadline.passed:2397-p8-midterm:2019-03-22',
};

describe('the machine-feed message of an alert event', () => {
  it("carries a figure change's public fields under version 1, and its state and metric as attributes", () => {
    expect(alertEventMessage(russiaWorkPermits)).toEqual({
      body: {
        version: 1,
        id: 't-G9AL5Sw73znxKNgZirwA',
        type: 'figure.changed',
        at: '2019-03-25T10:00:00.000Z',
        state: 'RU',
        metric: 'work-permits.valid',
        data: russiaWorkPermits.data,
      },
      attributes: { type: 'figure.changed', state: 'RU', metric: 'work-permits.valid' },
    });
  });

  it('keeps the dedup key inside: subscribers tell events apart by id', () => {
    expect(JSON.stringify(alertEventMessage(russiaWorkPermits))).not.toContain(russiaWorkPermits.dedupKey);
  });

  it('names the obligation of a passed deadline, and has no state or metric attribute it could not fill', () => {
    const message = alertEventMessage(midtermPassed);
    expect(message.attributes).toEqual({ type: 'deadline.passed', obligation: '2397-p8-midterm' });
    expect(message.body).toEqual({
      version: 1,
      id: midtermPassed.id,
      type: 'deadline.passed',
      at: '2019-03-23T06:00:00.000Z',
      obligationId: '2397-p8-midterm',
      data: midtermPassed.data,
    });
  });

  it('leaves out an attribute whose value is empty, which SNS would refuse', () => {
    expect(alertEventMessage({ ...midtermPassed, state: '' }).attributes).toEqual({
      type: 'deadline.passed',
      obligation: '2397-p8-midterm',
    });
  });

  it('has the world as the state of a worldwide figure', () => {
    expect(alertEventMessage({ ...russiaWorkPermits, state: 'world' }).attributes.state).toBe('world');
  });
});

describe('alert event ids', () => {
  it('are always valid PublishBatch entry ids: 22 base64url characters, whatever the dedup key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (dedupKey) => {
        expect(alertEventId(dedupKey)).toMatch(/^[A-Za-z0-9_-]{22}$/);
      }),
    );
  });
});
