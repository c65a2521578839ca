import { sql } from 'kysely';
import { AppError } from '../../errors/app-error';
import { actorOf, type StepContext } from '../../http/request-context';
import type { ProposalSnapshot } from './calls.schema';
import type { ProposalStatus } from './calls.tables';
import { proposalListQuery } from './proposals.repository';
import { visibleProposals } from './proposal-visibility';

export interface ProposalSummary {
  id: string;
  callId: string;
  reference: string;
  status: ProposalStatus;
  isSealed: boolean;
  title: string | null;
  leadOrganisation: string | null;
  memberCount: number | null;
  requestedAidCents: number | null;
  totalCostCents: number | null;
  submittedVersion: number | null;
  submittedAt: string | null;
  eligibilityPassed: number | null;
  eligibilityFailed: number | null;
  eligibilityToReview: number | null;
  myAccess: 'owner' | 'edit' | 'view' | null;
}

/**
 * Proposals tables: the officer's list of a call (metadata only until the deadline) and an
 * applicant's own list (working titles). Figures come from the latest submitted version.
 */
export async function findProposalSummaries(
  ctx: StepContext,
  options: {
    callId?: string;
    /** One page, or (exports, in batches) the `limit` proposals after `after` by reference. */
    paging?: { offset: number; limit: number } | { after: ProposalSummary | null; limit: number };
  },
): Promise<ProposalSummary[]> {
  const actor = actorOf(ctx);
  const paging = options.paging;
  const after = paging && 'after' in paging ? paging.after : null;
  if (options.callId && !after) {
    const call = await ctx.db
      .selectFrom('calls')
      .select('status')
      .where('id', '=', options.callId)
      .executeTakeFirst();
    if (!call || call.status === 'draft') throw new AppError('NOT_FOUND');
  }
  const rows = await proposalListQuery(ctx.db)
    .select((eb) =>
      eb
        .selectFrom('proposal_collaborators as pcm')
        .select('pcm.access')
        .whereRef('pcm.proposal_id', '=', 'p.id')
        .where('pcm.user_id', '=', actor.userId)
        .as('my_access'),
    )
    .where(visibleProposals(actor))
    .$if(options.callId !== undefined, (q) => q.where('p.call_id', '=', options.callId as string))
    .$if(after !== null, (q) =>
      q.where((eb) =>
        eb(eb.refTuple('p.reference', 'p.id'), '>', eb.tuple(after?.reference ?? '', after?.id ?? '')),
      ),
    )
    // Keyset batches (streamed exports) continue after (reference, id): they must be read in that order.
    .$if(paging !== undefined && 'after' in paging, (q) => q.orderBy('p.reference'))
    .$if(paging !== undefined, (q) =>
      q
        .orderBy('p.id')
        .limit(paging?.limit ?? 0)
        .offset(paging && 'offset' in paging ? paging.offset : 0),
    )
    .execute();
  const now = ctx.now().getTime();
  return rows.map((row) => {
    const isApplicant = row.my_access !== null;
    const sealed = !isApplicant && (row.call_closes_at === null || now < row.call_closes_at.getTime());
    const snapshot = !sealed && row.snapshot ? (row.snapshot as ProposalSnapshot) : null;
    const lead = snapshot?.consortium.find((m) => m.role === 'lead');
    return {
      id: row.id,
      callId: row.call_id,
      reference: row.reference,
      status: row.status,
      isSealed: sealed,
      title: isApplicant ? row.title : (snapshot?.title ?? null),
      leadOrganisation: lead?.name ?? null,
      memberCount: snapshot ? snapshot.consortium.length : null,
      requestedAidCents: snapshot ? snapshot.budgetLines.reduce((s, l) => s + l.requestedAidCents, 0) : null,
      totalCostCents: snapshot ? snapshot.budgetLines.reduce((s, l) => s + l.costCents, 0) : null,
      submittedVersion: row.submitted_version,
      submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
      eligibilityPassed: sealed ? null : row.eligibility_passed,
      eligibilityFailed: sealed ? null : row.eligibility_failed,
      eligibilityToReview: sealed ? null : row.eligibility_to_review,
      myAccess: row.my_access,
    };
  });
}

/** How many proposals the viewer sees (in one call, or in all), for the pager. */
export async function countProposalSummaries(
  ctx: StepContext,
  options: { callId?: string },
): Promise<number> {
  const actor = actorOf(ctx);
  const row = await proposalListQuery(ctx.db)
    .clearSelect()
    .clearOrderBy()
    .select(sql<string>`count(*)`.as('n'))
    .where(visibleProposals(actor))
    .$if(options.callId !== undefined, (q) => q.where('p.call_id', '=', options.callId as string))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
