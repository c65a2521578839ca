import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { centsToEuroString } from '../../http/spreadsheet';
import { computeDashboard } from '../funding/compute-dashboard';
import type { Db } from './partnership.repository';
import type { StatusSnapshot } from './partnership.schema';

/**
 * The KPI status and budget status of a cluster, frozen into a meeting. They come from the
 * status functions the KPI framework (issue 6) and the funding module (issue 7) export; where a
 * module is not available the snapshot says so instead of inventing figures. `asOf` is the day
 * the figures were read (the meeting date when taken on or after it).
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

/** The cluster's row of the funding dashboard (budget, committed, paid, remaining, co-funding), exact in cents. */
export async function takeBudgetSnapshot(db: Db, clusterId: string, asOf: string): Promise<StatusSnapshot> {
  try {
    const dashboard = await computeDashboard(db as Kysely<DB>);
    const row = dashboard.byCluster.find((c) => c.clusterId === clusterId);
    if (!row) {
      return { available: true, source: 'funding', asOf, note: { nl: 'Geen financieringslijnen of toezeggingen voor deze cluster.', en: 'No funding lines or commitments for this cluster.' }, items: [] };
    }
    const euro = (cents: number) => `€ ${centsToEuroString(cents)}`;
    const usedShare = row.budgetCents > 0 ? Math.round((row.committedCents * 100) / row.budgetCents) : null;
    return {
      available: true,
      source: 'funding',
      asOf,
      items: [
        { label: 'budget', value: euro(row.budgetCents) },
        { label: 'committed', value: euro(row.committedCents), status: usedShare === null ? undefined : `${usedShare}%` },
        { label: 'paid', value: euro(row.paidCents) },
        { label: 'remaining', value: euro(row.remainingCents), status: row.remainingCents < 0 ? 'over_budget' : 'ok' },
        { label: 'cofunding', value: euro(row.cofundingCents) },
      ],
    };
  } catch {
    return { available: false, source: 'funding', asOf, note: { nl: 'Budgetstatus niet beschikbaar.', en: 'Budget status not available.' }, items: [] };
  }
}

export async function takeStatusSnapshot(db: Db, clusterId: string, asOf: string) {
  const [kpi, budget] = await Promise.all([takeKpiSnapshot(db, clusterId, asOf), takeBudgetSnapshot(db, clusterId, asOf)]);
  return { kpi, budget };
}
