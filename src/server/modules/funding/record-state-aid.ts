import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import type { StepContext } from '../../http/request-context';
import { assertWithinDeMinimis, checkDeMinimis } from './de-minimis-check';
import { lockOrganisations } from './funding.repository';
import type { AidRegime } from './funding.tables';

export interface RecordStateAidOptions {
  organisationId: string;
  regime: AidRegime;
  legalBasis: string;
  amountCents: number;
  grantedOn: string;
  grantedByAuthority: string;
  description: string;
  overrideMotivation?: string;
  isExample?: boolean;
}

/**
 * Records aid to an organisation in the register (also aid from other authorities, which counts
 * for de minimis). De minimis aid beyond the undertaking's ceiling is refused unless an
 * authorised officer overrides with a motivation.
 */
export async function recordStateAid(
  ctx: StepContext,
  options: RecordStateAidOptions,
): Promise<{ id: string }> {
  const organisation = await ctx.db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', options.organisationId)
    .executeTakeFirst();
  if (!organisation) throw new AppError('FUNDING_UNKNOWN_REFERENCE');
  return ctx.db.transaction().execute(async (tx) => {
    await lockOrganisations(tx, [options.organisationId]);
    const checks =
      options.regime === 'de_minimis'
        ? await checkDeMinimis(
            tx,
            [{ organisationId: options.organisationId, amountCents: options.amountCents }],
            options.grantedOn,
          )
        : [];
    const override = options.overrideMotivation?.trim() || undefined;
    assertWithinDeMinimis(checks, override);
    const isOverride = checks.some((c) => c.breaches);
    const row = await tx
      .insertInto('state_aid_awards')
      .values({
        organisation_id: options.organisationId,
        regime: options.regime,
        legal_basis: options.legalBasis,
        amount_cents: options.amountCents,
        granted_on: options.grantedOn,
        granted_by_authority: options.grantedByAuthority,
        description: options.description,
        override_motivation: isOverride ? (override ?? null) : null,
        recorded_by: ctx.actor?.userId ?? null,
        is_example: options.isExample ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: isOverride ? 'state_aid.recorded_with_override' : 'state_aid.recorded',
        entityType: 'state_aid_award',
        entityId: row.id,
        after: { ...options, headroom: checks },
      },
      ctx.requestId,
    );
    return row;
  });
}
