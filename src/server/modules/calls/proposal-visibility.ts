import {
  sql,
  type Selectable,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SqlBool,
  type Transaction,
} from 'kysely';
import type { DB } from '../../db/types';
import type { Actor } from '../../http/actor';
import type { CallKind, CallStatus, CollaboratorAccess, ProposalsTable } from './calls.tables';

type Db = Kysely<DB> | Transaction<DB>;
type ProposalScope = ExpressionBuilder<DB & { p: ProposalsTable }, 'p'>;

export interface VisibilityOptions {
  /**
   * How an expert may see a proposal (the review module passes its assignment + conflict
   * filter here). Without it experts see no proposal.
   */
  expertAccess?: (eb: ProposalScope) => Expression<SqlBool>;
}

/**
 * Which proposals (aliased `p`) a viewer may see at all: applicants their own and those shared
 * with them; officers every proposal that was ever submitted (content stays sealed until the
 * deadline, see `isSealedFor`); experts what the review module allows; nobody else any.
 */
export function visibleProposals(actor: Actor, options: VisibilityOptions = {}) {
  return (eb: ProposalScope): Expression<SqlBool> => {
    const shared = eb.exists(
      eb
        .selectFrom('proposal_collaborators as pcv')
        .select(sql.lit(1).as('one'))
        .whereRef('pcv.proposal_id', '=', 'p.id')
        .where('pcv.user_id', '=', actor.userId),
    );
    switch (actor.role) {
      case 'applicant':
        return shared;
      case 'officer':
        return eb('p.submitted_version', 'is not', null);
      case 'expert':
        return options.expertAccess
          ? eb.and([options.expertAccess(eb), eb('p.submitted_version', 'is not', null)])
          : sql<SqlBool>`false`;
      default:
        return sql<SqlBool>`false`;
    }
  };
}

/** The proposal with its call's timing, if the viewer may see it; undefined exactly like a missing one. */
export function findProposalForViewer(
  db: Db,
  actor: Actor,
  proposalId: string,
  options: VisibilityOptions = {},
) {
  return db
    .selectFrom('proposals as p')
    .innerJoin('calls as c', 'c.id', 'p.call_id')
    .selectAll('p')
    .select([
      'c.code as call_code',
      'c.title_nl as call_title_nl',
      'c.status as call_status',
      'c.opens_at as call_opens_at',
      'c.closes_at as call_closes_at',
      'c.max_attachment_bytes as call_max_attachment_bytes',
      'c.kind as call_kind',
    ])
    .select((eb) =>
      eb
        .selectFrom('proposal_collaborators as pcm')
        .select('pcm.access')
        .whereRef('pcm.proposal_id', '=', 'p.id')
        .where('pcm.user_id', '=', actor.userId)
        .as('my_access'),
    )
    .where('p.id', '=', proposalId)
    .where(visibleProposals(actor, options))
    .executeTakeFirst() as Promise<ProposalForViewer | undefined>;
}

export interface ProposalForViewer extends Selectable<ProposalsTable> {
  call_code: string;
  call_title_nl: string;
  call_status: CallStatus;
  call_opens_at: Date | null;
  call_closes_at: Date | null;
  call_max_attachment_bytes: number;
  call_kind: CallKind;
  my_access: CollaboratorAccess | null;
}

/** An officer's live break-glass on this proposal, if any. */
export async function hasActiveBreakGlass(
  db: Db,
  proposalId: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('proposal_break_glass')
    .select('id')
    .where('proposal_id', '=', proposalId)
    .where('user_id', '=', userId)
    .where('opened_at', '<=', now)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Sealed until the deadline: nobody at the agency reads content before the call's deadline by
 * the server clock, except through a live, logged break-glass. Applicants are never sealed out.
 */
export function isSealedFor(
  proposal: { my_access: CollaboratorAccess | null; call_closes_at: Date | null },
  now: Date,
  breakGlass: boolean,
): boolean {
  if (proposal.my_access !== null) return false;
  if (breakGlass) return false;
  return proposal.call_closes_at === null || now.getTime() < proposal.call_closes_at.getTime();
}
