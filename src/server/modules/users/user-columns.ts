import { sql } from 'kysely';
import type { Role } from '../../db/core.tables';

/** The account behind a request as every actor lookup reads it (session cookie or API token). */
export interface ActorUserRow {
  userId: string;
  email: string;
  name: string;
  role: Role;
  locale: 'nl' | 'en';
  clusterIds: string[];
}

/** The cluster ids of the user `u` (a manager's clusters), ordered; '{}' when none. */
export function clusterIdsOfUser() {
  return sql<string[]>`coalesce((select array_agg(uc.cluster_id::text order by uc.cluster_id)
    from user_clusters uc where uc.user_id = u.id), '{}')`.as('clusterIds');
}

/** The columns of `ActorUserRow` over `users as u`, for a select beside the session or token's own. */
export function actorUserColumns() {
  return ['u.id as userId', 'u.email', 'u.name', 'u.role', 'u.locale', clusterIdsOfUser()] as const;
}
