import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import { checkPasswordRules } from '../auth/password-rules';
import { hashPassword } from '../auth/secrets';
import { deleteSessionsOfUser } from '../auth/sessions.repository';
import { findUserById } from './users.repository';

/** An admin sets a new password; the lock-out is lifted and every session of the user ends. */
export async function resetUserPassword(
  ctx: StepContext,
  options: { userId: string; password: string },
): Promise<void> {
  const user = await findUserById(ctx.db, options.userId);
  if (!user) throw new AppError('NOT_FOUND');
  const problems = checkPasswordRules(options.password, user.email);
  if (problems.length > 0) throw new AppError('PASSWORD_TOO_WEAK', { details: problems });
  const passwordHash = await hashPassword(options.password);
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        failed_logins: 0,
        locked_until: null,
        password_changed_at: ctx.now(),
        updated_at: ctx.now(),
      })
      .where('id', '=', user.id)
      .execute();
    await deleteSessionsOfUser(tx, user.id);
    await recordAudit(
      tx,
      ctx.auditActor,
      { action: 'user.password_reset', entityType: 'user', entityId: user.id },
      ctx.requestId,
    );
  });
}
