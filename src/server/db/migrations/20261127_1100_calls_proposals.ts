import { sql, type Kysely } from 'kysely';

/**
 * Frozen: open calls (criteria, tie-break rules, eligibility rules, required KPIs, questions,
 * amendments) and proposals (versions, consortium, budget lines, KPIs, attachments,
 * eligibility results, clarifications, collaborators, break-glass reads).
 * Status values are documented in docs/calls.md; the review module builds on these tables.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table calls (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      kind text not null check (kind in ('new_strategic_theme','business_network','cluster_project','inter_cluster_project')),
      status text not null default 'draft' check (status in ('draft','open','closed','in_evaluation','decided')),
      title_nl text not null,
      title_en text,
      summary_nl text not null default '',
      summary_en text,
      description_nl text not null default '',
      description_en text,
      budget_envelope_cents bigint not null default 0 check (budget_envelope_cents >= 0),
      opens_at timestamptz,
      closes_at timestamptz,
      evaluation_starts_at timestamptz,
      decision_at timestamptz,
      overall_threshold numeric,
      reviews_per_proposal integer not null default 3 check (reviews_per_proposal between 1 and 10),
      max_attachment_bytes integer not null default 10485760 check (max_attachment_bytes > 0),
      published_at timestamptz,
      amendment_count integer not null default 0,
      created_by uuid references users(id),
      is_example boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (closes_at is null or opens_at is null or closes_at > opens_at)
    );
    create index calls_status_idx on calls (status);

    create table call_themes (
      call_id uuid not null references calls(id) on delete cascade,
      theme_id uuid not null references themes(id),
      primary key (call_id, theme_id)
    );
    create index call_themes_theme_idx on call_themes (theme_id);

    create table call_criteria (
      id uuid primary key default gen_random_uuid(),
      call_id uuid not null references calls(id) on delete cascade,
      position integer not null,
      code text not null,
      name_nl text not null,
      name_en text,
      description_nl text not null default '',
      description_en text,
      scale_min numeric not null default 0,
      scale_max numeric not null,
      allows_half_points boolean not null default false,
      weight numeric not null check (weight > 0),
      threshold numeric,
      unique (call_id, position),
      unique (call_id, code),
      check (scale_max > scale_min)
    );

    create table call_tie_break_rules (
      id uuid primary key default gen_random_uuid(),
      call_id uuid not null references calls(id) on delete cascade,
      position integer not null,
      kind text not null check (kind in ('criterion_score','sme_budget_share','requested_aid','submitted_at')),
      criterion_id uuid references call_criteria(id) on delete cascade,
      direction text not null check (direction in ('desc','asc')),
      explanation_nl text not null default '',
      explanation_en text,
      unique (call_id, position),
      check ((kind = 'criterion_score') = (criterion_id is not null))
    );

    create table call_eligibility_rules (
      id uuid primary key default gen_random_uuid(),
      call_id uuid not null references calls(id) on delete cascade,
      position integer not null,
      kind text not null check (kind in ('min_companies','min_smes','min_helix_categories','max_requested_aid','max_aid_share','min_clusters','required_kpis_proposed','no_new_legal_entity','themes_within_call')),
      parameter numeric,
      explanation_nl text not null default '',
      explanation_en text,
      unique (call_id, position),
      unique (call_id, kind)
    );

    create table call_required_kpis (
      id uuid primary key default gen_random_uuid(),
      call_id uuid not null references calls(id) on delete cascade,
      position integer not null,
      kpi_code text,
      name_nl text not null,
      name_en text,
      unit text not null,
      direction text not null check (direction in ('higher_is_better','lower_is_better')),
      unique (call_id, position)
    );

    create table call_questions (
      id uuid primary key default gen_random_uuid(),
      call_id uuid not null references calls(id) on delete cascade,
      position integer not null,
      code text not null,
      kind text not null check (kind in ('short_text','long_text','number','yes_no','choice')),
      label_nl text not null,
      label_en text,
      help_nl text not null default '',
      help_en text,
      is_required boolean not null default false,
      max_words integer check (max_words > 0),
      max_chars integer check (max_chars > 0),
      options jsonb not null default '[]',
      condition_question_code text,
      condition_value text,
      unique (call_id, position),
      unique (call_id, code)
    );

    create table call_amendments (
      id uuid primary key default gen_random_uuid(),
      call_id uuid not null references calls(id) on delete cascade,
      number integer not null,
      motivation text not null,
      before jsonb not null,
      after jsonb not null,
      amended_by uuid references users(id),
      amended_at timestamptz not null default now(),
      unique (call_id, number)
    );

    create table proposals (
      id uuid primary key default gen_random_uuid(),
      call_id uuid not null references calls(id),
      reference text not null unique,
      status text not null default 'draft' check (status in ('draft','submitted','eligible','ineligible','under_review','ranked','funded','reserve','rejected','withdrawn')),
      title text not null,
      summary text not null default '',
      answers jsonb not null default '{}',
      requires_new_legal_entity boolean not null default false,
      owner_user_id uuid not null references users(id),
      draft_version integer not null default 1,
      submitted_version integer,
      submitted_at timestamptz,
      withdrawn_at timestamptz,
      eligibility_motivation text,
      eligibility_decided_by uuid references users(id),
      eligibility_decided_at timestamptz,
      status_changed_at timestamptz not null default now(),
      is_example boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index proposals_call_idx on proposals (call_id, status);
    create index proposals_owner_idx on proposals (owner_user_id);

    create table proposal_themes (
      proposal_id uuid not null references proposals(id) on delete cascade,
      theme_id uuid not null references themes(id),
      primary key (proposal_id, theme_id)
    );
    create index proposal_themes_theme_idx on proposal_themes (theme_id);

    create table proposal_clusters (
      proposal_id uuid not null references proposals(id) on delete cascade,
      cluster_id uuid not null references clusters(id),
      primary key (proposal_id, cluster_id)
    );
    create index proposal_clusters_cluster_idx on proposal_clusters (cluster_id);

    create table proposal_versions (
      id uuid primary key default gen_random_uuid(),
      proposal_id uuid not null references proposals(id) on delete cascade,
      version_number integer not null,
      snapshot jsonb not null,
      content_sha256 text not null,
      submitted_by uuid references users(id),
      submitted_at timestamptz not null,
      unique (proposal_id, version_number)
    );

    create table proposal_consortium_members (
      id uuid primary key default gen_random_uuid(),
      proposal_id uuid not null references proposals(id) on delete cascade,
      organisation_id uuid not null references organisations(id),
      position integer not null,
      role text not null check (role in ('lead','partner','associated')),
      budget_share_cents bigint not null default 0 check (budget_share_cents >= 0),
      unique (proposal_id, organisation_id)
    );
    create unique index proposal_consortium_one_lead on proposal_consortium_members (proposal_id) where role = 'lead';
    create index proposal_consortium_org_idx on proposal_consortium_members (organisation_id);

    create table proposal_budget_lines (
      id uuid primary key default gen_random_uuid(),
      proposal_id uuid not null references proposals(id) on delete cascade,
      organisation_id uuid references organisations(id),
      position integer not null,
      category text not null check (category in ('personnel','equipment','subcontracting','operating','overhead','other')),
      description text not null default '',
      cost_cents bigint not null check (cost_cents >= 0),
      requested_aid_cents bigint not null check (requested_aid_cents >= 0),
      own_contribution_cents bigint not null check (own_contribution_cents >= 0),
      check (cost_cents = requested_aid_cents + own_contribution_cents)
    );
    create index proposal_budget_lines_proposal_idx on proposal_budget_lines (proposal_id);

    create table proposal_kpis (
      id uuid primary key default gen_random_uuid(),
      proposal_id uuid not null references proposals(id) on delete cascade,
      required_kpi_id uuid references call_required_kpis(id) on delete set null,
      position integer not null,
      kpi_code text,
      name text not null,
      unit text not null,
      direction text not null check (direction in ('higher_is_better','lower_is_better')),
      baseline_value numeric not null,
      baseline_date date,
      target_value numeric not null,
      target_period text not null
    );
    create index proposal_kpis_proposal_idx on proposal_kpis (proposal_id);

    create table proposal_attachments (
      id uuid primary key default gen_random_uuid(),
      proposal_id uuid not null references proposals(id) on delete cascade,
      stored_file_id uuid not null references stored_files(id),
      kind text not null default 'annex' check (kind in ('annex','budget','letter_of_support','other')),
      uploaded_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index proposal_attachments_proposal_idx on proposal_attachments (proposal_id);

    create table proposal_eligibility_results (
      id uuid primary key default gen_random_uuid(),
      proposal_id uuid not null references proposals(id) on delete cascade,
      rule_id uuid not null references call_eligibility_rules(id) on delete cascade,
      version_number integer not null,
      auto_outcome text not null check (auto_outcome in ('passed','failed')),
      observed text not null default '',
      explanation_nl text not null,
      explanation_en text not null,
      evaluated_at timestamptz not null,
      officer_outcome text check (officer_outcome in ('passed','failed')),
      officer_motivation text,
      reviewed_by uuid references users(id),
      reviewed_at timestamptz,
      unique (proposal_id, rule_id)
    );

    create table proposal_clarifications (
      id uuid primary key default gen_random_uuid(),
      proposal_id uuid not null references proposals(id) on delete cascade,
      question text not null,
      asked_by uuid references users(id),
      asked_at timestamptz not null,
      due_at timestamptz not null,
      answer text,
      answered_by uuid references users(id),
      answered_at timestamptz
    );
    create index proposal_clarifications_proposal_idx on proposal_clarifications (proposal_id);

    create table proposal_collaborators (
      proposal_id uuid not null references proposals(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      access text not null check (access in ('owner','edit','view')),
      added_by uuid references users(id),
      created_at timestamptz not null default now(),
      primary key (proposal_id, user_id)
    );
    create index proposal_collaborators_user_idx on proposal_collaborators (user_id);

    create table proposal_break_glass (
      id uuid primary key default gen_random_uuid(),
      proposal_id uuid not null references proposals(id) on delete cascade,
      user_id uuid not null references users(id),
      motivation text not null,
      opened_at timestamptz not null,
      expires_at timestamptz not null
    );
    create index proposal_break_glass_idx on proposal_break_glass (proposal_id, user_id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
