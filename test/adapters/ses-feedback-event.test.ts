import { describe, expect, it } from 'vitest';
import { emailFeedbackOf } from '../../lambdas/adapters/ses/ses-feedback-event.ts';
import { bounce, complaint, mail } from '../support/ses-events.ts';

describe('SES event records', () => {
  it('stop every recipient of a permanent bounce', () => {
    expect(emailFeedbackOf(bounce('Permanent', 'ana@example.org', 'bob@example.org'))).toEqual({
      eventType: 'Bounce',
      addresses: ['ana@example.org', 'bob@example.org'],
    });
  });

  it('stop no one for a transient or undetermined bounce', () => {
    expect(emailFeedbackOf(bounce('Transient', 'ana@example.org'))).toEqual({ eventType: 'Bounce', addresses: [] });
    expect(emailFeedbackOf(bounce('Undetermined', 'ana@example.org'))).toEqual({ eventType: 'Bounce', addresses: [] });
  });

  it('stop every complainant, with or without a feedback type, but not a not-spam report', () => {
    expect(emailFeedbackOf(complaint('abuse', 'ana@example.org'))?.addresses).toEqual(['ana@example.org']);
    expect(emailFeedbackOf(complaint(undefined, 'ana@example.org'))?.addresses).toEqual(['ana@example.org']);
    expect(emailFeedbackOf(complaint('not-spam', 'ana@example.org'))?.addresses).toEqual([]);
  });

  it('stop no one for an event of another type', () => {
    expect(emailFeedbackOf(JSON.stringify({ eventType: 'Delivery', mail, delivery: {} }))).toEqual({
      eventType: 'Delivery',
      addresses: [],
    });
  });

  it.each([
    ['not JSON', 'Bounce!'],
    ['JSON without an event type', JSON.stringify({ notificationKind: 'Bounce' })],
    ['a bounce without recipients', JSON.stringify({ eventType: 'Bounce', bounce: { bounceType: 'Permanent' } })],
    [
      'a complaint whose recipients are not addresses',
      JSON.stringify({ eventType: 'Complaint', complaint: { complainedRecipients: [{}] } }),
    ],
    ['SNS subscription confirmation text', 'You have chosen to subscribe to the topic'],
  ])('are not read from %s', (_, message) => {
    expect(emailFeedbackOf(message)).toBeUndefined();
  });
});
