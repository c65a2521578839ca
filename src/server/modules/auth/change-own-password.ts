import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { checkPasswordRules } from './password-rules';
import { hashPassword, verifyPassword } from './secrets';
import { revokeTokensOfUser } from './api-tokens.repository';

/** A user changes their own password; other sessions of theirs and every API token end, this session stays. */
export async function changeOwnPassword(
  ctx: StepContext,
  options: { currentPassword: string; newPassword: string },
): Promise<void> {
  const actor = actorOf(ctx);
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'password_hash'])
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, options.currentPassword)))
    throw new AppError('CURRENT_PASSWORD_WRONG');
  const problems = checkPasswordRules(options.newPassword, user.email, 'newPassword', actor.name);
  if (problems.length > 0) throw new AppError('PASSWORD_TOO_WEAK', { details: problems });
  const passwordHash = await hashPassword(options.newPassword);
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: ctx.now(), updated_at: ctx.now() })
      .where('id', '=', user.id)
      .execute();
    let others = tx.deleteFrom('sessions').where('user_id', '=', user.id);
    if (actor.sessionId) others = others.where('id', '!=', actor.sessionId);
    await others.execute();
    const revokedTokens = await revokeTokensOfUser(tx, user.id, ctx.now());
    await recordAudit(
      tx,
      ctx.auditActor,
      { action: 'user.password_changed', entityType: 'user', entityId: user.id, after: { revokedTokens } },
      ctx.requestId,
    );
  });
}
