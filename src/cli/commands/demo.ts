import type { Command } from 'commander';
import { withCliDatabase } from '../open-database';
import { loadDemo } from '../../server/demo/load-demo';
import { printJson } from '../output';

export function registerDemo(program: Command): void {
  const demo = program.command('demo').description('Demo data (invented, labelled as example data)');
  demo
    .command('load')
    .description('Load the demo portfolio into an empty database')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const result = await withCliDatabase((database) => loadDemo(database.db, database.config));
      if (options.json) printJson(result);
      else
        process.stdout.write(
          result.loaded ? `${result.lines.join('\n')}\n` : 'The database already has data; nothing loaded.\n',
        );
    });
}
