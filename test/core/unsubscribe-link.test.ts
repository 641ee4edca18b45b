import { describe, expect, it } from 'vitest';
import {
  isUnsubscribeSignature,
  UNSUBSCRIBE_SIGNATURE,
  unsubscribeSignature,
  unsubscribeUrl,
} from '../../lambdas/core/contacts/unsubscribe-link.ts';

const secret = 'a-test-secret-of-more-than-32-characters';
const contact = 'email:ana@example.org';

describe('unsubscribe links', () => {
  it('sign a contact with a base64url HMAC that the same secret accepts', () => {
    const signature = unsubscribeSignature(secret, contact);
    expect(signature).toMatch(UNSUBSCRIBE_SIGNATURE);
    expect(unsubscribeSignature(secret, contact)).toBe(signature);
    expect(isUnsubscribeSignature(secret, contact, signature)).toBe(true);
  });

  it('refuse a signature for another contact, under another secret, or tampered with', () => {
    const signature = unsubscribeSignature(secret, contact);
    expect(isUnsubscribeSignature(secret, 'email:bob@example.org', signature)).toBe(false);
    expect(isUnsubscribeSignature(`${secret}!`, contact, signature)).toBe(false);
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expect(isUnsubscribeSignature(secret, contact, flipped)).toBe(false);
    expect(isUnsubscribeSignature(secret, contact, signature.slice(0, -1))).toBe(false);
    expect(isUnsubscribeSignature(secret, contact, `${signature}A`)).toBe(false);
    expect(isUnsubscribeSignature(secret, contact, '')).toBe(false);
  });

  it('sign different contacts differently', () => {
    expect(unsubscribeSignature(secret, 'email:bob@example.org')).not.toBe(unsubscribeSignature(secret, contact));
  });

  it('refuse a secret too short to resist guessing', () => {
    expect(() => unsubscribeSignature('short', contact)).toThrow(/at least 32 characters/);
  });

  it('put the contact and its signature in the link, encoded for a query string', () => {
    const url = new URL(unsubscribeUrl('https://api.example.org', secret, 'email:ana+alerts@example.org'));
    expect(`${url.origin}${url.pathname}`).toBe('https://api.example.org/unsubscribe');
    expect(url.searchParams.get('c')).toBe('email:ana+alerts@example.org');
    expect(isUnsubscribeSignature(secret, 'email:ana+alerts@example.org', url.searchParams.get('s') ?? '')).toBe(true);
    expect(url.search).toContain('c=email%3Aana%2Balerts%40example.org');
  });
});
