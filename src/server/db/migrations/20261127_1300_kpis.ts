import { sql, type Kysely } from 'kysely';

/**
 * Frozen: the KPI framework. Definitions (standard library and cluster-specific ones),
 * targets per cluster or project with their amendment history, reporting periods,
 * measurements with evidence and history, knowledge-diffusion activities and EU
 * participations (CORDIS). The standard library itself is seeded by `kpis.seed.ts` and
 * by `speerpunt kpis install-library`, so that its texts can be improved without a migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table kpi_definitions (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[A-Z][A-Z0-9_]{1,47}$'),
      name_nl text not null,
      name_en text not null,
      definition_nl text not null default '',
      definition_en text not null default '',
      unit text not null check (unit in ('count','percent','ratio','euro','number','tonnes','days','score')),
      direction text not null check (direction in ('higher','lower')),
      aggregation text not null check (aggregation in ('sum','average','last')),
      lens text not null check (lens in ('economic','transition','both')),
      evidence_required boolean not null default false,
      source text not null check (source in ('computed','reported','formula')),
      numerator_code text,
      denominator_code text,
      factor numeric not null default 1,
      computed_key text,
      cluster_id uuid references clusters(id),
      approval_status text not null default 'approved' check (approval_status in ('proposed','approved','rejected')),
      proposed_by uuid references users(id),
      decided_by uuid references users(id),
      decided_at timestamptz,
      decision_comment text,
      is_active boolean not null default true,
      sort_order integer not null default 1000,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (source <> 'formula' or (numerator_code is not null and denominator_code is not null)),
      check (source <> 'computed' or computed_key is not null),
      check (cluster_id is not null or approval_status = 'approved')
    );
    create index kpi_definitions_cluster_idx on kpi_definitions (cluster_id);

    create table reporting_periods (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      label text not null,
      starts_on date not null,
      ends_on date not null,
      status text not null default 'planned' check (status in ('planned','open','closed')),
      closed_at timestamptz,
      closed_by uuid references users(id),
      created_at timestamptz not null default now(),
      check (ends_on >= starts_on)
    );

    create table kpi_targets (
      id uuid primary key default gen_random_uuid(),
      definition_id uuid not null references kpi_definitions(id),
      cluster_id uuid references clusters(id),
      project_id uuid references projects(id),
      baseline_value numeric,
      baseline_date date,
      end_target_value numeric,
      end_target_date date,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((cluster_id is null) <> (project_id is null))
    );
    create unique index kpi_targets_cluster_uq on kpi_targets (definition_id, cluster_id) where cluster_id is not null;
    create unique index kpi_targets_project_uq on kpi_targets (definition_id, project_id) where project_id is not null;
    create index kpi_targets_cluster_idx on kpi_targets (cluster_id);

    create table kpi_target_periods (
      target_id uuid not null references kpi_targets(id) on delete cascade,
      period_id uuid not null references reporting_periods(id),
      target_value numeric not null,
      primary key (target_id, period_id)
    );

    create table kpi_target_history (
      id uuid primary key default gen_random_uuid(),
      target_id uuid not null references kpi_targets(id) on delete cascade,
      version integer not null,
      is_amendment boolean not null default false,
      motivation text,
      before jsonb,
      after jsonb not null,
      changed_by uuid references users(id),
      changed_at timestamptz not null default now()
    );
    create index kpi_target_history_target_idx on kpi_target_history (target_id, version);

    create table kpi_measurements (
      id uuid primary key default gen_random_uuid(),
      definition_id uuid not null references kpi_definitions(id),
      cluster_id uuid references clusters(id),
      project_id uuid references projects(id),
      period_id uuid not null references reporting_periods(id),
      value numeric,
      not_computable_reason text,
      status text not null check (status in ('reported','validated','returned','computed')),
      comment text not null default '',
      review_comment text,
      reported_by uuid references users(id),
      reported_at timestamptz,
      reviewed_by uuid references users(id),
      reviewed_at timestamptz,
      frozen_at timestamptz,
      version integer not null default 1,
      is_example boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((cluster_id is null) <> (project_id is null)),
      check (value is not null or not_computable_reason is not null)
    );
    create unique index kpi_measurements_cluster_uq on kpi_measurements (definition_id, cluster_id, period_id) where cluster_id is not null;
    create unique index kpi_measurements_project_uq on kpi_measurements (definition_id, project_id, period_id) where project_id is not null;
    create index kpi_measurements_period_idx on kpi_measurements (period_id, status);

    create table kpi_measurement_history (
      id uuid primary key default gen_random_uuid(),
      measurement_id uuid not null references kpi_measurements(id) on delete cascade,
      version integer not null,
      action text not null,
      status text not null,
      value numeric,
      comment text,
      actor_user_id uuid references users(id),
      occurred_at timestamptz not null default now()
    );
    create index kpi_measurement_history_idx on kpi_measurement_history (measurement_id, occurred_at);

    create table kpi_evidence (
      id uuid primary key default gen_random_uuid(),
      measurement_id uuid not null references kpi_measurements(id) on delete cascade,
      kind text not null check (kind in ('file','link','text')),
      file_id uuid references stored_files(id),
      url text,
      body text,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      check ((kind = 'file') = (file_id is not null)),
      check ((kind = 'link') = (url is not null)),
      check ((kind = 'text') = (body is not null))
    );
    create index kpi_evidence_measurement_idx on kpi_evidence (measurement_id);

    create table diffusion_activities (
      id uuid primary key default gen_random_uuid(),
      cluster_id uuid not null references clusters(id),
      kind text not null check (kind in ('event','workshop','training','publication','demonstrator')),
      title text not null,
      held_on date not null,
      participants integer not null default 0 check (participants >= 0),
      smes_reached integer not null default 0 check (smes_reached >= 0),
      non_member_companies_reached integer not null default 0 check (non_member_companies_reached >= 0),
      link text,
      is_example boolean not null default false,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index diffusion_activities_cluster_idx on diffusion_activities (cluster_id, held_on);

    create table eu_projects (
      id uuid primary key default gen_random_uuid(),
      cordis_project_id text not null unique,
      acronym text not null,
      title text not null default '',
      framework_programme text not null default '',
      starts_on date,
      ends_on date,
      total_cost_cents bigint,
      ec_max_contribution_cents bigint,
      is_example boolean not null default false,
      imported_at timestamptz not null default now()
    );

    create table eu_participations (
      id uuid primary key default gen_random_uuid(),
      eu_project_id uuid not null references eu_projects(id) on delete cascade,
      cordis_organisation_id text not null,
      name text not null,
      vat_number text,
      country text,
      role text not null default 'participant',
      is_sme boolean,
      ec_contribution_cents bigint not null default 0 check (ec_contribution_cents >= 0),
      organisation_id uuid references organisations(id),
      link_method text check (link_method in ('vat','manual')),
      linked_by uuid references users(id),
      linked_at timestamptz,
      unique (eu_project_id, cordis_organisation_id)
    );
    create index eu_participations_org_idx on eu_participations (organisation_id);

    insert into settings (key, value) values
      ('kpis.status_tolerance', '0.2'::jsonb),
      ('kpis.zscore_threshold', '2.5'::jsonb),
      ('kpis.evidence_max_bytes', '5242880'::jsonb)
    on conflict (key) do nothing;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
