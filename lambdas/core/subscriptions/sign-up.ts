import { checkSmsCountry, type SmsCountries } from '../budgets/sms-countries.ts';
import { EMAIL_CONFIRMATION_DAYS, isConfirmationExpired, SMS_CODE_MINUTES } from '../contacts/contact.ts';
import { type ConfirmationDependencies, requestConsent } from '../contacts/request-confirmation.ts';
import type { CustomGroupStore, SignupStore, WatchStore } from '../ports/stores.ts';
import { findGroup } from '../reference/group-directory.ts';
import { contactOf } from '../watches/watch.ts';
import { type CompleteSignupDependencies, completeSignup } from './complete-signup.ts';
import { publicOwnerOf } from './public-owner.ts';
import type { Signup } from './signup.ts';
import { drawSignupHour, drawSignupOfAddress, isPerAddressRefusal } from './signup-budgets.ts';
import type { SignupInput } from './signup-schema.ts';

export interface SignupDependencies extends ConfirmationDependencies, CompleteSignupDependencies {
  readonly signups: SignupStore;
  readonly watches: WatchStore;
  readonly customGroups: CustomGroupStore;
  readonly smsCountries: SmsCountries;
}

/** When the sign-up's link or code stops working: as long as its consent's. */
const confirmByOf = (input: SignupInput, now: Date): string =>
  new Date(
    now.getTime() + ('email' in input.channel ? EMAIL_CONFIRMATION_DAYS * 86_400_000 : SMS_CODE_MINUTES * 60_000),
  ).toISOString();

/**
 * `POST /subscriptions`: someone without an account asks for alerts to an address. Nothing is
 * watched until the address itself says yes (a mailed link, a texted code): only that creates the
 * watch (complete-signup.ts). The answer never depends on the address: a second sign-up while one
 * waits, one over the address's daily sign-ups (1 by default), one over its confirmation or code
 * budgets, and one for an address that is subscribed already all answer as the first did, and send
 * nothing. Only budgets of the whole deployment (sign-ups per hour, texts per day) answer 429.
 * An address that asked to be erased may be asked again this way, at most once a day: the address's own yes lifts its marker.
 */
export const signUp = async (input: SignupInput, deps: SignupDependencies): Promise<void> => {
  checkSmsCountry(input.channel, deps.smsCountries, 'phone');
  for (const [index, group] of (input.target.groups ?? []).entries())
    await findGroup(group, deps.customGroups, `groups.${index}`);
  const now = deps.clock.now();
  await drawSignupHour(now, deps);

  const contact = contactOf(input);
  const waiting = await deps.signups.get(contact);
  if (waiting && !isConfirmationExpired({ state: 'pending', confirmBy: waiting.confirmBy }, now)) return;
  if (!(await drawSignupOfAddress(contact, now, deps))) return;

  const signup: Signup = { contact, ...input, requestedAt: now.toISOString(), confirmBy: confirmByOf(input, now) };
  await deps.signups.put(signup);
  const owner = publicOwnerOf(contact);
  try {
    const { access } = await requestConsent(owner, input.channel, deps, { reachSuppressed: true });
    // Subscribed already (a watch made before is kept; a half-finished confirmation is finished).
    if (access === 'confirmed') await completeSignup(contact, deps);
    else if (access === 'opted-out') await deps.signups.delete(contact);
  } catch (error) {
    await deps.signups.delete(contact);
    if (!isPerAddressRefusal(error)) throw error;
  }
};
