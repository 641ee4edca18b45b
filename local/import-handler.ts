import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Loads a Lambda handler module by its entry path (as the route table and the stack name it),
 * so the local runtime runs exactly the code that is bundled for AWS.
 */
export const importHandler = async <Handler>(projectRoot: string, entry: string): Promise<Handler> =>
  ((await import(pathToFileURL(resolve(projectRoot, entry)).href)) as { handler: Handler }).handler;
