import { selectPage, type PageRequest } from '../../http/paging';
import type { StepContext } from '../../http/request-context';
import { seesPersonalData } from '../../http/personal-data';

/**
 * One page of the audited changes of an organisation's SME figures, newest first; analysts see the
 * role, not the person.
 */
export async function findFiguresHistory(ctx: StepContext, organisationId: string, p: PageRequest) {
  const query = ctx.db
    .selectFrom('audit_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.occurred_at', 'e.actor_label', 'e.before', 'e.after', 'u.name', 'u.role'])
    .where('e.entity_type', '=', 'organisation')
    .where('e.entity_id', '=', organisationId)
    .where('e.action', '=', 'organisation.sme_figures_saved')
    .orderBy('e.id', 'desc');
  const { rows, total } = await selectPage(query, p);
  const sizeClassOf = (value: unknown) => {
    const sizeClass = (value as { sizeClass?: unknown } | null)?.sizeClass;
    return typeof sizeClass === 'string' ? sizeClass : null;
  };
  const presented = rows.map((row) => ({
    occurredAt: new Date(row.occurred_at).toISOString(),
    changedBy: seesPersonalData(ctx.actor) ? (row.name ?? row.actor_label) : (row.role ?? 'system'),
    sizeClassBefore: sizeClassOf(row.before),
    sizeClassAfter: sizeClassOf(row.after),
  }));
  return { rows: presented, total };
}
