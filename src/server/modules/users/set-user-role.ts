import { AppError } from '../../errors/app-error';
import type { Role } from '../../db/core.tables';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import { deleteSessionsOfUser } from '../auth/sessions.repository';
import { findUserById, replaceUserClusters, type UserRow } from './users.repository';
import { auditUser } from './users.presenter';
import { assertClustersFit } from './create-user';

export interface SetUserRoleOptions {
  userId: string;
  role: Role;
  clusterIds?: string[];
}

/** Changes a user's role (and a manager's clusters); ends their sessions so the new rights apply at once. */
export async function setUserRole(ctx: StepContext, options: SetUserRoleOptions): Promise<UserRow> {
  const before = await findUserById(ctx.db, options.userId);
  if (!before) throw new AppError('NOT_FOUND');
  if (ctx.actor?.userId === before.id && options.role !== 'admin')
    throw new AppError('CANNOT_CHANGE_OWN_ADMIN');
  const clusterIds = options.role === 'manager' ? [...new Set(options.clusterIds ?? [])] : [];
  await assertClustersFit(ctx, options.role, clusterIds);
  return ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ role: options.role, role_source: 'manual', updated_at: ctx.now() })
      .where('id', '=', before.id)
      .execute();
    await replaceUserClusters(tx, before.id, clusterIds);
    if (before.role !== options.role) await deleteSessionsOfUser(tx, before.id);
    const after = await findUserById(tx, before.id);
    if (!after) throw new AppError('INTERNAL_ERROR');
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'user.role_changed',
        entityType: 'user',
        entityId: before.id,
        before: auditUser(before),
        after: auditUser(after),
      },
      ctx.requestId,
    );
    return after;
  });
}
