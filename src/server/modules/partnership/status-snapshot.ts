import type { Db } from './partnership.repository';
import type { StatusSnapshot } from './partnership.schema';

/**
 * The KPI status and budget status of a cluster on a date, frozen into a meeting. They come from
 * the KPI framework (issue 6) and the funding module (issue 7) through the status functions those
 * modules export; where a module is not available the snapshot says so instead of inventing figures.
 */
export async function takeKpiSnapshot(_db: Db, _clusterId: string, asOf: string): Promise<StatusSnapshot> {
  return {
    available: false,
    source: 'kpi',
    asOf,
    note: { nl: 'KPI-status niet beschikbaar: het KPI-kader is (nog) niet geïnstalleerd.', en: 'KPI status not available: the KPI framework is not (yet) installed.' },
    items: [],
  };
}

export async function takeBudgetSnapshot(_db: Db, _clusterId: string, asOf: string): Promise<StatusSnapshot> {
  return {
    available: false,
    source: 'funding',
    asOf,
    note: { nl: 'Budgetstatus niet beschikbaar: de financieringsmodule is (nog) niet geïnstalleerd.', en: 'Budget status not available: the funding module is not (yet) installed.' },
    items: [],
  };
}

export async function takeStatusSnapshot(db: Db, clusterId: string, asOf: string) {
  const [kpi, budget] = await Promise.all([takeKpiSnapshot(db, clusterId, asOf), takeBudgetSnapshot(db, clusterId, asOf)]);
  return { kpi, budget };
}
