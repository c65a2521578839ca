import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { deleteSession } from './sessions.repository';

/** Ends the current session (API tokens have no session to end; revoke them instead). */
export async function logout(ctx: StepContext): Promise<void> {
  const actor = actorOf(ctx);
  await ctx.db.transaction().execute(async (tx) => {
    if (actor.sessionId) await deleteSession(tx, actor.sessionId);
    await recordAudit(
      tx,
      ctx.auditActor,
      { action: 'auth.logout', entityType: 'user', entityId: actor.userId },
      ctx.requestId,
    );
  });
}
