import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/types';
import { withCliDatabase } from '../open-database';
import { cliContext } from '../cli-context';
import { printJson, printTable } from '../output';
import { cliLanguage, LANG_HELP, LANG_OPTION, readPassword, say, withPasswordOptions } from '../cli-options';
import { createUser } from '../../server/modules/users/create-user';
import { setUserRole } from '../../server/modules/users/set-user-role';
import { resetUserPassword } from '../../server/modules/users/reset-user-password';
import { findUserByEmail, findUsers } from '../../server/modules/users/users.repository';
import { presentUser } from '../../server/modules/users/users.presenter';
import { RoleSchema } from '../../server/modules/users/users.schema';
import { AppError } from '../../server/errors/app-error';
import type { Role } from '../../server/db/core.tables';

function parseRole(value: string): Role {
  const parsed = RoleSchema.safeParse(value);
  if (!parsed.success)
    throw new Error(
      say(
        `Onbekende rol "${value}"; kies uit ${RoleSchema.options.join(', ')}`,
        `Unknown role "${value}"; use one of ${RoleSchema.options.join(', ')}`,
      ),
    );
  return parsed.data;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerUser(program: Command): void {
  const user = program.command('user').description('Accounts and roles');

  withPasswordOptions(
    user
      .command('create')
      .description(
        'Create a local account. The password comes from --password-stdin, SPEERPUNT_PASSWORD or a prompt',
      )
      .requiredOption('--email <email>', 'e-mail address (the login)'),
    'the initial password (at least 12 characters)',
  )
    .requiredOption('--role <role>', 'admin | officer | manager | applicant | expert | analyst')
    .option('--name <name>', 'display name (defaults to the e-mail address)')
    .option('--cluster <id>', 'cluster id (or short name) a manager belongs to; repeatable', collect, [])
    .option('--json', 'print JSON')
    .option(LANG_OPTION, LANG_HELP)
    .action(
      async (options: {
        email: string;
        password?: string;
        passwordStdin?: boolean;
        role: string;
        name?: string;
        cluster: string[];
        json?: boolean;
      }) => {
        const password = await readPassword(options, cliLanguage());
        const created = await withCliDatabase(async (database) => {
          const clusterIds = await resolveClusters(database.db, options.cluster);
          return createUser(cliContext(database), {
            email: options.email,
            password,
            role: parseRole(options.role),
            name: options.name ?? options.email,
            clusterIds,
          });
        });
        if (options.json) printJson(presentUser(created));
        else
          process.stdout.write(
            say(
              `${created.email} aangemaakt (${created.role}).\n`,
              `Created ${created.email} (${created.role}).\n`,
            ),
          );
      },
    );

  user
    .command('list')
    .description('List accounts')
    .option('--json', 'print JSON')
    .option(LANG_OPTION, LANG_HELP)
    .action(async (options: { json?: boolean }) => {
      const rows = await withCliDatabase((database) => findUsers(database.db));
      const users = rows.map(presentUser);
      if (options.json) printJson(users);
      else
        printTable(
          users.map((u) => ({
            email: u.email,
            name: u.name,
            role: u.role,
            active: u.isActive,
            clusters: u.clusterIds.length,
          })),
        );
    });

  user
    .command('set-role')
    .description("Change an account's role (and a manager's clusters)")
    .requiredOption('--email <email>', 'the account')
    .requiredOption('--role <role>', 'the new role')
    .option('--cluster <id>', 'cluster id or short name, for a manager; repeatable', collect, [])
    .option('--json', 'print JSON')
    .option(LANG_OPTION, LANG_HELP)
    .action(async (options: { email: string; role: string; cluster: string[]; json?: boolean }) => {
      const updated = await withCliDatabase(async (database) => {
        const found = await findUserByEmail(database.db, options.email);
        if (!found) throw new AppError('NOT_FOUND');
        const clusterIds = await resolveClusters(database.db, options.cluster);
        return setUserRole(cliContext(database), {
          userId: found.id,
          role: parseRole(options.role),
          clusterIds,
        });
      });
      if (options.json) printJson(presentUser(updated));
      else
        process.stdout.write(
          say(`${updated.email} is nu ${updated.role}.\n`, `${updated.email} is now ${updated.role}.\n`),
        );
    });

  withPasswordOptions(
    user
      .command('reset-password')
      .description(
        'Set a new password, lift a lock-out and end all sessions of the account. ' +
          'The password comes from --password-stdin, SPEERPUNT_PASSWORD or a prompt',
      )
      .requiredOption('--email <email>', 'the account'),
    'the new password',
  )
    .option('--json', 'print JSON')
    .option(LANG_OPTION, LANG_HELP)
    .action(
      async (options: { email: string; password?: string; passwordStdin?: boolean; json?: boolean }) => {
        const password = await readPassword(options, cliLanguage());
        await withCliDatabase(async (database) => {
          const found = await findUserByEmail(database.db, options.email);
          if (!found) throw new AppError('NOT_FOUND');
          await resetUserPassword(cliContext(database), { userId: found.id, password });
        });
        if (options.json) printJson({ ok: true });
        else process.stdout.write(say('Wachtwoord opnieuw ingesteld.\n', 'Password reset.\n'));
      },
    );
}

/** Accepts cluster ids or short names (friendlier on the command line). */
async function resolveClusters(db: Kysely<DB>, values: string[]): Promise<string[]> {
  if (values.length === 0) return [];
  const uuid = /^[0-9a-f-]{36}$/i;
  const rows = await db
    .selectFrom('clusters')
    .select(['id', 'short_name'])
    .where((eb) =>
      eb.or([
        eb('short_name', 'in', values),
        ...(values.some((v) => uuid.test(v))
          ? [
              eb(
                'id',
                'in',
                values.filter((v) => uuid.test(v)),
              ),
            ]
          : []),
      ]),
    )
    .execute();
  return values
    .map((v) => rows.find((r) => r.id === v || r.short_name === v)?.id ?? v)
    .filter((v) => uuid.test(v));
}
