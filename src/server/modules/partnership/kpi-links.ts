import { AppError } from '../../errors/app-error';
import type { Db } from './partnership.repository';

export interface KpiLink {
  id: string;
  code: string;
  /** The KPI's Dutch name (kept as `name` for existing API clients). */
  name: string;
  nameEn: string;
}

/** The KPI definitions (issue 6) linked to each objective, by objective id. */
export async function findKpiLinks(db: Db, objectiveIds: string[]): Promise<Map<string, KpiLink[]>> {
  const result = new Map<string, KpiLink[]>(objectiveIds.map((id) => [id, []]));
  if (objectiveIds.length === 0) return result;
  const rows = await db
    .selectFrom('partnership_objective_kpis as l')
    .innerJoin('kpi_definitions as k', 'k.id', 'l.kpi_definition_id')
    .select(['l.objective_id', 'k.id', 'k.code', 'k.name_nl', 'k.name_en'])
    .where('l.objective_id', 'in', objectiveIds)
    .orderBy('k.sort_order')
    .orderBy('k.code')
    .execute();
  for (const row of rows)
    result
      .get(row.objective_id)
      ?.push({ id: row.id, code: row.code, name: row.name_nl, nameEn: row.name_en });
  return result;
}

/**
 * Replaces an objective's KPI links. Only KPIs that apply to the cluster may be linked: the
 * standard library and the cluster's own approved definitions.
 */
export async function replaceKpiLinks(
  db: Db,
  objectiveId: string,
  clusterId: string,
  kpiDefinitionIds: string[],
): Promise<void> {
  const unique = [...new Set(kpiDefinitionIds)];
  if (unique.length > 0) {
    const found = await db
      .selectFrom('kpi_definitions')
      .select('id')
      .where('id', 'in', unique)
      .where((eb) => eb.or([eb('cluster_id', 'is', null), eb('cluster_id', '=', clusterId)]))
      .where('approval_status', '=', 'approved')
      .execute();
    if (found.length !== unique.length) throw new AppError('PARTNERSHIP_KPI_UNKNOWN');
  }
  await db.deleteFrom('partnership_objective_kpis').where('objective_id', '=', objectiveId).execute();
  if (unique.length > 0)
    await db
      .insertInto('partnership_objective_kpis')
      .values(unique.map((id) => ({ objective_id: objectiveId, kpi_definition_id: id })))
      .execute();
}
