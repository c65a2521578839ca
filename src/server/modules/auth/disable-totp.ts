import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import {
  checkTotpCode,
  claimSecondFactorAttempt,
  clearSecondFactorFailures,
  matchRecoveryCode,
  totpRequiredFor,
} from './totp';

/** Switches the second factor off after a current code (or recovery code); refused where it is required. */
export async function disableTotp(
  ctx: StepContext,
  options: { code: string; clientAddress: string },
): Promise<void> {
  const actor = actorOf(ctx);
  const now = ctx.now();
  if (totpRequiredFor(ctx.config, actor.role)) throw new AppError('TOTP_REQUIRED_FOR_ROLE');
  const totp = await ctx.db
    .selectFrom('user_totp')
    .selectAll()
    .where('user_id', '=', actor.userId)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
  if (!totp) throw new AppError('TOTP_NOT_ENROLLED');
  await claimSecondFactorAttempt(ctx.db, ctx.config, actor.userId, options.clientAddress, now);
  const last = totp.last_time_step === null ? null : Number(totp.last_time_step);
  const valid =
    (await checkTotpCode(totp.secret, options.code.trim(), now, last)) !== null ||
    (await matchRecoveryCode(ctx.db, actor.userId, options.code)) !== null;
  if (!valid) {
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
    await clearSecondFactorFailures(tx, actor.userId, now);
    await tx.deleteFrom('user_totp').where('user_id', '=', actor.userId).execute();
    await tx.deleteFrom('user_recovery_codes').where('user_id', '=', actor.userId).execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      { action: 'auth.totp_disabled', entityType: 'user', entityId: actor.userId },
      ctx.requestId,
    );
  });
}
