import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/types';
import { withCliDatabase } from '../open-database';
import { cliContext } from '../cli-context';
import { printJson, printTable } from '../output';
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
    throw new Error(`Unknown role "${value}"; use one of ${RoleSchema.options.join(', ')}`);
  return parsed.data;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerUser(program: Command): void {
  const user = program.command('user').description('Accounts and roles');

  user
    .command('create')
    .description('Create a local account')
    .requiredOption('--email <email>', 'e-mail address (the login)')
    .requiredOption('--password <password>', 'initial password (at least 12 characters)')
    .requiredOption('--role <role>', 'admin | officer | manager | applicant | expert | analyst')
    .option('--name <name>', 'display name (defaults to the e-mail address)')
    .option('--cluster <id>', 'cluster id (or short name) a manager belongs to; repeatable', collect, [])
    .option('--json', 'print JSON')
    .action(
      async (options: {
        email: string;
        password: string;
        role: string;
        name?: string;
        cluster: string[];
        json?: boolean;
      }) => {
        const created = await withCliDatabase(async (database) => {
          const clusterIds = await resolveClusters(database.db, options.cluster);
          return createUser(cliContext(database), {
            email: options.email,
            password: options.password,
            role: parseRole(options.role),
            name: options.name ?? options.email,
            clusterIds,
          });
        });
        if (options.json) printJson(presentUser(created));
        else process.stdout.write(`Created ${created.email} (${created.role}).\n`);
      },
    );

  user
    .command('list')
    .description('List accounts')
    .option('--json', 'print JSON')
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
      else process.stdout.write(`${updated.email} is now ${updated.role}.\n`);
    });

  user
    .command('reset-password')
    .description('Set a new password, lift a lock-out and end all sessions of the account')
    .requiredOption('--email <email>', 'the account')
    .requiredOption('--password <password>', 'the new password')
    .option('--json', 'print JSON')
    .action(async (options: { email: string; password: string; json?: boolean }) => {
      await withCliDatabase(async (database) => {
        const found = await findUserByEmail(database.db, options.email);
        if (!found) throw new AppError('NOT_FOUND');
        await resetUserPassword(cliContext(database), { userId: found.id, password: options.password });
      });
      if (options.json) printJson({ ok: true });
      else process.stdout.write('Password reset.\n');
    });
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
