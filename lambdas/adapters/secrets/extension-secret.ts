import * as z from 'zod/mini';

/** The extension's default port (it reads the same variable to move it). */
const DEFAULT_PORT = '2773';

const secretValueSchema = z.object({ SecretString: z.string().check(z.minLength(1)) });

const fetchSecret = async (secretId: string): Promise<string> => {
  const port = process.env['PARAMETERS_SECRETS_EXTENSION_HTTP_PORT'] ?? DEFAULT_PORT;
  const url = `http://localhost:${port}/secretsmanager/get?secretId=${encodeURIComponent(secretId)}`;
  // The extension refuses requests without the function's session token: no other process can ask it.
  const response = await fetch(url, {
    headers: { 'X-Aws-Parameters-Secrets-Token': process.env['AWS_SESSION_TOKEN'] ?? '' },
  });
  if (!response.ok) throw new Error(`Reading secret ${secretId} failed: the extension answered ${response.status}`);
  const parsed = secretValueSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error(`Reading secret ${secretId} failed: no SecretString in the answer`);
  return parsed.data.SecretString;
};

/**
 * A Secrets Manager secret's value, read on first use and kept for the life of the process,
 * through the AWS Parameters and Secrets Lambda Extension (a layer the stack adds): a local HTTP
 * call, so the function carries no Secrets Manager client and its cold start loads none. See
 * https://docs.aws.amazon.com/lambda/latest/dg/with-secrets-manager.html. A failed read is tried
 * again on the next use.
 */
export const secretFromExtension = (secretId: string): (() => Promise<string>) => {
  let value: Promise<string> | undefined;
  return () => {
    value ??= fetchSecret(secretId).catch((error: unknown) => {
      value = undefined;
      throw error;
    });
    return value;
  };
};
