import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { checkSecondFactor } from './totp';

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
  await checkSecondFactor(ctx, { userId: actor.userId, ...options }, async (tx, used) => {
    await tx.updateTable('sessions').set({ stage: 'complete' }).where('id', '=', sessionId).execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'auth.login',
        entityType: 'user',
        entityId: actor.userId,
        after: { secondFactor: used },
      },
      ctx.requestId,
    );
  });
}
