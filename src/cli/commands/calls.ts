import type { Command } from 'commander';
import { withCliDatabase } from '../open-database';
import { printJson } from '../output';
import { LANG_HELP, LANG_OPTION, say, withCommonOptions } from '../cli-options';
import { systemActor } from '../../server/http/actor';
import { findCalls } from '../../server/modules/calls/calls.repository';
import { presentCallSummary } from '../../server/modules/calls/calls.presenter';
import { closeExpiredCalls } from '../../server/modules/calls/move-call-status';

export function registerCalls(program: Command): void {
  const calls = program.command('calls').description('Open calls for proposals');
  calls
    .command('list')
    .description('List calls with status, deadline and number of submitted proposals')
    .option('--json', 'print JSON')
    .option(LANG_OPTION, LANG_HELP)
    .action(async (options: { json?: boolean }) => {
      const rows = await withCliDatabase(async (database) =>
        (await findCalls(database.db, { includeDrafts: true })).map((row) =>
          presentCallSummary(row, new Date(), { showCounts: true }),
        ),
      );
      if (options.json) printJson(rows);
      else
        for (const c of rows)
          process.stdout.write(
            `${c.code}\t${c.status}\t${c.closesAt ?? '-'}\t${c.proposalCount ?? 0}\t${c.titleNl}\n`,
          );
    });
  withCommonOptions(
    calls
      .command('close-expired')
      .description(
        'Close every open call whose deadline has passed ' +
          '(the API also does this before each read; use from cron for the audit timing)',
      ),
  ).action(async (options: { json?: boolean }) => {
    const closed = await withCliDatabase((database) =>
      closeExpiredCalls(database.db, new Date(), systemActor('clock')),
    );
    if (options.json) printJson({ closed });
    else
      process.stdout.write(
        closed === 1
          ? say('1 oproep gesloten.\n', '1 call closed.\n')
          : say(`${closed} oproepen gesloten.\n`, `${closed} calls closed.\n`),
      );
  });
}
