import { resolve } from 'node:path';
import { localIdentityDirectory, openLocalIdentity } from '../local/local-identity.ts';

/** The project root, where `npm start` keeps `.local/identity`, wherever the CLI is run from. */
const projectRoot = resolve(import.meta.dirname, '..');

/** The key directory `npm start` and `npm run token` use, so tokens issued here are ones the local API accepts. */
export const defaultIdentityDirectory = (): string => localIdentityDirectory(projectRoot);

/** A token from the local identity, exactly as bin/token.ts issues one. */
export const issueLocalToken = async (
  user: string,
  options: { readonly admin: boolean; readonly ttlSeconds?: number; readonly directory?: string },
): Promise<string> => {
  const identity = await openLocalIdentity(options.directory ?? defaultIdentityDirectory());
  return identity.issue(user, { admin: options.admin, ttlSeconds: options.ttlSeconds });
};
