import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import { deleteSessionsOfUser } from '../auth/sessions.repository';
import { findUserById, type UserRow } from './users.repository';
import { auditUser } from './users.presenter';

/** Deactivates (ends all sessions) or reactivates an account; accounts are never deleted, for the audit trail. */
export async function setUserActive(
  ctx: StepContext,
  options: { userId: string; isActive: boolean },
): Promise<UserRow> {
  const before = await findUserById(ctx.db, options.userId);
  if (!before) throw new AppError('NOT_FOUND');
  if (ctx.actor?.userId === before.id) throw new AppError('CANNOT_CHANGE_OWN_ADMIN');
  return ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ is_active: options.isActive, updated_at: ctx.now() })
      .where('id', '=', before.id)
      .execute();
    if (!options.isActive) await deleteSessionsOfUser(tx, before.id);
    const after = await findUserById(tx, before.id);
    if (!after) throw new AppError('INTERNAL_ERROR');
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: options.isActive ? 'user.activated' : 'user.deactivated',
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
