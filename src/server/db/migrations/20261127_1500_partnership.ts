import { sql, type Kysely } from 'kysely';

/**
 * Frozen: partnership and follow-up between the agency and each cluster (issue 8): agreements
 * with objectives and reporting periods, follow-up meetings with versioned minutes, decisions and
 * KPI/budget snapshots, action items with comments, progress reports with feedback, notification
 * preferences, the reminder log (one reminder per item per person per day) and calendar tokens.
 * The link from objectives to KPI definitions comes in a later migration, once `kpi_definitions` exists.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table partnership_agreements (
      id uuid primary key default gen_random_uuid(),
      cluster_id uuid not null references clusters(id),
      title text not null,
      period_start date not null,
      period_end date not null,
      cluster_commitments text not null default '',
      agency_commitments text not null default '',
      follow_up_rhythm text not null default '',
      cluster_signed_by uuid references users(id),
      cluster_signed_at timestamptz,
      agency_signed_by uuid references users(id),
      agency_signed_at timestamptz,
      amendment_count integer not null default 0,
      is_example boolean not null default false,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (period_end >= period_start),
      unique (cluster_id, period_start)
    );
    create index partnership_agreements_cluster_idx on partnership_agreements (cluster_id);

    create table partnership_objectives (
      id uuid primary key default gen_random_uuid(),
      agreement_id uuid not null references partnership_agreements(id) on delete cascade,
      position integer not null,
      title text not null,
      description text not null default '',
      created_at timestamptz not null default now()
    );
    create index partnership_objectives_agreement_idx on partnership_objectives (agreement_id, position);

    create table partnership_report_periods (
      id uuid primary key default gen_random_uuid(),
      agreement_id uuid not null references partnership_agreements(id) on delete cascade,
      label text not null,
      starts_on date not null,
      ends_on date not null,
      due_on date not null,
      closed_at timestamptz,
      closed_by uuid references users(id),
      check (ends_on >= starts_on),
      unique (agreement_id, label)
    );

    create table partnership_meetings (
      id uuid primary key default gen_random_uuid(),
      cluster_id uuid not null references clusters(id),
      agreement_id uuid references partnership_agreements(id),
      kind text not null check (kind in ('steering_committee','quarterly_follow_up','other')),
      title text not null,
      starts_at timestamptz not null,
      location text not null default '',
      agenda text not null default '',
      is_confidential boolean not null default false,
      kpi_snapshot jsonb,
      budget_snapshot jsonb,
      snapshot_taken_at timestamptz,
      is_example boolean not null default false,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index partnership_meetings_cluster_idx on partnership_meetings (cluster_id, starts_at desc);

    create table partnership_meeting_participants (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references partnership_meetings(id) on delete cascade,
      side text not null check (side in ('cluster','agency')),
      user_id uuid references users(id),
      name text not null,
      position integer not null default 0
    );
    create index partnership_meeting_participants_meeting_idx on partnership_meeting_participants (meeting_id);

    create table partnership_minutes (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references partnership_meetings(id) on delete cascade,
      version integer not null,
      body text not null,
      written_by uuid references users(id),
      written_at timestamptz not null default now(),
      signed_off_by uuid references users(id),
      signed_off_at timestamptz,
      unique (meeting_id, version)
    );

    create table partnership_decisions (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references partnership_meetings(id) on delete cascade,
      position integer not null,
      text text not null,
      created_at timestamptz not null default now()
    );
    create index partnership_decisions_meeting_idx on partnership_decisions (meeting_id, position);

    create table partnership_actions (
      id uuid primary key default gen_random_uuid(),
      cluster_id uuid not null references clusters(id),
      meeting_id uuid references partnership_meetings(id),
      title text not null,
      description text not null default '',
      owner_user_id uuid not null references users(id),
      due_on date not null,
      status text not null default 'open' check (status in ('open','in_progress','done','cancelled')),
      past_due_reason text,
      completed_at timestamptz,
      is_example boolean not null default false,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index partnership_actions_cluster_idx on partnership_actions (cluster_id, due_on);
    create index partnership_actions_owner_idx on partnership_actions (owner_user_id, status);

    create table partnership_action_comments (
      id uuid primary key default gen_random_uuid(),
      action_id uuid not null references partnership_actions(id) on delete cascade,
      author_user_id uuid references users(id),
      body text not null,
      created_at timestamptz not null default now()
    );
    create index partnership_action_comments_action_idx on partnership_action_comments (action_id, created_at);

    create table partnership_reports (
      id uuid primary key default gen_random_uuid(),
      cluster_id uuid not null references clusters(id),
      period_id uuid not null references partnership_report_periods(id),
      status text not null default 'draft' check (status in ('draft','submitted','accepted','to_revise')),
      risks text not null default '',
      submission_count integer not null default 0,
      submitted_by uuid references users(id),
      submitted_at timestamptz,
      feedback text not null default '',
      reviewed_by uuid references users(id),
      reviewed_at timestamptz,
      is_example boolean not null default false,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (period_id)
    );
    create index partnership_reports_cluster_idx on partnership_reports (cluster_id);

    create table partnership_report_sections (
      report_id uuid not null references partnership_reports(id) on delete cascade,
      objective_id uuid not null references partnership_objectives(id),
      narrative text not null default '',
      kpi_values jsonb not null default '[]',
      primary key (report_id, objective_id)
    );

    create table partnership_report_reviews (
      id uuid primary key default gen_random_uuid(),
      report_id uuid not null references partnership_reports(id) on delete cascade,
      submission integer not null,
      outcome text not null check (outcome in ('accepted','to_revise')),
      feedback text not null,
      reviewed_by uuid references users(id),
      reviewed_at timestamptz not null default now()
    );

    create table partnership_notification_preferences (
      user_id uuid not null references users(id) on delete cascade,
      kind text not null,
      in_app boolean not null default true,
      email boolean not null default true,
      primary key (user_id, kind)
    );

    create table partnership_notification_settings (
      user_id uuid primary key references users(id) on delete cascade,
      weekly_digest boolean not null default false,
      calendar_token_hash text unique,
      calendar_token_created_at timestamptz,
      updated_at timestamptz not null default now()
    );

    create table partnership_reminders_sent (
      kind text not null,
      item_id uuid not null,
      user_id uuid not null references users(id) on delete cascade,
      sent_on date not null,
      channel text not null default 'direct' check (channel in ('direct','digest','digest_email')),
      sent_at timestamptz not null default now(),
      primary key (kind, item_id, user_id, sent_on)
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
