import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { assertEditsCluster } from './partnership.policy';
import {
  findAgreementRow,
  getAgreement,
  getCluster,
  type AgreementRow,
  type Db,
} from './partnership.repository';
import type { AgreementInput } from './partnership.schema';
import { replaceKpiLinks } from './kpi-links';
import { auditAgreement } from './partnership.presenter';

function checkPeriods(input: AgreementInput): void {
  if (input.periodEnd < input.periodStart) throw new AppError('PARTNERSHIP_PERIOD_INVALID');
  for (const p of input.reportingPeriods) {
    if (p.endsOn < p.startsOn || p.startsOn < input.periodStart || p.endsOn > input.periodEnd)
      throw new AppError('PARTNERSHIP_PERIOD_INVALID');
  }
}

/**
 * Writes objectives and periods: given ids are updated, new ones created, missing ones removed (unless a
 * report uses them).
 */
async function writeChildren(
  tx: Db,
  agreementId: string,
  clusterId: string,
  input: AgreementInput,
): Promise<void> {
  const existing = await tx
    .selectFrom('partnership_objectives')
    .select('id')
    .where('agreement_id', '=', agreementId)
    .execute();
  const keep = new Set(input.objectives.map((o) => o.id).filter(Boolean));
  const removed = existing.map((o) => o.id).filter((id) => !keep.has(id));
  if (removed.length > 0) {
    const used = await tx
      .selectFrom('partnership_report_sections')
      .select('objective_id')
      .where('objective_id', 'in', removed)
      .executeTakeFirst();
    if (used) throw new AppError('PARTNERSHIP_OBJECTIVE_IN_USE');
    await tx.deleteFrom('partnership_objectives').where('id', 'in', removed).execute();
  }
  for (const [index, objective] of input.objectives.entries()) {
    let id = objective.id;
    if (id && existing.some((o) => o.id === id)) {
      await tx
        .updateTable('partnership_objectives')
        .set({
          position: index + 1,
          title: objective.title,
          title_en: objective.titleEn || null,
          description: objective.description,
        })
        .where('id', '=', id)
        .execute();
    } else {
      id = (
        await tx
          .insertInto('partnership_objectives')
          .values({
            agreement_id: agreementId,
            position: index + 1,
            title: objective.title,
            title_en: objective.titleEn || null,
            description: objective.description,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    await replaceKpiLinks(tx, id, clusterId, objective.kpiDefinitionIds);
  }
  const periods = await tx
    .selectFrom('partnership_report_periods')
    .select(['id'])
    .where('agreement_id', '=', agreementId)
    .execute();
  const keepPeriods = new Set(input.reportingPeriods.map((p) => p.id).filter(Boolean));
  const droppedPeriods = periods.map((p) => p.id).filter((id) => !keepPeriods.has(id));
  if (droppedPeriods.length > 0) {
    const used = await tx
      .selectFrom('partnership_reports')
      .select('id')
      .where('period_id', 'in', droppedPeriods)
      .executeTakeFirst();
    if (used) throw new AppError('PARTNERSHIP_REPORT_EXISTS');
    await tx.deleteFrom('partnership_report_periods').where('id', 'in', droppedPeriods).execute();
  }
  for (const period of input.reportingPeriods) {
    const values = {
      label: period.label,
      starts_on: period.startsOn,
      ends_on: period.endsOn,
      due_on: period.dueOn,
    };
    if (period.id && periods.some((p) => p.id === period.id))
      await tx.updateTable('partnership_report_periods').set(values).where('id', '=', period.id).execute();
    else
      await tx
        .insertInto('partnership_report_periods')
        .values({ agreement_id: agreementId, ...values })
        .execute();
  }
}

/** Creates a partnership agreement for a cluster and period, with its objectives and reporting periods. */
export async function createAgreement(
  ctx: StepContext,
  options: { clusterId: string; input: AgreementInput; isExample?: boolean },
): Promise<AgreementRow> {
  const actor = actorOf(ctx);
  await getCluster(ctx.db, actor, options.clusterId);
  assertEditsCluster(actor, options.clusterId);
  checkPeriods(options.input);
  const { input } = options;
  const clash = await ctx.db
    .selectFrom('partnership_agreements')
    .select('id')
    .where('cluster_id', '=', options.clusterId)
    .where('period_start', '=', input.periodStart)
    .executeTakeFirst();
  if (clash) throw new AppError('PARTNERSHIP_AGREEMENT_EXISTS');
  return ctx.db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('partnership_agreements')
      .values({
        cluster_id: options.clusterId,
        title: input.title,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        cluster_commitments: input.clusterCommitments,
        agency_commitments: input.agencyCommitments,
        follow_up_rhythm: input.followUpRhythm,
        created_by: actor.userId,
        is_example: options.isExample ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeChildren(tx, id, options.clusterId, input);
    const row = await findAgreementRow(tx, id);
    if (!row) throw new AppError('INTERNAL_ERROR');
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'partnership_agreement.created',
        entityType: 'partnership_agreement',
        entityId: id,
        after: auditAgreement(row, input.objectives),
      },
      ctx.requestId,
    );
    return row;
  });
}

/**
 * Changes an agreement. Changing a signed agreement is an amendment: both signatures are
 * cleared (both sides sign the new text again) and the amendment is counted and audited.
 */
export async function updateAgreement(
  ctx: StepContext,
  options: { agreementId: string; input: AgreementInput },
): Promise<AgreementRow> {
  const actor = actorOf(ctx);
  const before = await getAgreement(ctx.db, actor, options.agreementId);
  assertEditsCluster(actor, before.cluster_id);
  const { input } = options;
  checkPeriods(input);
  if (input.periodStart !== before.period_start) {
    const clash = await ctx.db
      .selectFrom('partnership_agreements')
      .select('id')
      .where('cluster_id', '=', before.cluster_id)
      .where('period_start', '=', input.periodStart)
      .where('id', '!=', before.id)
      .executeTakeFirst();
    if (clash) throw new AppError('PARTNERSHIP_AGREEMENT_EXISTS');
  }
  const wasSigned = before.cluster_signed_at !== null || before.agency_signed_at !== null;
  return ctx.db.transaction().execute(async (tx) => {
    const beforeObjectives = await tx
      .selectFrom('partnership_objectives')
      .select('title')
      .where('agreement_id', '=', before.id)
      .orderBy('position')
      .execute();
    await tx
      .updateTable('partnership_agreements')
      .set({
        title: input.title,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        cluster_commitments: input.clusterCommitments,
        agency_commitments: input.agencyCommitments,
        follow_up_rhythm: input.followUpRhythm,
        updated_at: ctx.now(),
        ...(wasSigned
          ? {
              cluster_signed_at: null,
              cluster_signed_by: null,
              agency_signed_at: null,
              agency_signed_by: null,
              amendment_count: before.amendment_count + 1,
            }
          : {}),
      })
      .where('id', '=', before.id)
      .execute();
    await writeChildren(tx, before.id, before.cluster_id, input);
    const after = await findAgreementRow(tx, before.id);
    if (!after) throw new AppError('INTERNAL_ERROR');
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: wasSigned ? 'partnership_agreement.amended' : 'partnership_agreement.updated',
        entityType: 'partnership_agreement',
        entityId: before.id,
        before: auditAgreement(before, beforeObjectives),
        after: auditAgreement(after, input.objectives),
      },
      ctx.requestId,
    );
    return after;
  });
}

/** Signs for the actor's side: a cluster manager for the cluster, an officer for the agency. */
export async function signAgreement(
  ctx: StepContext,
  options: { agreementId: string },
): Promise<AgreementRow> {
  const actor = actorOf(ctx);
  const before = await getAgreement(ctx.db, actor, options.agreementId);
  assertEditsCluster(actor, before.cluster_id);
  const side = actor.role === 'officer' ? 'agency' : actor.role === 'manager' ? 'cluster' : null;
  if (!side) throw new AppError('PARTNERSHIP_CANNOT_SIGN');
  if ((side === 'agency' ? before.agency_signed_at : before.cluster_signed_at) !== null)
    throw new AppError('PARTNERSHIP_ALREADY_SIGNED');
  return ctx.db.transaction().execute(async (tx) => {
    const now = ctx.now();
    await tx
      .updateTable('partnership_agreements')
      .set(
        side === 'agency'
          ? { agency_signed_at: now, agency_signed_by: actor.userId }
          : { cluster_signed_at: now, cluster_signed_by: actor.userId },
      )
      .where('id', '=', before.id)
      .execute();
    const after = await findAgreementRow(tx, before.id);
    if (!after) throw new AppError('INTERNAL_ERROR');
    const complete = Boolean(after.cluster_signed_at && after.agency_signed_at);
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'partnership_agreement.signed',
        entityType: 'partnership_agreement',
        entityId: before.id,
        after: { clusterId: before.cluster_id, side, signedBy: actor.userId, complete },
      },
      ctx.requestId,
    );
    return after;
  });
}
