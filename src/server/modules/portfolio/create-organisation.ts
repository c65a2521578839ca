import type { Helix } from '../../db/core.tables';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import type { StepContext } from '../../http/request-context';
import { isUniqueViolation } from '../../http/database-errors';
import { resolveIdentity } from './organisation-identity';
import {
  findOrganisationByForeignId,
  findOrganisationById,
  findOrganisationByNumber,
  type OrganisationRow,
} from './organisations.repository';
import { auditOrganisation } from './organisations.presenter';

export interface CreateOrganisationOptions {
  name: string;
  helix: Helix;
  country?: string;
  enterpriseNumber?: string | null;
  foreignIdentifier?: string | null;
  foundedOn?: string | null;
}

/** Refuses a second organisation with the same enterprise number or foreign identifier, by name. */
export async function assertIdentityFree(
  ctx: StepContext,
  identity: { country: string; enterpriseNumber: string | null; foreignIdentifier: string | null },
  exceptId?: string,
): Promise<void> {
  const existing = identity.enterpriseNumber
    ? await findOrganisationByNumber(ctx.db, identity.enterpriseNumber)
    : identity.foreignIdentifier
      ? await findOrganisationByForeignId(ctx.db, identity.country, identity.foreignIdentifier)
      : undefined;
  if (existing && existing.id !== exceptId)
    throw new AppError('ORGANISATION_DUPLICATE', {
      context: { existingId: existing.id, existingName: existing.name },
    });
}

/** Registers an organisation (officers, admins, and cluster managers adding members). */
export async function createOrganisation(
  ctx: StepContext,
  options: CreateOrganisationOptions,
): Promise<OrganisationRow> {
  const identity = resolveIdentity(options);
  await assertIdentityFree(ctx, identity);
  // Two requests creating the same organisation at once: the unique index lets one win; the
  // other answers exactly as if it had come second (ORGANISATION_DUPLICATE naming the winner).
  return insertOrganisation(ctx, options, identity).catch(async (error: unknown) => {
    if (isUniqueViolation(error)) await assertIdentityFree(ctx, identity);
    throw error;
  });
}

async function insertOrganisation(
  ctx: StepContext,
  options: CreateOrganisationOptions,
  identity: ReturnType<typeof resolveIdentity>,
): Promise<OrganisationRow> {
  return ctx.db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('organisations')
      .values({
        name: options.name.trim(),
        helix: options.helix,
        country: identity.country,
        enterprise_number: identity.enterpriseNumber,
        foreign_identifier: identity.foreignIdentifier,
        founded_on: options.foundedOn ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = await findOrganisationById(tx, id);
    if (!created) throw new AppError('INTERNAL_ERROR');
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: id,
        after: auditOrganisation(created),
      },
      ctx.requestId,
    );
    return created;
  });
}
