import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { checkSecondFactor } from './totp';

/**
 * The second step of a sign-in (with a password, or the first through a provider linked to this
 * account): a code from the authenticator app (never one already used) or an unused recovery code
 * (then used up). Throttled like passwords; each outcome audited.
 */
export async function verifySecondFactor(
  ctx: StepContext,
  options: { code: string; clientAddress: string },
): Promise<void> {
  const actor = actorOf(ctx);
  if (actor.signInStage !== 'second_factor' || !actor.sessionId) throw new AppError('NOT_FOUND');
  const sessionId = actor.sessionId;
  await checkSecondFactor(ctx, { userId: actor.userId, ...options }, async (tx, used) => {
    const session = await tx
      .updateTable('sessions')
      .set({ stage: 'complete' })
      .where('id', '=', sessionId)
      .returning('oidc_provider')
      .executeTakeFirstOrThrow();
    // The provider's identity, linked to this account, needs the code no more.
    if (session.oidc_provider !== null)
      await tx
        .updateTable('oidc_identities')
        .set({ second_factor_pending: false })
        .where('user_id', '=', actor.userId)
        .where('provider_id', '=', session.oidc_provider)
        .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'auth.login',
        entityType: 'user',
        entityId: actor.userId,
        after: {
          secondFactor: used,
          ...(session.oidc_provider === null ? {} : { provider: session.oidc_provider }),
        },
      },
      ctx.requestId,
    );
  });
}
