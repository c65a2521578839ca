import { Migrator, sql, type Kysely, type MigrationResult } from 'kysely';
import { migrations } from './migrations/index';
import { textOf } from '../../shared/text-of';
import { withMigrationContext, type MigrationContext } from './migration-context';

export interface MigrationOutcome {
  applied: string[];
}

/**
 * True when every listed migration is recorded as applied: one query instead of the migrator's
 * catalogue checks, lock table and transaction (which take a second or more on the embedded
 * database at every start).
 */
async function upToDate<Schema>(db: Kysely<Schema>): Promise<boolean> {
  try {
    const result = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const applied = new Set(result.rows.map((r) => r.name));
    return Object.keys(migrations).every((name) => applied.has(name));
  } catch {
    return false;
  }
}

/** Runs every pending migration in name order; throws with the failing migration's name. */
export async function migrateToLatest<Schema>(
  db: Kysely<Schema>,
  context: MigrationContext = {},
): Promise<MigrationOutcome> {
  if (await upToDate(db)) return { applied: [] };
  const migrator = new Migrator({
    db,
    // A static list rather than a folder scan: works the same under tsx, vitest and a bundler.
    provider: { getMigrations: async () => migrations },
    // Feature modules land migrations in parallel branches; their timestamps may interleave.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await withMigrationContext(context, () => migrator.migrateToLatest());
  const applied = (results ?? [])
    .filter((r: MigrationResult) => r.status === 'Success')
    .map((r) => r.migrationName);
  if (error) {
    const failed = (results ?? []).find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${textOf(error)}`);
  }
  return { applied };
}
