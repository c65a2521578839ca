import { sql, type Kysely } from 'kysely';

/**
 * Frozen: the cluster portfolio. Cluster lifecycle history and roadmap goals, SME inputs of
 * organisations (figures per reference year, partner and linked enterprises), and the tables
 * of the enterprise register (KBO open data) with indexes for the sector analysis.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table cluster_events (
      id uuid primary key default gen_random_uuid(),
      cluster_id uuid not null references clusters(id) on delete cascade,
      event text not null check (event in ('created','status_changed','promoted')),
      from_status text,
      to_status text not null check (to_status in ('candidate','active','ended')),
      from_kind text,
      to_kind text not null check (to_kind in ('spearhead','business_network')),
      effective_on date not null,
      motivation text not null default '',
      recorded_by uuid references users(id),
      recorded_at timestamptz not null default now()
    );
    create index cluster_events_cluster_idx on cluster_events (cluster_id, effective_on);

    create table cluster_goals (
      id uuid primary key default gen_random_uuid(),
      cluster_id uuid not null references clusters(id) on delete cascade,
      position integer not null,
      title text not null,
      description text not null default '',
      target_year integer check (target_year between 2000 and 2100),
      unique (cluster_id, position)
    );

    create table organisation_sme_figures (
      organisation_id uuid not null references organisations(id) on delete cascade,
      reference_year integer not null check (reference_year between 1990 and 2100),
      headcount numeric(10,1) check (headcount >= 0),
      turnover_cents bigint check (turnover_cents >= 0),
      balance_sheet_cents bigint check (balance_sheet_cents >= 0),
      public_control_share numeric(5,2) not null default 0 check (public_control_share between 0 and 100),
      primary key (organisation_id, reference_year)
    );

    create table organisation_related_enterprises (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      reference_year integer not null,
      name text not null,
      enterprise_number text,
      holding_share numeric(5,2) not null check (holding_share > 0 and holding_share <= 100),
      is_controlled boolean not null default false,
      headcount numeric(10,1) check (headcount >= 0),
      turnover_cents bigint check (turnover_cents >= 0),
      balance_sheet_cents bigint check (balance_sheet_cents >= 0),
      foreign key (organisation_id, reference_year) references organisation_sme_figures(organisation_id, reference_year) on delete cascade
    );
    create index organisation_related_org_idx on organisation_related_enterprises (organisation_id, reference_year);

    create index memberships_org_cluster_idx on memberships (organisation_id, cluster_id, valid_from);

    create table kbo_enterprises (
      enterprise_number text primary key,
      status text not null,
      juridical_situation text,
      type_of_enterprise text,
      juridical_form text,
      juridical_form_cac text,
      start_date date
    );

    create table kbo_denominations (
      entity_number text not null,
      language text not null,
      type_of_denomination text not null,
      denomination text not null
    );
    create index kbo_denominations_entity_idx on kbo_denominations (entity_number);

    create table kbo_addresses (
      entity_number text not null,
      type_of_address text not null,
      country_nl text,
      country_fr text,
      zipcode text,
      municipality_nl text,
      municipality_fr text,
      street_nl text,
      street_fr text,
      house_number text,
      box text,
      extra_address_info text,
      date_striking_off date
    );
    create index kbo_addresses_entity_idx on kbo_addresses (entity_number);
    create index kbo_addresses_zipcode_idx on kbo_addresses (zipcode);

    create table kbo_activities (
      entity_number text not null,
      activity_group text not null,
      nace_version text not null,
      nace_code text not null,
      classification text not null
    );
    create index kbo_activities_entity_idx on kbo_activities (entity_number);
    create index kbo_activities_nace_idx on kbo_activities (nace_version, nace_code);

    create table kbo_codes (
      category text not null,
      code text not null,
      language text not null,
      description text not null,
      primary key (category, code, language)
    );

    create table kbo_loads (
      id uuid primary key default gen_random_uuid(),
      extract_kind text not null check (extract_kind in ('full','update')),
      extract_number integer,
      snapshot_date date,
      source text not null,
      rows_loaded bigint not null default 0,
      rows_deleted bigint not null default 0,
      lines_skipped integer not null default 0,
      seconds numeric(12,3) not null default 0,
      loaded_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
