import type { Command } from 'commander';
import { loadConfig } from '../../config';
import { openDatabase } from '../../server/db/database';
import { acquireDataDirLock } from '../../server/db/data-dir-lock';
import { migrateToLatest } from '../../server/db/migrate';
import { buildApp, loggerOptions } from '../../server/app';
import { loadDemo } from '../../server/demo/load-demo';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../server/demo/accounts.seed';
import { purgeExpiredSessions } from '../../server/modules/auth/sessions.repository';
import { sendOutbox } from '../../server/notifications/send-outbox';
import { startReminderSchedule } from '../../server/modules/partnership/run-reminders';
import { startReviewReminderSchedule } from '../../server/modules/review/schedule-review-reminders';
import { say, withCommonOptions } from '../cli-options';

/** Demo data loads on the embedded database by default; on a server only with SPEERPUNT_DEMO=true. */
function wantsDemo(hasServer: boolean): boolean {
  const flag = process.env.SPEERPUNT_DEMO;
  if (flag === 'true' || flag === '1') return true;
  if (flag === 'false' || flag === '0') return false;
  return !hasServer;
}

export async function serve(options: { json?: boolean } = {}): Promise<void> {
  const config = loadConfig();
  const release = config.databaseUrl ? () => {} : acquireDataDirLock(config.dataDir);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const { applied } = await migrateToLatest(database.db);
  const app = await buildApp({ db: database.db, config, logger: loggerOptions(config.logLevel) });
  if (applied.length > 0) app.log.info({ applied }, 'migrations applied');
  if (wantsDemo(Boolean(config.databaseUrl))) {
    const demo = await loadDemo(database.db, config);
    if (demo.loaded) {
      const accounts = DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(10)} ${a.email}`).join('\n');
      if (!options.json)
        process.stdout.write(
          `\n${say('Demogegevens geladen (voorbeeldgegevens)', 'Demo data loaded (example data)')}:\n` +
            `${demo.lines.map((l) => `  ${l}`).join('\n')}\n` +
            `${say('Demo-accounts, wachtwoord', 'Demo accounts, password')} "${DEMO_PASSWORD}":\n${accounts}\n\n`,
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
      void sendOutbox(database.db, config.smtpUrl, app.log).catch((error) =>
        app.log.warn({ err: error }, 'outbox run failed'),
      ),
    15_000,
  );
  outbox.unref();
  const stopReminders = startReminderSchedule(database.db, app.log);
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
  const url = `http://localhost:${config.port}`;
  if (options.json)
    process.stdout.write(
      `${JSON.stringify({ listening: url, database: database.kind, dataDir: config.dataDir })}\n`,
    );
  else
    process.stdout.write(
      say(
        `Speerpunt luistert op ${url} (${database.kind === 'pglite' ? `ingebedde databank in ${config.dataDir}` : 'PostgreSQL-server'})\n`,
        `Speerpunt listens on ${url} (${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server'})\n`,
      ),
    );
}

export function registerServe(program: Command): void {
  withCommonOptions(
    program
      .command('serve')
      .description(
        'Serve the API and the web app (migrates first; loads demo data on a new embedded database)',
      ),
    'print the start-up line as JSON (the log is JSON lines already)',
  ).action((options: { json?: boolean }) => serve(options));
}
