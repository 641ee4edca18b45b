/** Reads a required setting; a missing one fails the handler's first invocation loudly (its build), not some later request. */
export const requiredEnv = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') {
    throw new Error(`Configuration error: environment variable ${name} is not set`);
  }
  return value;
};
