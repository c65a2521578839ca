import { brusselsToday } from '../../shared/brussels-time';
import type { Command } from 'commander';
import { withCliDatabase } from '../open-database';
import { cliContext } from '../cli-context';
import { printJson, printTable, reportCliError } from '../output';
import { LANG_HELP, LANG_OPTION, say } from '../cli-options';
import { generateRegister } from '../../server/modules/policy/generate-register';
import { computeFootprint, type FootprintLevel } from '../../server/modules/policy/footprint';

export function registerPolicy(program: Command): void {
  const policy = program.command('policy').description('Policy analytics (coverage, footprint, scenarios)');
  policy
    .command('generate-register')
    .description('Fill an EMPTY enterprise register with invented example enterprises (for demos and tests)')
    .option('--enterprises <n>', 'invented enterprises besides the organisations', '3000')
    .option('--json', 'print JSON')
    .option(LANG_OPTION, LANG_HELP)
    .action(async (options: { enterprises: string; json?: boolean }) => {
      try {
        const result = await withCliDatabase((database) =>
          generateRegister(cliContext(database), {
            enterprises: Math.max(0, Number.parseInt(options.enterprises, 10) || 0),
          }),
        );
        if (options.json) printJson(result);
        else
          process.stdout.write(
            say(
              `Register aangemaakt: ${result.enterprises} ondernemingen ` +
                `(${result.fromOrganisations} uit organisaties).\n`,
              `Register generated: ${result.enterprises} enterprises ` +
                `(${result.fromOrganisations} from organisations).\n`,
            ),
          );
      } catch (error) {
        reportCliError(error, Boolean(options.json));
      }
    });
  policy
    .command('footprint')
    .description('Enterprises in the Flemish Region per NACE sector and the share that are cluster members')
    .option('--level <level>', 'section | division | group', 'section')
    .option('--nace-version <version>', 'NACE version in the register', '2008')
    .option('--json', 'print JSON')
    .option(LANG_OPTION, LANG_HELP)
    .action(async (options: { level: string; naceVersion: string; json?: boolean }) => {
      try {
        const level = (
          ['section', 'division', 'group'].includes(options.level) ? options.level : 'section'
        ) as FootprintLevel;
        const result = await withCliDatabase((database) =>
          computeFootprint(database.db, {
            level,
            naceVersion: options.naceVersion,
            today: brusselsToday(new Date()),
          }),
        );
        if (options.json) printJson(result);
        else {
          if (result.note) process.stdout.write(`${say('Opmerking', 'Note')}: ${result.note}\n`);
          printTable(
            result.rows.map((r) => ({
              code: r.code,
              sector: r.label.slice(0, 50),
              enterprises: r.enterprises,
              members: r.members,
              share: `${(r.share * 100).toFixed(1)}%`,
            })),
          );
        }
      } catch (error) {
        reportCliError(error, Boolean(options.json));
      }
    });
}
