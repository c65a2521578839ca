import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { assertEditsCluster } from './partnership.policy';
import { getAgreement, getReport, type Db, type ReportRow } from './partnership.repository';
import { notifyPerson } from './notify';

async function loadReport(tx: Db, id: string): Promise<ReportRow> {
  const row = await tx
    .selectFrom('partnership_reports as r')
    .innerJoin('partnership_report_periods as p', 'p.id', 'r.period_id')
    .selectAll('r')
    .select([
      'p.label as period_label',
      'p.starts_on as period_starts_on',
      'p.ends_on as period_ends_on',
      'p.due_on as period_due_on',
      'p.closed_at as period_closed_at',
      'p.agreement_id',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('INTERNAL_ERROR');
  return row;
}

/** Starts the progress report of a reporting period, one section per objective. A closed period is refused. */
export async function createReport(
  ctx: StepContext,
  options: { clusterId: string; periodId: string; isExample?: boolean },
): Promise<ReportRow> {
  const actor = actorOf(ctx);
  const period = await ctx.db
    .selectFrom('partnership_report_periods')
    .selectAll()
    .where('id', '=', options.periodId)
    .executeTakeFirst();
  if (!period) throw new AppError('NOT_FOUND');
  const agreement = await getAgreement(ctx.db, actor, period.agreement_id);
  if (agreement.cluster_id !== options.clusterId) throw new AppError('NOT_FOUND');
  assertEditsCluster(actor, agreement.cluster_id);
  if (period.closed_at !== null)
    throw new AppError('PARTNERSHIP_PERIOD_CLOSED', { context: { period: period.label } });
  const exists = await ctx.db
    .selectFrom('partnership_reports')
    .select('id')
    .where('period_id', '=', period.id)
    .executeTakeFirst();
  if (exists) throw new AppError('PARTNERSHIP_REPORT_EXISTS', { context: { reportId: exists.id } });
  return ctx.db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('partnership_reports')
      .values({
        cluster_id: agreement.cluster_id,
        period_id: period.id,
        created_by: actor.userId,
        is_example: options.isExample ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const objectives = await tx
      .selectFrom('partnership_objectives')
      .select('id')
      .where('agreement_id', '=', agreement.id)
      .execute();
    if (objectives.length > 0)
      await tx
        .insertInto('partnership_report_sections')
        .values(objectives.map((o) => ({ report_id: id, objective_id: o.id, kpi_values: '[]' })))
        .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'partnership_report.created',
        entityType: 'partnership_report',
        entityId: id,
        after: { clusterId: agreement.cluster_id, period: period.label },
      },
      ctx.requestId,
    );
    return loadReport(tx, id);
  });
}

function assertPeriodOpen(report: ReportRow): void {
  if (report.period_closed_at !== null)
    throw new AppError('PARTNERSHIP_PERIOD_CLOSED', { context: { period: report.period_label } });
}

export interface UpdateReportOptions {
  reportId: string;
  risks?: string;
  sections: {
    objectiveId: string;
    narrative: string;
    kpiValues: { kpiDefinitionId?: string; label: string; value: string; period: string }[];
  }[];
}

/** Edits a draft, or a report returned for revision: narrative per objective, linked KPI values, risks. */
export async function updateReport(ctx: StepContext, options: UpdateReportOptions): Promise<ReportRow> {
  const actor = actorOf(ctx);
  const report = await getReport(ctx.db, actor, options.reportId);
  assertEditsCluster(actor, report.cluster_id);
  if (report.status !== 'draft' && report.status !== 'to_revise')
    throw new AppError('PARTNERSHIP_REPORT_STATE', { context: { status: report.status } });
  assertPeriodOpen(report);
  const objectives = await ctx.db
    .selectFrom('partnership_objectives')
    .select('id')
    .where('agreement_id', '=', report.agreement_id)
    .execute();
  const valid = new Set(objectives.map((o) => o.id));
  if (options.sections.some((s) => !valid.has(s.objectiveId)))
    throw new AppError('PARTNERSHIP_OBJECTIVE_MISMATCH');
  return ctx.db.transaction().execute(async (tx) => {
    for (const section of options.sections) {
      await tx
        .insertInto('partnership_report_sections')
        .values({
          report_id: report.id,
          objective_id: section.objectiveId,
          narrative: section.narrative,
          kpi_values: JSON.stringify(section.kpiValues),
        })
        .onConflict((oc) =>
          oc
            .columns(['report_id', 'objective_id'])
            .doUpdateSet({ narrative: section.narrative, kpi_values: JSON.stringify(section.kpiValues) }),
        )
        .execute();
    }
    await tx
      .updateTable('partnership_reports')
      .set({ risks: options.risks ?? report.risks, updated_at: ctx.now() })
      .where('id', '=', report.id)
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'partnership_report.updated',
        entityType: 'partnership_report',
        entityId: report.id,
        after: { clusterId: report.cluster_id, sections: options.sections.length },
      },
      ctx.requestId,
    );
    return loadReport(tx, report.id);
  });
}

/** The cluster submits (or resubmits after "to revise"); refused clearly for a closed period, nothing lost. */
export async function submitReport(ctx: StepContext, options: { reportId: string }): Promise<ReportRow> {
  const actor = actorOf(ctx);
  const report = await getReport(ctx.db, actor, options.reportId);
  assertEditsCluster(actor, report.cluster_id);
  assertPeriodOpen(report);
  if (report.status !== 'draft' && report.status !== 'to_revise')
    throw new AppError('PARTNERSHIP_REPORT_STATE', { context: { status: report.status } });
  return ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('partnership_reports')
      .set({
        status: 'submitted',
        submission_count: report.submission_count + 1,
        submitted_at: ctx.now(),
        submitted_by: actor.userId,
        updated_at: ctx.now(),
      })
      .where('id', '=', report.id)
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action:
          report.submission_count > 0 ? 'partnership_report.resubmitted' : 'partnership_report.submitted',
        entityType: 'partnership_report',
        entityId: report.id,
        after: {
          clusterId: report.cluster_id,
          period: report.period_label,
          submission: report.submission_count + 1,
        },
      },
      ctx.requestId,
    );
    const cluster = await tx
      .selectFrom('clusters')
      .select(['officer_user_id', 'name'])
      .where('id', '=', report.cluster_id)
      .executeTakeFirst();
    if (cluster?.officer_user_id) {
      await notifyPerson(
        tx,
        {
          userId: cluster.officer_user_id,
          kind: 'partnership.report_feedback',
          params: { period: report.period_label, cluster: cluster.name, context: 'submitted' },
          link: `/partnership/clusters/${report.cluster_id}?tab=reports`,
        },
        { now: ctx.now() },
      );
    }
    return loadReport(tx, report.id);
  });
}

/** The officer accepts the report or returns it "to revise" with written feedback; each review is kept. */
export async function reviewReport(
  ctx: StepContext,
  options: { reportId: string; outcome: 'accepted' | 'to_revise'; feedback: string },
): Promise<ReportRow> {
  const actor = actorOf(ctx);
  const report = await getReport(ctx.db, actor, options.reportId);
  if (actor.role !== 'officer') throw new AppError('FORBIDDEN');
  if (report.status !== 'submitted')
    throw new AppError('PARTNERSHIP_REPORT_STATE', { context: { status: report.status } });
  const feedback = options.feedback.trim();
  if (options.outcome === 'to_revise' && !feedback) throw new AppError('PARTNERSHIP_FEEDBACK_REQUIRED');
  return ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('partnership_reports')
      .set({
        status: options.outcome,
        feedback,
        reviewed_by: actor.userId,
        reviewed_at: ctx.now(),
        updated_at: ctx.now(),
      })
      .where('id', '=', report.id)
      .execute();
    await tx
      .insertInto('partnership_report_reviews')
      .values({
        report_id: report.id,
        submission: report.submission_count,
        outcome: options.outcome,
        feedback,
        reviewed_by: actor.userId,
        reviewed_at: ctx.now(),
      })
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action:
          options.outcome === 'accepted' ? 'partnership_report.accepted' : 'partnership_report.returned',
        entityType: 'partnership_report',
        entityId: report.id,
        after: {
          clusterId: report.cluster_id,
          period: report.period_label,
          outcome: options.outcome,
          submission: report.submission_count,
        },
      },
      ctx.requestId,
    );
    const author = report.submitted_by;
    if (author) {
      const accepted = options.outcome === 'accepted';
      await notifyPerson(
        tx,
        {
          userId: author,
          kind: 'partnership.report_feedback',
          params: { period: report.period_label, feedback, context: accepted ? 'accepted' : 'to_revise' },
          link: `/partnership/clusters/${report.cluster_id}?tab=reports`,
        },
        { now: ctx.now() },
      );
    }
    return loadReport(tx, report.id);
  });
}

/** The officer closes a reporting period: no report can be created or submitted for it any more. */
export async function closeReportPeriod(ctx: StepContext, options: { periodId: string }): Promise<string> {
  const actor = actorOf(ctx);
  const period = await ctx.db
    .selectFrom('partnership_report_periods')
    .selectAll()
    .where('id', '=', options.periodId)
    .executeTakeFirst();
  if (!period) throw new AppError('NOT_FOUND');
  const agreement = await getAgreement(ctx.db, actor, period.agreement_id);
  if (actor.role !== 'officer') throw new AppError('FORBIDDEN');
  if (period.closed_at !== null) return agreement.id;
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('partnership_report_periods')
      .set({ closed_at: ctx.now(), closed_by: actor.userId })
      .where('id', '=', period.id)
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'partnership_period.closed',
        entityType: 'partnership_report_period',
        entityId: period.id,
        after: { clusterId: agreement.cluster_id, period: period.label },
      },
      ctx.requestId,
    );
  });
  return agreement.id;
}
