import { brusselsDate } from '../../../shared/brussels-time';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import type { StepContext } from '../../http/request-context';
import { auditCommitment } from './funding-audit';
import { fitsLinePurpose, multiplyCents } from './funding-rules';
import { getLineTotals, lockLine } from './funding.repository';

export interface GrantBaseOperationsOptions {
  clusterId: string;
  year: number;
  lineId: string;
  subsidyCents: number;
  decidedOn?: string;
  isExample?: boolean;
}

/**
 * Grants a cluster its base-operations subsidy for one year and commits it on the line, in one
 * transaction with the line locked. The required own contribution is the line's ratio at the
 * time of the grant (kept on the grant, so a later change of the line does not rewrite history).
 */
export async function grantBaseOperations(
  ctx: StepContext,
  options: GrantBaseOperationsOptions,
): Promise<{ id: string; commitmentId: string }> {
  const cluster = await ctx.db
    .selectFrom('clusters')
    .select('id')
    .where('id', '=', options.clusterId)
    .executeTakeFirst();
  if (!cluster) throw new AppError('FUNDING_UNKNOWN_REFERENCE');
  const existing = await ctx.db
    .selectFrom('base_operation_grants')
    .select('id')
    .where('cluster_id', '=', options.clusterId)
    .where('year', '=', options.year)
    .executeTakeFirst();
  if (existing) throw new AppError('BASE_OPERATIONS_EXISTS');
  return ctx.db.transaction().execute(async (tx) => {
    const line = await lockLine(tx, options.lineId);
    if (
      !fitsLinePurpose(
        {
          purpose: line.purpose,
          isRingFenced: line.is_ring_fenced,
          callId: line.call_id,
          clusterIds: line.clusterIds,
        },
        { kind: 'base_operations', clusterIds: [options.clusterId] },
      )
    ) {
      throw new AppError('FUNDING_PURPOSE_MISMATCH');
    }
    if (
      options.year < Number(line.period_start.slice(0, 4)) ||
      options.year > Number(line.period_end.slice(0, 4))
    )
      throw new AppError('BASE_OPERATIONS_YEAR_OUTSIDE_LINE');
    const totals = await getLineTotals(tx, line.id);
    const remaining = totals.budgetCents - totals.committedCents;
    if (options.subsidyCents > remaining)
      throw new AppError('FUNDING_LINE_INSUFFICIENT', {
        context: { lineId: line.id, remainingCents: remaining, requestedCents: options.subsidyCents },
      });
    const grant = await tx
      .insertInto('base_operation_grants')
      .values({
        cluster_id: options.clusterId,
        year: options.year,
        line_id: line.id,
        subsidy_cents: options.subsidyCents,
        own_contribution_ratio: line.own_contribution_ratio,
        is_example: options.isExample ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const commitment = await tx
      .insertInto('funding_commitments')
      .values({
        line_id: line.id,
        base_operation_id: grant.id,
        amount_cents: options.subsidyCents,
        cofunding_cents: multiplyCents(options.subsidyCents, line.own_contribution_ratio),
        decided_on: options.decidedOn ?? brusselsDate(ctx.now()),
        decided_by: ctx.actor?.userId ?? null,
        is_example: options.isExample ?? false,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'base_operations.granted',
        entityType: 'base_operation_grant',
        entityId: grant.id,
        after: {
          clusterId: options.clusterId,
          year: options.year,
          subsidyCents: options.subsidyCents,
          ownContributionRatio: line.own_contribution_ratio,
          commitment: auditCommitment(commitment),
        },
      },
      ctx.requestId,
    );
    return { id: grant.id, commitmentId: commitment.id };
  });
}
