import { describe, expect, it } from 'vitest';
import { contactKeyOf } from '../../lambdas/core/contacts/contact-key.ts';
import { deliveryJobSchema } from '../../lambdas/core/delivery/delivery-job-schema.ts';

const fields = {
  waveId: 'check:2019-03-23T06:00:00.000Z',
  part: 0,
  channel: 'email',
  watchIds: ['w-1'],
  events: [{ id: 'e-1', states: ['NG'] }],
  dedupKey: 'msg:abc',
};

describe('a delivery job on its queue', () => {
  it('names its contact by key, never by address', () => {
    const job = deliveryJobSchema.parse({ ...fields, contactKey: contactKeyOf('email:ana@example.org') });
    expect(JSON.stringify(job)).not.toContain('ana@example.org');
  });

  it('is read by the same key when it was queued before, by contact id, so a deploy loses none in flight', () => {
    const job = deliveryJobSchema.parse({ ...fields, contact: 'email:ana@example.org' });
    expect(job).toEqual({ ...fields, contactKey: contactKeyOf('email:ana@example.org') });
    expect(job).not.toHaveProperty('contact');
  });

  it("reads a repeat's rounds and a digest's kind, and refuses a round 0 or a kind it does not know", () => {
    const contactKey = contactKeyOf('email:ana@example.org');
    const repeat = { ...fields, contactKey, kind: 'repeat', events: [{ id: 'e-1', states: ['NG'], round: 2 }] };
    expect(deliveryJobSchema.parse(repeat)).toEqual(repeat);
    expect(deliveryJobSchema.parse({ ...fields, contactKey, kind: 'digest' })).toMatchObject({ kind: 'digest' });
    expect(deliveryJobSchema.safeParse({ ...repeat, events: [{ id: 'e-1', states: ['NG'], round: 0 }] }).success).toBe(
      false,
    );
    expect(deliveryJobSchema.safeParse({ ...fields, contactKey, kind: 'test' }).success).toBe(false);
  });

  it('refuses a key that is not one', () => {
    expect(deliveryJobSchema.safeParse({ ...fields, contactKey: 'email:ana@example.org' }).success).toBe(false);
  });
});
