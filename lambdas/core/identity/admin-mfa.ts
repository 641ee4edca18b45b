import { ADMIN_GROUP } from '../../contracts/identity.ts';

/**
 * The groups a token may carry, or undefined when they stand as they are: admins hold every
 * figure, so the admin group counts only for a user with a TOTP device enrolled, whom Cognito
 * therefore challenged for it at sign-in (the pool's MFA is optional; with a device enrolled it is
 * asked for every time). Only an admin's sign-in asks whether a device is enrolled.
 */
export const groupsWithoutUnprovenAdmin = async (
  groups: readonly string[],
  totpEnrolled: () => Promise<boolean>,
): Promise<readonly string[] | undefined> =>
  !groups.includes(ADMIN_GROUP) || (await totpEnrolled()) ? undefined : groups.filter((group) => group !== ADMIN_GROUP);
