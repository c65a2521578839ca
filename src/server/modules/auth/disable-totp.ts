import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { checkSecondFactor, totpRequiredFor } from './totp';

/** Switches the second factor off after a current code (or recovery code); refused where it is required. */
export async function disableTotp(
  ctx: StepContext,
  options: { code: string; clientAddress: string },
): Promise<void> {
  const actor = actorOf(ctx);
  if (totpRequiredFor(ctx.config, actor.role)) throw new AppError('TOTP_REQUIRED_FOR_ROLE');
  await checkSecondFactor(ctx, { userId: actor.userId, ...options }, async (tx) => {
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
