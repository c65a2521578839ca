import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/server/db/database';

export type TemplateName = 'migrated' | 'demo';

declare module 'vitest' {
  export interface ProvidedContext {
    templates: { migrated: string; demo: string };
    serverUrl: string | null;
    /** The test run's process id, part of every database name so parallel runs leave each other alone. */
    runId: string;
  }
}

function databaseUrlFor(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A fresh database for one test file: on PGlite loaded from a dump made once by the global
 * setup; on a PostgreSQL server (TEST_DATABASE_URL) a copy of a template database.
 */
export async function createTestDatabase(template: TemplateName = 'demo'): Promise<Database> {
  const serverUrl = inject('serverUrl');
  const templates = inject('templates');
  if (!serverUrl) {
    const dump = fs.readFileSync(templates[template]);
    return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([dump]) });
  }
  const name = `sp_test_${inject('runId')}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${templates[template]}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ databaseUrl: databaseUrlFor(serverUrl, name), maxConnections: 20 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleaner = new pg.Client({ connectionString: serverUrl });
      await cleaner.connect();
      try {
        // Let the closed pool's backends finish their goodbye before dropping, so no client is
        // cut off mid-close (which would surface as an unhandled 57P01 error).
        for (let i = 0; i < 50; i += 1) {
          const open = await cleaner.query(
            'select count(*)::int as n from pg_stat_activity where datname = $1',
            [name],
          );
          if (open.rows[0].n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await cleaner.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleaner.end();
      }
    },
  };
}

export { databaseUrlFor };
