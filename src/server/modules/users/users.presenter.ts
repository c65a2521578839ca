import type { UserRow } from './users.repository';

/** What an admin sees of an account; the password hash never leaves the server. */
export function presentUser(row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    locale: row.locale,
    isActive: row.is_active,
    clusterIds: row.clusterIds,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The audit view of an account: no hashes, no secrets. */
export function auditUser(row: UserRow) {
  return {
    email: row.email,
    name: row.name,
    role: row.role,
    isActive: row.is_active,
    clusterIds: row.clusterIds,
  };
}
