import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import type { CallDefinition } from './calls.schema';
import { findCallDetail, writeCallDefinition } from './calls.repository';
import { definitionOf } from './calls.presenter';
import { validateCallDefinition } from './validate-call-definition';
import { assertCodeFree } from './update-call';

/** An officer starts a call as a draft; nothing is public until it is published. */
export async function createCall(ctx: StepContext, def: CallDefinition) {
  const actor = actorOf(ctx);
  const problems = validateCallDefinition(def, { forPublishing: false, now: ctx.now() });
  if (problems.length > 0) throw new AppError('CALL_DEFINITION_INVALID', { details: problems });
  await assertCodeFree(ctx, def.code, null);
  return ctx.db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('calls')
      .values({ code: def.code, kind: def.kind, title_nl: def.titleNl, created_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeCallDefinition(tx, id, def);
    const detail = await findCallDetail(tx, id);
    if (!detail) throw new AppError('INTERNAL_ERROR');
    await recordAudit(
      tx,
      ctx.auditActor,
      { action: 'call.created', entityType: 'call', entityId: id, after: definitionOf(detail) },
      ctx.requestId,
    );
    return detail;
  });
}
