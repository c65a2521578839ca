/**
 * The embedded database (PGlite) beside a PostgreSQL server, on the demo data: the same compiled
 * server, the same read routes, under autocannon, one backend after the other.
 *
 *   npx tsx bench/backends.ts [--seconds 8] [--connections 10] \
 *     [--database-url postgres://postgres@127.0.0.1:5432/postgres]
 *
 * Starts `speerpunt serve` on a new embedded database in a scratch folder (demo loaded at its first
 * start) and on a new scratch PostgreSQL database (SPEERPUNT_DEMO=true), logs in as the demo
 * officer and measures each route for --seconds. Run `npm run build` first. Only 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}
const seconds = Number(argument('seconds', '8'));
const connections = Number(argument('connections', '10'));
const serverUrl = argument(
  'database-url',
  process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
);
const root = path.resolve(import.meta.dirname, '..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'speerpunt-bench-backends-'));
const routes = [
  '/api/clusters',
  '/api/organisations',
  '/api/calls',
  '/api/kpis/portfolio',
  '/api/policy/overlap',
  '/api/policy/network',
  '/api/funding/dashboard',
];

interface Figures {
  rps: number;
  p99: number;
  errors: number;
}

async function serve(env: NodeJS.ProcessEnv, port: number, body: (base: string) => Promise<void>) {
  const child = spawn(process.execPath, ['bin/speerpunt.mjs', 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  try {
    const started = Date.now();
    for (;;) {
      if (Date.now() - started > 600_000 || child.exitCode !== null)
        throw new Error(`server did not start:\n${output}`);
      if (
        await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await body(base);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function measure(base: string): Promise<Map<string, Figures>> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'officer@speerpunt.example', password: 'Speerpunt-demo-2026' }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const figures = new Map<string, Figures>();
  for (const route of routes) {
    const check = await fetch(`${base}${route}`, { headers: { cookie } });
    if (!check.ok) throw new Error(`${route} answered ${check.status}`);
    const result = await autocannon({
      url: `${base}${route}`,
      connections,
      duration: seconds,
      headers: { cookie },
    });
    figures.set(route, {
      rps: result.requests.average,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
    });
  }
  return figures;
}

console.log(
  `PGlite beside PostgreSQL on the demo (${os.cpus().length} cores, load ` +
    `average ${os.loadavg()[0].toFixed(1)}; ${connections} connections, ${seconds} s per route)`,
);
let embedded = new Map<string, Figures>();
await serve({ SPEERPUNT_DATA_DIR: path.join(scratch, 'data') }, 18720, async (base) => {
  embedded = await measure(base);
});
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
const name = `sp_bench_backends_${process.pid}`;
await admin.query(`create database ${name}`);
let server = new Map<string, Figures>();
try {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await serve({ DATABASE_URL: url.toString(), SPEERPUNT_DEMO: 'true' }, 18721, async (base) => {
    server = await measure(base);
  });
} finally {
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
  fs.rmSync(scratch, { recursive: true, force: true });
}
console.log(
  `  ${'route'.padEnd(26)} ${'PGlite req/s'.padStart(13)} ${'p99'.padStart(7)} ` +
    `${'PostgreSQL req/s'.padStart(17)} ${'p99'.padStart(7)}  ` +
    `ratio`,
);
for (const route of routes) {
  const a = embedded.get(route);
  const b = server.get(route);
  if (!a || !b) continue;
  console.log(
    `  ${route.padEnd(26)} ${a.rps.toFixed(0).padStart(13)} ${`${a.p99} ms`.padStart(7)} ` +
      `${b.rps.toFixed(0).padStart(17)} ${`${b.p99} ms`.padStart(7)}  ${(a.rps / b.rps).toFixed(2)}` +
      `${a.errors + b.errors > 0 ? `  (errors ${a.errors}/${b.errors})` : ''}`,
  );
}
