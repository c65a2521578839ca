import type { Command } from 'commander';
import pino from 'pino';
import { withCliDatabase } from '../open-database';
import { printJson } from '../output';
import { LANG_HELP, LANG_OPTION, say } from '../cli-options';
import { systemActor } from '../../server/http/actor';
import { runReminders } from '../../server/modules/partnership/run-reminders';
import { sendOutbox } from '../../server/notifications/send-outbox';

/** `speerpunt reminders run`: the partnership reminders of today (idempotent: once per item per person per day). */
export function registerPartnershipReminders(program: Command): void {
  const reminders = program
    .command('reminders')
    .description(
      'Partnership reminders: due and overdue actions, report deadlines, open KPI validations, weekly digests',
    );
  reminders
    .command('run')
    .description(
      "Send today's reminders (in the app and to the e-mail outbox); running it again the same day sends nothing twice",
    )
    .option(
      '--date <YYYY-MM-DD>',
      'act as if it were this day (Europe/Brussels), e.g. to catch up a missed day',
    )
    .option('--send-mail', 'also send the e-mail outbox now (otherwise the server sends it)')
    .option('--json', 'print JSON')
    .option(LANG_OPTION, LANG_HELP)
    .action(async (options: { date?: string; sendMail?: boolean; json?: boolean }) => {
      if (options.date && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
        process.stderr.write(say('--date is JJJJ-MM-DD\n', '--date must be YYYY-MM-DD\n'));
        process.exitCode = 2;
        return;
      }
      // Noon in Brussels on the given day is the same calendar day whatever the season.
      const now = options.date ? new Date(`${options.date}T11:00:00Z`) : new Date();
      const result = await withCliDatabase(async (database) => {
        const sent = await runReminders(database.db, { now, auditActor: systemActor('cli') });
        const mailed = options.sendMail
          ? await sendOutbox(database.db, database.config, pino({ level: 'warn' }, pino.destination(2)))
          : 0;
        return { ...sent, mailed };
      });
      if (options.json) printJson(result);
      else
        process.stdout.write(
          say(
            `Herinneringen ${result.date}: ${result.actionOverdue} acties over tijd, ${result.actionDue} acties ` +
              `binnenkort, ${result.reportDeadline} rapportdeadlines, ${result.validationOpen} open validaties, ` +
              `${result.digests} weekoverzichten${options.sendMail ? `; ${result.mailed} e-mails verstuurd` : ''}.\n`,
            `Reminders ${result.date}: ${result.actionOverdue} actions ` +
              `overdue, ${result.actionDue} actions due soon, ` +
              `${result.reportDeadline} report deadlines, ${result.validationOpen} open validations, ` +
              `${result.digests} weekly digests${options.sendMail ? `; ${result.mailed} e-mails sent` : ''}.\n`,
          ),
        );
    });
}
