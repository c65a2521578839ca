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
    // Only a session still waiting for its second factor completes: of two valid codes sent at once
    // (an app code and a recovery code), the later finds it complete and answers NOT_FOUND, as any
    // request after completion does; its transaction rolls back, so its code stays unused.
    const session = await tx
      .updateTable('sessions')
      .set({ stage: 'complete' })
      .where('id', '=', sessionId)
      .where('stage', '=', 'second_factor')
      .returning('oidc_provider')
      .executeTakeFirst();
    if (!session) throw new AppError('NOT_FOUND');
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
