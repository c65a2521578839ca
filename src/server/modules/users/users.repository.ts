import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { Role } from '../../db/core.tables';
import { clusterIdsOfUser } from './user-columns';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: 'nl' | 'en';
  is_active: boolean;
  created_at: Date;
  clusterIds: string[];
}

function usersWithClusters(db: Kysely<DB>) {
  return db
    .selectFrom('users as u')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.role',
      'u.locale',
      'u.is_active',
      'u.created_at',
      clusterIdsOfUser(),
    ]);
}

export function usersQuery(db: Kysely<DB>) {
  return usersWithClusters(db).orderBy('u.email');
}

export function findUsers(db: Kysely<DB>): Promise<UserRow[]> {
  return usersQuery(db).execute();
}

export function findUserById(db: Kysely<DB>, id: string): Promise<UserRow | undefined> {
  return usersWithClusters(db).where('u.id', '=', id).executeTakeFirst();
}

export function findUserByEmail(db: Kysely<DB>, email: string): Promise<UserRow | undefined> {
  return usersWithClusters(db)
    .where(sql`lower(u.email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

/** How many of the given cluster ids exist; used to refuse unknown ones. */
export async function countExistingClusters(db: Kysely<DB>, clusterIds: string[]): Promise<number> {
  if (clusterIds.length === 0) return 0;
  const row = await db
    .selectFrom('clusters')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', 'in', clusterIds)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function replaceUserClusters(
  db: Kysely<DB>,
  userId: string,
  clusterIds: string[],
): Promise<void> {
  await db.deleteFrom('user_clusters').where('user_id', '=', userId).execute();
  if (clusterIds.length > 0) {
    await db
      .insertInto('user_clusters')
      .values(clusterIds.map((clusterId) => ({ user_id: userId, cluster_id: clusterId })))
      .execute();
  }
}
