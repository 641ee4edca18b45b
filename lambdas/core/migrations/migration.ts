/** One page of a migration's work: what it looked at, what it changed, and where the next page starts. */
export interface MigrationPage {
  readonly scanned: number;
  readonly changed: number;
  /** Opaque to the runner; absent on the last page. */
  readonly next?: string;
}

/**
 * A one-off change to stored data, applied once per table. Each page must be idempotent (a page
 * run twice, because its run stopped before it was recorded, changes nothing more), so the runner
 * can resume from the last recorded page.
 */
export interface Migration {
  /** Never reused: it names the migration's record, `MIGRATION#<id>`. */
  readonly id: string;
  readonly description: string;
  page(start: string | undefined): Promise<MigrationPage>;
}

/** A migration's record: how far it got, and whether it finished. */
export interface MigrationProgress {
  readonly id: string;
  readonly status: 'running' | 'done';
  /** Where the next page starts; absent before the first page and once done. */
  readonly next?: string;
  readonly scanned: number;
  readonly changed: number;
  readonly startedAt: string;
  readonly updatedAt: string;
}
