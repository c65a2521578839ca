import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import type { StepContext } from '../../http/request-context';
import { parseEnterpriseNumber } from '../../../shared/enterprise-number';
import { classifySme, type SmeClassification, type YearFigures } from './sme-classification';
import { findOrganisationById, findSmeYears } from './organisations.repository';
import { assertMayEditOrganisation } from './portfolio.policy';

export interface SaveSmeFiguresOptions {
  organisationId: string;
  years: YearFigures[];
}

/** Recomputes and stores `organisations.size_class` from the stored inputs (non-companies: unknown). */
export async function refreshSizeClass(db: Kysely<DB>, organisationId: string): Promise<SmeClassification> {
  const organisation = await db
    .selectFrom('organisations')
    .select('helix')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const classification = classifySme(
    organisation.helix === 'company' ? await findSmeYears(db, organisationId) : [],
  );
  await db
    .updateTable('organisations')
    .set({ size_class: classification.sizeClass })
    .where('id', '=', organisationId)
    .execute();
  return classification;
}

/**
 * Replaces the SME inputs of a company (every reference year, with partner and linked
 * enterprises) and stores the computed size class, in one transaction with its audit row.
 */
export async function saveSmeFigures(
  ctx: StepContext,
  options: SaveSmeFiguresOptions,
): Promise<SmeClassification> {
  const organisation = await findOrganisationById(ctx.db, options.organisationId);
  if (!organisation) throw new AppError('NOT_FOUND');
  await assertMayEditOrganisation(ctx, organisation.id);
  if (organisation.helix !== 'company') throw new AppError('SME_FIGURES_ONLY_FOR_COMPANIES');
  const years = new Set<number>();
  for (const year of options.years) {
    if (years.has(year.referenceYear))
      throw new AppError('VALIDATION_FAILED', { context: { duplicateYear: year.referenceYear } });
    years.add(year.referenceYear);
  }
  const before = await findSmeYears(ctx.db, organisation.id);
  return ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('organisation_sme_figures').where('organisation_id', '=', organisation.id).execute();
    for (const year of options.years) {
      await tx
        .insertInto('organisation_sme_figures')
        .values({
          organisation_id: organisation.id,
          reference_year: year.referenceYear,
          headcount: year.headcount,
          turnover_cents: year.turnoverCents,
          balance_sheet_cents: year.balanceSheetCents,
          public_control_share: year.publicControlShare ?? 0,
        })
        .execute();
      const related = year.related ?? [];
      if (related.length > 0) {
        await tx
          .insertInto('organisation_related_enterprises')
          .values(
            related.map((r) => {
              const parsed = r.enterpriseNumber ? parseEnterpriseNumber(r.enterpriseNumber) : null;
              if (parsed && !parsed.ok) throw new AppError('ENTERPRISE_NUMBER_INVALID');
              return {
                organisation_id: organisation.id,
                reference_year: year.referenceYear,
                name: r.name,
                enterprise_number: parsed?.ok ? parsed.value : null,
                holding_share: r.holdingShare,
                is_controlled: r.isControlled ?? false,
                headcount: r.headcount,
                turnover_cents: r.turnoverCents,
                balance_sheet_cents: r.balanceSheetCents,
              };
            }),
          )
          .execute();
      }
    }
    const classification = await refreshSizeClass(tx, organisation.id);
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'organisation.sme_figures_saved',
        entityType: 'organisation',
        entityId: organisation.id,
        before: { sizeClass: organisation.size_class, years: before },
        after: { sizeClass: classification.sizeClass, years: options.years },
      },
      ctx.requestId,
    );
    return classification;
  });
}
