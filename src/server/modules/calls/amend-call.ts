import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { queueNotification } from '../../notifications/queue-notification';
import { actorOf, type StepContext } from '../../http/request-context';
import type { CallDefinition, ProposalSnapshot } from './calls.schema';
import { storeEligibility } from './store-eligibility';
import { findCallDetail, writeCallDefinition } from './calls.repository';
import { definitionOf } from './calls.presenter';
import { validateCallDefinition } from './validate-call-definition';
import { assertCodeFree } from './update-call';

/**
 * Changes an open call's rules: logged as a numbered amendment (before, after, motivation) and
 * notified to every applicant with a draft or a submission on the call (in-app and e-mail).
 */
export async function amendCall(
  ctx: StepContext,
  callId: string,
  input: { motivation: string; definition: CallDefinition },
) {
  const actor = actorOf(ctx);
  const problems = validateCallDefinition(input.definition, { forPublishing: true, now: ctx.now() });
  if (problems.length > 0) throw new AppError('CALL_DEFINITION_INVALID', { details: problems });
  await assertCodeFree(ctx, input.definition.code, callId);
  return ctx.db.transaction().execute(async (tx) => {
    await tx.selectFrom('calls').select('id').where('id', '=', callId).forUpdate().execute();
    const before = await findCallDetail(tx, callId);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.call.status !== 'open') throw new AppError('CALL_STATUS_INVALID');
    await writeCallDefinition(tx, callId, input.definition);
    const number = before.call.amendment_count + 1;
    await tx.updateTable('calls').set({ amendment_count: number }).where('id', '=', callId).execute();
    const after = await findCallDetail(tx, callId);
    if (!after) throw new AppError('INTERNAL_ERROR');
    const beforeDef = definitionOf(before);
    const afterDef = definitionOf(after);
    await tx
      .insertInto('call_amendments')
      .values({
        call_id: callId,
        number,
        motivation: input.motivation,
        before: JSON.stringify(beforeDef),
        after: JSON.stringify(afterDef),
        amended_by: actor.userId,
        amended_at: ctx.now(),
      })
      .execute();
    // Proposals already submitted are checked again against the amended rules.
    const submitted = await tx
      .selectFrom('proposals as p')
      .innerJoin('proposal_versions as v', (join) =>
        join.onRef('v.proposal_id', '=', 'p.id').onRef('v.version_number', '=', 'p.submitted_version'),
      )
      .select(['p.id', 'v.version_number', 'v.snapshot'])
      .where('p.call_id', '=', callId)
      .where('p.status', '=', 'submitted')
      .execute();
    for (const row of submitted) {
      await storeEligibility(tx, {
        proposalId: row.id,
        call: after,
        snapshot: row.snapshot as ProposalSnapshot,
        versionNumber: row.version_number,
        now: ctx.now(),
      });
    }
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'call.amended',
        entityType: 'call',
        entityId: callId,
        before: beforeDef,
        after: {
          ...afterDef,
          amendment: number,
          motivation: input.motivation,
          proposalsReevaluated: submitted.length,
        },
      },
      ctx.requestId,
    );
    const recipients = await tx
      .selectFrom('proposal_collaborators as pc')
      .innerJoin('proposals as p', 'p.id', 'pc.proposal_id')
      .select('pc.user_id')
      .distinct()
      .where('p.call_id', '=', callId)
      .where('p.status', 'in', ['draft', 'submitted'])
      .execute();
    for (const { user_id } of recipients) {
      await queueNotification(tx, {
        userId: user_id,
        kind: 'call.amended',
        params: { call: after.call.code, number, motivation: input.motivation },
        link: `/calls/${callId}`,
      });
    }
    return { detail: after, notified: recipients.length };
  });
}
