import { AppError } from '../../errors/app-error';
import type { Role } from '../../db/core.tables';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import { checkPasswordRules } from '../auth/password-rules';
import { hashPassword } from '../auth/secrets';
import {
  countExistingClusters,
  findUserByEmail,
  findUserById,
  replaceUserClusters,
  type UserRow,
} from './users.repository';
import { auditUser } from './users.presenter';

export interface CreateUserOptions {
  email: string;
  name: string;
  role: Role;
  password: string;
  clusterIds?: string[];
}

/** Refuses a manager without clusters, and cluster ids that do not exist. */
export async function assertClustersFit(ctx: StepContext, role: Role, clusterIds: string[]): Promise<void> {
  if (role !== 'manager') return;
  const unique = [...new Set(clusterIds)];
  if (unique.length === 0 || (await countExistingClusters(ctx.db, unique)) !== unique.length) {
    throw new AppError('MANAGER_NEEDS_CLUSTER');
  }
}

/** Creates a local account (admin screen, CLI, demo loader). */
export async function createUser(ctx: StepContext, options: CreateUserOptions): Promise<UserRow> {
  const email = options.email.trim().toLowerCase();
  const problems = checkPasswordRules(options.password, email, 'password', options.name);
  if (problems.length > 0) throw new AppError('PASSWORD_TOO_WEAK', { details: problems });
  const clusterIds = options.role === 'manager' ? [...new Set(options.clusterIds ?? [])] : [];
  await assertClustersFit(ctx, options.role, clusterIds);
  if (await findUserByEmail(ctx.db, email)) throw new AppError('EMAIL_TAKEN');
  const passwordHash = await hashPassword(options.password);
  return ctx.db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('users')
      .values({ email, name: options.name.trim(), role: options.role, password_hash: passwordHash })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceUserClusters(tx, id, clusterIds);
    const created = await findUserById(tx, id);
    if (!created) throw new AppError('INTERNAL_ERROR');
    await recordAudit(
      tx,
      ctx.auditActor,
      { action: 'user.created', entityType: 'user', entityId: id, after: auditUser(created) },
      ctx.requestId,
    );
    return created;
  });
}
