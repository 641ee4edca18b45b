/** Reads a required setting; a missing one fails the cold start loudly, not a request later. */
export const requiredEnv = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') {
    throw new Error(`Configuration error: environment variable ${name} is not set`);
  }
  return value;
};
