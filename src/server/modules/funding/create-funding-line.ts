import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import type { StepContext } from '../../http/request-context';
import type { FundingPurpose } from './funding.tables';
import { findLineById, type LineRow } from './funding.repository';

export interface CreateFundingLineOptions {
  code: string;
  name: string;
  purpose: FundingPurpose;
  callId?: string | null;
  periodStart: string;
  periodEnd: string;
  amountCents: number;
  isRingFenced: boolean;
  ownContributionRatio: string;
  clusterIds: string[];
  isExample?: boolean;
}

/** Opens a funding line (a budget envelope for one purpose and period), with the clusters it serves. */
export async function createFundingLine(
  ctx: StepContext,
  options: CreateFundingLineOptions,
): Promise<LineRow> {
  if ((options.purpose === 'call') !== Boolean(options.callId))
    throw new AppError('FUNDING_LINE_CALL_MISMATCH');
  if (options.periodEnd < options.periodStart) throw new AppError('VALIDATION_FAILED');
  const clusterIds = [...new Set(options.clusterIds)];
  if (clusterIds.length > 0) {
    const found = await ctx.db.selectFrom('clusters').select('id').where('id', 'in', clusterIds).execute();
    if (found.length !== clusterIds.length) throw new AppError('FUNDING_UNKNOWN_REFERENCE');
  }
  const taken = await ctx.db
    .selectFrom('funding_lines')
    .select('id')
    .where('code', '=', options.code)
    .executeTakeFirst();
  if (taken) throw new AppError('FUNDING_LINE_CODE_TAKEN');
  return ctx.db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('funding_lines')
      .values({
        code: options.code,
        name: options.name,
        purpose: options.purpose,
        call_id: options.purpose === 'call' ? (options.callId ?? null) : null,
        period_start: options.periodStart,
        period_end: options.periodEnd,
        amount_cents: options.amountCents,
        is_ring_fenced: options.isRingFenced,
        own_contribution_ratio: options.ownContributionRatio,
        is_example: options.isExample ?? false,
        created_by: ctx.actor?.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (clusterIds.length > 0)
      await tx
        .insertInto('funding_line_clusters')
        .values(clusterIds.map((clusterId) => ({ line_id: id, cluster_id: clusterId })))
        .execute();
    const line = await findLineById(tx, id);
    if (!line) throw new AppError('INTERNAL_ERROR');
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'funding_line.created',
        entityType: 'funding_line',
        entityId: id,
        after: { ...line, amount_cents: Number(line.amount_cents) },
      },
      ctx.requestId,
    );
    return line;
  });
}
