import type { StepContext } from '../../http/request-context';

export interface AuditQueryInput {
  entityType?: string;
  entityId?: string;
  beforeId?: number;
  limit: number;
}

/**
 * The audit trail, newest first. Rows about a proposal whose call deadline has not passed are
 * sealed like the proposal itself: their before/after are withheld from every reader (the row,
 * its actor, action and time stay visible; the hash chain keeps proving the content). Steps write
 * no proposal content into audit rows in the first place; this also covers rows written before.
 */
export async function listAuditEvents(ctx: StepContext, q: AuditQueryInput) {
  let query = ctx.db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(q.limit);
  if (q.entityType) query = query.where('entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.beforeId) query = query.where('id', '<', q.beforeId);
  const rows = await query.execute();
  const proposalIds = [
    ...new Set(
      rows
        .filter((row) => row.entity_type === 'proposal' && row.entity_id)
        .map((row) => row.entity_id as string)
        .filter((id) => /^[0-9a-f-]{36}$/i.test(id)),
    ),
  ];
  const now = ctx.now();
  const sealed = new Set(
    proposalIds.length === 0
      ? []
      : (
          await ctx.db
            .selectFrom('proposals as p')
            .innerJoin('calls as c', 'c.id', 'p.call_id')
            .select('p.id')
            .where('p.id', 'in', proposalIds)
            .where((eb) => eb.or([eb('c.closes_at', 'is', null), eb('c.closes_at', '>', now)]))
            .execute()
        ).map((p) => p.id),
  );
  return rows.map((row) => {
    const isSealed = row.entity_type === 'proposal' && row.entity_id !== null && sealed.has(row.entity_id);
    return {
      id: Number(row.id),
      occurredAt: new Date(row.occurred_at).toISOString(),
      actorLabel: row.actor_label,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      sealed: isSealed,
      before: isSealed ? null : row.before,
      after: isSealed ? null : row.after,
      requestId: row.request_id,
    };
  });
}
