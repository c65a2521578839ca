import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import { actorOf } from '../../http/request-context';
import { policyPolicy } from './policy.policy';
import { findCriteria, findScenarios, findStakeholderById } from './scenarios.repository';

export interface ScoreEntry {
  scenarioId: string;
  criterionId: string;
  /** 1–5; null removes the score. */
  score: number | null;
  comment: string;
}

export interface SaveScoresOptions {
  /** A named stakeholder organisation (officers), or omitted: the signed-in account scores as itself. */
  stakeholderId?: string;
  scores: ScoreEntry[];
}

/**
 * Saves one stakeholder's scores with comments. Officers enter scores for named organisations;
 * officers, analysts and managers score as themselves (their account becomes a stakeholder the
 * first time). Another account's stakeholder row answers NOT_FOUND, like a missing one.
 */
export async function saveScores(
  ctx: StepContext,
  options: SaveScoresOptions,
): Promise<{ stakeholderId: string }> {
  const actor = actorOf(ctx);
  let stakeholderId: string | null = null;
  if (options.stakeholderId) {
    const stakeholder = await findStakeholderById(ctx.db, options.stakeholderId);
    if (!stakeholder || stakeholder.kind !== 'organisation' || !policyPolicy.entersStakeholderScores(actor))
      throw new AppError('NOT_FOUND');
    stakeholderId = stakeholder.id;
  } else if (!policyPolicy.scoresAsSelf(actor)) {
    throw new AppError('FORBIDDEN');
  }
  const [scenarios, criteria] = await Promise.all([findScenarios(ctx.db), findCriteria(ctx.db)]);
  const scenarioIds = new Set(scenarios.map((s) => s.id));
  const criterionIds = new Set(criteria.map((c) => c.id));
  if (options.scores.some((s) => !scenarioIds.has(s.scenarioId) || !criterionIds.has(s.criterionId)))
    throw new AppError('POLICY_UNKNOWN_REFERENCE');

  return ctx.db.transaction().execute(async (tx) => {
    if (!stakeholderId) {
      const own = await tx
        .selectFrom('policy_stakeholders')
        .select('id')
        .where('user_id', '=', actor.userId)
        .executeTakeFirst();
      stakeholderId =
        own?.id ??
        (
          await tx
            .insertInto('policy_stakeholders')
            .values({ kind: 'account', name: actor.name, user_id: actor.userId, created_by: actor.userId })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
    }
    const id = stakeholderId;
    const before = await tx
      .selectFrom('policy_scores')
      .select(['scenario_id', 'criterion_id', 'score', 'comment'])
      .where('stakeholder_id', '=', id)
      .execute();
    for (const entry of options.scores) {
      if (entry.score === null) {
        await tx
          .deleteFrom('policy_scores')
          .where('stakeholder_id', '=', id)
          .where('scenario_id', '=', entry.scenarioId)
          .where('criterion_id', '=', entry.criterionId)
          .execute();
        continue;
      }
      await tx
        .insertInto('policy_scores')
        .values({
          stakeholder_id: id,
          scenario_id: entry.scenarioId,
          criterion_id: entry.criterionId,
          score: entry.score,
          comment: entry.comment,
          entered_by: actor.userId,
          updated_at: ctx.now(),
        })
        .onConflict((oc) =>
          oc.columns(['stakeholder_id', 'scenario_id', 'criterion_id']).doUpdateSet({
            score: entry.score as number,
            comment: entry.comment,
            entered_by: actor.userId,
            updated_at: ctx.now(),
          }),
        )
        .execute();
    }
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'policy.scores_saved',
        entityType: 'policy_stakeholder',
        entityId: id,
        before: { scores: before },
        after: { scores: options.scores },
      },
      ctx.requestId,
    );
    return { stakeholderId: id };
  });
}
