import { sql, type Kysely } from 'kysely';

/**
 * Frozen: funding lines (with the clusters they serve), reallocations between lines, base
 * operations per cluster and year, project milestones, deliverables and reports, commitments
 * and payment tranches, and the state-aid register. Money is bigint cents throughout.
 * Adds to `projects` (owned by funding): the call it came from and its state-aid regime.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table projects
      add column call_id uuid,
      add column aid_regime text not null default 'de_minimis' check (aid_regime in ('de_minimis','block_exemption','other')),
      add column aid_legal_basis text not null default '';

    create table funding_lines (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      name text not null,
      purpose text not null check (purpose in ('base_operations','cluster_projects','inter_cluster_projects','call')),
      call_id uuid,
      period_start date not null,
      period_end date not null,
      amount_cents bigint not null check (amount_cents >= 0),
      is_ring_fenced boolean not null default true,
      own_contribution_ratio numeric(8,4) not null default 1 check (own_contribution_ratio >= 0),
      is_example boolean not null default false,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (period_end >= period_start),
      check ((purpose = 'call') = (call_id is not null))
    );

    create table funding_line_clusters (
      line_id uuid not null references funding_lines(id) on delete cascade,
      cluster_id uuid not null references clusters(id),
      primary key (line_id, cluster_id)
    );
    create index funding_line_clusters_cluster_idx on funding_line_clusters (cluster_id);

    create table funding_reallocations (
      id uuid primary key default gen_random_uuid(),
      from_line_id uuid not null references funding_lines(id),
      to_line_id uuid not null references funding_lines(id),
      amount_cents bigint not null check (amount_cents > 0),
      motivation text not null check (length(motivation) >= 10),
      decided_by uuid references users(id),
      decided_at timestamptz not null default now(),
      check (from_line_id <> to_line_id)
    );
    create index funding_reallocations_from_idx on funding_reallocations (from_line_id);
    create index funding_reallocations_to_idx on funding_reallocations (to_line_id);

    create table base_operation_grants (
      id uuid primary key default gen_random_uuid(),
      cluster_id uuid not null references clusters(id),
      year integer not null check (year between 2000 and 2100),
      line_id uuid not null references funding_lines(id),
      subsidy_cents bigint not null check (subsidy_cents > 0),
      own_contribution_ratio numeric(8,4) not null check (own_contribution_ratio >= 0),
      is_example boolean not null default false,
      created_at timestamptz not null default now(),
      unique (cluster_id, year)
    );
    create index base_operation_grants_line_idx on base_operation_grants (line_id);

    create table project_milestones (
      id uuid primary key default gen_random_uuid(),
      project_id uuid not null references projects(id) on delete cascade,
      title text not null,
      due_on date not null,
      status text not null default 'open' check (status in ('open','reported','accepted','returned')),
      reported_at timestamptz,
      decided_by uuid references users(id),
      decided_at timestamptz,
      decision_comment text not null default '',
      created_at timestamptz not null default now()
    );
    create index project_milestones_project_idx on project_milestones (project_id);

    create table project_deliverables (
      id uuid primary key default gen_random_uuid(),
      project_id uuid not null references projects(id) on delete cascade,
      milestone_id uuid references project_milestones(id),
      title text not null,
      due_on date not null,
      status text not null default 'planned' check (status in ('planned','delivered','accepted')),
      delivered_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index project_deliverables_project_idx on project_deliverables (project_id);

    create table funding_reports (
      id uuid primary key default gen_random_uuid(),
      project_id uuid references projects(id) on delete cascade,
      base_operation_id uuid references base_operation_grants(id),
      kind text not null check (kind in ('progress','final','costs')),
      title text not null,
      summary text not null default '',
      reported_costs_cents bigint check (reported_costs_cents >= 0),
      reported_own_contribution_cents bigint check (reported_own_contribution_cents >= 0),
      status text not null default 'submitted' check (status in ('submitted','accepted','returned')),
      submitted_by uuid references users(id),
      submitted_at timestamptz not null default now(),
      decided_by uuid references users(id),
      decided_at timestamptz,
      decision_comment text not null default '',
      check ((project_id is null) <> (base_operation_id is null))
    );
    create index funding_reports_project_idx on funding_reports (project_id);
    create index funding_reports_base_idx on funding_reports (base_operation_id);

    create table funding_commitments (
      id uuid primary key default gen_random_uuid(),
      line_id uuid not null references funding_lines(id),
      project_id uuid references projects(id),
      base_operation_id uuid references base_operation_grants(id),
      amount_cents bigint not null check (amount_cents > 0),
      cofunding_cents bigint not null default 0 check (cofunding_cents >= 0),
      decided_on date not null,
      motivation text not null default '',
      de_minimis_override text,
      decided_by uuid references users(id),
      is_example boolean not null default false,
      created_at timestamptz not null default now(),
      check ((project_id is null) <> (base_operation_id is null))
    );
    create index funding_commitments_line_idx on funding_commitments (line_id);
    create index funding_commitments_project_idx on funding_commitments (project_id);
    create unique index funding_commitments_base_key on funding_commitments (base_operation_id) where base_operation_id is not null;

    create table funding_payments (
      id uuid primary key default gen_random_uuid(),
      commitment_id uuid not null references funding_commitments(id),
      line_id uuid not null references funding_lines(id),
      tranche text not null check (tranche in ('advance','interim','balance')),
      amount_cents bigint not null check (amount_cents > 0),
      milestone_id uuid references project_milestones(id),
      report_id uuid references funding_reports(id),
      planned_on date not null,
      status text not null default 'planned' check (status in ('planned','released')),
      released_at timestamptz,
      released_by uuid references users(id),
      created_at timestamptz not null default now(),
      check (milestone_id is null or report_id is null),
      check (tranche = 'advance' or milestone_id is not null or report_id is not null)
    );
    create index funding_payments_commitment_idx on funding_payments (commitment_id);
    create index funding_payments_line_idx on funding_payments (line_id);

    create table state_aid_awards (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      regime text not null check (regime in ('de_minimis','block_exemption','other')),
      legal_basis text not null default '',
      amount_cents bigint not null check (amount_cents > 0),
      granted_on date not null,
      granted_by_authority text not null default 'VLAIO',
      description text not null default '',
      project_id uuid references projects(id),
      commitment_id uuid references funding_commitments(id),
      override_motivation text,
      recorded_by uuid references users(id),
      is_example boolean not null default false,
      created_at timestamptz not null default now()
    );
    create index state_aid_awards_org_idx on state_aid_awards (organisation_id, granted_on);
    create index state_aid_awards_project_idx on state_aid_awards (project_id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
