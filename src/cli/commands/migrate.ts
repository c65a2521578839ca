import type { Command } from 'commander';
import { withCliDatabase } from '../open-database';
import { migrateToLatest } from '../../server/db/migrate';
import { printJson } from '../output';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Run pending database migrations')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { applied } = await withCliDatabase((database) => migrateToLatest(database.db), {
        migrate: false,
      });
      if (options.json) printJson({ applied });
      else
        process.stdout.write(
          applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n',
        );
    });
}
