import type * as z from 'zod/mini';

/** The first issue of a failed parse as "path: message", enough to find the bad field in a feed record. */
export const zodIssueText = (error: z.core.$ZodError): string => {
  const issue = error.issues[0];
  if (!issue) return 'invalid record';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
};
