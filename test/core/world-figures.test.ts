import { describe, expect, it } from 'vitest';
import { WORLD } from '../../lambdas/contracts/world.ts';
import { groupDeliveries } from '../../lambdas/core/delivery/group-deliveries.ts';
import { emailMessage } from '../../lambdas/core/messages/email-message.ts';
import { smsMessage } from '../../lambdas/core/messages/sms-message.ts';
import { matchEvents } from '../../lambdas/core/watches/match-events.ts';
import { figure, figureChanged, groupIdsOfState, watch } from '../support/watch-fixtures.ts';

/** The Committee's count of repatriations from states' interim reports, December 2019 (China not included). */
const repatriatedWorldwide = () =>
  figureChanged(
    figure(WORLD, 'workers.repatriated', { value: 20_000 }, '2019-06-01'),
    figure(WORLD, 'workers.repatriated', { value: 23_245 }, '2019-12-01', {
      source: { kind: 'un-report', ref: "States' interim reports" },
    }),
  );

const onAll = watch({ id: 'all', target: { all: true }, events: ['figure.changed'] });
const onAfrica = watch({ id: 'africa', target: { groups: ['africa'] }, events: ['figure.changed'] });
const onRussia = watch({ id: 'ru', target: { states: ['RU'] }, events: ['figure.changed'] });

describe('a worldwide figure', () => {
  it('reaches watches on all states, and no watch on a state or a group', () => {
    const matches = matchEvents([repatriatedWorldwide()], [onAll, onAfrica, onRussia], groupIdsOfState);

    expect(matches.map((match) => match.watch.id)).toEqual(['all']);
    expect(repatriatedWorldwide()).toMatchObject({
      state: WORLD,
      dedupKey: 'figure.changed:world:workers.repatriated:2019-12-01:2019-12-01T00:00:00.000Z',
    });
  });

  it('reads as "Worldwide" in the email subject and body, and in the SMS', () => {
    const deliveryTo = (channel: (typeof onAll)['channel']) => {
      const [delivery] = groupDeliveries(
        matchEvents([repatriatedWorldwide()], [{ ...onAll, channel }], groupIdsOfState),
      );
      if (!delivery) throw new Error('expected a delivery');
      return delivery;
    };
    const email = emailMessage(deliveryTo({ email: 'ana@example.org' }), {
      manageUrl: 'https://api.example.org/watches/all',
    });
    const sms = smsMessage(deliveryTo({ sms: '+447700900123' }));

    expect(email.subject).toBe('Worldwide: repatriated workers 20,000->23,245 (+16.2%)');
    expect(email.body).toContain(
      '- Worldwide: 20,000 → 23,245 persons (+3,245, +16.2%) as of 1 December 2019; previous figure as of 1 June 2019.',
    );
    expect(sms).toMatch(/^Worldwide repatriated workers 20,000->23,245 \(\+16\.2%\) as of 2019-12-01\./);
  });
});
