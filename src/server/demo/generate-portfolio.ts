import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types';

/**
 * A generated portfolio at any size, for benchmarks and load tests: `--scale 1` is Flanders
 * today (6 spearhead clusters, 30 business networks, ~5,000 member organisations), `--scale 42`
 * (alias `europe`) about every cluster in Europe (~1,500 clusters, ~150,000 organisations,
 * ~400,000 memberships, ~20,000 proposals each with a submitted version, ~20,000 projects, ~2 M KPI
 * values of clusters and projects over ten closed years and the open one). Every name is invented
 * and every row is labelled as example data (`is_example`, "(voorbeeld)" in names).
 *
 * Set-based: each table is one `insert … select … from generate_series(…)`, its randomness a
 * hash of the seed and the row number (md5), so the same seed writes the same portfolio (ids
 * included) on PGlite and on PostgreSQL. It runs on top of the demo portfolio (it needs its
 * accounts, themes, KPI definitions and reporting periods) and only once per database.
 */
export const EUROPE_SCALE = 42;
const MARKER = 'demo.generated';
/** Closed yearly reporting periods generated before the demo's first one. */
const HISTORY_YEARS = 7;

export interface GenerateOptions {
  scale: number;
  seed: number;
  /** The day the data is generated for (YYYY-MM-DD): memberships and periods are relative to it. */
  today: string;
  log?: (line: string) => void;
}

export interface GeneratedCounts {
  clusters: number;
  organisations: number;
  memberships: number;
  projects: number;
  projectParticipants: number;
  calls: number;
  proposals: number;
  proposalVersions: number;
  kpiValues: number;
  seconds: number;
}

export function sizesFor(scale: number) {
  return {
    spearheads: Math.max(1, Math.round(6 * scale)),
    networks: Math.max(1, Math.round(30 * scale)),
    organisations: Math.round(3_600 * scale + 1_400),
    /** Membership draws; duplicates (same organisation, same cluster) are dropped, ~2.6 per organisation. */
    membershipDraws: Math.round((3_600 * scale + 1_400) * 2.7),
    projects: Math.round(480 * scale),
    calls: Math.max(1, Math.round(4 * scale)),
    proposals: Math.round(480 * scale),
  };
}

/** A deterministic pseudo-random integer in [0, 2^48) from the seed, a salt and SQL expressions. */
function rnd(seed: number, salt: string, ...parts: string[]): string {
  const key = [`'${seed}:${salt}'`, ...parts.map((p) => `(${p})::text`)].join(` || ':' || `);
  return `(('x' || substr(md5(${key}), 1, 12))::bit(48)::bigint)`;
}
/** A version-4-shaped UUID (version and variant bits set) from a hash, so strict validators accept it. */
const uuidOf = (seed: number, salt: string, part: string) =>
  `overlay(overlay(md5('${seed}:${salt}:' || (${part})::text) placing '4' from 13) placing '8' from 17)::uuid`;
const pick = (words: string[], index: string) =>
  `(array[${words.map((w) => `'${w}'`).join(',')}])[1 + (${index}) % ${words.length}]`;

const PREFIXES = ['Blue', 'Green', 'Smart', 'Bio', 'Agri', 'Aero', 'Nano', 'Photon', 'Cyber', 'Hydro'];
const DOMAINS = [
  'Tech',
  'Food',
  'Health',
  'Energy',
  'Mobility',
  'Materials',
  'Logistics',
  'Chem',
  'Build',
  'Data',
];
const REGIONS = [
  'Flanders',
  'Rhine',
  'Baltic',
  'Alpine',
  'Danube',
  'Atlantic',
  'Nordic',
  'Iberia',
  'Adriatic',
];
const ORG_FIRST = [
  'Nova',
  'Terra',
  'Lumen',
  'Vecta',
  'Orbis',
  'Kappa',
  'Delta',
  'Sigma',
  'Astra',
  'Brio',
  'Cura',
];
const ORG_SECOND = [
  'Systems',
  'Labs',
  'Works',
  'Solutions',
  'Industries',
  'Partners',
  'Dynamics',
  'Foods',
  'Bio',
];
const COUNTRIES = [
  'BE',
  'BE',
  'BE',
  'NL',
  'DE',
  'FR',
  'ES',
  'IT',
  'PL',
  'SE',
  'AT',
  'DK',
  'FI',
  'PT',
  'CZ',
  'IE',
];

/**
 * Runs a bulk load into `table` with its keys and indexes set aside: they are checked and updated
 * row by row (a lookup in every referenced table and an insertion into every index per row; the
 * random ids of the primary key land all over its index), which was most of the time of ~2 M KPI
 * values. Inside the caller's transaction the table's foreign keys, primary and unique keys, the
 * foreign keys of other tables that reference it, and its other indexes are dropped, and after the
 * load made again from their own definitions (`pg_get_constraintdef`, `pg_get_indexdef`): the
 * schema ends exactly as it was, and every row, old and new, is checked against the same
 * constraints, each in one pass (an index build, a join).
 */
async function withConstraintsAfterLoad(
  tx: Kysely<DB>,
  table: string,
  log: (line: string) => void,
  load: () => Promise<void>,
): Promise<void> {
  // Referencing foreign keys first (they depend on the keys), then the table's own constraints.
  const constraints = await sql<{ owner: string; name: string; definition: string }>`
    select conrelid::regclass::text as owner, conname as name, pg_get_constraintdef(oid) as definition
    from pg_constraint
    where (conrelid = ${table}::regclass and contype in ('f', 'p', 'u'))
       or (confrelid = ${table}::regclass and conrelid <> ${table}::regclass and contype = 'f')
    order by conrelid = ${table}::regclass, contype = 'f' desc, conname`.execute(tx);
  const indexes = await sql<{ name: string; definition: string }>`
    select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid = ${table}::regclass
      and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
    order by c.relname`.execute(tx);
  const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
  for (const constraint of constraints.rows)
    await sql.raw(`alter table ${constraint.owner} drop constraint ${quoted(constraint.name)}`).execute(tx);
  for (const index of indexes.rows) await sql.raw(`drop index ${quoted(index.name)}`).execute(tx);
  await load();
  const started = Date.now();
  // Sorting for the index builds in memory rather than in temporary files.
  await sql`set local maintenance_work_mem = '256MB'`.execute(tx);
  for (const index of indexes.rows) await sql.raw(index.definition).execute(tx);
  for (const constraint of [...constraints.rows].reverse())
    await sql
      .raw(
        `alter table ${constraint.owner} add constraint ${quoted(constraint.name)} ${constraint.definition}`,
      )
      .execute(tx);
  log(
    `${table}: ${constraints.rows.length} keys and ${indexes.rows.length} indexes made again, ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

export async function generatePortfolio(db: Kysely<DB>, options: GenerateOptions): Promise<GeneratedCounts> {
  const started = Date.now();
  const { seed, today } = options;
  const log = options.log ?? (() => undefined);
  if (!Number.isInteger(seed) || seed < 0) throw new Error('The seed is a non-negative integer');
  if (!(options.scale > 0) || options.scale > 200)
    throw new Error('The scale is a number above 0, at most 200');
  const size = sizesFor(options.scale);
  const clusters = size.spearheads + size.networks;
  const marker = await db.selectFrom('settings').select('key').where('key', '=', MARKER).executeTakeFirst();
  if (marker) throw new Error('This database already has a generated portfolio');
  const owner = await db
    .selectFrom('users')
    .select('id')
    .orderBy(sql`role = 'applicant'`, 'desc')
    .orderBy('created_at')
    .executeTakeFirst();
  if (!owner) throw new Error('Load the demo first (speerpunt demo load): the generator needs its accounts');
  const run = async (label: string, text: string) => {
    const t = Date.now();
    const result = await sql.raw(text).execute(db);
    log(`${label}: ${String(result.numAffectedRows ?? '')} rows, ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  const day = (expr: string) => `(date '${today}' - (${expr})::int)`;

  await db.transaction().execute(async (tx) => {
    // No JIT: the plans' costs (nested loops switched off below) would have every statement compiled
    // and optimised by LLVM, which took longer than the statement itself.
    await sql`set local jit = off`.execute(tx);
    const exec = async (label: string, text: string) => {
      const t = Date.now();
      const result = await sql.raw(text).execute(tx);
      log(
        `${label}: ${String(result.numAffectedRows ?? '')} rows, ${((Date.now() - t) / 1000).toFixed(1)} s`,
      );
    };
    await exec(
      'clusters',
      `insert into clusters (id, name, short_name, kind, status, economic_mission, mandate_start,
        mandate_end, is_example)
       select ${uuidOf(seed, 'c', 'i')},
              ${pick(PREFIXES, rnd(seed, 'c1', 'i'))} || ${pick(DOMAINS, rnd(seed, 'c2', 'i'))} || ' ' ||
                ${pick(REGIONS, rnd(seed, 'c3', 'i'))} || ' ' || i || ' (voorbeeld)',
              'G' || ${seed} || '-' || lpad(i::text, 5, '0'),
              case when i <= ${size.spearheads} then 'spearhead' else 'business_network' end,
              case when ${rnd(seed, 'c4', 'i')} % 20 = 0 then 'candidate' when ${rnd(seed, 'c4', 'i')} % 20
                = 1 then 'ended' else 'active' end,
              'Voorbeeldmissie: innovatie in ' || ${pick(DOMAINS, rnd(seed, 'c2', 'i'))} || ' (gegenereerd).',
              date '${today}' - (365 + ${rnd(seed, 'c5', 'i')} % 2500)::int,
              date '${today}' + (200 + ${rnd(seed, 'c6', 'i')} % 1500)::int,
              true
       from generate_series(1, ${clusters}) as i`,
    );
    await exec(
      'cluster themes',
      `with t as (select array_agg(id order by kind, code) as ids, count(*) as n from themes
                  where kind in ('strategic_theme', 'technology_domain', 'transition'))
       insert into cluster_themes (cluster_id, theme_id)
       select distinct ${uuidOf(seed, 'c', 'i')}, t.ids[1 + ${rnd(seed, 'ct', 'i', 'k')} % t.n]
       from generate_series(1, ${clusters}) as i, generate_series(1, 3) as k, t
       where t.n > 0`,
    );
    await exec(
      'organisations',
      `insert into organisations (id, name, enterprise_number, country, foreign_identifier, helix,
        size_class, founded_on, is_example)
       select ${uuidOf(seed, 'o', 'i')},
              ${pick(ORG_FIRST, rnd(seed, 'o1', 'i'))} || ' ' || ${pick(ORG_SECOND, rnd(seed, 'o2', 'i'))}
                || ' ' || i || ' (voorbeeld)',
              case when country = 'BE' then lpad((10000000 + ${seed % 1000} * 200000 + i)::text, 8, '0')
                     || lpad((97 - (10000000 + ${seed % 1000} * 200000 + i) % 97)::text, 2, '0') end,
              country,
              case when country = 'BE' then null else 'GEN${seed}-' || i end,
              helix,
              case when helix <> 'company' then 'unknown'
                   else (array['micro','micro','small','small','medium','large','unknown'])[1 +
                     ${rnd(seed, 'o4', 'i')} % 7] end,
              case when ${rnd(seed, 'o5', 'i')} % 5 = 0 then null else ${day(`${rnd(seed, 'o6', 'i')} % 12000`)} end,
              true
       from (select i, ${pick(COUNTRIES, rnd(seed, 'o3', 'i'))} as country,
                    case when ${rnd(seed, 'oh', 'i')} % 100 < 72 then 'company'
                         when ${rnd(seed, 'oh', 'i')} % 100 < 86 then 'knowledge_institution'
                         when ${rnd(seed, 'oh', 'i')} % 100 < 95 then 'government' else 'civil_society' end as helix
             from generate_series(1, ${size.organisations}) as i) s`,
    );
    // Each organisation at least one membership; spearheads draw more members than networks.
    await withConstraintsAfterLoad(tx, 'memberships', log, () =>
      exec(
        'memberships',
        `insert into memberships (id, organisation_id, cluster_id, membership_type, valid_from, valid_to)
       select ${uuidOf(seed, 'm', 'j')}, ${uuidOf(seed, 'o', 'o')}, ${uuidOf(seed, 'c', 'c')},
              'member', valid_from,
              case when ${rnd(seed, 'm4', 'j')} % 100 < 12 then valid_from + (180 + ${rnd(seed, 'm5', 'j')}
                % 2000)::int end
       from (select distinct on (o, c) j, o, c, ${day(`30 + ${rnd(seed, 'm3', 'j')} % 4500`)} as valid_from
             from (select j, 1 + (j - 1) % ${size.organisations} as o,
                          case when ${rnd(seed, 'm1', 'j')} % 10 < 4 then 1 + ${rnd(seed, 'm2', 'j')} %
                            ${size.spearheads}
                               else 1 + ${rnd(seed, 'm2', 'j')} % ${clusters} end as c
                   from generate_series(1, ${size.membershipDraws}) as j) d
             order by o, c, j) u`,
      ),
    );
    await exec(
      'projects',
      `insert into projects (id, code, title, kind, status, lead_cluster_id, starts_on, ends_on,
        total_budget_cents, aid_cents, is_example)
       select ${uuidOf(seed, 'p', 'i')}, 'G${seed}-P' || lpad(i::text, 6, '0'),
              'Voorbeeldproject ' || ${pick(DOMAINS, rnd(seed, 'p1', 'i'))} || ' ' || i,
              case when ${rnd(seed, 'p2', 'i')} % 100 < 15 then 'inter_cluster_project' else 'cluster_project' end,
              case when starts_on > date '${today}' then 'planned' when ends_on < date '${today}' then
                'completed' else 'running' end,
              ${uuidOf(seed, 'c', `1 + ${rnd(seed, 'p3', 'i')} % ${clusters}`)},
              starts_on, ends_on, budget, budget * (30 + ${rnd(seed, 'p6', 'i')} % 40) / 100, true
       from (select i, ${day(`${rnd(seed, 'p4', 'i')} % 3650 - 200`)} as starts_on,
                    ${day(`${rnd(seed, 'p4', 'i')} % 3650 - 200`)} + (365 + ${rnd(seed, 'p5', 'i')} %
                      1100)::int as ends_on,
                    (50000 + ${rnd(seed, 'p7', 'i')} % 4950000) * 100 as budget
             from generate_series(1, ${size.projects}) as i) s`,
    );
    await exec(
      'project clusters',
      `insert into project_clusters (project_id, cluster_id)
       select id, lead_cluster_id from projects where code like 'G${seed}-P%'
       union
       select id, ${uuidOf(seed, 'c', `1 + ${rnd(seed, 'pc', 'code')} % ${clusters}`)} from projects
       where code like 'G${seed}-P%' and kind = 'inter_cluster_project'`,
    );
    // Statistics of the rows just written, so the joins below are planned for their real sizes.
    await sql`analyze clusters, organisations, memberships, projects`.execute(tx);
    // Participants are members of the lead cluster: a slot picks a member by its rank (hash join;
    // the estimates of the ranked CTE otherwise lead PostgreSQL to a nested loop).
    await sql`set local enable_nestloop = off`.execute(tx);
    await exec(
      'project participants',
      `with cm as (select cluster_id, organisation_id,
                          row_number() over (partition by cluster_id order by organisation_id) as rn
                   from memberships
                   where cluster_id in (select id from clusters where short_name like 'G${seed}-%')),
            sizes as (select cluster_id, count(*) as n from cm group by cluster_id),
            slots as (select p.id as project_id, p.lead_cluster_id, k, p.total_budget_cents, p.aid_cents,
                             2 + ${rnd(seed, 'pp1', 'p.code')} % 7 as wanted,
                             1 + ${rnd(seed, 'pp2', 'p.code', 'k')} % sz.n as rn
                      from projects p
                      join sizes sz on sz.cluster_id = p.lead_cluster_id
                      cross join generate_series(1, 8) k
                      where p.code like 'G${seed}-P%')
       insert into project_participants (project_id, organisation_id, role, budget_cents, aid_cents)
       select distinct on (s.project_id, cm.organisation_id) s.project_id, cm.organisation_id,
              case when s.k = 1 then 'lead' else 'partner' end,
              s.total_budget_cents / s.wanted, s.aid_cents / s.wanted
       from slots s
       join cm on cm.cluster_id = s.lead_cluster_id and cm.rn = s.rn
       where s.k <= s.wanted
       order by s.project_id, cm.organisation_id, s.k`,
    );
    await sql`set local enable_nestloop = on`.execute(tx);
    await exec(
      'calls',
      `insert into calls (id, code, kind, status, title_nl, title_en, budget_envelope_cents, opens_at,
        closes_at, published_at, is_example)
       select ${uuidOf(seed, 'call', 'i')}, 'G${seed}-CALL-' || i,
              (array['cluster_project','inter_cluster_project','business_network'])[1 + ${rnd(seed, 'k1', 'i')} % 3],
              (array['closed','in_evaluation','decided','decided'])[1 + ${rnd(seed, 'k2', 'i')} % 4],
              'Voorbeeldoproep ' || i || ' (gegenereerd)', 'Example call ' || i || ' (generated)',
              (1000000 + ${rnd(seed, 'k3', 'i')} % 9000000) * 100,
              (date '${today}' - (120 + ${rnd(seed, 'k4', 'i')} % 1500)::int)::timestamptz,
              (date '${today}' - (120 + ${rnd(seed, 'k4', 'i')} % 1500)::int + 60)::timestamptz,
              (date '${today}' - (120 + ${rnd(seed, 'k4', 'i')} % 1500)::int)::timestamptz,
              true
       from generate_series(1, ${size.calls}) as i`,
    );
    // Proposals are submitted (version 1): a consortium of 2–5 members of one cluster, a budget line
    // each, and the submitted version's snapshot built from those rows as `loadProposalContent` reads them.
    await exec(
      'proposals',
      `insert into proposals (id, call_id, reference, status, title, summary, owner_user_id, draft_version,
                              submitted_version, submitted_at, status_changed_at, is_example)
       select ${uuidOf(seed, 'pr', 'i')}, ${uuidOf(seed, 'call', 'ci')},
              'G${seed}-PR-' || lpad(i::text, 6, '0'),
              (array['submitted','eligible','ineligible','under_review','ranked','funded','reserve','rejected'])[1
                + ${rnd(seed, 'r1', 'i')} % 8],
              'Voorbeeldvoorstel ' || i || ' (gegenereerd)', 'Gegenereerde voorbeeldtekst.', '${owner.id}', 1, 1,
              submitted_at, submitted_at, true
       from (select i, ci, (date '${today}' - (120 + ${rnd(seed, 'k4', 'ci')} % 1500)::int + 60)::timestamptz
                             - ((1 + ${rnd(seed, 'r2', 'i')} % 55) || ' days')::interval as submitted_at
             from (select i, 1 + (i - 1) % ${size.calls} as ci from generate_series(1, ${size.proposals}) as i) n) s`,
    );
    await exec(
      'proposal clusters',
      `insert into proposal_clusters (proposal_id, cluster_id)
       select ${uuidOf(seed, 'pr', 'i')}, ${uuidOf(seed, 'c', `1 + ${rnd(seed, 'r3', 'i')} % ${clusters}`)}
       from generate_series(1, ${size.proposals}) as i`,
    );
    await sql`analyze proposals, proposal_clusters`.execute(tx);
    await sql`set local enable_nestloop = off`.execute(tx);
    await exec(
      'proposal consortia',
      `with pc as (select proposal_id, cluster_id from proposal_clusters
                   where proposal_id in (select id from proposals where reference like 'G${seed}-PR-%')),
            cm as (select cluster_id, organisation_id,
                          row_number() over (partition by cluster_id order by organisation_id) as rn
                   from memberships where cluster_id in (select cluster_id from pc)),
            sizes as (select cluster_id, count(*) as n from cm group by cluster_id),
            slots as (select pc.proposal_id, pc.cluster_id, k, 2 + ${rnd(seed, 'r4', 'pc.proposal_id')} % 4 as wanted,
                             1 + ${rnd(seed, 'r5', 'pc.proposal_id', 'k')} % sz.n as rn,
                             (100000 + ${rnd(seed, 'r6', 'pc.proposal_id')} % 2900000) * 100 as budget
                      from pc join sizes sz on sz.cluster_id = pc.cluster_id cross join generate_series(1, 5) k)
       insert into proposal_consortium_members (proposal_id, organisation_id, position, role, budget_share_cents)
       select proposal_id, organisation_id, row_number() over (partition by proposal_id order by k),
              case when k = min(k) over (partition by proposal_id) then 'lead' else 'partner' end, budget / wanted
       from (select distinct on (s.proposal_id, cm.organisation_id) s.proposal_id, cm.organisation_id, s.k,
                    s.wanted, s.budget
             from slots s join cm on cm.cluster_id = s.cluster_id and cm.rn = s.rn
             where s.k <= s.wanted
             order by s.proposal_id, cm.organisation_id, s.k) d`,
    );
    await sql`set local enable_nestloop = on`.execute(tx);
    await exec(
      'proposal budget lines',
      `insert into proposal_budget_lines (proposal_id, organisation_id, position, category, description, cost_cents,
                                          requested_aid_cents, own_contribution_cents)
       select proposal_id, organisation_id, position,
              (array['personnel','equipment','operating','subcontracting'])[1 +
                ${rnd(seed, 'b1', 'proposal_id', 'position')} % 4], 'Voorbeeldkost',
              budget_share_cents, budget_share_cents / 2,
              budget_share_cents - budget_share_cents / 2
       from proposal_consortium_members
       where proposal_id in (select id from proposals where reference like 'G${seed}-PR-%')`,
    );
    await exec(
      'proposal versions',
      `with gp as (select id, title, summary, submitted_at from proposals where reference like 'G${seed}-PR-%'),
            members as (select m.proposal_id, jsonb_agg(jsonb_build_object('organisationId', o.id,
                          'enterpriseNumber', o.enterprise_number, 'name', o.name, 'helix', o.helix,
                          'sizeClass', o.size_class, 'role', m.role, 'budgetShareCents', m.budget_share_cents)
                          order by m.position) as consortium
                        from proposal_consortium_members m join organisations o on o.id = m.organisation_id
                        where m.proposal_id in (select id from gp) group by m.proposal_id),
            lines as (select l.proposal_id, jsonb_agg(jsonb_build_object('organisationId', o.id,
                        'enterpriseNumber', o.enterprise_number, 'category', l.category, 'description',
                        l.description, 'costCents', l.cost_cents, 'requestedAidCents', l.requested_aid_cents,
                        'ownContributionCents', l.own_contribution_cents) order by l.position) as budget_lines
                      from proposal_budget_lines l join organisations o on o.id = l.organisation_id
                      where l.proposal_id in (select id from gp) group by l.proposal_id),
            snap as (select gp.id, gp.submitted_at, jsonb_build_object('title', gp.title, 'summary', gp.summary,
                       'themeIds', '[]'::jsonb, 'clusterIds', jsonb_build_array(pc.cluster_id),
                       'requiresNewLegalEntity', false, 'answers', '{}'::jsonb,
                       'consortium', coalesce(m.consortium, '[]'::jsonb),
                       'budgetLines', coalesce(l.budget_lines, '[]'::jsonb), 'kpis', '[]'::jsonb) as snapshot
                     from gp join proposal_clusters pc on pc.proposal_id = gp.id
                     left join members m on m.proposal_id = gp.id left join lines l on l.proposal_id = gp.id)
       insert into proposal_versions (proposal_id, version_number, snapshot, content_sha256, submitted_by,
                                      submitted_at)
       select id, 1, snapshot, encode(sha256(convert_to(snapshot::text, 'UTF8')), 'hex'), '${owner.id}',
              submitted_at
       from snap`,
    );
    // History: closed yearly periods before the demo's first, so that clusters and projects have years
    // of frozen KPI values (Europe scale: ~2 M values).
    await exec(
      'reporting periods (history)',
      `insert into reporting_periods (code, label, starts_on, ends_on, status, closed_at)
       select y::text, 'Werkjaar ' || y, make_date(y, 1, 1), make_date(y, 12, 31), 'closed',
              make_timestamptz(y + 1, 1, 31, 12, 0, 0, 'UTC')
       from (select min(extract(year from starts_on))::int as first from reporting_periods) f,
            generate_series(f.first - ${HISTORY_YEARS}, f.first - 1) as y
       on conflict (code) do nothing`,
    );
    await withConstraintsAfterLoad(tx, 'kpi_measurements', log, async () => {
      // Every approved standard KPI of every generated cluster in every started period; closed periods frozen.
      await exec(
        'kpi values',
        `insert into kpi_measurements (definition_id, cluster_id, period_id, value, status, comment,
        reported_at, frozen_at, is_example)
       select d.id, ${uuidOf(seed, 'c', 'i')}, p.id,
              round(((${rnd(seed, 'v', 'i', 'd.code', 'p.code')} % 100000) / 1000.0)::numeric, 2),
              case when d.source = 'reported' and p.status = 'open' and
                ${rnd(seed, 'vs', 'i', 'd.code', 'p.code')} % 3 = 0
                   then 'reported' else 'validated' end,
              '', now(), case when p.status = 'closed' then coalesce(p.closed_at, now()) end, true
       from generate_series(1, ${clusters}) as i
       cross join kpi_definitions d
       cross join reporting_periods p
       where d.cluster_id is null and d.approval_status = 'approved' and d.is_active
         and p.starts_on <= date '${today}'
         and (p.status = 'closed' or d.source = 'reported')`,
      );
      // Project KPI values: every standard KPI of every generated project in each started period it runs
      // in, validated (frozen once the period is closed). One statement per period, so progress shows.
      const periods = await tx
        .selectFrom('reporting_periods')
        .select(['id', 'code'])
        .where('starts_on', '<=', today)
        .orderBy('starts_on')
        .execute();
      for (const period of periods)
        await exec(
          `project kpi values ${period.code}`,
          `insert into kpi_measurements (definition_id, project_id, period_id, value, status, comment, reported_at,
          frozen_at, is_example)
         select d.id, pr.id, p.id,
                round(((${rnd(seed, 'pv', 'pr.code', 'd.code', 'p.code')} % 100000) / 1000.0)::numeric, 2),
                'validated', '', now(), case when p.status = 'closed' then coalesce(p.closed_at, now()) end, true
         from reporting_periods p
         join projects pr on pr.starts_on <= p.ends_on and pr.ends_on >= p.starts_on
         cross join kpi_definitions d
         where p.id = '${period.id}' and pr.code like 'G${seed}-P%'
           and d.cluster_id is null and d.approval_status = 'approved' and d.is_active`,
        );
    });
    await tx
      .insertInto('settings')
      .values({
        key: MARKER,
        value: JSON.stringify({ scale: options.scale, seed, at: new Date().toISOString() }),
      })
      .execute();
  });
  await run('analyze', 'analyze');
  const count = async (table: string, where: string) =>
    Number(
      (await sql.raw<{ n: string }>(`select count(*) as n from ${table} where ${where}`).execute(db)).rows[0]
        ?.n ?? 0,
    );
  return {
    clusters,
    organisations: size.organisations,
    memberships: await count(
      'memberships',
      `cluster_id in (select id from clusters where short_name like 'G${seed}-%')`,
    ),
    projects: size.projects,
    projectParticipants: await count(
      'project_participants',
      `project_id in (select id from projects where code like 'G${seed}-P%')`,
    ),
    calls: size.calls,
    proposals: size.proposals,
    proposalVersions: await count(
      'proposal_versions',
      `proposal_id in (select id from proposals where reference like 'G${seed}-PR-%')`,
    ),
    kpiValues: await count(
      'kpi_measurements',
      `cluster_id in (select id from clusters where short_name like 'G${seed}-%')
       or project_id in (select id from projects where code like 'G${seed}-P%')`,
    ),
    seconds: (Date.now() - started) / 1000,
  };
}
