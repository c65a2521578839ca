import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config';
import { openDatabase } from '../../server/db/database';
import { acquireDataDirLock } from '../../server/db/data-dir-lock';
import { migrateToLatest } from '../../server/db/migrate';
import { totpKeyOf } from '../../server/modules/auth/totp-secret-box';

/**
 * What serving needs besides the database: the app with its routes, the demo loader and the
 * background jobs. Imported while the database opens (loading these modules and opening the
 * database each take a good part of a restart; neither needs the other).
 */
async function loadServerModules() {
  const [app, demo, sessions, outbox, reminders, reviewReminders, checkpoints] = await Promise.all([
    import('../../server/app'),
    import('../../server/demo/load-demo'),
    import('../../server/modules/auth/sessions.repository'),
    import('../../server/notifications/send-outbox'),
    import('../../server/modules/partnership/run-reminders'),
    import('../../server/modules/review/schedule-review-reminders'),
    import('../../server/audit/audit-checkpoint'),
  ]);
  return {
    buildApp: app.buildApp,
    loggerOptions: app.loggerOptions,
    loadDemo: demo.loadDemo,
    purgeExpiredSessions: sessions.purgeExpiredSessions,
    sendOutbox: outbox.sendOutbox,
    startReminderSchedule: reminders.startReminderSchedule,
    startReviewReminderSchedule: reviewReminders.startReviewReminderSchedule,
    startAuditCheckpoints: checkpoints.startAuditCheckpoints,
  };
}

/** Demo data loads on the embedded database by default; on a server only with SPEERPUNT_DEMO=true. */
function wantsDemo(hasServer: boolean): boolean {
  const flag = process.env.SPEERPUNT_DEMO;
  if (flag === 'true' || flag === '1') return true;
  if (flag === 'false' || flag === '0') return false;
  return !hasServer;
}

/** Progress lines of the start-up on stdout: what is being done, and how long it took. */
function startupProgress() {
  const started = performance.now();
  let stepStarted = started;
  const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`;
  return {
    step(text: string) {
      stepStarted = performance.now();
      process.stdout.write(`speerpunt: ${text}…\n`);
    },
    done(text: string) {
      process.stdout.write(`speerpunt: ${text} (${seconds(stepStarted)})\n`);
    },
    total: () => seconds(started),
  };
}

export async function serve(): Promise<void> {
  const progress = startupProgress();
  const config = loadConfig();
  const release = config.databaseUrl ? () => {} : acquireDataDirLock(config.dataDir);
  const fresh = !config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'PG_VERSION'));
  progress.step(
    config.databaseUrl
      ? 'connecting to the PostgreSQL server'
      : fresh
        ? `creating the embedded database in ${config.dataDir}`
        : `opening the embedded database in ${config.dataDir}`,
  );
  const modules = loadServerModules();
  // Awaited below; a failure to open the database must not surface first as an unhandled rejection.
  modules.catch(() => undefined);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  progress.done('database open');
  progress.step('checking migrations');
  const { applied } = await migrateToLatest(database.db, { totpKey: () => totpKeyOf(config) });
  progress.done(applied.length > 0 ? `${applied.length} migrations applied` : 'database schema up to date');
  const pglite = database.pglite;
  const {
    buildApp,
    loggerOptions,
    loadDemo,
    purgeExpiredSessions,
    sendOutbox,
    startReminderSchedule,
    startReviewReminderSchedule,
    startAuditCheckpoints,
  } = await modules;
  const app = await buildApp({
    db: database.db,
    config,
    logger: loggerOptions(config.logLevel),
    dumpDatabase: pglite ? () => pglite.dumpDataDir('gzip') : undefined,
  });
  if (applied.length > 0) app.log.info({ applied }, 'migrations applied');
  if (wantsDemo(Boolean(config.databaseUrl))) {
    const demo = await loadDemo(database.db, config, (name, index, total) => {
      if (index === 0) progress.step('loading the demo portfolio (example data, once)');
      process.stdout.write(`speerpunt:   demo ${index + 1}/${total}: ${name}\n`);
    });
    if (demo.loaded) {
      progress.done('demo portfolio loaded');
      const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await import('../../server/demo/accounts.seed');
      const accounts = DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(10)} ${a.email}`).join('\n');
      process.stdout.write(
        `\nDemo data loaded (example data):\n${demo.lines.map((l) => `  ${l}`).join('\n')}\nDemo ` +
          `accounts, password "${DEMO_PASSWORD}":\n${accounts}\n\n`,
      );
    }
  }
  const purge = setInterval(
    () =>
      void purgeExpiredSessions(database.db, new Date()).catch((error) =>
        app.log.warn({ err: error }, 'session purge failed'),
      ),
    3_600_000,
  );
  purge.unref();
  const outbox = setInterval(
    () =>
      void sendOutbox(database.db, config, app.log).catch((error) =>
        app.log.warn({ err: error }, 'outbox run failed'),
      ),
    15_000,
  );
  outbox.unref();
  const stopReminders = startReminderSchedule(database.db, app.log);
  const stopCheckpoints = startAuditCheckpoints(database.db, config.auditCheckpointMinutes, {
    file: config.auditCheckpointFile,
    log: app.log,
  });
  const stopReviewReminders = startReviewReminderSchedule(database.db, config, app.log);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing open requests');
    clearInterval(purge);
    clearInterval(outbox);
    stopReminders();
    stopReviewReminders();
    stopCheckpoints();
    try {
      await app.close();
      await database.close();
    } finally {
      release();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(
    `Speerpunt listens on ` +
      (`http://localhost:${config.port} (` +
        `${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server'}; `) +
      `started in ${progress.total()})\n`,
  );
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the API and the web app (migrates first; loads demo data on a new embedded database)')
    .action(serve);
}
