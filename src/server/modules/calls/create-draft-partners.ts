import type { Transaction } from 'kysely';
import type { DB } from '../../db/types';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';

/**
 * At submission (in its transaction): each partner the draft holds without an organisation gets
 * one, created from what the applicant gave (audited now, not at the autosave) or, when the
 * enterprise number became known meanwhile, the existing one. The consortium rows and budget
 * lines are linked to it, so the submitted version names organisations only.
 */
export async function createDraftPartners(tx: Transaction<DB>, ctx: StepContext, proposalId: string) {
  const pending = await tx
    .selectFrom('proposal_consortium_members')
    .select(['id', 'pending_enterprise_number', 'pending_name', 'pending_helix', 'pending_size_class'])
    .where('proposal_id', '=', proposalId)
    .where('organisation_id', 'is', null)
    // One order for every submission (not the draft's), so two drafts naming the same new partners
    // in another order take the unique-index locks alike and cannot deadlock each other.
    .orderBy('pending_enterprise_number')
    .execute();
  for (const row of pending) {
    const number = row.pending_enterprise_number;
    const name = row.pending_name;
    const helix = row.pending_helix;
    const sizeClass = row.pending_size_class ?? 'unknown';
    if (!number || !name || !helix) continue; // impossible: a check constraint holds them together
    // A concurrent submission naming the same new partner waits on the unique index, then links.
    const created = await tx
      .insertInto('organisations')
      .values({ name, enterprise_number: number, helix, size_class: sizeClass })
      .onConflict((oc) => oc.column('enterprise_number').doNothing())
      .returning('id')
      .executeTakeFirst();
    const organisationId =
      created?.id ??
      (
        await tx
          .selectFrom('organisations')
          .select('id')
          .where('enterprise_number', '=', number)
          .executeTakeFirstOrThrow()
      ).id;
    if (created)
      await recordAudit(
        tx,
        ctx.auditActor,
        {
          action: 'organisation.created',
          entityType: 'organisation',
          entityId: created.id,
          after: { name, enterpriseNumber: number, helix, sizeClass, source: 'proposal' },
        },
        ctx.requestId,
      );
    await tx
      .updateTable('proposal_consortium_members')
      .set({
        organisation_id: organisationId,
        pending_enterprise_number: null,
        pending_name: null,
        pending_helix: null,
        pending_size_class: null,
      })
      .where('id', '=', row.id)
      .execute();
    await tx
      .updateTable('proposal_budget_lines')
      .set({ organisation_id: organisationId, pending_enterprise_number: null })
      .where('proposal_id', '=', proposalId)
      .where('pending_enterprise_number', '=', number)
      .execute();
  }
}
