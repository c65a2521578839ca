import { sql, type Kysely } from 'kysely';

/**
 * Frozen: a draft's unknown partners exist only inside the draft (issue 15). A consortium row
 * either links an organisation, or (an enterprise number the platform does not know yet) holds
 * the number, name, helix category and size class the applicant gave, with no organisation; a
 * budget line of such a partner holds its number. Submission creates or links the organisation.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table proposal_consortium_members
      alter column organisation_id drop not null,
      add column pending_enterprise_number text,
      add column pending_name text,
      add column pending_helix text
        check (pending_helix in ('company','knowledge_institution','government','civil_society')),
      add column pending_size_class text
        check (pending_size_class in ('micro','small','medium','large','unknown')),
      add constraint proposal_consortium_known_or_pending check (
        (organisation_id is not null and pending_enterprise_number is null and pending_name is null
          and pending_helix is null and pending_size_class is null)
        or (organisation_id is null and pending_enterprise_number is not null and pending_name is not null
          and pending_helix is not null and pending_size_class is not null)
      );
    create unique index proposal_consortium_pending_unique
      on proposal_consortium_members (proposal_id, pending_enterprise_number)
      where pending_enterprise_number is not null;

    alter table proposal_budget_lines
      add column pending_enterprise_number text,
      add constraint proposal_budget_line_known_or_pending
        check (pending_enterprise_number is null or organisation_id is null);
  `.execute(db);
}
