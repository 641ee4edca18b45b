/** Before retrying what a batch request left unprocessed (the table is throttling): 50 ms, doubling, at most a second. */
export const unprocessedPause = (attempt: number): Promise<void> =>
  new Promise((done) => setTimeout(done, Math.min(1000, 25 * 2 ** attempt)));
