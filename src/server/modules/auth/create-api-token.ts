import { AppError, detail } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { randomToken, sha256 } from './secrets';

/**
 * Issues an API token for scripts; the secret is returned once and only its hash is kept. Every
 * token expires (at most `apiTokenMaxDays`, the default when none is asked); a token used to mint
 * another can only pass on its own scope and no more than its own remaining life.
 */
export async function createApiToken(
  ctx: StepContext,
  options: { name: string; scope: 'read' | 'write'; expiresInDays?: number },
) {
  const actor = actorOf(ctx);
  const maxDays = ctx.config.apiTokenMaxDays;
  const days = options.expiresInDays ?? maxDays;
  if (days > maxDays) {
    throw new AppError('VALIDATION_FAILED', {
      details: [
        detail(
          'expiresInDays',
          'too_big',
          `Een token leeft hoogstens ${maxDays} dagen.`,
          `A token lives at most ${maxDays} days.`,
        ),
      ],
    });
  }
  let expiresAt = new Date(ctx.now().getTime() + days * 86_400_000);
  if (actor.via === 'token') {
    if (actor.tokenScope !== 'write' && options.scope === 'write')
      throw new AppError('TOKEN_SCOPE_INSUFFICIENT');
    const ownExpiry = actor.tokenExpiresAt;
    if (ownExpiry && expiresAt.getTime() > ownExpiry.getTime()) {
      if (options.expiresInDays !== undefined) {
        throw new AppError('VALIDATION_FAILED', {
          details: [
            detail(
              'expiresInDays',
              'outlives_token',
              'Een token kan geen token maken dat langer leeft dan zichzelf.',
              'A token cannot create a token that lives longer than itself.',
            ),
          ],
        });
      }
      expiresAt = ownExpiry;
    }
  }
  const secret = randomToken('spk_');
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
        after: { name: row.name, scope: row.scope, expiresAt, viaToken: actor.via === 'token' },
      },
      ctx.requestId,
    );
    return { row, secret };
  });
}
