import { sql, type Kysely } from 'kysely';

/**
 * Frozen: tables several feature modules share, so that they can be built side by side:
 * the theme taxonomy, projects (owned by the funding module), in-app notifications with the
 * e-mail outbox, and stored files (uploads).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table organisations
      add column size_class text not null default 'unknown' check (size_class in ('micro','small','medium','large','unknown')),
      add column founded_on date;

    create table themes (
      id uuid primary key default gen_random_uuid(),
      parent_id uuid references themes(id),
      kind text not null check (kind in ('strategic_theme','transition','technology_domain','sector')),
      code text not null,
      label_nl text not null,
      label_en text not null,
      is_example boolean not null default false,
      created_at timestamptz not null default now(),
      unique (kind, code)
    );
    create index themes_parent_idx on themes (parent_id);

    create table cluster_themes (
      cluster_id uuid not null references clusters(id) on delete cascade,
      theme_id uuid not null references themes(id),
      primary key (cluster_id, theme_id)
    );
    create index cluster_themes_theme_idx on cluster_themes (theme_id);

    create table projects (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      title text not null,
      kind text not null check (kind in ('cluster_project','inter_cluster_project')),
      status text not null default 'planned' check (status in ('planned','running','completed','stopped')),
      lead_cluster_id uuid not null references clusters(id),
      starts_on date not null,
      ends_on date not null,
      total_budget_cents bigint not null default 0 check (total_budget_cents >= 0),
      aid_cents bigint not null default 0 check (aid_cents >= 0),
      is_bottom_up boolean not null default true,
      source_proposal_id uuid,
      is_example boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_on >= starts_on)
    );
    create index projects_lead_cluster_idx on projects (lead_cluster_id);

    create table project_clusters (
      project_id uuid not null references projects(id) on delete cascade,
      cluster_id uuid not null references clusters(id),
      primary key (project_id, cluster_id)
    );
    create index project_clusters_cluster_idx on project_clusters (cluster_id);

    create table project_participants (
      project_id uuid not null references projects(id) on delete cascade,
      organisation_id uuid not null references organisations(id),
      role text not null default 'partner',
      budget_cents bigint not null default 0 check (budget_cents >= 0),
      aid_cents bigint not null default 0 check (aid_cents >= 0),
      primary key (project_id, organisation_id)
    );
    create index project_participants_org_idx on project_participants (organisation_id);

    create table project_themes (
      project_id uuid not null references projects(id) on delete cascade,
      theme_id uuid not null references themes(id),
      primary key (project_id, theme_id)
    );
    create index project_themes_theme_idx on project_themes (theme_id);

    create table notifications (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      kind text not null,
      title_nl text not null,
      title_en text not null,
      body_nl text not null default '',
      body_en text not null default '',
      link text,
      created_at timestamptz not null default now(),
      read_at timestamptz
    );
    create index notifications_user_idx on notifications (user_id, created_at desc);

    create table outbox_emails (
      id uuid primary key default gen_random_uuid(),
      notification_id uuid references notifications(id) on delete set null,
      to_address text not null,
      subject text not null,
      body_text text not null,
      created_at timestamptz not null default now(),
      attempts integer not null default 0,
      last_error text,
      sent_at timestamptz,
      locked_until timestamptz
    );
    create index outbox_emails_pending_idx on outbox_emails (created_at) where sent_at is null;

    create table stored_files (
      id uuid primary key default gen_random_uuid(),
      purpose text not null,
      filename text not null,
      content_type text not null,
      size_bytes integer not null check (size_bytes >= 0),
      sha256 text not null,
      content bytea not null,
      uploaded_by uuid references users(id),
      created_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
