import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.ts';
import { smsMessage } from '../../lambdas/core/messages/sms-message.ts';
import { memberStates } from '../../lambdas/core/reference/member-states.ts';
import type { WatchTarget } from '../../lambdas/core/watches/watch.ts';
import {
  checkerEvents,
  figure,
  figureChanged,
  midtermReportReceived,
  onlyDelivery,
  report,
  watch,
} from '../support/watch-fixtures.ts';

const sms = (events: readonly AlertEvent[], target: WatchTarget): string =>
  smsMessage(onlyDelivery(events, [watch({ id: 'w', target, channel: { sms: '+447700900123' } })]));

const ofType = (events: readonly AlertEvent[], type: AlertEvent['type']) =>
  events.filter((event) => event.type === type);

const codes = () => memberStates().map((state) => state.alpha2);

describe('smsMessage: deadlines', () => {
  it('says who is yet to act on an action obligation', () => {
    const approaching = ofType(checkerEvents('2019-12-15T06:00:00.000Z'), 'deadline.approaching');

    expect(sms(approaching, { states: ['NG', 'CI'] })).toBe(
      'Repatriation of all DPRK nationals earning income abroad due 2019-12-22, in 7 days. 2 yet to act: CI, NG. sanctions-watch',
    );
  });

  it('names nobody when every state has reported before the deadline', () => {
    const everyoneReported = codes().map((code) => report(code, '2019-03-01'));
    const approaching = ofType(checkerEvents('2019-03-15T06:00:00.000Z', everyoneReported), 'deadline.approaching');

    expect(sms(approaching, { all: true })).toBe(
      'Midterm report on repatriated DPRK workers due 2019-03-22, in 7 days. sanctions-watch',
    );
  });

  it('says a passed deadline was met by all when no state has workers left', () => {
    const noneLeft = codes().map((code) => figure(code, 'workers.remaining', { value: 0 }, '2019-12-01'));
    const passed = ofType(checkerEvents('2019-12-23T06:00:00.000Z', [], noneLeft), 'deadline.passed');

    expect(sms(passed, { all: true })).toBe(
      'Deadline passed for Repatriation of all DPRK nationals earning income abroad (2019-12-22). Met by all. sanctions-watch',
    );
  });
});

describe('smsMessage: reports received', () => {
  it('says a report came on time, and gives no symbol the report has none of', () => {
    expect(sms([midtermReportReceived(report('NG', '2019-03-20'))], { states: ['NG'] })).toBe(
      'Nigeria reported on Midterm report on repatriated DPRK workers, on time. sanctions-watch',
    );
  });

  it('lists the states when several reported, without the details of any one', () => {
    const events = [
      midtermReportReceived(report('NG', '2019-06-10')),
      midtermReportReceived(report('CI', '2019-03-20', { symbol: 'S/AC.49/2019/1' })),
    ];

    expect(sms(events, { states: ['NG', 'CI'] })).toBe(
      '2 states reported on Midterm report on repatriated DPRK workers: CI, NG. sanctions-watch',
    );
  });
});

describe('smsMessage: figures', () => {
  it('names the kind of source alone when the figure has no reference', () => {
    const first = figureChanged(undefined, figure('NG', 'workers.remaining', { value: 511 }, '2019-12-01'));

    expect(sms([first], { states: ['NG'] })).toBe(
      'Nigeria remaining workers 511 as of 2019-12-01. UN report. sanctions-watch',
    );
  });
});
