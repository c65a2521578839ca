import { sql } from 'kysely';
import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import { actorOf } from '../../http/request-context';

export interface CreateStakeholderOptions {
  name: string;
  organisationId?: string | null;
}

/**
 * An officer names a stakeholder organisation (optionally one in the register of organisations) to enter
 * its scores.
 */
export async function createStakeholder(
  ctx: StepContext,
  options: CreateStakeholderOptions,
): Promise<{ id: string }> {
  const actor = actorOf(ctx);
  const name = options.name.trim();
  const taken = await ctx.db
    .selectFrom('policy_stakeholders')
    .select('id')
    .where('kind', '=', 'organisation')
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
  if (taken) throw new AppError('POLICY_STAKEHOLDER_TAKEN');
  if (options.organisationId) {
    const organisation = await ctx.db
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', options.organisationId)
      .executeTakeFirst();
    if (!organisation) throw new AppError('POLICY_UNKNOWN_REFERENCE');
  }
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('policy_stakeholders')
      .values({
        kind: 'organisation',
        name,
        organisation_id: options.organisationId ?? null,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'policy.stakeholder_created',
        entityType: 'policy_stakeholder',
        entityId: row.id,
        after: { name, organisationId: options.organisationId ?? null },
      },
      ctx.requestId,
    );
    return row;
  });
}
