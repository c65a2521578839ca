import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';

/** Revokes a token: its owner, or an admin. Someone else's token answers as not found. */
export async function revokeApiToken(ctx: StepContext, tokenId: string): Promise<void> {
  const actor = actorOf(ctx);
  let query = ctx.db.selectFrom('api_tokens').selectAll().where('id', '=', tokenId);
  if (actor.role !== 'admin') query = query.where('user_id', '=', actor.userId);
  const token = await query.executeTakeFirst();
  if (!token) throw new AppError('NOT_FOUND');
  if (token.revoked_at) return;
  await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('api_tokens').set({ revoked_at: ctx.now() }).where('id', '=', tokenId).execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'api_token.revoked',
        entityType: 'api_token',
        entityId: tokenId,
        before: { name: token.name, scope: token.scope },
      },
      ctx.requestId,
    );
  });
}
