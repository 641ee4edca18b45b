import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.ts';
import { type Delivery, groupDeliveries } from '../../lambdas/core/delivery/group-deliveries.ts';
import { outgoingMessage } from '../../lambdas/core/delivery/outgoing-message.ts';
import type { Figure, FigureAmount } from '../../lambdas/core/figures/figure.ts';
import type { OutgoingMessage } from '../../lambdas/core/ports/notifier.ts';
import { matchEvents } from '../../lambdas/core/watches/match-events.ts';
import type { Watch } from '../../lambdas/core/watches/watch.ts';
import { figure, figureChanged, groupIdsOfState, watch } from '../support/watch-fixtures.ts';

const manageUrl = 'https://sanctions-watch.example.org/watches';
const onRussiaBySms = watch({ id: 'ru-sms', channel: { sms: '+447700900123' }, events: ['figure.changed'] });
const onRussiaByEmail = watch({ id: 'ru-email', events: ['figure.changed'] });

const midtermReport = {
  kind: 'un-report',
  ref: '1718 Committee midterm report',
  url: 'https://www.un.org/securitycouncil/sanctions/1718/implementation-reports',
} as const;

/** Russia's valid work permits as of a day, recorded at an instant (its write to the table). */
const permits = (amount: FigureAmount, asOf: string, recordedAt: string): Figure =>
  figure('RU', 'work-permits.valid', amount, asOf, { unit: 'permits', source: midtermReport, recordedAt });

const only = <T>(list: readonly T[]): T => {
  if (list.length !== 1 || list[0] === undefined) throw new Error(`expected one, got ${list.length}`);
  return list[0];
};

/** The one message the watch's contact gets for these events, as they arrived. */
const messageFor = (events: readonly AlertEvent[], on: Watch): OutgoingMessage =>
  outgoingMessage(only(groupDeliveries(matchEvents(events, [on], groupIdsOfState))), manageUrl);

/** The same delivery with its events in the given order, as a hand-built or merged delivery might hold them. */
const reordered = (delivery: Delivery, order: readonly AlertEvent[]): Delivery => ({
  ...delivery,
  events: order.map((event) => only(delivery.events.filter((delivered) => delivered.event.id === event.id))),
});

const bothOrders = (events: readonly [AlertEvent, AlertEvent]): [AlertEvent, AlertEvent][] => [
  [events[0], events[1]],
  [events[1], events[0]],
];

/**
 * Russia's figures in one grouping window: the first figure, 30,023 as of 2017-12-31, then 11,490
 * as of 2018-12-31, written five seconds apart. One run once told only the older value.
 */
const endOf2017 = permits({ value: 30_023 }, '2017-12-31', '2019-03-25T10:00:00.000Z');
const endOf2018 = permits({ value: 11_490 }, '2018-12-31', '2019-03-25T10:00:05.000Z');
const russiaStory: [AlertEvent, AlertEvent] = [
  figureChanged(undefined, endOf2017),
  figureChanged(endOf2017, endOf2018),
];

const RUSSIA_SMS =
  'Russia valid work permits 30,023->11,490 (-61.7%) as of 2018-12-31. UN report: 1718 Committee midterm report. sanctions-watch';

describe('two writes of Russia’s work permits in one window', () => {
  it.each(bothOrders(russiaStory))('the SMS tells the drop to 11,490 (%#), and covers both events', (...events) => {
    const message = messageFor(events, onRussiaBySms);

    expect(message.sms).toBe(RUSSIA_SMS);
    expect([...message.eventIds].sort()).toEqual(russiaStory.map(({ id }) => id).sort());
  });

  it('the SMS is the same whatever order the delivery holds the events in', () => {
    const delivery = only(groupDeliveries(matchEvents(russiaStory, [onRussiaBySms], groupIdsOfState)));

    for (const order of bothOrders(russiaStory))
      expect(outgoingMessage(reordered(delivery, order), manageUrl).sms).toBe(RUSSIA_SMS);
  });

  it('the email says the same net change, in its subject and its body', () => {
    const delivery = only(groupDeliveries(matchEvents(russiaStory, [onRussiaByEmail], groupIdsOfState)));

    for (const order of bothOrders(russiaStory)) {
      const email = outgoingMessage(reordered(delivery, order), manageUrl).email;

      expect(email?.subject).toBe('Russia: valid work permits 30,023->11,490 (-61.7%)');
      expect(email?.body.split('\n').slice(0, 4)).toEqual([
        'Figure changed: valid work permits',
        '- Russia (RU): 30,023 → 11,490 permits (−18,533, −61.7%) as of 31 December 2018; previous figure as of 31 December 2017.',
        '  Source: UN report, 1718 Committee midterm report, https://www.un.org/securitycouncil/sanctions/1718/implementation-reports',
        '',
      ]);
    }
  });
});

describe('several changes of one state’s metric', () => {
  const endOf2016 = permits({ value: 25_000 }, '2016-12-31', '2018-01-10T09:00:00.000Z');
  const rising = figureChanged(endOf2016, endOf2017);
  const falling = figureChanged(endOf2017, endOf2018);

  it('are told as the net change from the figure before them, naming the one in between in the email', () => {
    for (const order of bothOrders([rising, falling])) {
      expect(messageFor(order, onRussiaBySms).sms).toBe(
        'Russia valid work permits 25,000->11,490 (-54%) as of 2018-12-31. UN report: 1718 Committee midterm report. sanctions-watch',
      );
      const email = messageFor(order, onRussiaByEmail).email;
      expect(email?.subject).toBe('Russia: valid work permits 25,000->11,490 (-54%)');
      expect(email?.body).toContain(
        '- Russia (RU): 25,000 → 11,490 permits (−13,510, −54%) as of 31 December 2018; previous figure as of 31 December 2016.\n' +
          `  Source: UN report, ${midtermReport.ref}, ${midtermReport.url}\n` +
          '  Figures in between: 30,023 permits as of 31 December 2017.',
      );
    }
  });

  it('a correction of the same day counts by when it was recorded', () => {
    const corrected = permits({ value: 30_100 }, '2017-12-31', '2019-03-26T08:00:00.000Z');
    const correction = figureChanged(endOf2017, corrected);

    for (const order of bothOrders([rising, correction])) {
      expect(messageFor(order, onRussiaBySms).sms).toMatch(
        /^Russia valid work permits 25,000->30,100 \(\+20\.4%\) as of 2017-12-31\. /,
      );
      expect(messageFor(order, onRussiaByEmail).email?.body).toContain(
        '  Figures in between: 30,023 permits as of 31 December 2017.',
      );
    }
  });

  it('a figure that came back to where it was says so', () => {
    const wide = { low: 50_000, high: 80_000 };
    const before = permits(wide, '2017-12-31', '2018-01-10T09:00:00.000Z');
    const narrower = permits({ low: 40_000, high: 80_000 }, '2018-12-31', '2019-01-10T09:00:00.000Z');
    const back = permits(wide, '2019-12-31', '2020-01-10T09:00:00.000Z');

    expect(messageFor([figureChanged(narrower, back), figureChanged(before, narrower)], onRussiaBySms).sms).toMatch(
      /^Russia valid work permits 50,000-80,000->50,000-80,000 \(unchanged\) as of 2019-12-31\. /,
    );
  });

  it('other states of the same metric keep their own line', () => {
    const china = figureChanged(
      undefined,
      figure('CN', 'work-permits.valid', { value: 1_000 }, '2018-12-31', { unit: 'permits' }),
    );
    const onBoth = watch({ id: 'both', target: { states: ['RU', 'CN'] }, events: ['figure.changed'] });

    const body = messageFor([falling, china, rising], onBoth).email?.body.split('\n') ?? [];

    expect(body.filter((line) => line.startsWith('- ') || line.startsWith('Figure'))).toEqual([
      'Figures changed: valid work permits',
      '- China (CN): 1,000 permits as of 31 December 2018, the first figure.',
      '- Russia (RU): 25,000 → 11,490 permits (−13,510, −54%) as of 31 December 2018; previous figure as of 31 December 2016.',
    ]);
  });
});
