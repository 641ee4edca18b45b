import { createHash, randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import * as z from 'zod/mini';
import { ADMIN_GROUP } from '../lambdas/contracts/identity.ts';

/**
 * Stands in for the Cognito user pool when the service runs locally: issues access tokens shaped
 * like Cognito's and verifies them the way API Gateway's JWT authorizer does. The signing key
 * lives in a directory, so tokens outlive a restart and `npm run token`, a separate process,
 * issues tokens the running server accepts.
 */
export interface LocalIdentity {
  /** A signed access token for `user`; admins are in the `admins` group. */
  issue(user: string, options?: { readonly admin?: boolean; readonly ttlSeconds?: number }): Promise<string>;
  /**
   * The token's claims as API Gateway hands them to a function: every value a string, arrays
   * flattened to `"[a b]"`, numbers in decimal. Rejects a token that is forged, edited, expired,
   * or issued for another issuer or client.
   */
  verify(token: string): Promise<Record<string, string>>;
}

/** Stands where a deployment has the user pool's URL. */
export const LOCAL_ISSUER = 'sanctions-watch-local';
/** Stands where a deployment has the user pool app client id that the authorizer accepts. */
export const LOCAL_CLIENT_ID = 'sanctions-watch-local-client';
const DEFAULT_TTL_SECONDS = 12 * 60 * 60;
const ALGORITHM = 'ES256';
const KEY_FILE = 'signing-key.jwk.json';
/** Namespace for the name-based (v5) UUIDs used as `sub`; any fixed UUID would do. */
const SUB_NAMESPACE = Buffer.from('17ad416ed4474bf7bbbde8c2c63f4347', 'hex');

/** Where `npm start` and `npm run token` keep the key, so both agree without configuration. */
export const localIdentityDirectory = (projectRoot: string): string => resolve(projectRoot, '.local', 'identity');

const privateJwkSchema = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string(),
  y: z.string(),
  d: z.string(),
});
type PrivateJwk = z.infer<typeof privateJwkSchema>;

const readKey = async (file: string): Promise<PrivateJwk> => {
  const parsed = privateJwkSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file} is not a P-256 private key; delete it and a new one is made (old tokens stop working)`);
  return parsed.data;
};

/**
 * Loads the key, or makes one. The new key is written aside and hard-linked into place, which
 * fails if the file exists: when the server and `npm run token` start together on a fresh
 * directory, one key wins and both use it, and nobody reads a half-written file.
 */
const loadOrCreateKey = async (directory: string): Promise<PrivateJwk> => {
  const file = join(directory, KEY_FILE);
  try {
    return await readKey(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const draft = join(directory, `${KEY_FILE}.${randomUUID()}.tmp`);
  await writeFile(draft, JSON.stringify(await exportJWK(privateKey)), { mode: 0o600 });
  try {
    await link(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(draft, { force: true });
  }
  return readKey(file);
};

/** A UUID v5 of the user name: the same user gets the same `sub` in every token, as in Cognito. */
const stableSub = (user: string): string => {
  const hash = createHash('sha1').update(SUB_NAMESPACE).update(user, 'utf8').digest().subarray(0, 16);
  hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x50, 6);
  hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = hash.toString('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
};

/**
 * API Gateway's rendering of a claim: arrays as `[a b]`, numbers and booleans as their text.
 * Objects come out as JSON; API Gateway's own rendering of them differs, but no token here has one.
 */
const flattenClaim = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(flattenClaim).join(' ')}]`;
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
};

/** API Gateway checks `aud` when the token has one, else Cognito access tokens' `client_id`. */
const isForThisClient = (payload: JWTPayload): boolean =>
  (payload.aud === undefined ? [payload.client_id] : [payload.aud].flat()).includes(LOCAL_CLIENT_ID);

/** `now` lets tests issue tokens that are already expired. */
export const openLocalIdentity = async (
  directory: string,
  now: () => Date = () => new Date(),
): Promise<LocalIdentity> => {
  const privateJwk = await loadOrCreateKey(directory);
  const publicJwk = { kty: privateJwk.kty, crv: privateJwk.crv, x: privateJwk.x, y: privateJwk.y };
  const signingKey = await importJWK(privateJwk, ALGORITHM);
  const verificationKey = await importJWK(publicJwk, ALGORITHM);
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    issue: async (user, options = {}) => {
      const ttlSeconds = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
      if (!/^\S+$/.test(user)) throw new Error(`A user name is one word with no spaces, got "${user}"`);
      if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds <= 0)
        throw new Error(`A token's lifetime is a whole number of seconds above 0, got ${ttlSeconds}`);
      const issuedAt = Math.floor(now().getTime() / 1000);
      // Cognito's access token: `client_id` rather than `aud`, and no groups claim for a user in none.
      return new SignJWT({
        username: user,
        client_id: LOCAL_CLIENT_ID,
        token_use: 'access',
        ...(options.admin ? { 'cognito:groups': [ADMIN_GROUP] } : {}),
      })
        .setProtectedHeader({ alg: ALGORITHM, kid })
        .setSubject(stableSub(user))
        .setIssuer(LOCAL_ISSUER)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ttlSeconds)
        .setJti(randomUUID())
        .sign(signingKey);
    },
    verify: async (token) => {
      const { payload } = await jwtVerify(token, verificationKey, {
        algorithms: [ALGORITHM],
        issuer: LOCAL_ISSUER,
        requiredClaims: ['sub', 'exp'],
        currentDate: now(),
      });
      if (!isForThisClient(payload)) throw new Error('The token was issued for another client');
      return Object.fromEntries(Object.entries(payload).map(([name, value]) => [name, flattenClaim(value)]));
    },
  };
};
