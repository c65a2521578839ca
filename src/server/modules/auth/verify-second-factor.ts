import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import {
  checkTotpCode,
  claimSecondFactorAttempt,
  clearSecondFactorFailures,
  matchRecoveryCode,
} from './totp';

/**
 * The second step of a local sign-in: a code from the authenticator app (never one already used)
 * or an unused recovery code (then used up). Throttled like passwords; each outcome audited.
 */
export async function verifySecondFactor(
  ctx: StepContext,
  options: { code: string; clientAddress: string },
): Promise<void> {
  const actor = actorOf(ctx);
  if (actor.signInStage !== 'second_factor' || !actor.sessionId) throw new AppError('NOT_FOUND');
  const sessionId = actor.sessionId;
  const now = ctx.now();
  await claimSecondFactorAttempt(ctx.db, ctx.config, actor.userId, options.clientAddress, now);
  const totp = await ctx.db
    .selectFrom('user_totp')
    .selectAll()
    .where('user_id', '=', actor.userId)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
  const last = totp?.last_time_step === null || !totp ? null : Number(totp.last_time_step);
  const step = totp ? await checkTotpCode(totp.secret, options.code.trim(), now, last) : null;
  const recoveryId = step === null ? await matchRecoveryCode(ctx.db, actor.userId, options.code) : null;
  if (step === null && recoveryId === null) {
    await ctx.db
      .transaction()
      .execute((tx) =>
        recordAudit(
          tx,
          ctx.auditActor,
          { action: 'auth.second_factor_failed', entityType: 'user', entityId: actor.userId },
          ctx.requestId,
        ),
      );
    throw new AppError('TOTP_CODE_INVALID');
  }
  await ctx.db.transaction().execute(async (tx) => {
    if (step !== null) {
      // Only a later step than the last accepted one is written, so two parallel uses of one code
      // cannot both pass.
      const updated = await tx
        .updateTable('user_totp')
        .set({ last_time_step: step })
        .where('user_id', '=', actor.userId)
        .where((eb) => eb.or([eb('last_time_step', 'is', null), eb('last_time_step', '<', step)]))
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw new AppError('TOTP_CODE_INVALID');
    } else if (recoveryId !== null) {
      const used = await tx
        .updateTable('user_recovery_codes')
        .set({ used_at: now })
        .where('id', '=', recoveryId)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) === 0) throw new AppError('TOTP_CODE_INVALID');
    }
    await clearSecondFactorFailures(tx, actor.userId, now);
    await tx.updateTable('sessions').set({ stage: 'complete' }).where('id', '=', sessionId).execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'auth.login',
        entityType: 'user',
        entityId: actor.userId,
        after: { secondFactor: step !== null ? 'totp' : 'recovery_code' },
      },
      ctx.requestId,
    );
  });
}
