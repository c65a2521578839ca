import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/types';
import { AppError } from '../../errors/app-error';
import type { Actor } from '../../http/actor';

type Db = Kysely<DB> | Transaction<DB>;

/** Proposal statuses the review module works on (after the eligibility decision). */
export const REVIEWABLE_STATUSES = [
  'eligible',
  'under_review',
  'ranked',
  'funded',
  'reserve',
  'rejected',
] as const;

export interface ReviewProposalRow {
  id: string;
  call_id: string;
  reference: string;
  title: string;
  summary: string;
  status: string;
  owner_user_id: string;
  submitted_at: Date | null;
}

const proposalColumns = [
  'proposals.id',
  'proposals.call_id',
  'proposals.reference',
  'proposals.title',
  'proposals.summary',
  'proposals.status',
  'proposals.owner_user_id',
  'proposals.submitted_at',
] as const;

/** The call if it exists and the viewer is staff (officer/admin/analyst); otherwise NOT_FOUND. */
/** Who may open a call's review file (analysts see the list of calls in review, not the file). */
export function canOpenCallReview(actor: Actor | null): boolean {
  return actor?.role === 'officer' || actor?.role === 'admin';
}

export async function getCallForStaff(db: Db, callId: string) {
  const call = await db.selectFrom('calls').selectAll().where('id', '=', callId).executeTakeFirst();
  if (!call || call.status === 'draft') throw new AppError('NOT_FOUND');
  return call;
}

/**
 * A proposal as an expert may see it: assigned to them, no active conflict of interest, and the
 * declaration of the call accepted. Anything else answers NOT_FOUND, exactly like a missing
 * proposal, so a conflicted expert learns nothing, not even the title.
 */
export async function getProposalForExpert(
  db: Db,
  expertUserId: string,
  proposalId: string,
): Promise<ReviewProposalRow & { assignment_id: string; is_rapporteur: boolean }> {
  const row = await db
    .selectFrom('proposals')
    .innerJoin('review_assignments as a', (join) =>
      join.onRef('a.proposal_id', '=', 'proposals.id').on('a.expert_user_id', '=', expertUserId),
    )
    .innerJoin('call_experts as ce', (join) =>
      join.onRef('ce.call_id', '=', 'proposals.call_id').on('ce.user_id', '=', expertUserId),
    )
    .select([...proposalColumns, 'a.id as assignment_id', 'a.is_rapporteur'])
    .where('proposals.id', '=', proposalId)
    .where('ce.status', '=', 'accepted')
    .where('ce.declaration_accepted_at', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('review_conflicts as rc')
            .select(sql`1`.as('one'))
            .whereRef('rc.proposal_id', '=', 'proposals.id')
            .where('rc.expert_user_id', '=', expertUserId)
            .where('rc.lifted_at', 'is', null),
        ),
      ),
    )
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A proposal under review for staff; NOT_FOUND before the eligibility decision. */
export async function getProposalForStaff(db: Db, proposalId: string): Promise<ReviewProposalRow> {
  const row = await db
    .selectFrom('proposals')
    .select(proposalColumns)
    .where('proposals.id', '=', proposalId)
    .where('proposals.status', 'in', [...REVIEWABLE_STATUSES])
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A proposal for review screens: experts through their filter, officers and admins directly. */
export async function getProposalForViewer(db: Db, actor: Actor, proposalId: string) {
  if (actor.role === 'expert')
    return { proposal: await getProposalForExpert(db, actor.userId, proposalId), asExpert: true };
  if (actor.role === 'officer' || actor.role === 'admin')
    return { proposal: await getProposalForStaff(db, proposalId), asExpert: false };
  throw new AppError('NOT_FOUND');
}

/** A decided proposal as its applicant (owner or collaborator) or staff sees it; NOT_FOUND otherwise. */
export async function getDecidedProposalForApplicant(db: Db, actor: Actor, proposalId: string) {
  const proposal = await db
    .selectFrom('proposals')
    .select(proposalColumns)
    .where('proposals.id', '=', proposalId)
    .executeTakeFirst();
  if (!proposal) throw new AppError('NOT_FOUND');
  const isStaff = actor.role === 'officer' || actor.role === 'admin';
  if (!isStaff) {
    if (actor.role !== 'applicant') throw new AppError('NOT_FOUND');
    const isOwner = proposal.owner_user_id === actor.userId;
    const collaborator = isOwner
      ? null
      : await db
          .selectFrom('proposal_collaborators')
          .select('user_id')
          .where('proposal_id', '=', proposalId)
          .where('user_id', '=', actor.userId)
          .executeTakeFirst();
    if (!isOwner && !collaborator) throw new AppError('NOT_FOUND');
  }
  const decision = await db
    .selectFrom('review_decisions')
    .selectAll()
    .where('proposal_id', '=', proposalId)
    .executeTakeFirst();
  if (!decision) throw new AppError('NOT_FOUND');
  return { proposal, decision, isStaff };
}
