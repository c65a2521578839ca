import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import { checkPasswordRules } from '../auth/password-rules';
import { hashPassword } from '../auth/secrets';
import { deleteSessionsOfUser } from '../auth/sessions.repository';
import { findUserById } from './users.repository';
import { revokeTokensOfUser } from '../auth/api-tokens.repository';
import { accountThrottleKey } from '../auth/login';

/** An admin sets a new password; login delays are lifted and every session and API token of the user ends. */
export async function resetUserPassword(
  ctx: StepContext,
  options: { userId: string; password: string },
): Promise<void> {
  const user = await findUserById(ctx.db, options.userId);
  if (!user) throw new AppError('NOT_FOUND');
  const problems = checkPasswordRules(options.password, user.email, 'password', user.name);
  if (problems.length > 0) throw new AppError('PASSWORD_TOO_WEAK', { details: problems });
  const passwordHash = await hashPassword(options.password);
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        password_changed_at: ctx.now(),
        updated_at: ctx.now(),
      })
      .where('id', '=', user.id)
      .execute();
    await deleteSessionsOfUser(tx, user.id);
    const revokedTokens = await revokeTokensOfUser(tx, user.id, ctx.now());
    await tx.deleteFrom('login_throttle').where('key', '=', accountThrottleKey(user.email)).execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      { action: 'user.password_reset', entityType: 'user', entityId: user.id, after: { revokedTokens } },
      ctx.requestId,
    );
  });
}
