import type { Command } from 'commander';
import { withCliDatabase } from '../open-database';
import { migrateToLatest } from '../../server/db/migrate';
import { totpKeyOf } from '../../server/modules/auth/totp-secret-box';
import { printJson } from '../output';
import { LANG_HELP, LANG_OPTION, say } from '../cli-options';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Run pending database migrations')
    .option('--json', 'print JSON')
    .option(LANG_OPTION, LANG_HELP)
    .action(async (options: { json?: boolean }) => {
      const { applied } = await withCliDatabase(
        (database) => migrateToLatest(database.db, { totpKey: () => totpKeyOf(database.config) }),
        {
          migrate: false,
        },
      );
      if (options.json) printJson({ applied });
      else
        process.stdout.write(
          applied.length
            ? say(`Uitgevoerd: ${applied.join(', ')}\n`, `Applied: ${applied.join(', ')}\n`)
            : say('De databank is bijgewerkt.\n', 'Database is up to date.\n'),
        );
    });
}
