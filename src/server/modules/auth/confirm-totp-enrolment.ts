import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { checkTotpCode, claimSecondFactorAttempt, clearSecondFactorFailures, newRecoveryCodes } from './totp';
import { openTotpSecret, totpKeyOf } from './totp-secret-box';

/**
 * Confirms the second factor with a code from the app; returns the recovery codes, shown this
 * once (only their argon2 hashes are kept). A session that had to enrol becomes complete.
 */
export async function confirmTotpEnrolment(
  ctx: StepContext,
  options: { code: string; clientAddress: string },
): Promise<{ recoveryCodes: string[] }> {
  const actor = actorOf(ctx);
  const now = ctx.now();
  const totp = await ctx.db
    .selectFrom('user_totp')
    .selectAll()
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  if (!totp || totp.confirmed_at) throw new AppError(totp ? 'TOTP_ALREADY_ENROLLED' : 'TOTP_NOT_STARTED');
  await claimSecondFactorAttempt(ctx.db, ctx.config, actor.userId, options.clientAddress, now);
  const secret = openTotpSecret(totpKeyOf(ctx.config), actor.userId, totp.secret);
  const step = await checkTotpCode(secret, options.code.trim(), now, null);
  // A typing error while setting up is not audited (the session is already signed in); the
  // attempt still counts towards the throttle.
  if (step === null) throw new AppError('TOTP_CODE_INVALID');
  const { codes, hashes } = await newRecoveryCodes();
  await ctx.db.transaction().execute(async (tx) => {
    // Guard and write in one statement: of two confirmations at once (or a restart of the set-up
    // that replaced the secret meanwhile) one wins; the other writes nothing.
    const confirmed = await tx
      .updateTable('user_totp')
      .set({ confirmed_at: now, last_time_step: step })
      .where('user_id', '=', actor.userId)
      .where('confirmed_at', 'is', null)
      .where('secret', '=', totp.secret)
      .returning('user_id')
      .executeTakeFirst();
    if (!confirmed) throw new AppError('TOTP_ALREADY_ENROLLED');
    await clearSecondFactorFailures(tx, actor.userId, now);
    await tx.deleteFrom('user_recovery_codes').where('user_id', '=', actor.userId).execute();
    await tx
      .insertInto('user_recovery_codes')
      .values(hashes.map((code_hash) => ({ user_id: actor.userId, code_hash })))
      .execute();
    if (actor.sessionId && actor.signInStage === 'enrolment')
      await tx.updateTable('sessions').set({ stage: 'complete' }).where('id', '=', actor.sessionId).execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'auth.totp_enrolled',
        entityType: 'user',
        entityId: actor.userId,
        after: { recoveryCodes: codes.length },
      },
      ctx.requestId,
    );
  });
  return { recoveryCodes: codes };
}
