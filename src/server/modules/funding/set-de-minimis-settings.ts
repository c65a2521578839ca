import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import { DE_MINIMIS_SETTING, getDeMinimisSettings } from './funding.repository';

/** The admin sets the de minimis ceiling and window (defaults: €300,000 over 3 years, Regulation (EU) 2023/2831). */
export async function setDeMinimisSettings(
  ctx: StepContext,
  options: { ceilingCents: number; windowYears: number },
) {
  const before = await getDeMinimisSettings(ctx.db);
  const value = JSON.stringify({ ceilingCents: options.ceilingCents, windowYears: options.windowYears });
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('settings')
      .values({ key: DE_MINIMIS_SETTING, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: ctx.now() }))
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'settings.de_minimis_changed',
        entityType: 'setting',
        entityId: DE_MINIMIS_SETTING,
        before,
        after: options,
      },
      ctx.requestId,
    );
  });
  return { ceilingCents: options.ceilingCents, windowYears: options.windowYears };
}
