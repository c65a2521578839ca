import type { Command } from 'commander';
import { withCliDatabase } from '../open-database';
import { loadDemo } from '../../server/demo/load-demo';
import { printJson } from '../output';
import { LANG_HELP, LANG_OPTION, say } from '../cli-options';
import { EUROPE_SCALE, generatePortfolio } from '../../server/demo/generate-portfolio';
import { brusselsToday } from '../../shared/brussels-time';

/** `flanders` = 1, `europe` = 42, or a number (a multiple of Flanders today). */
export function parseScale(value: string): number {
  if (value === 'flanders') return 1;
  if (value === 'europe') return EUROPE_SCALE;
  const scale = Number(value);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 200)
    throw new Error(`--scale takes flanders, europe or a number above 0 and at most 200, not "${value}"`);
  return scale;
}

export function registerDemo(program: Command): void {
  const demo = program.command('demo').description('Demo data (invented, labelled as example data)');
  demo
    .command('load')
    .description('Load the demo portfolio into an empty database')
    .option('--json', 'print JSON')
    .option(LANG_OPTION, LANG_HELP)
    .action(async (options: { json?: boolean }) => {
      const result = await withCliDatabase((database) => loadDemo(database.db, database.config));
      if (options.json) printJson(result);
      else
        process.stdout.write(
          result.loaded
            ? `${result.lines.join('\n')}\n`
            : say(
                'De databank bevat al gegevens; niets geladen.\n',
                'The database already has data; nothing loaded.\n',
              ),
        );
    });
  demo
    .command('generate')
    .description(
      'Generate an invented portfolio at scale (1 = Flanders today, europe = 42: ~1,500 clusters, ' +
        '~150,000 organisations), on top of the demo; the same seed writes the same data',
    )
    .option('--scale <n>', 'flanders, europe or a multiple of Flanders today', '1')
    .option('--seed <n>', 'seed of the generated data (integer)', '1')
    .option('--json', 'print JSON')
    .option(LANG_OPTION, LANG_HELP)
    .action(async (options: { scale: string; seed: string; json?: boolean }) => {
      const scale = parseScale(options.scale);
      const seed = Number(options.seed);
      const counts = await withCliDatabase(async (database) => {
        await loadDemo(database.db, database.config);
        return generatePortfolio(database.db, {
          scale,
          seed,
          today: brusselsToday(new Date()),
          log: options.json ? undefined : (line) => process.stdout.write(`${line}\n`),
        });
      });
      if (options.json) printJson(counts);
      else
        process.stdout.write(
          say(
            `Gegenereerd (voorbeeldgegevens): ${counts.clusters} clusters, ${counts.organisations} organisaties, ` +
              `${counts.memberships} lidmaatschappen, ${counts.projects} projecten, ${counts.calls} oproepen, ` +
              `${counts.proposals} voorstellen (${counts.proposalVersions} ingediende versies), ` +
              `${counts.kpiValues} KPI-waarden in ${counts.seconds.toFixed(1)} s\n`,
            `Generated (example data): ${counts.clusters} clusters, ${counts.organisations} organisations, ` +
              `${counts.memberships} memberships, ${counts.projects} projects, ${counts.calls} calls, ` +
              `${counts.proposals} proposals (${counts.proposalVersions} submitted versions), ` +
              `${counts.kpiValues} KPI values in ${counts.seconds.toFixed(1)} s\n`,
          ),
        );
    });
}
