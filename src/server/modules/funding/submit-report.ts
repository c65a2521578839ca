import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import type { StepContext } from '../../http/request-context';
import { fundingPolicy } from './funding.policy';
import { baseOperationsQuery, getVisibleProject } from './funding.repository';
import type { ReportKind } from './funding.tables';

export interface SubmitReportOptions {
  projectId?: string;
  baseOperationId?: string;
  kind: ReportKind;
  title: string;
  summary: string;
  reportedCostsCents?: number;
  reportedOwnContributionCents?: number;
}

/**
 * A progress or final report on a project, or a costs report on a year of base funding (with
 * the costs and the own contribution), submitted for the officer to accept or return.
 */
export async function submitReport(ctx: StepContext, options: SubmitReportOptions): Promise<{ id: string }> {
  const isCosts = options.kind === 'costs';
  const hasFigures =
    options.reportedCostsCents !== undefined && options.reportedOwnContributionCents !== undefined;
  if (
    isCosts !== Boolean(options.baseOperationId) ||
    isCosts !== hasFigures ||
    (!isCosts &&
      (options.reportedCostsCents !== undefined || options.reportedOwnContributionCents !== undefined))
  ) {
    throw new AppError('REPORT_FIELDS_MISMATCH');
  }
  let clusterIds: string[];
  if (options.projectId) {
    clusterIds = (await getVisibleProject(ctx.db, ctx.actor, options.projectId)).clusterIds;
  } else {
    const grant = await baseOperationsQuery(ctx.db, ctx.actor)
      .where('b.id', '=', options.baseOperationId ?? '')
      .executeTakeFirst();
    if (!grant) throw new AppError('NOT_FOUND');
    clusterIds = [grant.cluster_id];
  }
  if (ctx.actor && !fundingPolicy.reportsFor(ctx.actor, clusterIds)) throw new AppError('FORBIDDEN');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('funding_reports')
      .values({
        project_id: options.projectId ?? null,
        base_operation_id: options.baseOperationId ?? null,
        kind: options.kind,
        title: options.title,
        summary: options.summary,
        reported_costs_cents: options.reportedCostsCents ?? null,
        reported_own_contribution_cents: options.reportedOwnContributionCents ?? null,
        submitted_by: ctx.actor?.userId ?? null,
        submitted_at: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      ctx.auditActor,
      { action: 'report.submitted', entityType: 'funding_report', entityId: row.id, after: options },
      ctx.requestId,
    );
    return row;
  });
}
