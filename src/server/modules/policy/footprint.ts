import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { sectionCaseSql } from './nace';

/**
 * Economic footprint per NACE sector from the enterprise register (KBO open data):
 * - enterprises: active (`status = 'AC'`) register entries whose **registered office** address
 *   (`type_of_address = 'REGO'`) has a Flemish postcode (1500–3999 or 8000–9999; Brussels
 *   1000–1299 and Wallonia are excluded);
 * - sector: the enterprise's MAIN activities in the chosen NACE version (default 2008); an
 *   enterprise with several main activities counts once in each sector it has, and once per sector;
 * - members: those enterprises whose number is the enterprise number of an organisation with a
 *   current cluster membership; share = members / enterprises.
 * Levels: section (letter, from the division), division (2 digits), group (3 digits).
 */
export type FootprintLevel = 'section' | 'division' | 'group';

export interface FootprintRow {
  code: string;
  section: string;
  label: string;
  enterprises: number;
  members: number;
  share: number;
}

export interface FootprintResult {
  level: FootprintLevel;
  naceVersion: string;
  rows: FootprintRow[];
  weakest: FootprintRow[];
  register: {
    enterprises: number;
    activeEnterprises: number;
    withAddress: number;
    flemish: number;
    withoutAddress: number;
    outsideFlanders: number;
    memberOrganisationsNotInRegister: number;
  };
  note: 'register_empty' | 'register_without_addresses' | 'no_activities' | null;
}

/** Sectors with fewer enterprises than this are left out of the weakest list (too small to judge). */
export const MIN_ENTERPRISES_FOR_WEAKEST = 5;

const FLEMISH = sql`(a.zipcode ~ '^[0-9]{4}$' and ((a.zipcode::int between 1500 and 3999) or (a.zipcode::int
  between 8000 and 9999)))`;

export async function computeFootprint(
  db: Kysely<DB>,
  options: { level: FootprintLevel; naceVersion: string; today: string },
): Promise<FootprintResult> {
  const counts = await sql<{
    enterprises: string | number;
    active: string | number;
    with_address: string | number;
    flemish: string | number;
  }>`
    select
      (select count(*) from kbo_enterprises) as enterprises,
      (select count(*) from kbo_enterprises where status = 'AC') as active,
      (select count(distinct e.enterprise_number) from kbo_enterprises e join kbo_addresses a on
        a.entity_number = e.enterprise_number and a.type_of_address = 'REGO' where e.status = 'AC') as
        with_address,
      (select count(distinct e.enterprise_number) from kbo_enterprises e join kbo_addresses a on
        a.entity_number = e.enterprise_number and a.type_of_address = 'REGO' where e.status = 'AC' and
        ${FLEMISH}) as flemish`.execute(db);
  const c = counts.rows[0];
  const memberNumbers = await sql<{ total: string | number; missing: string | number }>`
    select count(distinct o.enterprise_number) as total,
      count(distinct o.enterprise_number) filter (where not exists (select 1 from kbo_enterprises e where
        regexp_replace(e.enterprise_number, '[^0-9]', '', 'g') = o.enterprise_number)) as missing
    from organisations o join memberships m on m.organisation_id = o.id
    where o.enterprise_number is not null and m.valid_from <= ${options.today}::date and (m.valid_to is null
      or m.valid_to >= ${options.today}::date)`.execute(db);
  const register = {
    enterprises: Number(c.enterprises),
    activeEnterprises: Number(c.active),
    withAddress: Number(c.with_address),
    flemish: Number(c.flemish),
    withoutAddress: Number(c.active) - Number(c.with_address),
    outsideFlanders: Number(c.with_address) - Number(c.flemish),
    memberOrganisationsNotInRegister: Number(memberNumbers.rows[0]?.missing ?? 0),
  };
  const levelExpression =
    options.level === 'section'
      ? sql.raw(sectionCaseSql('substr(x.nace_code, 1, 2)::int'))
      : options.level === 'division'
        ? sql`substr(x.nace_code, 1, 2)`
        : sql`substr(x.nace_code, 1, 3)`;
  const rows = await sql<{
    code: string;
    section: string;
    enterprises: string | number;
    members: string | number;
  }>`
    with flemish as materialized (
      select distinct e.enterprise_number, regexp_replace(e.enterprise_number, '[^0-9]', '', 'g') as canonical
      from kbo_enterprises e join kbo_addresses a on a.entity_number = e.enterprise_number and
        a.type_of_address = 'REGO'
      where e.status = 'AC' and ${FLEMISH}
    ),
    members as materialized (
      select distinct o.enterprise_number from organisations o join memberships m on m.organisation_id = o.id
      where o.enterprise_number is not null and m.valid_from <= ${options.today}::date and (m.valid_to is
        null or m.valid_to >= ${options.today}::date)
    ),
    activities as materialized (
      select entity_number, regexp_replace(nace_code, '[^0-9]', '', 'g') as nace_code from kbo_activities
      where classification = 'MAIN' and nace_version = ${options.naceVersion}
    ),
    x as (
      select distinct f.enterprise_number, f.canonical, act.nace_code
      from flemish f join activities act on act.entity_number = f.enterprise_number
    ),
    y as (
      select distinct ${levelExpression} as code,
        ${sql.raw(sectionCaseSql('substr(x.nace_code, 1, 2)::int'))} as section, x.enterprise_number,
        x.canonical
      from x where x.nace_code ~ '^[0-9]{2,}'
    )
    select y.code, min(y.section) as section, count(distinct y.enterprise_number) as enterprises,
      count(distinct y.enterprise_number) filter (where m.enterprise_number is not null) as members
    from y left join members m on m.enterprise_number = y.canonical
    group by y.code order by y.code`.execute(db);
  const labels = await sectorLabels(db, options.level, options.naceVersion);
  const presented: FootprintRow[] = rows.rows.map((r) => {
    const enterprises = Number(r.enterprises);
    const members = Number(r.members);
    return {
      code: r.code,
      section: r.section,
      label: labels.get(r.code) ?? '',
      enterprises,
      members,
      share: enterprises > 0 ? members / enterprises : 0,
    };
  });
  const weakest = presented
    .filter((r) => r.enterprises >= MIN_ENTERPRISES_FOR_WEAKEST)
    .sort((a, b) => a.share - b.share || b.enterprises - a.enterprises)
    .slice(0, 10);
  let note: FootprintResult['note'] = null;
  if (register.enterprises === 0) note = 'register_empty';
  else if (register.withAddress === 0) note = 'register_without_addresses';
  else if (presented.length === 0) note = 'no_activities';
  return { level: options.level, naceVersion: options.naceVersion, rows: presented, weakest, register, note };
}

/** Section labels from the theme taxonomy (NACE-X); division and group labels from the register's code table. */
async function sectorLabels(
  db: Kysely<DB>,
  level: FootprintLevel,
  naceVersion: string,
): Promise<Map<string, string>> {
  if (level === 'section') {
    const rows = await db
      .selectFrom('themes')
      .select(['code', 'label_nl'])
      .where('kind', '=', 'sector')
      .where('code', 'like', 'NACE-%')
      .execute();
    return new Map(rows.map((r) => [r.code.slice(5), r.label_nl]));
  }
  const rows = await db
    .selectFrom('kbo_codes')
    .select(['code', 'description'])
    .where('category', '=', `Nace${naceVersion}`)
    .where(sql`upper(language)`, '=', 'NL')
    .where(sql`length(regexp_replace(code, '[^0-9]', '', 'g'))`, '=', level === 'division' ? 2 : 3)
    .execute();
  return new Map(rows.map((r) => [r.code.replace(/[^0-9]/g, ''), r.description]));
}
