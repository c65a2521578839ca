import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';

/** An officer links an unmatched EU participant to an organisation by hand (or unlinks it with null). */
export async function linkEuParticipation(
  ctx: StepContext,
  options: { participationId: string; organisationId: string | null },
) {
  const actor = actorOf(ctx);
  const before = await ctx.db
    .selectFrom('eu_participations')
    .selectAll()
    .where('id', '=', options.participationId)
    .executeTakeFirst();
  if (!before) throw new AppError('NOT_FOUND');
  if (options.organisationId) {
    const organisation = await ctx.db
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', options.organisationId)
      .executeTakeFirst();
    if (!organisation) throw new AppError('NOT_FOUND');
  }
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('eu_participations')
      .set({
        organisation_id: options.organisationId,
        link_method: options.organisationId ? 'manual' : null,
        linked_by: options.organisationId ? actor.userId : null,
        linked_at: options.organisationId ? ctx.now() : null,
      })
      .where('id', '=', before.id)
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'kpi.eu_participation_linked',
        entityType: 'eu_participation',
        entityId: before.id,
        before: { organisationId: before.organisation_id, linkMethod: before.link_method },
        after: { organisationId: options.organisationId },
      },
      ctx.requestId,
    );
  });
}
