import fs from 'node:fs';
import type { Command } from 'commander';
import { withCliDatabase, type CliDatabase } from '../open-database';
import { printJson, printTable, reportCliError } from '../output';
import { systemActor } from '../../server/http/actor';
import type { StepContext } from '../../server/http/request-context';
import { installStandardLibrary } from '../../server/modules/kpis/install-library';
import { importCordis } from '../../server/modules/kpis/import-cordis';
import { closePeriod } from '../../server/modules/kpis/close-period';
import { COMPUTED_QUERIES } from '../../server/modules/kpis/kpi-queries';

function cliContext(database: CliDatabase): StepContext {
  return {
    db: database.db,
    actor: null,
    auditActor: systemActor('cli'),
    requestId: null,
    now: () => new Date(),
    config: database.config,
  };
}

/** `speerpunt kpis install-library | import-cordis | close-period | sql`. */
export function registerKpis(program: Command): void {
  const kpis = program
    .command('kpis')
    .description('The KPI framework: standard library, CORDIS import, reporting periods');
  kpis
    .command('install-library')
    .description('Add the standard KPI definitions that are missing (existing ones are left alone)')
    .action(async () => {
      try {
        const added = await withCliDatabase((database) =>
          installStandardLibrary(database.db, systemActor('cli')),
        );
        process.stdout.write(
          added.length > 0 ? `Added: ${added.join(', ')}\n` : 'The standard library is complete.\n',
        );
      } catch (error) {
        reportCliError(error, false);
      }
    });
  kpis
    .command('import-cordis')
    .argument('<project>', 'CORDIS project.csv (semicolon separated)')
    .argument('<organization>', 'CORDIS organization.csv (semicolon separated)')
    .option('--json', 'print JSON')
    .description('Import EU participations and link them to organisations by VAT / enterprise number')
    .action(async (project: string, organization: string, options: { json?: boolean }) => {
      try {
        const input = {
          projectCsv: fs.readFileSync(project, 'utf8'),
          organizationCsv: fs.readFileSync(organization, 'utf8'),
        };
        const result = await withCliDatabase((database) => importCordis(cliContext(database), input));
        if (options.json) return printJson(result);
        process.stdout.write(
          `${result.projects} projects, ${result.participations} participations: ${result.linked} linked, ${result.unmatched} unmatched (link them in the web app).\n`,
        );
      } catch (error) {
        reportCliError(error, Boolean(options.json));
      }
    });
  kpis
    .command('close-period')
    .argument('<code>', 'the period code, e.g. 2026')
    .description('Close a reporting period and freeze the computed KPI values of every cluster')
    .action(async (code: string) => {
      try {
        await withCliDatabase(async (database) => {
          const period = await database.db
            .selectFrom('reporting_periods')
            .select('id')
            .where('code', '=', code)
            .executeTakeFirst();
          if (!period) throw new Error(`No reporting period ${code}`);
          await closePeriod(cliContext(database), period.id);
        });
        process.stdout.write(`Period ${code} closed; computed values frozen.\n`);
      } catch (error) {
        reportCliError(error, false);
      }
    });
  kpis
    .command('sql')
    .argument('[key]', 'a computed query key; all keys when left out')
    .description('Print the SQL behind computed KPIs ($1 cluster id, $2 period start, $3 period end)')
    .action((key?: string) => {
      if (!key) return printTable(Object.keys(COMPUTED_QUERIES).map((k) => ({ key: k })));
      const text = COMPUTED_QUERIES[key];
      if (!text) {
        process.stderr.write(`Unknown key ${key}\n`);
        process.exitCode = 1;
        return undefined;
      }
      process.stdout.write(`${text.trim()}\n`);
      return undefined;
    });
}
