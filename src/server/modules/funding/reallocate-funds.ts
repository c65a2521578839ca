import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import type { StepContext } from '../../http/request-context';
import { getLineTotals, lockLine } from './funding.repository';

export interface ReallocateFundsOptions {
  fromLineId: string;
  toLineId: string;
  amountCents: number;
  motivation: string;
}

/**
 * Moves money from one line to another: the only way money leaves an earmarked line for another
 * purpose. Explicit, motivated and audited; both lines are locked (in id order, so two opposite
 * reallocations cannot deadlock) and the source keeps at least what it has committed.
 */
export async function reallocateFunds(
  ctx: StepContext,
  options: ReallocateFundsOptions,
): Promise<{ id: string }> {
  if (options.fromLineId === options.toLineId) throw new AppError('REALLOCATION_SAME_LINE');
  return ctx.db.transaction().execute(async (tx) => {
    for (const id of [options.fromLineId, options.toLineId].sort()) await lockLine(tx, id);
    const before = {
      from: await getLineTotals(tx, options.fromLineId),
      to: await getLineTotals(tx, options.toLineId),
    };
    const remaining = before.from.budgetCents - before.from.committedCents;
    if (options.amountCents > remaining)
      throw new AppError('FUNDING_LINE_INSUFFICIENT', {
        context: {
          lineId: options.fromLineId,
          remainingCents: remaining,
          requestedCents: options.amountCents,
        },
      });
    const { id } = await tx
      .insertInto('funding_reallocations')
      .values({
        from_line_id: options.fromLineId,
        to_line_id: options.toLineId,
        amount_cents: options.amountCents,
        motivation: options.motivation,
        decided_by: ctx.actor?.userId ?? null,
        decided_at: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'funding.reallocated',
        entityType: 'funding_reallocation',
        entityId: id,
        before: { fromBudgetCents: before.from.budgetCents, toBudgetCents: before.to.budgetCents },
        after: {
          fromLineId: options.fromLineId,
          toLineId: options.toLineId,
          amountCents: options.amountCents,
          motivation: options.motivation,
          fromBudgetCents: before.from.budgetCents - options.amountCents,
          toBudgetCents: before.to.budgetCents + options.amountCents,
        },
      },
      ctx.requestId,
    );
    return { id };
  });
}
