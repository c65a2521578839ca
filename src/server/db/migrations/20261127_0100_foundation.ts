import { sql, type Kysely } from 'kysely';

/** Frozen: accounts, sessions, tokens, audit trail, settings and the core portfolio tables. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      name text not null,
      role text not null check (role in ('admin','officer','manager','applicant','expert','analyst')),
      password_hash text not null,
      is_active boolean not null default true,
      locale text not null default 'nl' check (locale in ('nl','en')),
      failed_logins integer not null default 0,
      locked_until timestamptz,
      password_changed_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index users_email_key on users (lower(email));

    create table sessions (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index sessions_user_idx on sessions (user_id);
    create index sessions_expires_idx on sessions (expires_at);

    create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      name text not null,
      token_hash text not null unique,
      scope text not null check (scope in ('read','write')),
      created_at timestamptz not null default now(),
      expires_at timestamptz,
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    create index api_tokens_user_idx on api_tokens (user_id);

    create table login_throttle (
      key text primary key,
      window_start timestamptz not null,
      attempts integer not null
    );

    create table settings (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now()
    );

    create table audit_events (
      id bigint primary key,
      occurred_at timestamptz not null,
      actor_user_id uuid,
      actor_label text not null,
      action text not null,
      entity_type text not null,
      entity_id text,
      before jsonb,
      after jsonb,
      request_id text,
      prev_hash text not null,
      hash text not null
    );
    create index audit_events_entity_idx on audit_events (entity_type, entity_id);
    create index audit_events_actor_idx on audit_events (actor_user_id);

    create function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only (% refused)', tg_op using errcode = '42501';
    end $$;
    create trigger audit_events_no_update before update or delete on audit_events
      for each row execute function audit_events_append_only();
    create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function audit_events_append_only();

    create table organisations (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      enterprise_number text unique,
      country text not null default 'BE',
      foreign_identifier text,
      helix text not null check (helix in ('company','knowledge_institution','government','civil_society')),
      is_example boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (country, foreign_identifier)
    );
    create index organisations_name_idx on organisations (lower(name));

    create table clusters (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      short_name text not null unique,
      kind text not null check (kind in ('spearhead','business_network')),
      status text not null check (status in ('candidate','active','ended')),
      economic_mission text not null default '',
      legal_entity_id uuid references organisations(id),
      officer_user_id uuid references users(id),
      mandate_start date,
      mandate_end date,
      is_example boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table memberships (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      cluster_id uuid not null references clusters(id),
      membership_type text not null default 'member',
      valid_from date not null,
      valid_to date,
      created_at timestamptz not null default now(),
      check (valid_to is null or valid_to >= valid_from)
    );
    create index memberships_cluster_idx on memberships (cluster_id);
    create index memberships_organisation_idx on memberships (organisation_id);

    create table user_clusters (
      user_id uuid not null references users(id) on delete cascade,
      cluster_id uuid not null references clusters(id) on delete cascade,
      primary key (user_id, cluster_id)
    );
    create index user_clusters_cluster_idx on user_clusters (cluster_id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
