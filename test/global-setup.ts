import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/server/db/database';
import { migrateToLatest } from '../src/server/db/migrate';
import { loadDemo } from '../src/server/demo/load-demo';
import { loadConfig } from '../src/config';

const cacheDir = path.resolve('.cache/test-templates');

function databaseUrlFor(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Browser tests serve dist/web: rebuild it once here, before the workers start, when it is older
 * than its sources (two workers building at once would overwrite each other's files). Only when the
 * run may include browser tests: no file filter, or one that names them.
 */
async function rebuildWebIfStale(): Promise<void> {
  const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-') && arg !== 'run');
  if (filters.length > 0 && !filters.some((arg) => arg.includes('browser'))) return;
  const { buildIfStale } = (await import(new URL('../scripts/build-if-stale.mjs', import.meta.url).href)) as {
    buildIfStale(options: { server: boolean; web: boolean }): Promise<void>;
  };
  await buildIfStale({ server: false, web: true });
}

/** Migrates once and loads the demo once; every test file starts from a copy. */
export default async function setup(project: TestProject) {
  await rebuildWebIfStale();
  const serverUrl = process.env.TEST_DATABASE_URL || null;
  const config = loadConfig({});
  if (!serverUrl) {
    fs.mkdirSync(cacheDir, { recursive: true });
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(database.db);
    const migrated = path.join(cacheDir, `migrated-${process.pid}.tar.gz`);
    fs.writeFileSync(migrated, Buffer.from(await (await database.pglite!.dumpDataDir('gzip')).arrayBuffer()));
    await loadDemo(database.db, config);
    const demo = path.join(cacheDir, `demo-${process.pid}.tar.gz`);
    fs.writeFileSync(demo, Buffer.from(await (await database.pglite!.dumpDataDir('gzip')).arrayBuffer()));
    await database.close();
    project.provide('templates', { migrated, demo });
    project.provide('serverUrl', null);
    project.provide('runId', String(process.pid));
    return () => {
      fs.rmSync(migrated, { force: true });
      fs.rmSync(demo, { force: true });
    };
  }
  const suffix = `${process.pid}`;
  const names = { migrated: `sp_tpl_migrated_${suffix}`, demo: `sp_tpl_demo_${suffix}` };
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  // Leftovers of runs that were killed: names carry the run's process id; a run still alive keeps its own.
  const stale = await admin.query<{ datname: string }>(
    "select datname from pg_database where datname ~ '^sp_(test|tpl_migrated|tpl_demo)_[0-9]+'",
  );
  for (const row of stale.rows) {
    const pid = Number(/_(\d+)/.exec(row.datname)?.[1]);
    if (!isAlive(pid)) await admin.query(`drop database if exists ${row.datname} with (force)`);
  }
  for (const name of Object.values(names)) await admin.query(`create database ${name}`);
  for (const [kind, name] of Object.entries(names)) {
    const database = await openDatabase({ databaseUrl: databaseUrlFor(serverUrl, name) });
    await migrateToLatest(database.db);
    if (kind === 'demo') await loadDemo(database.db, config);
    await database.close();
  }
  await admin.end();
  project.provide('templates', names);
  project.provide('serverUrl', serverUrl);
  project.provide('runId', String(process.pid));
  return async () => {
    const cleaner = new pg.Client({ connectionString: serverUrl });
    await cleaner.connect();
    for (const name of Object.values(names))
      await cleaner.query(`drop database if exists ${name} with (force)`);
    await cleaner.end();
  };
}
