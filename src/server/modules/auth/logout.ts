import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { deleteSession } from './sessions.repository';
import { endSessionUrl } from './oidc-client';

/**
 * Ends the current session (API tokens have no session to end; revoke them instead). A session from
 * an OpenID Connect provider answers where the browser goes to end the provider's session too.
 */
export async function logout(ctx: StepContext): Promise<{ endSessionUrl: string | null }> {
  const actor = actorOf(ctx);
  const ended = await ctx.db.transaction().execute(async (tx) => {
    const session = actor.sessionId
      ? await tx
          .selectFrom('sessions')
          .select(['oidc_provider', 'oidc_id_token'])
          .where('id', '=', actor.sessionId)
          .executeTakeFirst()
      : undefined;
    if (actor.sessionId) await deleteSession(tx, actor.sessionId);
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'auth.logout',
        entityType: 'user',
        entityId: actor.userId,
        ...(session?.oidc_provider ? { after: { provider: session.oidc_provider } } : {}),
      },
      ctx.requestId,
    );
    return session;
  });
  return {
    endSessionUrl: ended?.oidc_provider
      ? await endSessionUrl(ctx.config, ended.oidc_provider, ended.oidc_id_token)
      : null,
  };
}
