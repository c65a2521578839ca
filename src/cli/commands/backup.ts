import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import type { Command } from 'commander';
import { loadConfig } from '../../config';
import { openDatabase } from '../../server/db/database';
import { acquireDataDirLock, DataDirBusyError } from '../../server/db/data-dir-lock';

/** A snapshot of the embedded database: from the running server (admin token) or opened directly. */
async function backupEmbedded(file: string, options: { url: string }): Promise<string> {
  const config = loadConfig();
  let release: () => void;
  try {
    release = acquireDataDirLock(config.dataDir);
  } catch (error) {
    if (!(error instanceof DataDirBusyError)) throw error;
    const token = process.env.SPEERPUNT_TOKEN;
    if (!token) {
      throw new Error(
        'The server is running: set SPEERPUNT_TOKEN to an admin API token (write scope) and the backup ' +
          `is taken by the server at ${options.url} while it keeps serving.`,
        { cause: error },
      );
    }
    const response = await fetch(`${options.url.replace(/\/$/, '')}/api/admin/backup`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      throw new Error(`The server answered ${response.status}: ${await response.text()}`, { cause: error });
    }
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    return 'taken by the running server';
  }
  try {
    const database = await openDatabase({ dataDir: config.dataDir });
    try {
      const pglite = database.pglite;
      if (!pglite) throw new Error('not an embedded database');
      fs.writeFileSync(file, Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer()));
    } finally {
      await database.close();
    }
  } finally {
    release();
  }
  return `of ${config.dataDir}`;
}

/** Loads a backup into an empty (or missing) data directory; refuses one that holds anything. */
export async function restoreEmbedded(file: string, dataDir: string): Promise<void> {
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0)
    throw new Error(`${dataDir} is not empty: restore only into an empty data directory.`);
  const blob = new Blob([fs.readFileSync(file)]);
  const database = await openDatabase({ dataDir, loadDataDir: blob });
  await database.close();
}

export function registerBackup(program: Command): void {
  program
    .command('backup <file>')
    .description(
      'A consistent snapshot: embedded database as tar.gz (through the running server with SPEERPUNT_TOKEN, ' +
        'or directly when it is stopped); with DATABASE_URL it runs pg_dump --format=custom',
    )
    .option('--url <url>', 'the running server', 'http://127.0.0.1:8080')
    .action(async (file: string, options: { url: string }) => {
      const config = loadConfig();
      if (config.databaseUrl) {
        const result = spawnSync('pg_dump', ['--format=custom', `--file=${file}`, config.databaseUrl], {
          stdio: 'inherit',
        });
        if (result.error) {
          process.stderr.write(
            'pg_dump is not installed here. On PostgreSQL run: pg_dump --format=custom --file=<file> "$DATABASE_URL" ' +
              '(a consistent snapshot while the servers keep serving); restore with pg_restore ' +
              'into an empty database.\n',
          );
          process.exitCode = 1;
          return;
        }
        process.exitCode = result.status ?? 1;
        return;
      }
      const how = await backupEmbedded(file, options);
      process.stdout.write(`Backup written to ${file} (${how}).\n`);
    });
  program
    .command('restore <file>')
    .description(
      'Load a backup of the embedded database into an empty SPEERPUNT_DATA_DIR (refuses a non-empty one)',
    )
    .action(async (file: string) => {
      const config = loadConfig();
      if (config.databaseUrl) {
        process.stderr.write(
          'On PostgreSQL restore with: pg_restore --dbname="$DATABASE_URL" <file> (an empty database).\n',
        );
        process.exitCode = 1;
        return;
      }
      try {
        await restoreEmbedded(file, config.dataDir);
      } catch (error) {
        process.stderr.write(`${(error as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`Restored ${file} into ${config.dataDir}.\n`);
    });
}
