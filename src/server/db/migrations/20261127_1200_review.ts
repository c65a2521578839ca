import { sql, type Kysely } from 'kysely';

/**
 * Frozen: expert review and strict selection (issue 5). Expert pool and affiliations, call
 * invitations with the independence declaration, conflicts of interest (declared, derived,
 * added by officers; lifting needs a motivation), assignments (solver / manual / forced),
 * reviews per criterion, consensus, decisions with their formal basis, objections.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table expert_profiles (
      user_id uuid primary key references users(id) on delete cascade,
      headline text not null default '',
      bio text not null default '',
      keywords text[] not null default '{}',
      languages text[] not null default '{nl}',
      max_load integer not null default 8 check (max_load >= 0),
      min_load integer not null default 0 check (min_load >= 0),
      is_available boolean not null default true,
      is_example boolean not null default false,
      updated_at timestamptz not null default now(),
      check (min_load <= max_load)
    );

    create table expert_themes (
      user_id uuid not null references users(id) on delete cascade,
      theme_id uuid not null references themes(id),
      primary key (user_id, theme_id)
    );

    create table expert_affiliations (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      organisation_id uuid not null references organisations(id),
      role text not null default '',
      valid_from date,
      valid_to date,
      created_at timestamptz not null default now()
    );
    create index expert_affiliations_user_idx on expert_affiliations (user_id);
    create index expert_affiliations_org_idx on expert_affiliations (organisation_id);

    create table call_experts (
      call_id uuid not null references calls(id) on delete cascade,
      user_id uuid not null references users(id),
      status text not null default 'invited' check (status in ('invited','accepted','declined')),
      max_load integer check (max_load >= 0),
      invited_by uuid references users(id),
      invited_at timestamptz not null default now(),
      declaration_accepted_at timestamptz,
      declaration_version text,
      primary key (call_id, user_id)
    );
    create index call_experts_user_idx on call_experts (user_id);

    create table review_conflicts (
      id uuid primary key default gen_random_uuid(),
      call_id uuid not null references calls(id) on delete cascade,
      proposal_id uuid not null references proposals(id) on delete cascade,
      expert_user_id uuid not null references users(id),
      source text not null check (source in ('declared','derived','officer')),
      reason text not null,
      organisation_id uuid references organisations(id),
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      lifted_at timestamptz,
      lifted_by uuid references users(id),
      lift_motivation text,
      unique (proposal_id, expert_user_id, source),
      check ((lifted_at is null) = (lift_motivation is null))
    );
    create index review_conflicts_expert_idx on review_conflicts (expert_user_id, proposal_id);

    create table review_assignments (
      id uuid primary key default gen_random_uuid(),
      call_id uuid not null references calls(id) on delete cascade,
      proposal_id uuid not null references proposals(id) on delete cascade,
      expert_user_id uuid not null references users(id),
      origin text not null check (origin in ('solver','manual')),
      is_forced boolean not null default false,
      is_rapporteur boolean not null default false,
      affinity numeric not null default 0,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      unique (proposal_id, expert_user_id)
    );
    create index review_assignments_expert_idx on review_assignments (expert_user_id);
    create index review_assignments_call_idx on review_assignments (call_id);

    create table reviews (
      id uuid primary key default gen_random_uuid(),
      assignment_id uuid not null unique references review_assignments(id),
      proposal_id uuid not null references proposals(id) on delete cascade,
      expert_user_id uuid not null references users(id),
      status text not null default 'draft' check (status in ('draft','submitted')),
      overall_comment text not null default '',
      version integer not null default 1,
      submitted_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index reviews_proposal_idx on reviews (proposal_id);

    create table review_scores (
      review_id uuid not null references reviews(id) on delete cascade,
      criterion_id uuid not null references call_criteria(id),
      score numeric,
      justification text not null default '',
      primary key (review_id, criterion_id)
    );

    create table consensus_reports (
      proposal_id uuid primary key references proposals(id) on delete cascade,
      rapporteur_user_id uuid references users(id),
      status text not null default 'draft' check (status in ('draft','agreed')),
      minority_view text not null default '',
      agreed_at timestamptz,
      agreed_by uuid references users(id),
      updated_at timestamptz not null default now()
    );

    create table consensus_scores (
      proposal_id uuid not null references consensus_reports(proposal_id) on delete cascade,
      criterion_id uuid not null references call_criteria(id),
      score numeric not null,
      comment text not null default '',
      primary key (proposal_id, criterion_id)
    );

    create table review_decisions (
      proposal_id uuid primary key references proposals(id) on delete cascade,
      call_id uuid not null references calls(id),
      outcome text not null check (outcome in ('funded','reserve','rejected')),
      amount_cents bigint check (amount_cents >= 0),
      conditions text not null default '',
      motivation text not null,
      basis jsonb not null,
      objection_deadline timestamptz not null,
      decided_by uuid references users(id),
      decided_at timestamptz not null default now(),
      network_cluster_id uuid references clusters(id),
      check ((outcome = 'funded') = (amount_cents is not null))
    );
    create index review_decisions_call_idx on review_decisions (call_id);

    create table review_objections (
      id uuid primary key default gen_random_uuid(),
      proposal_id uuid not null references proposals(id) on delete cascade,
      filed_by uuid not null references users(id),
      filed_at timestamptz not null default now(),
      grounds text not null,
      status text not null default 'open' check (status in ('open','upheld','dismissed')),
      outcome_motivation text,
      handled_by uuid references users(id),
      handled_at timestamptz
    );
    create index review_objections_proposal_idx on review_objections (proposal_id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
