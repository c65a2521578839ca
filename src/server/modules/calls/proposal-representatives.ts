import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/types';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../http/actor';
import type { StepContext } from '../../http/request-context';
import { parseEnterpriseNumber } from '../../../shared/enterprise-number';

type Db = Kysely<DB> | Transaction<DB>;

const canonical = (value: string | null | undefined): string | null => {
  const parsed = value ? parseEnterpriseNumber(value) : null;
  return parsed?.ok ? parsed.value : null;
};

/** The enterprise numbers a request may act for: a session's mandates; none for API tokens. */
function mandatesOf(actor: Actor): string[] {
  if (actor.via !== 'session') return [];
  return [...new Set((actor.mandates ?? []).map(canonical).filter((n): n is string => n !== null))];
}

/**
 * Mandates → confirmed representatives, in the transaction of a save or a submission, after the
 * consortium is written. Each partner whose enterprise number the signed-in applicant's session
 * holds a mandate for gets the applicant as its confirmed representative. Idempotent: the first
 * confirmation is inserted with its own audit row; later ones only move `last_acted_at` (the
 * save's audit row covers that). A partner that lives only in the draft (no organisation yet) is
 * confirmed when the submission creates its organisation. A confirmation is a historical fact:
 * it stays, with its time, when the mandate is gone at a later sign-in or the partner leaves.
 */
export async function confirmRepresentatives(
  tx: Transaction<DB>,
  ctx: StepContext,
  actor: Actor,
  proposalId: string,
): Promise<void> {
  const mandates = mandatesOf(actor);
  if (mandates.length === 0) return;
  const partners = await tx
    .selectFrom('proposal_consortium_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.enterprise_number'])
    .where('m.proposal_id', '=', proposalId)
    .where('o.enterprise_number', 'in', mandates)
    .orderBy('m.position')
    .execute();
  if (partners.length === 0) return;
  const session = actor.sessionId
    ? await tx
        .selectFrom('sessions')
        .select('oidc_provider')
        .where('id', '=', actor.sessionId)
        .executeTakeFirst()
    : undefined;
  const provider = session?.oidc_provider ?? null;
  const now = ctx.now();
  // One upsert for every partner; `xmax = 0` marks the rows this statement inserted (PostgreSQL).
  const written = await tx
    .insertInto('proposal_representatives')
    .values(
      partners.map((partner) => ({
        proposal_id: proposalId,
        organisation_id: partner.id,
        user_id: actor.userId,
        enterprise_number: partner.enterprise_number as string,
        first_acted_at: now,
        last_acted_at: now,
        oidc_provider: provider,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['proposal_id', 'organisation_id', 'user_id']).doUpdateSet({ last_acted_at: now }),
    )
    .returning(['organisation_id', sql<boolean>`xmax = 0`.as('inserted')])
    .execute();
  for (const row of written) {
    if (!row.inserted) continue;
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'proposal.representative_confirmed',
        entityType: 'proposal',
        entityId: proposalId,
        // Which partner is consortium content and stays out of the trail (docs/security.md): the
        // representatives row holds it, with this same time.
        after: { userId: actor.userId, provider, confirmedAt: now.toISOString() },
      },
      ctx.requestId,
    );
  }
}

/** Per partner: a confirmed representative, or only named. */
interface PartnerRepresentation {
  enterpriseNumber: string | null;
  confirmed: boolean;
  /** The first confirmation; null when only named, or for a viewer who sees no personal data. */
  confirmedAt: string | null;
  /** Who confirmed, when and through which provider; null for experts (no personal data). */
  representatives: { name: string; confirmedAt: string; provider: string | null }[] | null;
}

/**
 * For each partner of a consortium (in its order), whether it has a confirmed representative on
 * this proposal. `withPeople` adds who (applicants and officers); experts get only yes or no.
 */
export async function findRepresentation(
  db: Db,
  proposalId: string,
  consortium: { enterpriseNumber: string | null }[],
  withPeople: boolean,
): Promise<PartnerRepresentation[]> {
  const rows = await db
    .selectFrom('proposal_representatives as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.enterprise_number', 'r.first_acted_at', 'r.oidc_provider', 'u.name'])
    .where('r.proposal_id', '=', proposalId)
    .orderBy('r.first_acted_at')
    .orderBy('u.name')
    .execute();
  return consortium.map((member) => {
    const number = canonical(member.enterpriseNumber);
    const mine = rows.filter((r) => number !== null && r.enterprise_number === number);
    const first = mine[0];
    return {
      enterpriseNumber: number ?? member.enterpriseNumber,
      confirmed: first !== undefined,
      confirmedAt: withPeople && first ? new Date(first.first_acted_at).toISOString() : null,
      representatives: withPeople
        ? mine.map((r) => ({
            name: r.name,
            confirmedAt: new Date(r.first_acted_at).toISOString(),
            provider: r.oidc_provider,
          }))
        : null,
    };
  });
}
