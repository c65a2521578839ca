import type { Helix } from '../../db/core.tables';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import type { StepContext } from '../../http/request-context';
import { findOrganisationById, type OrganisationRow } from './organisations.repository';
import { auditOrganisation } from './organisations.presenter';
import { refreshSizeClass } from './save-sme-figures';

export interface UpdateOrganisationOptions {
  organisationId: string;
  name?: string;
  helix?: Helix;
  foundedOn?: string | null;
}

/** Changes the name, helix category or founding date (officers and admins). */
export async function updateOrganisation(
  ctx: StepContext,
  options: UpdateOrganisationOptions,
): Promise<OrganisationRow> {
  const before = await findOrganisationById(ctx.db, options.organisationId);
  if (!before) throw new AppError('NOT_FOUND');
  return ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('organisations')
      .set({
        ...(options.name !== undefined ? { name: options.name.trim() } : {}),
        ...(options.helix !== undefined ? { helix: options.helix } : {}),
        ...(options.foundedOn !== undefined ? { founded_on: options.foundedOn } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', options.organisationId)
      .execute();
    // Only companies have a size class: a change of helix recomputes it.
    await refreshSizeClass(tx, options.organisationId);
    const after = await findOrganisationById(tx, options.organisationId);
    if (!after) throw new AppError('INTERNAL_ERROR');
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'organisation.updated',
        entityType: 'organisation',
        entityId: options.organisationId,
        before: auditOrganisation(before),
        after: auditOrganisation(after),
      },
      ctx.requestId,
    );
    return after;
  });
}
