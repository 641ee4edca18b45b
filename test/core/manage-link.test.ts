import { describe, expect, it } from 'vitest';
import { unsubscribeSignature } from '../../lambdas/core/contacts/unsubscribe-link.ts';
import {
  contactOfManageToken,
  manageToken,
  subscriberManageUrl,
} from '../../lambdas/core/subscriptions/manage-link.ts';
import { isPublicOwner, publicOwnerOf } from '../../lambdas/core/subscriptions/public-owner.ts';

const SECRET = 'a test secret of at least thirty-two characters';

describe('the manage link of an address that signed itself up', () => {
  it('names its address, and the service reads the address back from it', () => {
    const url = subscriberManageUrl('https://api.example.org', SECRET, 'email:pia@example.org');
    const token = new URL(url).searchParams.get('token') ?? '';
    expect(url.startsWith('https://api.example.org/manage?token=')).toBe(true);
    expect(contactOfManageToken(SECRET, token)).toBe('email:pia@example.org');
  });

  it('is refused when another address is put in, when signed with another secret, or with an unsubscribe signature', () => {
    const token = manageToken(SECRET, 'email:pia@example.org');
    const signature = token.split('.')[1];
    const other = `${Buffer.from('email:eve@example.org').toString('base64url')}.${signature}`;
    const unsubscribe = `${token.split('.')[0]}.${unsubscribeSignature(SECRET, 'email:pia@example.org')}`;
    for (const forged of [other, manageToken(`${SECRET}!`, 'email:pia@example.org'), unsubscribe, 'x.y', ''])
      expect(() => contactOfManageToken(SECRET, forged)).toThrow(/manage link is not valid/);
  });
});

describe('the owner of a sign-up', () => {
  it('is derived from the address, the same for the same address, without holding it', () => {
    const owner = publicOwnerOf('email:pia@example.org');
    expect(owner).toBe(publicOwnerOf('email:pia@example.org'));
    expect(owner).not.toBe(publicOwnerOf('email:eve@example.org'));
    expect(owner).toMatch(/^public:[\w-]{32}$/);
    expect(isPublicOwner(owner)).toBe(true);
    expect(isPublicOwner('uma-user')).toBe(false);
  });
});
