import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.ts';
import { type Delivery, groupDeliveries } from '../../lambdas/core/delivery/group-deliveries.ts';
import { matchEvents } from '../../lambdas/core/watches/match-events.ts';
import type { Watch } from '../../lambdas/core/watches/watch.ts';
import {
  checkerEvents,
  dayAfterMidterm,
  groupIdsOfState,
  midtermReportReceived,
  report,
  russiaWorkPermits,
  watch,
} from '../support/watch-fixtures.ts';

const run = (events: readonly AlertEvent[], watches: readonly Watch[]): Delivery[] =>
  groupDeliveries(matchEvents(events, watches, groupIdsOfState));

const only = <T>(list: readonly T[]): T => {
  if (list.length !== 1 || list[0] === undefined) throw new Error(`expected one, got ${list.length}`);
  return list[0];
};

/** 15 March 2019: the midterm deadline approaches; Equatorial Guinea and Russia have reported. */
const weekBeforeMidterm = () =>
  checkerEvents('2019-03-15T06:00:00.000Z', [report('GQ', '2019-03-10'), report('RU', '2019-03-12')]);

const summary = (delivery: Delivery) =>
  delivery.events.map(({ event, states }) => `${event.type} ${event.state ?? states.join(',')}`);

describe('groupDeliveries', () => {
  it('one delivery per contact per run, however many of its watches and events matched', () => {
    const watches = [
      watch({ id: 'africa', target: { groups: ['africa'] }, events: ['report.overdue'] }),
      watch({ id: 'russia', target: { states: ['RU', 'NG'] }, channel: { email: 'Ana@Example.org' } }),
      watch({ id: 'gulf', target: { states: ['AE', 'QA', 'KW'] }, channel: { sms: '+97455123456' } }),
    ];

    const deliveries = run([...dayAfterMidterm(), russiaWorkPermits], watches);

    expect(deliveries.map(({ contact, channel, to, watchIds }) => ({ contact, channel, to, watchIds }))).toEqual([
      { contact: 'email:ana@example.org', channel: 'email', to: 'ana@example.org', watchIds: ['africa', 'russia'] },
      { contact: 'sms:+97455123456', channel: 'sms', to: '+97455123456', watchIds: ['gulf'] },
    ]);
    // 53 African states and Russia overdue (Nigeria only once, though both watches cover it), and Russia's figure.
    expect(deliveries[0]?.events).toHaveLength(55);
    expect(deliveries[1]?.events).toHaveLength(3);
  });

  it('merges the states two watches of a contact cover in one deadline event', () => {
    const watches = [
      watch({ id: 'africa', target: { groups: ['africa'] }, events: ['deadline.approaching'] }),
      watch({ id: 'asia', target: { states: ['CN', 'NG'] }, events: ['deadline.approaching'] }),
    ];

    const { events } = only(run(weekBeforeMidterm(), watches));

    const { states } = only(events);
    expect(states).toHaveLength(54);
    expect(states).toContain('CN');
    expect(new Set(states).size).toBe(54);
  });

  it('orders events by type (overdue, passed, approaching, received, figures) then state name', () => {
    const events = [
      russiaWorkPermits,
      midtermReportReceived(report('RU', '2019-03-20')),
      ...dayAfterMidterm().filter((event) => ['CI', 'KM', 'DJ', 'RU'].includes(event.state ?? '')),
      ...weekBeforeMidterm(),
    ];
    const watches = [watch({ id: 'w', target: { states: ['RU', 'CI', 'KM', 'DJ'] } })];

    const delivery = only(run(events, watches));

    expect(summary(delivery)).toEqual([
      'report.overdue KM',
      'report.overdue CI',
      'report.overdue DJ',
      'report.overdue RU',
      'deadline.approaching KM,CI,DJ',
      'report.received RU',
      'figure.changed RU',
    ]);
  });

  it('a resolving report reaches only watches that asked for resolutions or for received reports', () => {
    const lateNigeria = midtermReportReceived(report('NG', '2019-06-10'));
    const overdueWatch = (id: string, email: string, resolved: boolean) =>
      watch({
        id,
        target: { states: ['NG'] },
        events: ['report.overdue'],
        channel: { email },
        delivery: { mode: 'immediate', resolved },
      });
    const watches = [
      overdueWatch('wants-resolution', 'a@example.org', true),
      overdueWatch('overdue-only', 'b@example.org', false),
      watch({
        id: 'reports',
        target: { states: ['NG'] },
        events: ['report.received'],
        channel: { email: 'c@example.org' },
      }),
    ];

    expect(run([lateNigeria], watches).map(({ contact }) => contact)).toEqual([
      'email:a@example.org',
      'email:c@example.org',
    ]);
  });

  it('gives the same dedupKey to a retried run, whatever order the matches come in', () => {
    const watches = [watch({ id: 'africa', target: { groups: ['africa'] } }), watch({ id: 'russia' })];
    const events = [...dayAfterMidterm(), russiaWorkPermits];

    const first = only(run(events, watches));
    const retried = only(groupDeliveries(matchEvents([...events].reverse(), [...watches].reverse(), groupIdsOfState)));

    expect(retried.dedupKey).toBe(first.dedupKey);
    expect(retried).toEqual(first);
    expect(first.dedupKey).toMatch(/^delivery:[\w-]{43}$/);
    expect(first.dedupKey).not.toContain('ana');
  });

  it('gives another dedupKey to other events or another contact', () => {
    const russia = watch({ id: 'russia' });
    const key = (events: readonly AlertEvent[], watches: readonly Watch[]) => only(run(events, watches)).dedupKey;

    const base = key([russiaWorkPermits], [russia]);

    expect(key([russiaWorkPermits, ...dayAfterMidterm()], [russia])).not.toBe(base);
    expect(key([russiaWorkPermits], [watch({ id: 'russia', channel: { email: 'bo@example.org' } })])).not.toBe(base);
  });

  it('nothing matched, nothing to deliver', () => {
    expect(run([russiaWorkPermits], [watch({ id: 'w', target: { states: ['CN'] } })])).toEqual([]);
  });
});
