import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import type { Db } from './partnership.repository';
import { NOTIFICATION_KINDS } from './partnership.schema';

type Kind = (typeof NOTIFICATION_KINDS)[number];

export async function findPreferences(db: Db, userId: string) {
  const rows = await db
    .selectFrom('partnership_notification_preferences')
    .selectAll()
    .where('user_id', '=', userId)
    .execute();
  const settings = await db
    .selectFrom('partnership_notification_settings')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return {
    weeklyDigest: settings?.weekly_digest ?? false,
    hasCalendarToken: Boolean(settings?.calendar_token_hash),
    kinds: NOTIFICATION_KINDS.map((kind) => {
      const row = rows.find((r) => r.kind === kind);
      return { kind, inApp: row?.in_app ?? true, email: row?.email ?? true };
    }),
  };
}

/**
 * A person chooses per kind whether they get it in the app and/or by e-mail, and whether e-mails wait for a
 * weekly digest.
 */
export async function savePreferences(
  ctx: StepContext,
  options: { weeklyDigest: boolean; kinds: { kind: Kind; inApp: boolean; email: boolean }[] },
) {
  const actor = actorOf(ctx);
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('partnership_notification_settings')
      .values({ user_id: actor.userId, weekly_digest: options.weeklyDigest, updated_at: ctx.now() })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({ weekly_digest: options.weeklyDigest, updated_at: ctx.now() }),
      )
      .execute();
    for (const k of options.kinds) {
      await tx
        .insertInto('partnership_notification_preferences')
        .values({ user_id: actor.userId, kind: k.kind, in_app: k.inApp, email: k.email })
        .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ in_app: k.inApp, email: k.email }))
        .execute();
    }
    await recordAudit(
      tx,
      ctx.auditActor,
      { action: 'partnership_preferences.saved', entityType: 'user', entityId: actor.userId, after: options },
      ctx.requestId,
    );
  });
  return findPreferences(ctx.db, actor.userId);
}
