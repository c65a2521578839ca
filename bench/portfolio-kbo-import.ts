/**
 * Benchmark of the enterprise-register import against the floor: a plain COPY of the same
 * files into the same tables on a PostgreSQL server (no parsing in Node, no transformation).
 *
 *   npx tsx bench/portfolio-kbo-import.ts [--enterprises 200000] [--folder /tmp/kbo] [--database-url postgres://…]
 *
 * Creates (and drops) a scratch database `sp_bench_kbo_<pid>` on the server, generates the files
 * once (or reuses --folder), then runs: (1) plain COPY with the tables' indexes in place (the
 * reference), (2) plain COPY into the tables without secondary indexes plus the index build,
 * (3) `speerpunt import kbo` as its own process (the compiled CLI: checks, COPY, keys and indexes,
 * audit), timed with its peak memory (/usr/bin/time), (4) the same import parsing every line in
 * Node (`lineByLine`, the path of malformed files). Prints rows/s and ratios.
 */
import { formatNumber } from '../src/shared/money';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase } from '../src/server/db/database';
import { migrateToLatest } from '../src/server/db/migrate';
import { systemActor } from '../src/server/http/actor';
import { generateKbo } from '../src/server/modules/kbo/generate-kbo';
import { importKbo } from '../src/server/modules/kbo/import-kbo';
import { openPostgresSession } from '../src/server/modules/kbo/kbo-bulk';
import { KBO_FILES, KBO_INDEXES } from '../src/server/modules/kbo/kbo-format';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const enterprises = Number(argument('enterprises', '200000'));
const folder = argument('folder', path.join(os.tmpdir(), `speerpunt-kbo-bench-${enterprises}`));
const serverUrl = argument(
  'database-url',
  process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
);
const benchUrl = (() => {
  const url = new URL(serverUrl);
  url.pathname = `/sp_bench_kbo_${process.pid}`;
  return url.toString();
})();
const format = (n: number) => formatNumber(Math.round(n), 'en', 0);

async function plainCopy(client: pg.Client): Promise<number> {
  let rows = 0;
  await client.query("set datestyle = 'ISO, DMY'");
  for (const spec of KBO_FILES) {
    const stream = client.query(
      copyFrom(
        `copy ${spec.table} (${spec.columns.join(', ')}) from stdin with (format csv, header true,
          force_null (${spec.columns.join(', ')}))`,
      ),
    );
    await pipeline(
      fs.createReadStream(path.join(folder, `${spec.name}.csv`), { highWaterMark: 1 << 20 }),
      stream,
    );
    rows += Number(stream.rowCount ?? 0);
  }
  return rows;
}

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const benchName = `sp_bench_kbo_${process.pid}`;
  await admin.query(`create database ${benchName}`);
  try {
    const database = await openDatabase({ databaseUrl: benchUrl });
    await migrateToLatest(database.db);
    await database.close();

    if (!fs.existsSync(path.join(folder, 'activity.csv'))) {
      const started = Date.now();
      await generateKbo({ folder, enterprises });
      console.log(
        `generated ${format(enterprises)} enterprises ` +
          `in ${((Date.now() - started) / 1000).toFixed(1)} s into ${folder}`,
      );
    }
    const bytes = KBO_FILES.reduce((sum, f) => sum + fs.statSync(path.join(folder, `${f.name}.csv`)).size, 0);
    const client = new pg.Client({ connectionString: benchUrl });
    await client.connect();
    const truncate = 'truncate kbo_codes, kbo_enterprises, kbo_denominations, kbo_addresses, kbo_activities';

    // (1) Plain COPY, indexes in place.
    await client.query(truncate);
    let started = Date.now();
    const rows = await plainCopy(client);
    const withIndexes = (Date.now() - started) / 1000;

    // (2) Plain COPY without secondary indexes and keys, then build them.
    await client.query(truncate);
    await client.query(
      `${KBO_INDEXES.map((i) => `drop index if exists ${i.name};`).join(' ')} alter table ` +
        `kbo_enterprises drop constraint kbo_enterprises_pkey; alter table kbo_codes drop constraint ` +
        `kbo_codes_pkey;`,
    );
    started = Date.now();
    await plainCopy(client);
    const bareCopy = (Date.now() - started) / 1000;
    await client.query(
      'alter table kbo_enterprises add constraint kbo_enterprises_pkey primary key ' +
        '(enterprise_number); alter table kbo_codes add constraint kbo_codes_pkey primary key ' +
        '(category, code, language);',
    );
    for (const index of KBO_INDEXES) await client.query(index.sql);
    const bareWithBuild = (Date.now() - started) / 1000;
    await client.end();

    // (3) The real import: the CLI as its own process, with its peak memory.
    const cli = spawnSync(
      '/usr/bin/time',
      ['-f', '%M', process.execPath, 'bin/speerpunt.mjs', 'import', 'kbo', folder, '--quiet', '--json'],
      { env: { ...process.env, DATABASE_URL: benchUrl }, encoding: 'utf8' },
    );
    if (cli.status !== 0) throw new Error(`import kbo failed: ${cli.stderr}`);
    const summary = JSON.parse(cli.stdout) as {
      rowsLoaded: number;
      seconds: number;
      files: { parsedBy: string }[];
    };
    const ours = summary.seconds;
    const peak = Number(cli.stderr.trim().split('\n').pop()) / 1024;

    // (4) The same import reading every line in Node (the path of files with malformed lines).
    const session = await openPostgresSession(benchUrl);
    started = Date.now();
    await importKbo({
      source: folder,
      onError: 'stop',
      session,
      auditActor: systemActor('bench'),
      lineByLine: true,
    });
    const lineByLine = (Date.now() - started) / 1000;
    await session.close();

    const line = (label: string, seconds: number) =>
      console.log(
        `${label.padEnd(58)} ${seconds.toFixed(1).padStart(7)} s ${format(rows / seconds).padStart(10)} rows/s`,
      );
    console.log(
      `\nenterprise-register import ` +
        `bench: ${format(enterprises)} enterprises, ${format(rows)} rows, ${format(bytes / 1e6)} MB, ` +
        `PostgreSQL ${await (async () => {
          const c = new pg.Client({ connectionString: benchUrl });
          await c.connect();
          const v = (await c.query<{ server_version: string }>('show server_version')).rows[0].server_version;
          await c.end();
          return v;
        })()}`,
    );
    line('plain COPY, indexes in place (floor)', withIndexes);
    line('plain COPY, no indexes (bare floor)', bareCopy);
    line('plain COPY, no indexes, then build keys and indexes', bareWithBuild);
    line(`speerpunt import kbo (CLI process; parsed by ${summary.files[0]?.parsedBy})`, ours);
    line('the same import, every line parsed in Node (lineByLine)', lineByLine);
    console.log(
      `ratio import / plain COPY with indexes: ${(ours / withIndexes).toFixed(2)}x (target ≤ ` +
        `1.3); import / bare COPY + index build: ${(ours / bareWithBuild).toFixed(2)}x; line by line ` +
        `/ plain COPY with indexes: ${(lineByLine / withIndexes).toFixed(2)}x`,
    );
    console.log(`peak memory of the import process: ${peak.toFixed(0)} MB (target ≤ 300 MB)`);
    if (summary.rowsLoaded !== rows)
      console.log(`WARNING: the import loaded ${summary.rowsLoaded} rows, the plain COPY ${rows}.`);
  } finally {
    await admin.query(`drop database if exists ${benchName} with (force)`);
    await admin.end();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
