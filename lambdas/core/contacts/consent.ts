import type { SmsVerification } from './contact.ts';

/**
 * One owner's permission, given by the address itself, to send that owner's alerts to it: a link
 * followed (email) or a code returned (SMS). Consent is per owner and address, so one owner's
 * confirmation never lets another owner's watches send to the address.
 *
 * - `pending`: the link or code went out; it works until `confirmBy`.
 * - `confirmed`: the owner's watches on the address may send.
 */
export interface Consent {
  /** See contactOf. */
  readonly contact: string;
  /** The owner's subject (`sub`). */
  readonly owner: string;
  readonly state: 'pending' | 'confirmed';
  readonly requestedAt: string;
  readonly confirmBy?: string;
  /** A pending SMS consent's code, kept only as a hash. */
  readonly verification?: SmsVerification;
  readonly updatedAt: string;
}

export type ConsentKey = Pick<Consent, 'contact' | 'owner'>;
