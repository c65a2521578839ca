/**
 * Start-up and CLI latency, each beside its reference measured in the same run:
 *   - `speerpunt --help` (compiled) beside a bare `node -e 0` and beside the TypeScript sources through tsx;
 *   - `speerpunt assign` 1000 proposals × 400 experts as a whole process (wall and CPU time), beside
 *     the solve alone in process; the solver beside HiGHS (LP) on one 300 × 120 instance;
 *   - `npm start` on a new embedded database (create, migrate, demo) until /healthz answers, then
 *     restarts; the same on a new PostgreSQL database (with SPEERPUNT_DEMO=true).
 *
 *   npx tsx bench/startup.ts [--runs 5] [--skip-postgres] [--database-url postgres://postgres@127.0.0.1:5432/postgres]
 *
 * Run `npm run build` first (the benchmark measures dist/). Only 127.0.0.1 is contacted.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import loadHighs from 'highs';
import pg from 'pg';
import { solveAssignment } from '../src/server/modules/assignment/solve-assignment';
import { randomGenerator, randomInstance, referenceOptimum } from './assignment-highs';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}
const runs = Number(argument('runs', '5'));
const serverUrl = argument(
  'database-url',
  process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
);
const root = path.resolve(import.meta.dirname, '..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'speerpunt-bench-start-'));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Wall and CPU time (user + system, from /usr/bin/time) of a whole process. */
function timeProcess(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { wall: number; cpu: number } {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S', command, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const wall = performance.now() - started;
  if (result.status !== 0 && result.status !== 2) throw new Error(`${command} ${args.join(' ')} failed`);
  const [user, system] = result.stderr.trim().split('\n').pop()?.split(' ').map(Number) ?? [0, 0];
  return { wall, cpu: (user + system) * 1000 };
}

/** Median wall and median CPU of several runs. */
function timeRuns(count: number, command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const all = Array.from({ length: count }, () => timeProcess(command, args, env));
  return { wall: median(all.map((r) => r.wall)), cpu: median(all.map((r) => r.cpu)) };
}
const ws = (t: { wall: number; cpu: number }) => `${s(t.wall)} wall, ${s(t.cpu)} CPU`;

function line(label: string, value: string, reference = '') {
  console.log(`  ${label.padEnd(52)} ${value.padStart(24)}   ${reference}`);
}

/** CPU time (user + system) a process has used so far, from /proc (Linux; 0 elsewhere). */
function cpuOf(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/**
 * `npm start` (or, with `serverOnly`, the server process alone: `node bin/speerpunt.mjs serve`)
 * until /healthz answers; then SIGTERM to the whole process group. With `serverOnly` the CPU time
 * the server used until it answered is measured too (under load, compare that rather than wall time).
 */
async function startToHealthy(
  env: NodeJS.ProcessEnv,
  port: number,
  serverOnly = false,
): Promise<{ ms: number; cpu: number; output: string }> {
  const started = performance.now();
  const [command, args] = serverOnly
    ? [process.execPath, ['bin/speerpunt.mjs', 'serve']]
    : ['npm', ['start', '--silent']];
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    for (;;) {
      if (performance.now() - started > 600_000) throw new Error(`no /healthz after 600 s:\n${output}`);
      if (child.exitCode !== null) throw new Error(`the server stopped:\n${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const ms = performance.now() - started;
    return { ms, cpu: serverOnly && child.pid ? cpuOf(child.pid) : 0, output };
  } finally {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

/** The server's own step lines ("database open (1.2 s)", "… started in 1.9 s)"). */
const stepLines = (output: string) =>
  output
    .split('\n')
    .filter((l) => (l.startsWith('speerpunt:') && /\(\d/.test(l)) || l.includes('started in'));

console.log(
  `start-up and CLI latency (${os.cpus().length} cores, load ` +
    `average ${os.loadavg()[0].toFixed(1)}, node ${process.version})`,
);

// CLI latency.
const bare = timeRuns(runs, process.execPath, ['-e', '0']);
const help = timeRuns(runs, process.execPath, ['bin/speerpunt.mjs', '--help']);
const helpSources = timeProcess(process.execPath, ['bin/speerpunt.mjs', '--help'], {
  SPEERPUNT_FROM_SOURCE: '1',
});
console.log('CLI (medians; under load compare CPU times and ratios)');
line('node -e 0 (reference)', ws(bare));
line(
  'speerpunt --help (compiled)',
  ws(help),
  `${(help.wall / bare.wall).toFixed(1)}× bare node (wall); target ≤ 0.30 s`,
);
line(
  'speerpunt --help (sources through tsx, the old way)',
  ws(helpSources),
  `${(helpSources.wall / help.wall).toFixed(0)}× compiled (wall)`,
);

// assign 1000 × 400 as a whole process; the solver beside HiGHS on one instance (bounded size).
const options = (proposals: number, experts: number) => ({
  proposals,
  experts,
  demand: 3,
  maxLoad: [6, 12] as [number, number],
  minLoad: [0, 2] as [number, number],
  conflictRate: 0.02,
  forcedCount: 50,
});
const instance = randomInstance(randomGenerator(2026), options(1000, 400));
const input = path.join(scratch, 'assign-1000x400.json');
fs.writeFileSync(input, JSON.stringify(instance));
const whole = timeRuns(3, process.execPath, ['bin/speerpunt.mjs', 'assign', '--input', input]);
let started = performance.now();
solveAssignment(instance);
const solve = performance.now() - started;
console.log(
  `assign 1000 proposals × 400 experts × 3 reviews (${(fs.statSync(input).size / 1e6).toFixed(1)} MB of JSON)`,
);
line('speerpunt assign, whole process', ws(whole), 'target ≤ 1.0 s');
line('  the solve alone, in process', s(solve));
const highs = await loadHighs();
const medium = randomInstance(randomGenerator(7), options(300, 120));
started = performance.now();
solveAssignment(medium);
const ours = performance.now() - started;
started = performance.now();
referenceOptimum(highs, medium);
const lp = performance.now() - started;
console.log('solver beside HiGHS (LP, lexicographic optimum), 300 proposals × 120 experts, in process');
line('speerpunt solver (min-cost flow)', s(ours));
line('HiGHS (reference)', s(lp), `${(lp / ours).toFixed(0)}× the solver`);

// Server start on the embedded database.
console.log('npm start → /healthz');
const dataDir = path.join(scratch, 'data');
const first = await startToHealthy({ SPEERPUNT_DATA_DIR: dataDir }, 18700);
line('first start, new embedded database (create, migrate, demo)', s(first.ms), 'target ≤ 15 s');
for (const p of stepLines(first.output)) console.log(`      ${p}`);
const restarts: number[] = [];
for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++)
  restarts.push((await startToHealthy({ SPEERPUNT_DATA_DIR: dataDir }, 18701)).ms);
line('restart with the demo data (median)', s(median(restarts)), 'target ≤ 2 s');
// The server process alone (without npm and the staleness check), with its CPU time until healthy.
const alone = [];
for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++)
  alone.push(await startToHealthy({ SPEERPUNT_DATA_DIR: dataDir }, 18704, true));
line(
  '  the server process alone (node bin/speerpunt.mjs serve)',
  ws({ wall: median(alone.map((a) => a.ms)), cpu: median(alone.map((a) => a.cpu)) }),
);
for (const p of stepLines(alone[alone.length - 1].output)) console.log(`      ${p}`);

if (!process.argv.includes('--skip-postgres')) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const name = `sp_bench_start_${process.pid}`;
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString(), SPEERPUNT_DEMO: 'true' };
    const pgFirst = await startToHealthy(env, 18702);
    line('first start, new PostgreSQL database (migrate, demo)', s(pgFirst.ms));
    const pgRestarts: number[] = [];
    for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++)
      pgRestarts.push((await startToHealthy(env, 18703)).ms);
    line('restart on PostgreSQL (median)', s(median(pgRestarts)));
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
fs.rmSync(scratch, { recursive: true, force: true });
