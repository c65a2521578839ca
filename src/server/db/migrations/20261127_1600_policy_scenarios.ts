import { sql, type Kysely } from 'kysely';

/**
 * Frozen: policy scenarios (issue 9). Scenarios compared on weighted criteria; stakeholders are
 * either named organisations entered by an officer or signed-in accounts scoring as themselves;
 * one score (1–5, higher is better) with a comment per stakeholder × scenario × criterion.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table policy_scenarios (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      position integer not null,
      name text not null,
      description text not null default '',
      is_placeholder boolean not null default false,
      is_preferred_direction boolean not null default false,
      is_example boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table policy_criteria (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      position integer not null,
      name_nl text not null,
      name_en text not null,
      description_nl text not null default '',
      description_en text not null default '',
      weight numeric(9,6) not null check (weight >= 0),
      updated_at timestamptz not null default now()
    );

    create table policy_stakeholders (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('organisation','account')),
      name text not null,
      organisation_id uuid references organisations(id),
      user_id uuid references users(id),
      is_example boolean not null default false,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      check ((kind = 'account') = (user_id is not null))
    );
    create unique index policy_stakeholders_user_idx on policy_stakeholders (user_id) where user_id is not null;

    create table policy_scores (
      stakeholder_id uuid not null references policy_stakeholders(id) on delete cascade,
      scenario_id uuid not null references policy_scenarios(id) on delete cascade,
      criterion_id uuid not null references policy_criteria(id) on delete cascade,
      score integer not null check (score between 1 and 5),
      comment text not null default '',
      entered_by uuid references users(id),
      updated_at timestamptz not null default now(),
      primary key (stakeholder_id, scenario_id, criterion_id)
    );
    create index policy_scores_scenario_idx on policy_scores (scenario_id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
