import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
} from 'kysely';
import { firstParticipationOn } from './first-participation.sql';
import { cachedByRevision } from '../../db/revision-cache';
import type { DB } from '../../db/types';
import type { Helix } from '../../db/core.tables';
import type { SizeClass } from '../../db/shared.tables';
import type { YearFigures } from './sme-classification';
import type { OrganisationSort } from './organisations.schema';

export interface OrganisationRow {
  id: string;
  name: string;
  enterprise_number: string | null;
  country: string;
  foreign_identifier: string | null;
  helix: Helix;
  size_class: SizeClass;
  founded_on: string | null;
  is_example: boolean;
  created_at: Date;
  updated_at: Date;
  first_participation_on: string | null;
  cluster_count: number;
}

export interface OrganisationFilters {
  q?: string;
  helix?: Helix;
  sizeClass?: SizeClass;
  clusterId?: string;
  /** The order (default: by name); filters and counts do not depend on it. */
  sort?: OrganisationSort;
}

const ORGANISATION_COLUMNS = [
  'o.id',
  'o.name',
  'o.enterprise_number',
  'o.country',
  'o.foreign_identifier',
  'o.helix',
  'o.size_class',
  'o.founded_on',
  'o.is_example',
  'o.created_at',
  'o.updated_at',
] as const;

/** Computed per organisation of a page (PostgreSQL evaluates them after the sort and limit). */
function computedColumns() {
  return [
    firstParticipationOn().as('first_participation_on'),
    sql<number>`(select count(distinct m.cluster_id)::int from memberships m where m.organisation_id =
        o.id and (m.valid_to is null or m.valid_to >= current_date))`.as('cluster_count'),
  ] as const;
}

function organisationsQuery(db: Kysely<DB>) {
  return db.selectFrom('organisations as o').select(ORGANISATION_COLUMNS).select(computedColumns());
}

/** The filters as one condition over `organisations as o` (shared by the page and its count). */
function matches(eb: ExpressionBuilder<DB & { o: DB['organisations'] }, 'o'>, filters: OrganisationFilters) {
  const conditions: Expression<SqlBool>[] = [];
  if (filters.q) {
    // Accent-insensitive: the stored folded name, served by its trigram index.
    const like = `%${filters.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const digits = filters.q.replace(/\D/g, '');
    conditions.push(
      eb.or([
        eb('o.name_folded', 'like', sql<string>`sp_fold(${like})`),
        ...(digits.length >= 4 ? [eb('o.enterprise_number', 'like', `%${digits}%`)] : []),
      ]),
    );
  }
  if (filters.helix) conditions.push(eb('o.helix', '=', filters.helix));
  if (filters.sizeClass) conditions.push(eb('o.size_class', '=', filters.sizeClass));
  if (filters.clusterId)
    conditions.push(
      eb.exists(
        eb
          .selectFrom('memberships as m')
          .select('m.id')
          .whereRef('m.organisation_id', '=', 'o.id')
          .where('m.cluster_id', '=', filters.clusterId),
      ),
    );
  return eb.and(conditions);
}

/**
 * Up to this many matches of a search, its page is taken from the matches (trigram bitmap, then
 * sorted); with more, walking the name index finds a page sooner (matches are dense).
 */
const SORT_MATCHES_UP_TO = 5_000;

/** An order of the list: a key served by an index (with the id after it) and its direction. */
interface OrganisationOrder {
  key: RawBuilder<unknown>;
  /** The same key in a form no index serves: a search's few matches are sorted, not walked to. */
  unindexed: RawBuilder<unknown>;
  descending: boolean;
  /** A row's key, to read on after it (keyset). */
  keyOf: (row: OrganisationRow) => RawBuilder<unknown>;
}

// A missing founding date sorts as +infinity ascending and as -infinity descending: last both ways
// (the indexes of migration 20261203_0500 have these keys).
const FOUNDED_ON_LAST = sql`coalesce(o.founded_on, 'infinity'::date)`;
const FOUNDED_ON_LAST_DESCENDING = sql`coalesce(o.founded_on, '-infinity'::date)`;
const byName = (descending: boolean): OrganisationOrder => ({
  key: sql`o.name`,
  // `name || ''` orders the same but is no indexed column.
  unindexed: sql`o.name || ''`,
  descending,
  keyOf: (row) => sql`${row.name}`,
});
const ORGANISATION_ORDERS: Record<OrganisationSort, OrganisationOrder> = {
  name: byName(false),
  '-name': byName(true),
  foundedOn: {
    key: FOUNDED_ON_LAST,
    unindexed: sql`${FOUNDED_ON_LAST} + 0`,
    descending: false,
    keyOf: (row) => sql`${row.founded_on ?? 'infinity'}::date`,
  },
  '-foundedOn': {
    key: FOUNDED_ON_LAST_DESCENDING,
    unindexed: sql`${FOUNDED_ON_LAST_DESCENDING} + 0`,
    descending: true,
    keyOf: (row) => sql`${row.founded_on ?? '-infinity'}::date`,
  },
};

/** `order by` of an order: its key, then the id, both in its direction (one index, walked either way). */
function orderBy(order: OrganisationOrder, isIndexed: boolean): RawBuilder<unknown> {
  const direction = sql.raw(order.descending ? 'desc' : 'asc');
  return sql`${isIndexed ? order.key : order.unindexed} ${direction}, o.id ${direction}`;
}

/**
 * A search's page and total in one statement while it has at most SORT_MATCHES_UP_TO matches:
 * up to one more match is taken through the trigram index, counted (a window over them) and
 * sorted. Null when there are more (the caller counts and walks) or when the page lies past the
 * end (no row to carry the count).
 */
async function pageOfFewMatches(
  db: Kysely<DB>,
  filters: OrganisationFilters & { offset: number; limit: number },
  order: OrganisationOrder,
): Promise<{ rows: OrganisationRow[]; total: number } | null> {
  const matched = db
    .selectFrom('organisations as o')
    .selectAll('o')
    .where((eb) => matches(eb, filters))
    .limit(SORT_MATCHES_UP_TO + 1);
  const found = await db
    .selectFrom(matched.as('o'))
    .select(ORGANISATION_COLUMNS)
    .select(computedColumns())
    .select(sql<string>`count(*) over ()`.as('total'))
    .orderBy(orderBy(order, false))
    .limit(filters.limit)
    .offset(filters.offset)
    .execute();
  if (found.length === 0) return filters.offset === 0 ? { rows: [], total: 0 } : null;
  const total = Number(found[0].total);
  if (total > SORT_MATCHES_UP_TO) return null;
  return { rows: found.map(({ total: _total, ...row }) => row), total };
}

/** One page of organisations (by name unless `sort` says otherwise) and how many match in all. */
export async function findOrganisations(
  db: Kysely<DB>,
  filters: OrganisationFilters & { offset: number; limit: number },
): Promise<{ rows: OrganisationRow[]; total: number }> {
  const count = async () => {
    const counted = await db
      .selectFrom('organisations as o')
      .select(sql<string>`count(*)`.as('n'))
      .where((eb) => matches(eb, filters))
      .executeTakeFirstOrThrow();
    return Number(counted.n);
  };
  const order = ORGANISATION_ORDERS[filters.sort ?? 'name'];
  const page = (byMatches: boolean) =>
    organisationsQuery(db)
      .where((eb) => matches(eb, filters))
      // Sorting the matches by an unindexed form of the key keeps PostgreSQL from walking the key's
      // index (folding nothing, but reading up to every organisation to fill a page of a rare
      // search); it sorts the few matches instead.
      .orderBy(orderBy(order, !byMatches))
      .limit(filters.limit)
      .offset(filters.offset)
      .execute();
  if (filters.q) {
    const few = await pageOfFewMatches(db, filters, order);
    if (few) return few;
    // Many matches (or a page past the end): counted through the trigram index, and the page
    // walked to along the key's index when the matches are dense.
    const total = await count();
    if (total <= filters.offset) return { rows: [], total };
    return { rows: await page(total <= SORT_MATCHES_UP_TO), total };
  }
  const rows = await page(false);
  if (filters.offset === 0 && rows.length < filters.limit) return { rows, total: rows.length };
  if (filters.clusterId) return { rows, total: await count() };
  // Without a search or a cluster the count reads every organisation (150,000 at Europe scale):
  // it is kept per portfolio revision, for the few combinations of helix and size class.
  const name = `organisations-count|${filters.helix ?? ''}|${filters.sizeClass ?? ''}`;
  return { rows, total: await cachedByRevision(db, name, '', count) };
}

/**
 * The `limit` organisations after `after` in the order `sort` (by name, then id, by default) that
 * match: one batch of an export, read by keyset on the order's index.
 */
export function findOrganisationsAfter(
  db: Kysely<DB>,
  filters: OrganisationFilters,
  after: OrganisationRow | null,
  limit: number,
): Promise<OrganisationRow[]> {
  const order = ORGANISATION_ORDERS[filters.sort ?? 'name'];
  let query = organisationsQuery(db).where((eb) => matches(eb, filters));
  if (after) {
    const comparison = sql.raw(order.descending ? '<' : '>');
    query = query.where(
      sql<SqlBool>`(${order.key}, o.id) ${comparison} (${order.keyOf(after)}, ${after.id})`,
    );
  }
  return query.orderBy(orderBy(order, true)).limit(limit).execute();
}

export function findOrganisationById(db: Kysely<DB>, id: string): Promise<OrganisationRow | undefined> {
  return organisationsQuery(db).where('o.id', '=', id).executeTakeFirst();
}

export function findOrganisationByNumber(db: Kysely<DB>, enterpriseNumber: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('enterprise_number', '=', enterpriseNumber)
    .executeTakeFirst();
}

export function findOrganisationByForeignId(db: Kysely<DB>, country: string, foreignIdentifier: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('country', '=', country)
    .where('foreign_identifier', '=', foreignIdentifier)
    .executeTakeFirst();
}

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

/** The SME inputs of an organisation, every reference year with its related enterprises. */
export async function findSmeYears(db: Kysely<DB>, organisationId: string): Promise<YearFigures[]> {
  const years = await db
    .selectFrom('organisation_sme_figures')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('reference_year')
    .execute();
  const related = await db
    .selectFrom('organisation_related_enterprises')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .execute();
  return years.map((y) => ({
    referenceYear: y.reference_year,
    headcount: num(y.headcount),
    turnoverCents: y.turnover_cents,
    balanceSheetCents: y.balance_sheet_cents,
    publicControlShare: Number(y.public_control_share),
    related: related
      .filter((r) => r.reference_year === y.reference_year)
      .map((r) => ({
        name: r.name,
        enterpriseNumber: r.enterprise_number,
        holdingShare: Number(r.holding_share),
        isControlled: r.is_controlled,
        headcount: num(r.headcount),
        turnoverCents: r.turnover_cents,
        balanceSheetCents: r.balance_sheet_cents,
      })),
  }));
}

export interface OrganisationMembershipRow {
  id: string;
  cluster_id: string;
  cluster_name: string;
  cluster_short_name: string;
  membership_type: string;
  valid_from: string;
  valid_to: string | null;
}

export function findMembershipsOfOrganisation(
  db: Kysely<DB>,
  organisationId: string,
): Promise<OrganisationMembershipRow[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('clusters as c', 'c.id', 'm.cluster_id')
    .select([
      'm.id',
      'm.cluster_id',
      'c.name as cluster_name',
      'c.short_name as cluster_short_name',
      'm.membership_type',
      'm.valid_from',
      'm.valid_to',
    ])
    .where('m.organisation_id', '=', organisationId)
    .orderBy('m.valid_from', 'desc')
    .execute();
}

export function findProjectsOfOrganisation(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom('project_participants as pp')
    .innerJoin('projects as p', 'p.id', 'pp.project_id')
    .select(['p.id', 'p.code', 'p.title', 'p.status', 'p.starts_on', 'p.ends_on', 'pp.role'])
    .where('pp.organisation_id', '=', organisationId)
    .orderBy('p.starts_on', 'desc')
    .execute();
}

/** What the enterprise register says about an enterprise number (empty when not loaded). */
export async function findRegisterProfile(db: Kysely<DB>, enterpriseNumber: string) {
  const enterprise = await db
    .selectFrom('kbo_enterprises')
    .selectAll()
    .where('enterprise_number', '=', enterpriseNumber)
    .executeTakeFirst();
  if (!enterprise) return null;
  const [names, addresses, activities, legalForm] = await Promise.all([
    db
      .selectFrom('kbo_denominations')
      .select(['language', 'type_of_denomination', 'denomination'])
      .where('entity_number', '=', enterpriseNumber)
      .execute(),
    db.selectFrom('kbo_addresses').selectAll().where('entity_number', '=', enterpriseNumber).execute(),
    db
      .selectFrom('kbo_activities as a')
      .leftJoin('kbo_codes as c', (join) =>
        join
          .on(sql`c.category`, '=', sql`'Nace' || a.nace_version`)
          .onRef('c.code', '=', 'a.nace_code')
          .on('c.language', '=', 'NL'),
      )
      .select(['a.activity_group', 'a.nace_version', 'a.nace_code', 'a.classification', 'c.description'])
      .where('a.entity_number', '=', enterpriseNumber)
      .orderBy('a.classification')
      .execute(),
    enterprise.juridical_form
      ? db
          .selectFrom('kbo_codes')
          .select('description')
          .where('category', '=', 'JuridicalForm')
          .where('code', '=', enterprise.juridical_form)
          .where('language', '=', 'NL')
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  return { enterprise, names, addresses, activities, legalFormLabel: legalForm?.description ?? null };
}

/** The setting N of the pioneer rule (start-up = founded fewer than N years ago); default 5. */
export async function findPioneerYears(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'portfolio.pioneer_years')
    .executeTakeFirst();
  const value = row ? Number(row.value) : NaN;
  return Number.isInteger(value) && value > 0 ? value : 5;
}
