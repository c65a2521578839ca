import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { cofundingRatio, share, splitCents } from './funding-rules';
import { findLines, findLineTotals } from './funding.repository';

export interface DashboardFigures {
  budgetCents: number;
  committedCents: number;
  paidCents: number;
  remainingCents: number;
  interClusterCommittedCents: number;
  cofundingCents: number;
  /** Inter-cluster commitments as a share of all commitments (0–1). */
  interClusterShare: number | null;
  /** Co-funding per euro committed. */
  cofundingRatio: number | null;
}

export interface Dashboard {
  totals: DashboardFigures;
  byLine: (DashboardFigures & {
    lineId: string;
    code: string;
    name: string;
    purpose: string;
    isRingFenced: boolean;
    year: number;
  })[];
  byCluster: (DashboardFigures & { clusterId: string | null; clusterName: string })[];
  byYear: (DashboardFigures & { year: number })[];
}

interface Sums {
  budget: number;
  committed: number;
  paid: number;
  inter: number;
  cofunding: number;
}
const empty = (): Sums => ({ budget: 0, committed: 0, paid: 0, inter: 0, cofunding: 0 });

function figures(s: Sums): DashboardFigures {
  return {
    budgetCents: s.budget,
    committedCents: s.committed,
    paidCents: s.paid,
    remainingCents: s.budget - s.committed,
    interClusterCommittedCents: s.inter,
    cofundingCents: s.cofunding,
    interClusterShare: share(s.inter, s.committed),
    cofundingRatio: cofundingRatio(s.cofunding, s.committed),
  };
}

function add(target: Sums, part: Partial<Sums>): void {
  for (const key of Object.keys(part) as (keyof Sums)[]) target[key] += part[key] ?? 0;
}

/**
 * The budget dashboard, summed from the rows in integer cents. Per line and per budget year
 * (the year the line's period starts) the figures are the line's own. Per cluster, money is
 * apportioned: a line's budget over the clusters it serves, a commitment (and its payments) over
 * the clusters of its project or base funding, in equal parts, leftover cents to the first
 * clusters by id. Lines that name no cluster count in a row without cluster.
 */
export async function computeDashboard(db: Kysely<DB>): Promise<Dashboard> {
  const [lines, totals, clusters, commitments, payments] = await Promise.all([
    findLines(db),
    findLineTotals(db),
    db.selectFrom('clusters').select(['id', 'short_name']).execute(),
    sql<{
      id: string;
      amount_cents: number;
      cofunding_cents: number;
      is_inter: boolean;
      cluster_ids: string[];
    }>`
      select c.id, c.amount_cents, c.cofunding_cents, coalesce(p.kind = 'inter_cluster_project', false) as is_inter,
        case when c.project_id is not null
          then coalesce((select array_agg(pc.cluster_id::text order by pc.cluster_id) from project_clusters
            pc where pc.project_id = c.project_id), '{}')
          else array[(select b.cluster_id::text from base_operation_grants b where b.id =
            c.base_operation_id)] end as cluster_ids
      from funding_commitments c left join projects p on p.id = c.project_id`.execute(db),
    db
      .selectFrom('funding_payments')
      .select(['commitment_id', 'amount_cents'])
      .where('status', '=', 'released')
      .execute(),
  ]);
  const byLine: Dashboard['byLine'] = [];
  const years = new Map<number, Sums>();
  const all = empty();
  for (const line of lines) {
    const t = totals.get(line.id);
    if (!t) continue;
    const sums: Sums = {
      budget: t.budgetCents,
      committed: t.committedCents,
      paid: t.paidCents,
      inter: t.interClusterCommittedCents,
      cofunding: t.cofundingCents,
    };
    const year = Number(line.period_start.slice(0, 4));
    byLine.push({
      lineId: line.id,
      code: line.code,
      name: line.name,
      purpose: line.purpose,
      isRingFenced: line.is_ring_fenced,
      year,
      ...figures(sums),
    });
    if (!years.has(year)) years.set(year, empty());
    add(years.get(year) as Sums, sums);
    add(all, sums);
  }

  const perCluster = new Map<string | null, Sums>();
  const bucket = (id: string | null) => {
    if (!perCluster.has(id)) perCluster.set(id, empty());
    return perCluster.get(id) as Sums;
  };
  const spread = (clusterIds: string[], amount: number, key: keyof Sums) => {
    const ids = clusterIds.length > 0 ? [...clusterIds].sort() : [null];
    splitCents(amount, ids.length).forEach((part, i) => add(bucket(ids[i]), { [key]: part }));
  };
  for (const line of lines) spread(line.clusterIds, totals.get(line.id)?.budgetCents ?? 0, 'budget');
  const commitmentClusters = new Map<string, string[]>();
  for (const c of commitments.rows) {
    const ids = c.cluster_ids.filter(Boolean);
    commitmentClusters.set(c.id, ids);
    spread(ids, Number(c.amount_cents), 'committed');
    spread(ids, Number(c.cofunding_cents), 'cofunding');
    if (c.is_inter) spread(ids, Number(c.amount_cents), 'inter');
  }
  for (const p of payments)
    spread(commitmentClusters.get(p.commitment_id) ?? [], Number(p.amount_cents), 'paid');
  const names = new Map(clusters.map((c) => [c.id, c.short_name]));
  const byCluster = [...perCluster.entries()]
    .map(([clusterId, sums]) => ({
      clusterId,
      clusterName: clusterId ? (names.get(clusterId) ?? clusterId) : '',
      ...figures(sums),
    }))
    .sort((a, b) =>
      a.clusterId === null ? 1 : b.clusterId === null ? -1 : a.clusterName.localeCompare(b.clusterName),
    );
  const byYear = [...years.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, sums]) => ({ year, ...figures(sums) }));
  return { totals: figures(all), byLine, byCluster, byYear };
}
