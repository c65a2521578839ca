import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import type { StepContext } from '../../http/request-context';
import type { Tranche } from './funding.tables';

export interface PlanPaymentOptions {
  commitmentId: string;
  tranche: Tranche;
  amountCents: number;
  milestoneId?: string | null;
  reportId?: string | null;
  plannedOn: string;
}

/**
 * Plans a payment tranche of a commitment. Every tranche but an advance waits for a milestone
 * or a report of the same project (or base funding); the tranches together stay within the
 * commitment (the commitment row is locked while they are added up).
 */
export async function planPayment(ctx: StepContext, options: PlanPaymentOptions): Promise<{ id: string }> {
  if (options.milestoneId && options.reportId) throw new AppError('PAYMENT_CONDITION_INVALID');
  if (options.tranche !== 'advance' && !options.milestoneId && !options.reportId)
    throw new AppError('PAYMENT_CONDITION_INVALID');
  return ctx.db.transaction().execute(async (tx) => {
    const commitment = await tx
      .selectFrom('funding_commitments')
      .selectAll()
      .where('id', '=', options.commitmentId)
      .forUpdate()
      .executeTakeFirst();
    if (!commitment) throw new AppError('NOT_FOUND');
    if (options.milestoneId) {
      const milestone = await tx
        .selectFrom('project_milestones')
        .select('project_id')
        .where('id', '=', options.milestoneId)
        .executeTakeFirst();
      if (!milestone || milestone.project_id !== commitment.project_id)
        throw new AppError('PAYMENT_CONDITION_INVALID');
    }
    if (options.reportId) {
      const report = await tx
        .selectFrom('funding_reports')
        .select(['project_id', 'base_operation_id'])
        .where('id', '=', options.reportId)
        .executeTakeFirst();
      const belongs =
        report &&
        (commitment.project_id
          ? report.project_id === commitment.project_id
          : report.base_operation_id === commitment.base_operation_id);
      if (!belongs) throw new AppError('PAYMENT_CONDITION_INVALID');
    }
    const planned = await tx
      .selectFrom('funding_payments')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_cents'), eb.lit(0)).as('total'))
      .where('commitment_id', '=', commitment.id)
      .executeTakeFirstOrThrow();
    const left = Number(commitment.amount_cents) - Number(planned.total);
    if (options.amountCents > left)
      throw new AppError('PAYMENT_EXCEEDS_COMMITMENT', {
        context: { commitmentId: commitment.id, unplannedCents: left, requestedCents: options.amountCents },
      });
    const payment = await tx
      .insertInto('funding_payments')
      .values({
        commitment_id: commitment.id,
        line_id: commitment.line_id,
        tranche: options.tranche,
        amount_cents: options.amountCents,
        milestone_id: options.milestoneId ?? null,
        report_id: options.reportId ?? null,
        planned_on: options.plannedOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'payment.planned',
        entityType: 'funding_payment',
        entityId: payment.id,
        after: {
          commitmentId: commitment.id,
          tranche: options.tranche,
          amountCents: options.amountCents,
          milestoneId: options.milestoneId ?? null,
          reportId: options.reportId ?? null,
          plannedOn: options.plannedOn,
        },
      },
      ctx.requestId,
    );
    return payment;
  });
}
