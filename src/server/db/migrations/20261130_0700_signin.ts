import { sql, type Kysely } from 'kysely';

/**
 * Frozen: sign-in (issue 17). A second factor (TOTP) for local accounts with hashed recovery
 * codes; sessions that wait for the second factor or for its enrolment; accounts from OpenID
 * Connect providers (identified by issuer and subject, without a local password); the sign-in
 * flows between the redirect to a provider and its answer; the enterprise numbers a session may
 * represent (mandates), and the representatives confirmed on a proposal's consortium.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table users
      alter column password_hash drop not null,
      add column role_source text not null default 'manual' check (role_source in ('manual','mapping'));

    alter table sessions
      add column stage text not null default 'complete'
        check (stage in ('complete','second_factor','enrolment')),
      add column mandates text[] not null default '{}',
      add column oidc_provider text,
      add column oidc_id_token text;

    create table user_totp (
      user_id uuid primary key references users(id) on delete cascade,
      secret text not null,
      confirmed_at timestamptz,
      last_time_step bigint,
      created_at timestamptz not null default now()
    );

    create table user_recovery_codes (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      code_hash text not null,
      used_at timestamptz
    );
    create index user_recovery_codes_user_idx on user_recovery_codes (user_id);

    create table oidc_identities (
      issuer text not null,
      subject text not null,
      provider_id text not null,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      last_login_at timestamptz not null default now(),
      primary key (issuer, subject)
    );
    create index oidc_identities_user_idx on oidc_identities (user_id);

    create table oidc_flows (
      id text primary key,
      provider_id text not null,
      state text not null,
      nonce text not null,
      code_verifier text not null,
      next_path text not null default '/',
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );

    create table proposal_representatives (
      proposal_id uuid not null references proposals(id) on delete cascade,
      organisation_id uuid not null references organisations(id),
      user_id uuid not null references users(id) on delete cascade,
      enterprise_number text not null,
      first_acted_at timestamptz not null default now(),
      last_acted_at timestamptz not null default now(),
      primary key (proposal_id, organisation_id, user_id)
    );
  `.execute(db);
}
