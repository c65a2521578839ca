import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { isAcceptingProposals } from './calls.presenter';

/** An applicant starts a draft on a call that is accepting proposals; they become its owner. */
export async function startProposal(ctx: StepContext, callId: string, input: { title: string }) {
  const actor = actorOf(ctx);
  return ctx.db.transaction().execute(async (tx) => {
    const call = await tx
      .selectFrom('calls')
      .select(['id', 'code', 'status', 'opens_at', 'closes_at'])
      .where('id', '=', callId)
      .where('status', '!=', 'draft')
      .forUpdate()
      .executeTakeFirst();
    if (!call) throw new AppError('NOT_FOUND');
    const now = ctx.now();
    if (call.closes_at && now.getTime() >= call.closes_at.getTime())
      throw new AppError('PROPOSAL_DEADLINE_PASSED');
    if (!isAcceptingProposals(call, now)) throw new AppError('CALL_NOT_OPEN');
    const { n } = await tx
      .selectFrom('proposals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('call_id', '=', callId)
      .executeTakeFirstOrThrow();
    const reference = `${call.code}-${String(Number(n) + 1).padStart(3, '0')}`;
    const { id } = await tx
      .insertInto('proposals')
      .values({
        call_id: callId,
        reference,
        title: input.title,
        owner_user_id: actor.userId,
        created_at: now,
        updated_at: now,
        status_changed_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('proposal_collaborators')
      .values({ proposal_id: id, user_id: actor.userId, access: 'owner', added_by: actor.userId })
      .execute();
    // Content stays out of the audit trail (officers read it): metadata only.
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'proposal.started',
        entityType: 'proposal',
        entityId: id,
        after: { callId, reference, status: 'draft' },
      },
      ctx.requestId,
    );
    return { id, reference };
  });
}
