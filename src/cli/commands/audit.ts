import type { Command } from 'commander';
import { withCliDatabase } from '../open-database';
import { verifyAuditChain } from '../../server/audit/verify-audit-chain';
import { printJson } from '../output';
import { LANG_HELP, LANG_OPTION, say } from '../cli-options';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('The append-only audit trail');
  audit
    .command('verify')
    .description(
      'Recompute the SHA-256 hash chain, hold it against the latest checkpoint (rows removed from the end) ' +
        'and report the first broken link (exit code 2 when broken)',
    )
    .option('--json', 'print JSON')
    .option(LANG_OPTION, LANG_HELP)
    .action(async (options: { json?: boolean }) => {
      const result = await withCliDatabase((database) =>
        verifyAuditChain(database.db, { checkpointFile: database.config.auditCheckpointFile }),
      );
      if (options.json) printJson(result);
      else if (result.ok)
        process.stdout.write(
          say(
            `Auditketen intact: ${result.checked} gebeurtenissen gecontroleerd.\n`,
            `Audit chain intact: ${result.checked} events checked.\n`,
          ),
        );
      else
        process.stdout.write(
          say(
            `Auditketen GEBROKEN bij gebeurtenis ${result.brokenAt?.id}: ${result.brokenAt?.reason} ` +
              `(${result.checked} gebeurtenissen ervoor intact).\n`,
            `Audit chain BROKEN at event ${result.brokenAt?.id}: ${result.brokenAt?.reason} ` +
              `(${result.checked} events intact before it).\n`,
          ),
        );
      if (!result.ok) process.exitCode = 2;
    });
}
