import { centsToDecimalString } from '../../shared/money';
import fs from 'node:fs';
import type { Command } from 'commander';
import { withCliDatabase } from '../open-database';
import { printJson, printTable, reportCliError } from '../output';
import { computeDashboard } from '../../server/modules/funding/compute-dashboard';
import { aidAwardsQuery } from '../../server/modules/funding/funding.repository';
import { presentAidAward } from '../../server/modules/funding/funding.presenter';
import { buildXlsx } from '../../server/http/spreadsheet';

/** `speerpunt funding dashboard` and `speerpunt funding aid-export <file.xlsx>`. */
export function registerFunding(program: Command): void {
  const funding = program.command('funding').description('Funding lines, budgets and the state-aid register');
  funding
    .command('dashboard')
    .description('Budget, committed, paid and remaining per funding line (euros, exact)')
    .option('--json', 'print JSON (amounts in cents)')
    .action(async (options: { json?: boolean }) => {
      try {
        const dashboard = await withCliDatabase((database) => computeDashboard(database.db));
        if (options.json) return printJson(dashboard);
        printTable(
          dashboard.byLine.map((l) => ({
            line: l.code,
            year: l.year,
            budget: centsToDecimalString(l.budgetCents),
            committed: centsToDecimalString(l.committedCents),
            paid: centsToDecimalString(l.paidCents),
            remaining: centsToDecimalString(l.remainingCents),
          })),
        );
      } catch (error) {
        reportCliError(error, Boolean(options.json));
      }
    });
  funding
    .command('aid-export')
    .argument('<file>', 'where to write the XLSX')
    .description('Write the state-aid register (every aid amount with regime, legal basis and date) as XLSX')
    .action(async (file: string) => {
      try {
        const rows = await withCliDatabase(async (database) =>
          (await aidAwardsQuery(database.db).execute()).map(presentAidAward),
        );
        const body = await buildXlsx(
          'Staatssteun',
          [
            { header: 'organisation', value: (a) => a.organisationName, width: 40 },
            { header: 'enterprise_number', value: (a) => a.enterpriseNumber },
            { header: 'regime', value: (a) => a.regime },
            { header: 'legal_basis', value: (a) => a.legalBasis, width: 30 },
            { header: 'amount_cents', value: (a) => a.amountCents },
            { header: 'amount_eur', value: (a) => centsToDecimalString(a.amountCents) },
            { header: 'granted_on', value: (a) => a.grantedOn },
            { header: 'granting_authority', value: (a) => a.grantedByAuthority, width: 30 },
            { header: 'project', value: (a) => a.projectCode },
          ],
          rows,
        );
        fs.writeFileSync(file, body);
        process.stdout.write(`${rows.length} aid amounts written to ${file}\n`);
      } catch (error) {
        reportCliError(error, false);
      }
    });
}
