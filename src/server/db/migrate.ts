import { Migrator, type Kysely, type MigrationResult } from 'kysely';
import { migrations } from './migrations/index';
import { textOf } from '../../shared/text-of';

export interface MigrationOutcome {
  applied: string[];
}

/** Runs every pending migration in name order; throws with the failing migration's name. */
export async function migrateToLatest<Schema>(db: Kysely<Schema>): Promise<MigrationOutcome> {
  const migrator = new Migrator({
    db,
    // A static list rather than a folder scan: works the same under tsx, vitest and a bundler.
    provider: { getMigrations: async () => migrations },
    // Feature modules land migrations in parallel branches; their timestamps may interleave.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? [])
    .filter((r: MigrationResult) => r.status === 'Success')
    .map((r) => r.migrationName);
  if (error) {
    const failed = (results ?? []).find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${textOf(error)}`);
  }
  return { applied };
}
