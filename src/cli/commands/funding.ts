import fs from 'node:fs';
import type { Command } from 'commander';
import { withCliDatabase } from '../open-database';
import { printJson, printTable, reportCliError } from '../output';
import { cliLanguage, LANG_HELP, LANG_OPTION, say, withCommonOptions } from '../cli-options';
import { computeDashboard } from '../../server/modules/funding/compute-dashboard';
import { aidAwardsQuery } from '../../server/modules/funding/funding.repository';
import { presentAidAward } from '../../server/modules/funding/funding.presenter';
import { formatMoney } from '../../shared/money';
import { buildAidExport } from '../../server/modules/funding/aid-export';

/** `speerpunt funding dashboard` and `speerpunt funding aid-export <file.xlsx>`. */
export function registerFunding(program: Command): void {
  const funding = program.command('funding').description('Funding lines, budgets and the state-aid register');
  funding
    .command('dashboard')
    .description('Budget, committed, paid and remaining per funding line (euros, exact)')
    .option('--json', 'print JSON (amounts in cents)')
    .option(LANG_OPTION, LANG_HELP)
    .action(async (options: { json?: boolean }) => {
      try {
        const dashboard = await withCliDatabase((database) => computeDashboard(database.db));
        if (options.json) return printJson(dashboard);
        const euro = (cents: number) => formatMoney(cents, cliLanguage());
        printTable(
          dashboard.byLine.map((l) => ({
            line: l.code,
            year: l.year,
            budget: euro(l.budgetCents),
            committed: euro(l.committedCents),
            paid: euro(l.paidCents),
            remaining: euro(l.remainingCents),
          })),
        );
      } catch (error) {
        reportCliError(error, Boolean(options.json));
      }
    });
  withCommonOptions(
    funding
      .command('aid-export')
      .argument('<file>', 'where to write the XLSX')
      .description(
        'Write the state-aid register (every aid amount with regime, legal basis and date) as XLSX: ' +
          'amounts as euro numbers, dates as date cells, headers in the --lang language',
      ),
  ).action(async (file: string, options: { json?: boolean }) => {
    try {
      const rows = await withCliDatabase(async (database) =>
        (await aidAwardsQuery(database.db).execute()).map(presentAidAward),
      );
      fs.writeFileSync(file, await buildAidExport(rows, cliLanguage()));
      if (options.json) printJson({ file, rows: rows.length });
      else
        process.stdout.write(
          say(
            `${rows.length} steunbedragen geschreven naar ${file}\n`,
            `${rows.length} aid amounts written to ${file}\n`,
          ),
        );
    } catch (error) {
      reportCliError(error, Boolean(options.json));
    }
  });
}
