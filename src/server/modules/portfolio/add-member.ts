import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import type { StepContext } from '../../http/request-context';
import { findClusterById } from './clusters.repository';
import { assertMayEditCluster } from './portfolio.policy';

export interface AddMemberOptions {
  clusterId: string;
  organisationId: string;
  membershipType: string;
  validFrom: string;
  validTo: string | null;
}

/** True when the organisation already has a membership of the cluster overlapping [from, to]. */
export async function overlapsExisting(
  db: Kysely<DB>,
  clusterId: string,
  organisationId: string,
  validFrom: string,
  validTo: string | null,
  exceptId?: string,
): Promise<boolean> {
  let query = db
    .selectFrom('memberships')
    .select('id')
    .where('cluster_id', '=', clusterId)
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', validFrom)]));
  if (validTo) query = query.where('valid_from', '<=', validTo);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Adds an organisation to a cluster for a period (officers; managers for their own cluster). */
export async function addMember(ctx: StepContext, options: AddMemberOptions): Promise<string> {
  const cluster = await findClusterById(ctx.db, options.clusterId);
  if (!cluster) throw new AppError('NOT_FOUND');
  assertMayEditCluster(ctx, cluster.id);
  if (options.validTo && options.validTo < options.validFrom) throw new AppError('VALIDATION_FAILED');
  const organisation = await ctx.db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', options.organisationId)
    .executeTakeFirst();
  if (!organisation) throw new AppError('REFERENCE_INVALID');
  if (await overlapsExisting(ctx.db, cluster.id, options.organisationId, options.validFrom, options.validTo))
    throw new AppError('MEMBERSHIP_OVERLAPS');
  return ctx.db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('memberships')
      .values({
        cluster_id: cluster.id,
        organisation_id: options.organisationId,
        membership_type: options.membershipType,
        valid_from: options.validFrom,
        valid_to: options.validTo,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      ctx.auditActor,
      { action: 'membership.created', entityType: 'membership', entityId: id, after: { ...options } },
      ctx.requestId,
    );
    return id;
  });
}

export interface UpdateMemberOptions {
  clusterId: string;
  membershipId: string;
  membershipType?: string;
  validTo?: string | null;
}

/** Changes the type of a membership or ends it (sets its end date). */
export async function updateMember(ctx: StepContext, options: UpdateMemberOptions): Promise<void> {
  const cluster = await findClusterById(ctx.db, options.clusterId);
  if (!cluster) throw new AppError('NOT_FOUND');
  const before = await ctx.db
    .selectFrom('memberships')
    .selectAll()
    .where('id', '=', options.membershipId)
    .where('cluster_id', '=', cluster.id)
    .executeTakeFirst();
  if (!before) throw new AppError('NOT_FOUND');
  assertMayEditCluster(ctx, cluster.id);
  const validTo = options.validTo !== undefined ? options.validTo : before.valid_to;
  if (validTo && validTo < before.valid_from) throw new AppError('VALIDATION_FAILED');
  if (
    await overlapsExisting(ctx.db, cluster.id, before.organisation_id, before.valid_from, validTo, before.id)
  )
    throw new AppError('MEMBERSHIP_OVERLAPS');
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('memberships')
      .set({
        ...(options.membershipType !== undefined ? { membership_type: options.membershipType } : {}),
        valid_to: validTo,
      })
      .where('id', '=', before.id)
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'membership.updated',
        entityType: 'membership',
        entityId: before.id,
        before: { membershipType: before.membership_type, validTo: before.valid_to },
        after: { membershipType: options.membershipType ?? before.membership_type, validTo },
      },
      ctx.requestId,
    );
  });
}
