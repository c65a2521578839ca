import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { enrolmentPicture, newTotpSecret } from './totp';
import { sealTotpSecret, totpKeyOf } from './totp-secret-box';

/**
 * Starts (or restarts) setting up the second factor of a local account: a new secret, shown once
 * as a QR code and as text. Nothing changes at sign-in until a code confirms it.
 */
export async function startTotpEnrolment(ctx: StepContext) {
  const actor = actorOf(ctx);
  const user = await ctx.db
    .selectFrom('users')
    .leftJoin('user_totp as t', 't.user_id', 'users.id')
    .select(['users.id', 'users.email', 'users.password_hash', 't.confirmed_at'])
    .where('users.id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (user.password_hash === null) throw new AppError('TOTP_NOT_FOR_SSO');
  if (user.confirmed_at) throw new AppError('TOTP_ALREADY_ENROLLED');
  const secret = newTotpSecret();
  // Stored sealed (AES-256-GCM); the plain secret goes only to the person enrolling, this once.
  const sealed = sealTotpSecret(totpKeyOf(ctx.config), user.id, secret);
  await ctx.db.transaction().execute(async (tx) => {
    const written = await tx
      .insertInto('user_totp')
      .values({
        user_id: user.id,
        secret: sealed,
        confirmed_at: null,
        last_time_step: null,
        created_at: ctx.now(),
      })
      .onConflict((oc) =>
        oc
          .column('user_id')
          .doUpdateSet({ secret: sealed, last_time_step: null, created_at: ctx.now() })
          // A factor confirmed meanwhile (another tab) keeps its secret: this restart writes nothing.
          .where('user_totp.confirmed_at', 'is', null),
      )
      .returning('user_id')
      .executeTakeFirst();
    if (!written) throw new AppError('TOTP_ALREADY_ENROLLED');
    await recordAudit(
      tx,
      ctx.auditActor,
      { action: 'auth.totp_enrolment_started', entityType: 'user', entityId: user.id },
      ctx.requestId,
    );
  });
  return { secret, ...enrolmentPicture(ctx.config.totpIssuer, user.email, secret) };
}
