import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types';
import { AppError, detail } from '../../errors/app-error';

const invalid = (path: string) =>
  new AppError('REFERENCE_INVALID', {
    details: [detail(path, 'reference', 'Bestaat niet of past niet.', 'Does not exist or does not fit.')],
  });

/** Checks the objects a cluster points at: existing themes, an officer, an organisation, managers. */
export async function assertClusterReferences(
  db: Kysely<DB>,
  refs: {
    themeIds?: string[];
    officerUserId?: string | null;
    legalEntityId?: string | null;
    managerUserIds?: string[];
  },
): Promise<void> {
  const themeIds = [...new Set(refs.themeIds ?? [])];
  if (themeIds.length > 0) {
    const found = await db.selectFrom('themes').select('id').where('id', 'in', themeIds).execute();
    if (found.length !== themeIds.length) throw invalid('themeIds');
  }
  if (refs.officerUserId) {
    const officer = await db
      .selectFrom('users')
      .select('role')
      .where('id', '=', refs.officerUserId)
      .executeTakeFirst();
    if (!officer || (officer.role !== 'officer' && officer.role !== 'admin')) throw invalid('officerUserId');
  }
  if (refs.legalEntityId) {
    const organisation = await db
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', refs.legalEntityId)
      .executeTakeFirst();
    if (!organisation) throw invalid('legalEntityId');
  }
  const managerIds = [...new Set(refs.managerUserIds ?? [])];
  if (managerIds.length > 0) {
    const managers = await db
      .selectFrom('users')
      .select('id')
      .where('id', 'in', managerIds)
      .where('role', '=', 'manager')
      .execute();
    if (managers.length !== managerIds.length) throw invalid('managerUserIds');
  }
}

export async function replaceClusterThemes(
  tx: Transaction<DB>,
  clusterId: string,
  themeIds: string[],
): Promise<void> {
  await tx.deleteFrom('cluster_themes').where('cluster_id', '=', clusterId).execute();
  const unique = [...new Set(themeIds)];
  if (unique.length > 0)
    await tx
      .insertInto('cluster_themes')
      .values(unique.map((themeId) => ({ cluster_id: clusterId, theme_id: themeId })))
      .execute();
}

export async function replaceClusterGoals(
  tx: Transaction<DB>,
  clusterId: string,
  goals: { title: string; description: string; targetYear: number | null }[],
): Promise<void> {
  await tx.deleteFrom('cluster_goals').where('cluster_id', '=', clusterId).execute();
  if (goals.length > 0) {
    await tx
      .insertInto('cluster_goals')
      .values(
        goals.map((g, index) => ({
          cluster_id: clusterId,
          position: index + 1,
          title: g.title,
          description: g.description,
          target_year: g.targetYear,
        })),
      )
      .execute();
  }
}

/** Managers of a cluster are the manager accounts linked to it in `user_clusters`. */
export async function replaceClusterManagers(
  tx: Transaction<DB>,
  clusterId: string,
  managerUserIds: string[],
): Promise<void> {
  const current = await tx
    .selectFrom('user_clusters as uc')
    .innerJoin('users as u', 'u.id', 'uc.user_id')
    .select('uc.user_id')
    .where('uc.cluster_id', '=', clusterId)
    .where('u.role', '=', 'manager')
    .execute();
  const wanted = new Set(managerUserIds);
  const removed = current.map((c) => c.user_id).filter((id) => !wanted.has(id));
  if (removed.length > 0)
    await tx
      .deleteFrom('user_clusters')
      .where('cluster_id', '=', clusterId)
      .where('user_id', 'in', removed)
      .execute();
  const added = [...wanted].filter((id) => !current.some((c) => c.user_id === id));
  if (added.length > 0)
    await tx
      .insertInto('user_clusters')
      .values(added.map((userId) => ({ user_id: userId, cluster_id: clusterId })))
      .execute();
}

export async function shortNameTaken(db: Kysely<DB>, shortName: string, exceptId?: string): Promise<boolean> {
  let query = db
    .selectFrom('clusters')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['short_name']), '=', shortName.toLowerCase()));
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}
