import type { MigrationProgress } from '../migrations/migration.ts';

/** Where each migration's progress is kept, so it is applied once and resumed where it stopped. */
export interface MigrationLedger {
  get(id: string): Promise<MigrationProgress | undefined>;
  save(progress: MigrationProgress): Promise<void>;
}
