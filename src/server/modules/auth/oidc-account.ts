import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/types';
import type { OidcProviderConfig } from '../../../oidc-config';
import { AppError } from '../../errors/app-error';
import { recordAudit, type AuditActor } from '../../audit/record-audit';
import { findUserById, replaceUserClusters, type UserRow } from '../users/users.repository';
import { auditUser } from '../users/users.presenter';
import { deleteSessionsOfUser } from './sessions.repository';
import { mappedRole, personOf, type Claims } from './oidc-claims';

interface AccountInput {
  provider: OidcProviderConfig;
  issuer: string;
  subject: string;
  claims: Claims;
  now: Date;
  requestId: string | null;
}

/**
 * The account behind a provider's identity (issuer and subject), in the caller's transaction.
 * A known identity gets its e-mail and name refreshed; an unknown one is linked to the local account
 * with the same e-mail only when the provider verified that address, and otherwise gets a new
 * account with the mapped role. The mapping sets the role of accounts whose role came from it; a
 * role an admin set by hand stays unless the mapping entry ends in `!`. No mapping: refused.
 *
 * A local account with a confirmed second factor does not let the provider's sign-in stand in for
 * it: from the link on, `secondFactorPending` is true (and the account is left as it is) until the
 * account's own code has been given once in a session of this provider (verify-second-factor.ts).
 */
export async function accountFromClaims(
  tx: Transaction<DB>,
  input: AccountInput,
): Promise<{ user: UserRow; secondFactorPending: boolean }> {
  const { provider, issuer, subject, claims, now, requestId } = input;
  const person = personOf(claims);
  const mapping = mappedRole(provider, claims);
  const identity = await tx
    .selectFrom('oidc_identities')
    .select(['user_id', 'second_factor_pending'])
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
  let userId = identity?.user_id;
  if (!userId && person.email) {
    const local = await tx
      .selectFrom('users')
      .select('id')
      .where(sql`lower(email)`, '=', person.email)
      .executeTakeFirst();
    if (local && !person.emailVerified) throw new AppError('OIDC_EMAIL_UNUSABLE');
    userId = local?.id;
  }

  if (!userId) {
    if (!mapping) throw new AppError('OIDC_NO_ROLE');
    if (!person.email) throw new AppError('OIDC_EMAIL_UNUSABLE');
    const { id } = await tx
      .insertInto('users')
      .values({
        email: person.email,
        name: person.name || person.email,
        role: mapping.role,
        role_source: 'mapping',
        password_hash: null,
        locale: person.locale,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertIdentity(tx, input, id, false);
    const created = await findUserById(tx, id);
    if (!created) throw new AppError('INTERNAL_ERROR');
    await recordAudit(
      tx,
      { userId: id, label: created.email },
      {
        action: 'user.created',
        entityType: 'user',
        entityId: id,
        after: { ...auditUser(created), roleSource: 'mapping', provider: provider.id },
      },
      requestId,
    );
    return { user: created, secondFactorPending: false };
  }

  const before = await tx
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'role_source', 'is_active'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (!before.is_active) throw new AppError('OIDC_ACCOUNT_INACTIVE');
  // A role that came from the mapping needs the mapping still: without it, no access.
  if (!mapping && before.role_source === 'mapping') throw new AppError('OIDC_NO_ROLE');
  const actor: AuditActor = { userId, label: before.email };
  const localFactor = await tx
    .selectFrom('user_totp')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
  const secondFactorPending = localFactor !== undefined && (!identity || identity.second_factor_pending);
  if (identity) {
    await tx
      .updateTable('oidc_identities')
      .set({ last_login_at: now, provider_id: provider.id })
      .where('issuer', '=', issuer)
      .where('subject', '=', subject)
      .execute();
  } else {
    await insertIdentity(tx, input, userId, secondFactorPending);
    await recordAudit(
      tx,
      actor,
      {
        action: 'user.identity_linked',
        entityType: 'user',
        entityId: userId,
        after: { provider: provider.id, issuer, secondFactorPending },
      },
      requestId,
    );
  }
  if (secondFactorPending) {
    const user = await findUserById(tx, userId);
    if (!user) throw new AppError('INTERNAL_ERROR');
    return { user, secondFactorPending };
  }

  // E-mail and name as the provider says now (an e-mail another account uses is left as it was).
  const emailFree =
    person.email !== null &&
    person.email !== before.email.toLowerCase() &&
    !(await tx
      .selectFrom('users')
      .select('id')
      .where(sql`lower(email)`, '=', person.email)
      .where('id', '!=', userId)
      .executeTakeFirst());
  const email = emailFree && person.email ? person.email : before.email;
  const name = person.name || before.name;
  if (email !== before.email || name !== before.name) {
    await tx.updateTable('users').set({ email, name, updated_at: now }).where('id', '=', userId).execute();
    await recordAudit(
      tx,
      actor,
      {
        action: 'user.profile_updated_by_provider',
        entityType: 'user',
        entityId: userId,
        before: { email: before.email, name: before.name },
        after: { email, name, provider: provider.id },
      },
      requestId,
    );
  }

  const applies = mapping && (before.role_source === 'mapping' || mapping.overridesManual);
  if (applies && (mapping.role !== before.role || before.role_source !== 'mapping')) {
    const previous = await findUserById(tx, userId);
    await tx
      .updateTable('users')
      .set({ role: mapping.role, role_source: 'mapping', updated_at: now })
      .where('id', '=', userId)
      .execute();
    if (mapping.role !== 'manager') await replaceUserClusters(tx, userId, []);
    // Earlier sessions carried the old rights.
    if (mapping.role !== before.role) await deleteSessionsOfUser(tx, userId);
    const after = await findUserById(tx, userId);
    if (!previous || !after) throw new AppError('INTERNAL_ERROR');
    await recordAudit(
      tx,
      actor,
      {
        action: 'user.role_changed_by_mapping',
        entityType: 'user',
        entityId: userId,
        before: { ...auditUser(previous), roleSource: before.role_source },
        after: { ...auditUser(after), roleSource: 'mapping', provider: provider.id },
      },
      requestId,
    );
  }
  const user = await findUserById(tx, userId);
  if (!user) throw new AppError('INTERNAL_ERROR');
  return { user, secondFactorPending: false };
}

async function insertIdentity(
  tx: Transaction<DB>,
  input: AccountInput,
  userId: string,
  secondFactorPending: boolean,
) {
  await tx
    .insertInto('oidc_identities')
    .values({
      issuer: input.issuer,
      subject: input.subject,
      provider_id: input.provider.id,
      user_id: userId,
      created_at: input.now,
      last_login_at: input.now,
      second_factor_pending: secondFactorPending,
    })
    .execute();
}
