import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import { findScenarios, type ScenarioRow } from './scenarios.repository';

export interface UpdateScenarioOptions {
  scenarioId: string;
  name: string;
  description: string;
}

/** An officer or admin rewrites a scenario; edited text is no longer a placeholder. */
export async function updateScenario(ctx: StepContext, options: UpdateScenarioOptions): Promise<ScenarioRow> {
  const before = (await findScenarios(ctx.db)).find((s) => s.id === options.scenarioId);
  if (!before) throw new AppError('NOT_FOUND');
  return ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('policy_scenarios')
      .set({
        name: options.name,
        description: options.description,
        is_placeholder: false,
        updated_at: ctx.now(),
      })
      .where('id', '=', before.id)
      .execute();
    const after = (await findScenarios(tx)).find((s) => s.id === before.id);
    if (!after) throw new AppError('INTERNAL_ERROR');
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'policy.scenario_updated',
        entityType: 'policy_scenario',
        entityId: before.id,
        before: { name: before.name, description: before.description, isPlaceholder: before.is_placeholder },
        after: { name: after.name, description: after.description, isPlaceholder: after.is_placeholder },
      },
      ctx.requestId,
    );
    return after;
  });
}
