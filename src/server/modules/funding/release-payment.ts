import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import type { StepContext } from '../../http/request-context';
import { getLineTotals, lockLine } from './funding.repository';

/**
 * Releases (pays) a planned tranche: only when its milestone or report is accepted, and never
 * beyond the line's budget. The line row is locked first, then the payment row.
 */
export async function releasePayment(
  ctx: StepContext,
  options: { paymentId: string },
): Promise<{ id: string }> {
  const found = await ctx.db
    .selectFrom('funding_payments')
    .select(['id', 'line_id'])
    .where('id', '=', options.paymentId)
    .executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND');
  return ctx.db.transaction().execute(async (tx) => {
    await lockLine(tx, found.line_id);
    const payment = await tx
      .selectFrom('funding_payments')
      .selectAll()
      .where('id', '=', found.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (payment.status === 'released') throw new AppError('PAYMENT_ALREADY_RELEASED');
    if (payment.milestone_id) {
      const milestone = await tx
        .selectFrom('project_milestones')
        .select('status')
        .where('id', '=', payment.milestone_id)
        .executeTakeFirstOrThrow();
      if (milestone.status !== 'accepted')
        throw new AppError('PAYMENT_CONDITION_NOT_MET', {
          context: { milestoneId: payment.milestone_id, milestoneStatus: milestone.status },
        });
    }
    if (payment.report_id) {
      const report = await tx
        .selectFrom('funding_reports')
        .select('status')
        .where('id', '=', payment.report_id)
        .executeTakeFirstOrThrow();
      if (report.status !== 'accepted')
        throw new AppError('PAYMENT_CONDITION_NOT_MET', {
          context: { reportId: payment.report_id, reportStatus: report.status },
        });
    }
    const totals = await getLineTotals(tx, payment.line_id);
    const unpaid = totals.budgetCents - totals.paidCents;
    if (Number(payment.amount_cents) > unpaid)
      throw new AppError('FUNDING_LINE_INSUFFICIENT', {
        context: {
          lineId: payment.line_id,
          remainingCents: unpaid,
          requestedCents: Number(payment.amount_cents),
        },
      });
    await tx
      .updateTable('funding_payments')
      .set({ status: 'released', released_at: ctx.now(), released_by: ctx.actor?.userId ?? null })
      .where('id', '=', payment.id)
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'payment.released',
        entityType: 'funding_payment',
        entityId: payment.id,
        before: { status: 'planned' },
        after: {
          status: 'released',
          amountCents: Number(payment.amount_cents),
          lineId: payment.line_id,
          commitmentId: payment.commitment_id,
        },
      },
      ctx.requestId,
    );
    return { id: payment.id };
  });
}
