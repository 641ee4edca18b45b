import type { Clock } from '../ports/clock.ts';
import type { MigrationLedger } from '../ports/migrations.ts';
import type { Migration, MigrationProgress } from './migration.ts';

export interface RunMigrationsDependencies {
  readonly clock: Clock;
  readonly ledger: MigrationLedger;
  /** Whether another page fits in the time left (a page is never cut short). */
  readonly hasTimeForPage: () => boolean;
}

/**
 * - `done`: every migration is applied; `applied` lists those this run finished.
 * - `unfinished`: time ran out in `migration`; its progress is recorded and the next run resumes it.
 */
export type MigrationsOutcome =
  | { readonly status: 'done'; readonly applied: readonly MigrationProgress[]; readonly before: readonly string[] }
  | {
      readonly status: 'unfinished';
      readonly migration: MigrationProgress;
      readonly applied: readonly MigrationProgress[];
    };

/**
 * Applies each migration not yet done, in order, page by page, recording its progress after every
 * page: a run that stops (out of time, or failed) is resumed by the next from its last recorded
 * page, and a migration done is never run again.
 */
export const runMigrations = async (
  migrations: readonly Migration[],
  deps: RunMigrationsDependencies,
): Promise<MigrationsOutcome> => {
  const applied: MigrationProgress[] = [];
  const before: string[] = [];
  for (const migration of migrations) {
    const recorded = await deps.ledger.get(migration.id);
    if (recorded?.status === 'done') {
      before.push(migration.id);
      continue;
    }
    const now = deps.clock.now().toISOString();
    let progress: MigrationProgress = recorded ?? {
      id: migration.id,
      status: 'running',
      scanned: 0,
      changed: 0,
      startedAt: now,
      updatedAt: now,
    };
    while (progress.status === 'running') {
      if (!deps.hasTimeForPage()) return { status: 'unfinished', migration: progress, applied };
      const page = await migration.page(progress.next);
      progress = {
        id: progress.id,
        startedAt: progress.startedAt,
        status: page.next === undefined ? 'done' : 'running',
        ...(page.next === undefined ? {} : { next: page.next }),
        scanned: progress.scanned + page.scanned,
        changed: progress.changed + page.changed,
        updatedAt: deps.clock.now().toISOString(),
      };
      await deps.ledger.save(progress);
    }
    applied.push(progress);
  }
  return { status: 'done', applied, before };
};
