import fs from 'node:fs';
import type { Command } from 'commander';
import { withCliDatabase, type CliDatabase } from '../open-database';
import { printJson, printTable, reportCliError } from '../output';
import { LANG_HELP, LANG_OPTION, say, withCommonOptions } from '../cli-options';
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
  withCommonOptions(
    kpis
      .command('install-library')
      .description('Add the standard KPI definitions that are missing (existing ones are left alone)'),
  ).action(async (options: { json?: boolean }) => {
    try {
      const added = await withCliDatabase((database) =>
        installStandardLibrary(database.db, systemActor('cli')),
      );
      if (options.json) return printJson({ added });
      process.stdout.write(
        added.length > 0
          ? say(`Toegevoegd: ${added.join(', ')}\n`, `Added: ${added.join(', ')}\n`)
          : say('De standaardbibliotheek is volledig.\n', 'The standard library is complete.\n'),
      );
    } catch (error) {
      reportCliError(error, Boolean(options.json));
    }
    return undefined;
  });
  kpis
    .command('import-cordis')
    .argument('<project>', 'CORDIS project.csv (semicolon separated)')
    .argument('<organization>', 'CORDIS organization.csv (semicolon separated)')
    .option('--json', 'print JSON')
    .option(LANG_OPTION, LANG_HELP)
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
          say(
            `${result.projects} projecten, ${result.participations} deelnames: ${result.linked} gekoppeld, ` +
              `${result.unmatched} niet gekoppeld (koppel ze in de webtoepassing).\n`,
            `${result.projects} projects, ${result.participations} participations: ${result.linked} linked, ` +
              `${result.unmatched} unmatched (link them in the web app).\n`,
          ),
        );
      } catch (error) {
        reportCliError(error, Boolean(options.json));
      }
    });
  withCommonOptions(
    kpis
      .command('close-period')
      .argument('<code>', 'the period code, e.g. 2026')
      .description('Close a reporting period and freeze the computed KPI values of every cluster'),
  ).action(async (code: string, options: { json?: boolean }) => {
    try {
      await withCliDatabase(async (database) => {
        const period = await database.db
          .selectFrom('reporting_periods')
          .select('id')
          .where('code', '=', code)
          .executeTakeFirst();
        if (!period) throw new Error(say(`Geen rapporteringsperiode ${code}`, `No reporting period ${code}`));
        await closePeriod(cliContext(database), period.id);
      });
      if (options.json) printJson({ closed: code });
      else
        process.stdout.write(
          say(
            `Periode ${code} afgesloten; berekende waarden bevroren.\n`,
            `Period ${code} closed; computed values frozen.\n`,
          ),
        );
    } catch (error) {
      reportCliError(error, Boolean(options.json));
    }
  });
  withCommonOptions(
    kpis
      .command('sql')
      .argument('[key]', 'a computed query key; all keys when left out')
      .description('Print the SQL behind computed KPIs ($1 cluster id, $2 period start, $3 period end)'),
  ).action((key: string | undefined, options: { json?: boolean }) => {
    if (!key) {
      const keys = Object.keys(COMPUTED_QUERIES);
      return options.json ? printJson(keys) : printTable(keys.map((k) => ({ key: k })));
    }
    const text = COMPUTED_QUERIES[key];
    if (!text) {
      reportCliError(new Error(say(`Onbekende sleutel ${key}`, `Unknown key ${key}`)), Boolean(options.json));
      return undefined;
    }
    if (options.json) printJson({ key, sql: text.trim() });
    else process.stdout.write(`${text.trim()}\n`);
    return undefined;
  });
}
