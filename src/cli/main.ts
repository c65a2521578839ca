import { Command } from 'commander';
import { registerCommands } from './commands';
import { reportCliError } from './output';
import { packageVersion } from './cli-options';

const program = new Command();
program
  .name('speerpunt')
  .description(
    "Speerpunt: the platform for Flanders' cluster policy. Works on the database the server uses " +
      '(DATABASE_URL or SPEERPUNT_DATA_DIR).',
  )
  .version(packageVersion(), '-V, --version', 'print the version')
  .showHelpAfterError();

try {
  await registerCommands(program, process.argv);
  await program.parseAsync(process.argv);
} catch (error) {
  reportCliError(error, process.argv.includes('--json'));
}
