import type { Figure } from '../figures/figure.ts';
import type { RecordedFacts } from '../imports/plan-import.ts';
import type { Report } from '../reports/report.ts';

/** Where imports read what is recorded and write what is new. */
export interface ImportStore {
  /** The reports, figure histories and latest figures of these states (alpha-2, or WORLD). */
  recordedFor(states: readonly string[]): Promise<RecordedFacts>;
  /**
   * Writes the reports (each only if its key is still free: one recorded since it was read is left
   * as it is and returned), the figures' history entries, and then the latest figures, each only
   * if no newer one was stored meanwhile. Says how many latest figures it wrote.
   */
  write(batch: {
    readonly reports: readonly Report[];
    readonly figures: readonly Figure[];
    readonly latest: readonly Figure[];
  }): Promise<{
    readonly reportsTaken: readonly Report[];
    readonly latestWritten: number;
  }>;
}
