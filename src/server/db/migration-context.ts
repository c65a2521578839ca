/**
 * What a migration may need from the running configuration but the database does not hold: the
 * key that seals TOTP secrets. Set by `migrateToLatest` for the length of one run; a migration that
 * needs a missing piece refuses with a clear message (nothing is changed then).
 */
export interface MigrationContext {
  /** The TOTP encryption key (`TOTP_ENCRYPTION_KEY` or the data directory's key file). */
  totpKey?: () => Buffer;
}

let current: MigrationContext = {};

export function migrationContext(): MigrationContext {
  return current;
}

export async function withMigrationContext<T>(context: MigrationContext, body: () => Promise<T>): Promise<T> {
  const previous = current;
  current = context;
  try {
    return await body();
  } finally {
    current = previous;
  }
}
