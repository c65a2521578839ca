import { centsToDecimalString } from '../../../shared/money';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';

import { computeDashboard } from '../funding/compute-dashboard';
import { evaluateCluster } from '../kpis/kpi-evaluation';
import { findPeriods as findKpiPeriods, readKpiSettings } from '../kpis/kpis.repository';
import type { Db } from './partnership.repository';
import type { StatusSnapshot } from './partnership.schema';

/**
 * The KPI status and budget status of a cluster, frozen into a meeting. They come from the
 * status functions the KPI framework (issue 6: `evaluateCluster`) and the funding module
 * (issue 7: `computeDashboard`) export; where one fails the snapshot says "not available" instead
 * of inventing figures. `asOf` is the day the figures stand for.
 */
const round = (value: number) => String(Math.round(value * 100) / 100);

/**
 * Each applicable KPI's value, expected value and status (on track / at risk / off track...) in
 * the reporting period that contains the date (or the last one started before it), evaluated with
 * the KPI module's trajectory rules as they stood on that date.
 */
export async function takeKpiSnapshot(db: Db, clusterId: string, asOf: string): Promise<StatusSnapshot> {
  try {
    const periods = (await findKpiPeriods(db as Kysely<DB>)).filter((p) => p.starts_on <= asOf);
    const period = periods.find((p) => p.ends_on >= asOf) ?? periods.at(-1);
    if (!period) {
      return {
        available: true,
        source: 'kpi',
        asOf,
        note: {
          nl: 'Nog geen KPI-rapportageperiode gestart.',
          en: 'No KPI reporting period has started yet.',
        },
        items: [],
      };
    }
    const evaluation = await evaluateCluster(db, clusterId, periods, await readKpiSettings(db), asOf);
    const cells = evaluation.cells.filter((c) => c.periodId === period.id && c.status !== 'no_target');
    const counts = { on_track: 0, at_risk: 0, off_track: 0 };
    for (const c of cells) if (c.status in counts) counts[c.status as keyof typeof counts] += 1;
    return {
      available: true,
      source: 'kpi',
      asOf,
      note: {
        nl:
          `Periode ${period.label}: ${counts.on_track} op schema, ${counts.at_risk} met ` +
          `risico, ${counts.off_track} achter op schema.`,
        en:
          `Period ${period.label}: ${counts.on_track} on track, ${counts.at_risk} at ` +
          `risk, ${counts.off_track} off track.`,
      },
      items: cells.map((c) => ({
        label: c.code,
        value: `${c.value === null ? '–' : round(c.value)}${c.expected === null ? '' : ` / ${round(c.expected)}`}`,
        status: c.status,
      })),
    };
  } catch {
    return {
      available: false,
      source: 'kpi',
      asOf,
      note: { nl: 'KPI-status niet beschikbaar.', en: 'KPI status not available.' },
      items: [],
    };
  }
}

/** The cluster's row of the funding dashboard (budget, committed, paid, remaining, co-funding), exact in cents. */
export async function takeBudgetSnapshot(db: Db, clusterId: string, asOf: string): Promise<StatusSnapshot> {
  try {
    const dashboard = await computeDashboard(db);
    const row = dashboard.byCluster.find((c) => c.clusterId === clusterId);
    if (!row) {
      return {
        available: true,
        source: 'funding',
        asOf,
        note: {
          nl: 'Geen financieringslijnen of toezeggingen voor deze cluster.',
          en: 'No funding lines or commitments for this cluster.',
        },
        items: [],
      };
    }
    const euro = (cents: number) => `€ ${centsToDecimalString(cents)}`;
    const usedShare = row.budgetCents > 0 ? Math.round((row.committedCents * 100) / row.budgetCents) : null;
    return {
      available: true,
      source: 'funding',
      asOf,
      items: [
        { label: 'budget', value: euro(row.budgetCents) },
        {
          label: 'committed',
          value: euro(row.committedCents),
          status: usedShare === null ? undefined : `${usedShare}%`,
        },
        { label: 'paid', value: euro(row.paidCents) },
        {
          label: 'remaining',
          value: euro(row.remainingCents),
          status: row.remainingCents < 0 ? 'over_budget' : 'ok',
        },
        { label: 'cofunding', value: euro(row.cofundingCents) },
      ],
    };
  } catch {
    return {
      available: false,
      source: 'funding',
      asOf,
      note: { nl: 'Budgetstatus niet beschikbaar.', en: 'Budget status not available.' },
      items: [],
    };
  }
}

/**
 * Both snapshots for a meeting: KPIs as they stood on the meeting date (or today, for a meeting
 * still ahead); the budget as it stands today (the funding dashboard has no history by date), so
 * the snapshot is refreshed when the first minutes are written after the meeting.
 */
export async function takeStatusSnapshot(db: Db, clusterId: string, meetingDate: string, today: string) {
  const kpi = await takeKpiSnapshot(db, clusterId, meetingDate < today ? meetingDate : today);
  const budget = await takeBudgetSnapshot(db, clusterId, today);
  return { kpi, budget };
}
