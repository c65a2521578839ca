import { loadConfig, type Config } from '../config';
import { openDatabase, type Database } from '../server/db/database';
import { acquireDataDirLock } from '../server/db/data-dir-lock';
import { migrateToLatest } from '../server/db/migrate';
import { totpKeyOf } from '../server/modules/auth/totp-secret-box';

export interface CliDatabase extends Database {
  config: Config;
}

/** Opens the database the server would use (same DATABASE_URL / SPEERPUNT_DATA_DIR) and migrates it. */
export async function openCliDatabase(options: { migrate?: boolean } = {}): Promise<CliDatabase> {
  const config = loadConfig();
  const release = config.databaseUrl ? () => {} : acquireDataDirLock(config.dataDir);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  if (options.migrate !== false) await migrateToLatest(database.db, { totpKey: () => totpKeyOf(config) });
  return {
    ...database,
    config,
    close: async () => {
      await database.close();
      release();
    },
  };
}

/** Runs a command body with an open database and always closes it. */
export async function withCliDatabase<T>(
  body: (database: CliDatabase) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const database = await openCliDatabase(options);
  try {
    return await body(database);
  } finally {
    await database.close();
  }
}
