import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import type { CallDefinition } from './calls.schema';
import { findCallDetail, writeCallDefinition } from './calls.repository';
import { definitionOf } from './calls.presenter';
import { validateCallDefinition } from './validate-call-definition';

export async function assertCodeFree(ctx: StepContext, code: string, callId: string | null): Promise<void> {
  const clash = await ctx.db.selectFrom('calls').select('id').where('code', '=', code).executeTakeFirst();
  if (clash && clash.id !== callId) throw new AppError('CALL_CODE_TAKEN');
}

/** Edits a draft call freely; once open, a call changes only through `amendCall`. */
export async function updateCall(ctx: StepContext, callId: string, def: CallDefinition) {
  const problems = validateCallDefinition(def, { forPublishing: false, now: ctx.now() });
  if (problems.length > 0) throw new AppError('CALL_DEFINITION_INVALID', { details: problems });
  await assertCodeFree(ctx, def.code, callId);
  return ctx.db.transaction().execute(async (tx) => {
    const before = await findCallDetail(tx, callId);
    if (!before) throw new AppError('NOT_FOUND');
    await tx.selectFrom('calls').select('id').where('id', '=', callId).forUpdate().execute();
    if (before.call.status !== 'draft') throw new AppError('CALL_LOCKED');
    await writeCallDefinition(tx, callId, def);
    const after = await findCallDetail(tx, callId);
    if (!after) throw new AppError('INTERNAL_ERROR');
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'call.updated',
        entityType: 'call',
        entityId: callId,
        before: definitionOf(before),
        after: definitionOf(after),
      },
      ctx.requestId,
    );
    return after;
  });
}
