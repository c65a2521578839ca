import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { assertSeesCluster, canRecordDiffusion } from './kpis.policy';
import type { DiffusionKind } from './kpis.tables';

export interface DiffusionActivityInput {
  clusterId: string;
  kind: DiffusionKind;
  title: string;
  heldOn: string;
  participants: number;
  smesReached: number;
  nonMemberCompaniesReached: number;
  link?: string | null;
}

/** Adds an activity to a cluster's knowledge-diffusion register (its manager or an officer). */
export async function recordDiffusionActivity(ctx: StepContext, input: DiffusionActivityInput) {
  const actor = actorOf(ctx);
  assertSeesCluster(actor, input.clusterId);
  if (!canRecordDiffusion(actor, input.clusterId)) throw new AppError('FORBIDDEN');
  const cluster = await ctx.db
    .selectFrom('clusters')
    .select('id')
    .where('id', '=', input.clusterId)
    .executeTakeFirst();
  if (!cluster) throw new AppError('NOT_FOUND');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('diffusion_activities')
      .values({
        cluster_id: input.clusterId,
        kind: input.kind,
        title: input.title,
        held_on: input.heldOn,
        participants: input.participants,
        smes_reached: input.smesReached,
        non_member_companies_reached: input.nonMemberCompaniesReached,
        link: input.link ?? null,
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      ctx.auditActor,
      { action: 'kpi.diffusion_recorded', entityType: 'diffusion_activity', entityId: row.id, after: input },
      ctx.requestId,
    );
    return row;
  });
}
