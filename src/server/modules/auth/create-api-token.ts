import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { randomToken, sha256 } from './secrets';

/** Issues an API token for scripts; the secret is returned once and only its hash is kept. */
export async function createApiToken(
  ctx: StepContext,
  options: { name: string; scope: 'read' | 'write'; expiresInDays?: number },
) {
  const actor = actorOf(ctx);
  const secret = randomToken('spk_');
  const expiresAt = options.expiresInDays
    ? new Date(ctx.now().getTime() + options.expiresInDays * 86_400_000)
    : null;
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('api_tokens')
      .values({
        user_id: actor.userId,
        name: options.name,
        token_hash: sha256(secret),
        scope: options.scope,
        expires_at: expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'api_token.created',
        entityType: 'api_token',
        entityId: row.id,
        after: { name: row.name, scope: row.scope, expiresAt },
      },
      ctx.requestId,
    );
    return { row, secret };
  });
}
