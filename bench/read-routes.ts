/**
 * The main read routes under load, side by side with the same SQL through `pg` without HTTP.
 *
 *   npx tsx bench/read-routes.ts                      # on BENCH_DATABASE_URL (PostgreSQL)
 *   BENCH_SECONDS=3 BENCH_CONNECTIONS=20 npx tsx bench/read-routes.ts
 *   BENCH_ROUTES=/api/policy/network npx tsx bench/read-routes.ts   # only routes starting so (comma-separated)
 *
 * The database should hold a generated portfolio (`speerpunt demo generate --scale flanders`
 * or `--scale europe`). The server runs as its own process (`speerpunt serve`, 127.0.0.1 only)
 * so its memory is measured alone (peak resident set from /proc). For each route the script
 * first sends one request and times it (cold: caches empty), then records the SQL statements a
 * warm request sends (through a Kysely log hook on an in-process app on the same database),
 * then runs autocannon against the server and, for the same time, replays those statements
 * over a pool of the same number of `pg` clients. Each run is bounded in time.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
// The app's type parsers (calendar dates stay strings, bigint counts numbers) come with this module.
import '../src/server/db/database';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/config';
import type { DB } from '../src/server/db/types';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/server/demo/accounts.seed';

const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/speedb_europe';
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const port = Number(process.env.BENCH_PORT ?? 18_080);
const base = `http://127.0.0.1:${port}`;

interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('The server did not become healthy');
}

function residentKb(pid: number): { rss: number; hwm: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const read = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: read('VmRSS'), hwm: read('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/** Replays one request's statements over `pool` from `connections` workers for `seconds`. */
async function replay(pool: pg.Pool, statements: Statement[]) {
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  const worker = async () => {
    while (Date.now() < until) {
      const started = performance.now();
      const client = await pool.connect();
      try {
        for (const s of statements) await client.query(s.sql, s.parameters as unknown[]);
      } finally {
        client.release();
      }
      latencies.push(performance.now() - started);
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { p99: percentile(latencies, 99), rps: latencies.length / elapsed };
}

async function main(): Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  const scale = await pool.query<{ clusters: string; organisations: string; memberships: string }>(
    `select (select count(*) from clusters) as clusters, (select count(*) from organisations) as organisations,
            (select count(*) from memberships) as memberships`,
  );
  const biggest = await pool.query<{ cluster_id: string }>(
    'select cluster_id from memberships group by cluster_id order by count(*) desc limit 1',
  );
  const busiestCall = await pool.query<{ call_id: string }>(
    `select p.call_id from proposals p join calls c on c.id = p.call_id where c.status <> 'draft'
     group by p.call_id order by count(*) desc limit 1`,
  );
  const clusterId = biggest.rows[0]?.cluster_id;
  const callId = busiestCall.rows[0]?.call_id;
  if (!clusterId || !callId)
    throw new Error('The database has no memberships or proposals: generate a portfolio first');
  const only = process.env.BENCH_ROUTES?.split(',').filter(Boolean) ?? [];
  const routes = [
    '/api/clusters',
    `/api/clusters/${clusterId}`,
    '/api/organisations?q=nova%20sys',
    `/api/clusters/${clusterId}/members`,
    '/api/public/portfolio',
    '/api/kpis/portfolio',
    '/api/policy/network',
    '/api/policy/overlap',
    '/api/policy/coverage',
    `/api/calls/${callId}/proposals`,
    '/api/funding/dashboard',
  ].filter((route) => only.length === 0 || only.some((prefix) => route.startsWith(prefix)));

  const server = spawn(process.execPath, ['bin/speerpunt.mjs', 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SPEERPUNT_DEMO: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const pid = server.pid ?? 0;
  let peakRss = 0;
  // The highest resident set while the current route ran (cold request and load), and overall.
  let routePeakRss = 0;
  const sampler = setInterval(() => {
    const rss = residentKb(pid).rss;
    peakRss = Math.max(peakRss, rss);
    routePeakRss = Math.max(routePeakRss, rss);
  }, 100);
  try {
    await waitForHealth();
    const officer = DEMO_ACCOUNTS.find((a) => a.role === 'officer');
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: officer?.email, password: DEMO_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    if (!login.ok || !cookie) throw new Error(`Login failed: ${login.status}`);

    // The in-process app records the statements of a warm request (same database, same code).
    let recording: Statement[] | null = null;
    const recorder = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 4 }) }),
      log: (event: LogEvent) => {
        if (event.level === 'query' && recording)
          recording.push({ sql: event.query.sql, parameters: event.query.parameters });
      },
    });
    const app = await buildApp({ db: recorder, config: { ...loadConfig({}), webDistDir: '/nonexistent' } });
    const inProcessLogin = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: officer?.email, password: DEMO_PASSWORD },
    });
    const inProcessCookie = `sp_session=${inProcessLogin.cookies.find((c) => c.name === 'sp_session')?.value ?? ''}`;

    const s = scale.rows[0];
    process.stdout.write(
      `Read routes on ` +
        `PostgreSQL: ${s.clusters} clusters, ${s.organisations} organisations, ${s.memberships} memberships\n` +
        `${connections} concurrent clients, ${seconds} s per route and per side; ${os.cpus().length} cores, ` +
        `${os.cpus()[0]?.model ?? ''}; ${new Date().toISOString()}\n\n`,
    );
    process.stdout.write(
      `${'route'.padEnd(44)} ${'cold ms'.padStart(8)} ${'stmts'.padStart(6)} ` +
        `${'HTTP p99'.padStart(9)} ${'HTTP r/s'.padStart(9)}` +
        ` ${'SQL p99'.padStart(8)} ${'SQL r/s'.padStart(8)} ${'ratio'.padStart(6)} ${'bytes'.padStart(9)}` +
        ` ${'peak MB'.padStart(8)}\n`,
    );
    for (const route of routes) {
      routePeakRss = residentKb(pid).rss;
      const coldStarted = performance.now();
      const cold = await fetch(`${base}${route}`, { headers: { cookie } });
      const body = await cold.arrayBuffer();
      const coldMs = performance.now() - coldStarted;
      if (!cold.ok) throw new Error(`${route} answered ${cold.status}`);
      await app.inject({ method: 'GET', url: route, headers: { cookie: inProcessCookie } });
      recording = [];
      await app.inject({ method: 'GET', url: route, headers: { cookie: inProcessCookie } });
      const statements: Statement[] = recording;
      recording = null;
      const http = await autocannon({
        url: `${base}${route}`,
        connections,
        duration: seconds,
        // As a browser asks: answers kept gzipped (revision-cache.ts) are sent so.
        headers: { cookie, 'accept-encoding': 'gzip, deflate, br' },
      });
      const sql = await replay(pool, statements);
      const ratio = sql.rps > 0 ? http.requests.average / sql.rps : 0;
      process.stdout.write(
        `${route.replace(/[0-9a-f-]{36}/, ':id').padEnd(44)} ${coldMs.toFixed(0).padStart(8)} ` +
          `${String(statements.length).padStart(6)}` +
          ` ${`${http.latency.p99} ms`.padStart(9)} ${http.requests.average.toFixed(0).padStart(9)}` +
          (` ${`${sql.p99.toFixed(0)} ms`.padStart(8)} ${sql.rps.toFixed(0).padStart(8)} ` +
            `${ratio.toFixed(2).padStart(6)}`) +
          ` ${String(body.byteLength).padStart(9)} ${(routePeakRss / 1024).toFixed(0).padStart(8)}` +
          `${http.non2xx > 0 ? `  (${http.non2xx} non-2xx)` : ''}\n`,
      );
    }
    await app.close();
    await recorder.destroy();
    const memory = residentKb(pid);
    process.stdout.write(
      `\nServer memory: peak resident ${(Math.max(peakRss, memory.hwm) / 1024).toFixed(0)} MB ` +
        `(now ${(memory.rss / 1024).toFixed(0)} MB)\n`,
    );
  } finally {
    clearInterval(sampler);
    server.kill('SIGTERM');
    await pool.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
