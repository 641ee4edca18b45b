/** What a function's ReportBatchItemFailures response says about its batch. */
export type ReportedFailures =
  | { readonly kind: 'none' }
  | { readonly kind: 'whole-batch'; readonly error: Error }
  | { readonly kind: 'items'; readonly identifiers: readonly string[] };

const isIdentifier = (value: string | undefined): value is string => value !== undefined;

/**
 * Lambda's reading of a ReportBatchItemFailures response, for streams and queues alike, trusting
 * nothing: no list (or an empty one) is success; an identifier that is empty, missing or not one of
 * the batch's (`batchIdentifiers`: sequence numbers for streams, message ids for queues) fails the
 * whole batch; otherwise the items named failed.
 */
export const readBatchItemFailures = (response: unknown, batchIdentifiers: readonly string[]): ReportedFailures => {
  const reported: unknown =
    typeof response === 'object' && response !== null
      ? (response as { batchItemFailures?: unknown }).batchItemFailures
      : undefined;
  if (!Array.isArray(reported) || reported.length === 0) return { kind: 'none' };
  const identifiers = reported.map((failure: unknown) => {
    const identifier =
      typeof failure === 'object' && failure !== null
        ? (failure as { itemIdentifier?: unknown }).itemIdentifier
        : undefined;
    return typeof identifier === 'string' && identifier !== '' && batchIdentifiers.includes(identifier)
      ? identifier
      : undefined;
  });
  const named = identifiers.filter(isIdentifier);
  if (named.length < identifiers.length) {
    return {
      kind: 'whole-batch',
      error: new Error(`batchItemFailures names records that are not in the batch: ${JSON.stringify(reported)}`),
    };
  }
  return { kind: 'items', identifiers: named };
};
