import { CompiledQuery, type Kysely } from 'kysely';
import type { DB } from '../../db/types';

/**
 * The SQL behind every computed KPI, kept as plain text so that officers and analysts can read
 * exactly what runs (`GET /api/kpis/definitions/:id` shows it). Parameters:
 * $1 = the cluster id, $2 = the first day of the period, $3 = the last day of the period.
 * Each query answers one row with `value` (numeric, null when not computable) and, for shares
 * and ratios, the `numerator` and `denominator` it divided.
 *
 * Shared meanings: a *member* is an organisation with a membership of the cluster valid on the
 * period's last day; the cluster's *projects* are those it leads or takes part in
 * (`project_clusters`), *active* in the period when they overlap it; an *SME* is an organisation
 * with size class micro, small or medium.
 */
const MEMBERS_AT_END = `
  select distinct o.id, o.helix, o.size_class
  from memberships m
  join organisations o on o.id = m.organisation_id
  where m.cluster_id = $1::uuid
    and m.valid_from <= $3::date
    and (m.valid_to is null or m.valid_to >= $3::date)`;

const CLUSTER_PROJECTS = `
  select p.*
  from projects p
  where p.id in (select l.id from projects l where l.lead_cluster_id = $1::uuid
                 union
                 select pc.project_id from project_clusters pc where pc.cluster_id = $1::uuid)`;

const ACTIVE_PROJECTS = `${CLUSTER_PROJECTS}
    and p.starts_on <= $3::date
    and p.ends_on >= $2::date`;

const SME = `('micro','small','medium')`;

function share(numerator: string, denominator: string, factor = 100, decimals = 2): string {
  return `${numerator} as numerator, ${denominator} as denominator,
  case when ${denominator} = 0 then null
       else round(${factor}.0 * ${numerator} / ${denominator}, ${decimals}) end as value`;
}

export const COMPUTED_QUERIES: Record<string, string> = {
  members: `
with members as (${MEMBERS_AT_END})
select count(*)::numeric as value from members`,

  company_share: `
with members as (${MEMBERS_AT_END})
select ${share(`count(*) filter (where helix = 'company')`, 'count(*)')}
from members`,

  sme_share_of_companies: `
with members as (${MEMBERS_AT_END})
select ${share(
    `count(*) filter (where helix = 'company' and size_class in ${SME})`,
    `count(*) filter (where helix = 'company')`,
  )}
from members`,

  pioneers_joined: `
-- Companies that joined in the period and are young (founded less than five years before the
-- period started) or take part for the first time (no earlier membership of any cluster).
select count(distinct m.organisation_id)::numeric as value
from memberships m
join organisations o on o.id = m.organisation_id
where m.cluster_id = $1::uuid
  and o.helix = 'company'
  and m.valid_from between $2::date and $3::date
  and ((o.founded_on is not null and o.founded_on > ($2::date - interval '5 years')::date)
       or not exists (select 1 from memberships e
                      where e.organisation_id = m.organisation_id and e.valid_from < m.valid_from))`,

  helix_categories: `
with members as (${MEMBERS_AT_END})
select count(distinct helix)::numeric as value from members`,

  projects_three_helix_share: `
with active as (${ACTIVE_PROJECTS}),
helixes as (
  select a.id, count(distinct o.helix) as categories
  from active a
  left join project_participants pp on pp.project_id = a.id
  left join organisations o on o.id = pp.organisation_id
  group by a.id
)
select ${share(`count(*) filter (where categories >= 3)`, 'count(*)')}
from helixes`,

  collaborative_projects_started: `
-- Projects of the cluster that started in the period with at least two participants.
with started as (${CLUSTER_PROJECTS}
    and p.starts_on between $2::date and $3::date)
select count(*)::numeric as value
from started s
where (select count(*) from project_participants pp where pp.project_id = s.id) >= 2`,

  inter_cluster_projects_started: `
with started as (${CLUSTER_PROJECTS}
    and p.starts_on between $2::date and $3::date)
select count(*) filter (where kind = 'inter_cluster_project')::numeric as value
from started`,

  inter_cluster_budget_share: `
with active as (${ACTIVE_PROJECTS})
select ${share(
    `coalesce(sum(total_budget_cents) filter (where kind = 'inter_cluster_project'), 0)`,
    'coalesce(sum(total_budget_cents), 0)',
  )}
from active`,

  sme_aid_share: `
with active as (${ACTIVE_PROJECTS})
select ${share(
    `coalesce(sum(pp.aid_cents) filter (where o.helix = 'company' and o.size_class in ${SME}), 0)`,
    'coalesce(sum(pp.aid_cents), 0)',
  )}
from active a
join project_participants pp on pp.project_id = a.id
join organisations o on o.id = pp.organisation_id`,

  private_cofunding_per_aid_euro: `
-- Companies' own contribution (their budget minus their aid) per euro of public aid to all participants.
with active as (${ACTIVE_PROJECTS})
select ${share(
    `coalesce(sum(pp.budget_cents - pp.aid_cents)
       filter (where o.helix = 'company' and pp.budget_cents > pp.aid_cents), 0)`,
    'coalesce(sum(pp.aid_cents), 0)',
    1,
  )}
from active a
join project_participants pp on pp.project_id = a.id
join organisations o on o.id = pp.organisation_id`,

  eu_funding_members: `
-- EU contribution (euro) to members in EU projects that started in the period.
with members as (${MEMBERS_AT_END})
select round(coalesce(sum(ep.ec_contribution_cents), 0) / 100.0, 2) as value
from eu_participations ep
join eu_projects p on p.id = ep.eu_project_id
join members m on m.id = ep.organisation_id
where p.starts_on between $2::date and $3::date`,

  eu_funding_sme_members: `
-- As above, for SME members (size class, or the SME flag of the EU data).
with members as (${MEMBERS_AT_END})
select round(coalesce(sum(ep.ec_contribution_cents), 0) / 100.0, 2) as value
from eu_participations ep
join eu_projects p on p.id = ep.eu_project_id
join members m on m.id = ep.organisation_id
where p.starts_on between $2::date and $3::date
  and (m.size_class in ${SME} or ep.is_sme)`,

  diffusion_activities: `
select count(*)::numeric as value
from diffusion_activities d
where d.cluster_id = $1::uuid and d.held_on between $2::date and $3::date`,

  non_member_companies_reached: `
select coalesce(sum(d.non_member_companies_reached), 0)::numeric as value
from diffusion_activities d
where d.cluster_id = $1::uuid and d.held_on between $2::date and $3::date`,

  members_at_start: `
select count(distinct m.organisation_id)::numeric as value
from memberships m
where m.cluster_id = $1::uuid
  and m.valid_from < $2::date
  and (m.valid_to is null or m.valid_to >= $2::date)`,

  members_stayed: `
-- Members on the first day of the period that are still members on its last day.
select count(distinct m.organisation_id)::numeric as value
from memberships m
where m.cluster_id = $1::uuid
  and m.valid_from < $2::date
  and (m.valid_to is null or m.valid_to >= $3::date)`,

  members_joined: `
select count(distinct m.organisation_id)::numeric as value
from memberships m
where m.cluster_id = $1::uuid
  and m.valid_from between $2::date and $3::date
  and not exists (select 1 from memberships e
                  where e.cluster_id = m.cluster_id and e.organisation_id = m.organisation_id
                    and e.valid_from < $2::date and (e.valid_to is null or e.valid_to >= $2::date))`,

  members_left: `
select count(distinct m.organisation_id)::numeric as value
from memberships m
where m.cluster_id = $1::uuid
  and m.valid_to >= $2::date and m.valid_to < $3::date
  and not exists (select 1 from memberships e
                  where e.cluster_id = m.cluster_id and e.organisation_id = m.organisation_id
                    and e.valid_from <= $3::date and (e.valid_to is null or e.valid_to >= $3::date))`,

  transition_budget_share: `
with active as (${ACTIVE_PROJECTS})
select ${share(
    `coalesce(sum(a.total_budget_cents) filter (where exists (
        select 1 from project_themes pt join themes t on t.id = pt.theme_id
        where pt.project_id = a.id and t.kind = 'transition')), 0)`,
    'coalesce(sum(a.total_budget_cents), 0)',
  )}
from active a`,
};

export interface ComputedResult {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reason: 'division_by_zero' | 'unknown_query' | null;
}

const toNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Runs one computed KPI for one cluster and period. */
export async function runComputedQuery(
  db: Kysely<DB>,
  key: string,
  clusterId: string,
  startsOn: string,
  endsOn: string,
): Promise<ComputedResult> {
  const text = COMPUTED_QUERIES[key];
  if (!text) return { value: null, numerator: null, denominator: null, reason: 'unknown_query' };
  // Every parameter is typed once here, since not every query uses all three.
  const wrapped =
    `select q.* from (${text}\n) q ` +
    'where $1::uuid is not null and $2::date is not null and $3::date is not null';
  const result = await db.executeQuery<{ value: unknown; numerator?: unknown; denominator?: unknown }>(
    CompiledQuery.raw(wrapped, [clusterId, startsOn, endsOn]),
  );
  const row = result.rows[0];
  const value = toNumber(row?.value);
  return {
    value,
    numerator: toNumber(row?.numerator),
    denominator: toNumber(row?.denominator),
    reason: value === null ? 'division_by_zero' : null,
  };
}

export interface ComputedCase {
  clusterId: string;
  periodId: string;
  startsOn: string;
  endsOn: string;
}

/** Key of one batched result: the cluster and the period. */
export const caseKey = (clusterId: string, periodId: string): string => `${clusterId}|${periodId}`;

/**
 * Runs one computed KPI for many clusters and periods in a single statement: the same SQL text
 * (with the cluster and period taken from a LATERAL row instead of $1–$3), so the figures are
 * exactly those of `runComputedQuery`. The portfolio sends one statement per computed KPI,
 * whatever the number of clusters.
 */
export async function runComputedQueryBatch(
  db: Kysely<DB>,
  key: string,
  cases: ComputedCase[],
): Promise<Map<string, ComputedResult>> {
  const results = new Map<string, ComputedResult>();
  const text = COMPUTED_QUERIES[key];
  if (cases.length === 0) return results;
  if (!text) {
    for (const c of cases)
      results.set(caseKey(c.clusterId, c.periodId), {
        value: null,
        numerator: null,
        denominator: null,
        reason: 'unknown_query',
      });
    return results;
  }
  const correlated = text
    .replaceAll('$1::uuid', 'k.cluster_id')
    .replaceAll('$2::date', 'k.starts_on')
    .replaceAll('$3::date', 'k.ends_on');
  const batched = `select k.cluster_id::text as cluster_id, k.period_id::text as period_id, q.*
from unnest($1::uuid[], $2::uuid[], $3::date[], $4::date[]) as k(cluster_id, period_id, starts_on, ends_on)
cross join lateral (${correlated}
) q`;
  const result = await db.executeQuery<{
    cluster_id: string;
    period_id: string;
    value: unknown;
    numerator?: unknown;
    denominator?: unknown;
  }>(
    CompiledQuery.raw(batched, [
      cases.map((c) => c.clusterId),
      cases.map((c) => c.periodId),
      cases.map((c) => c.startsOn),
      cases.map((c) => c.endsOn),
    ]),
  );
  for (const row of result.rows) {
    const value = toNumber(row.value);
    results.set(caseKey(row.cluster_id, row.period_id), {
      value,
      numerator: toNumber(row.numerator),
      denominator: toNumber(row.denominator),
      reason: value === null ? 'division_by_zero' : null,
    });
  }
  // A query that answers no row for a case means the same as runComputedQuery's missing row.
  for (const c of cases) {
    const k = caseKey(c.clusterId, c.periodId);
    if (!results.has(k))
      results.set(k, { value: null, numerator: null, denominator: null, reason: 'division_by_zero' });
  }
  return results;
}
