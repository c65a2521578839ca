import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import { findCriteria } from './scenarios.repository';

export interface SetCriterionWeightsOptions {
  weights: { criterionId: string; weight: number }[];
}

/**
 * Stores the weights as entered (they need not sum to 1: the comparison normalises them and
 * says so). Every criterion must be named exactly once so that a partial list cannot silently
 * keep stale weights.
 */
export async function setCriterionWeights(
  ctx: StepContext,
  options: SetCriterionWeightsOptions,
): Promise<void> {
  const criteria = await findCriteria(ctx.db);
  const given = new Map(options.weights.map((w) => [w.criterionId, w.weight]));
  if (
    given.size !== options.weights.length ||
    given.size !== criteria.length ||
    criteria.some((c) => !given.has(c.id))
  ) {
    throw new AppError('POLICY_WEIGHTS_INCOMPLETE');
  }
  await ctx.db.transaction().execute(async (tx) => {
    for (const criterion of criteria) {
      await tx
        .updateTable('policy_criteria')
        .set({ weight: String(given.get(criterion.id)), updated_at: ctx.now() })
        .where('id', '=', criterion.id)
        .execute();
    }
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'policy.weights_set',
        entityType: 'policy_criteria',
        before: Object.fromEntries(criteria.map((c) => [c.code, c.weight])),
        after: Object.fromEntries(criteria.map((c) => [c.code, String(given.get(c.id))])),
      },
      ctx.requestId,
    );
  });
}
