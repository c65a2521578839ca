import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types';
import { recordAudit, type AuditActor } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import type { ProposalStatus } from './calls.tables';
import type { AuditAction } from '../../../shared/audit-actions';

export interface SetProposalStatusOptions {
  proposalId: string;
  to: ProposalStatus;
  /** Statuses the proposal may be in now; anything else throws PROPOSAL_STATUS_INVALID. */
  from: readonly ProposalStatus[];
  /** The audit action, e.g. 'proposal.ranked'; default `proposal.status_<to>`. */
  action?: AuditAction;
  motivation?: string | null;
  /** Extra fields for the audit row's `after`. */
  details?: Record<string, unknown>;
}

/**
 * Moves a proposal to another status and writes the audit row, inside the caller's transaction
 * (the review module calls this for under_review, ranked, funded, reserve, rejected).
 */
export async function setProposalStatus(
  tx: Transaction<DB> | Kysely<DB>,
  actor: AuditActor,
  requestId: string | null,
  options: SetProposalStatusOptions,
): Promise<void> {
  const current = await tx
    .selectFrom('proposals')
    .select(['status'])
    .where('id', '=', options.proposalId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw new AppError('NOT_FOUND');
  if (!options.from.includes(current.status))
    throw new AppError('PROPOSAL_STATUS_INVALID', { context: { status: current.status } });
  const now = new Date();
  await tx
    .updateTable('proposals')
    .set({
      status: options.to,
      status_changed_at: now,
      updated_at: now,
      ...(options.to === 'withdrawn' ? { withdrawn_at: now } : {}),
    })
    .where('id', '=', options.proposalId)
    .execute();
  await recordAudit(
    tx,
    actor,
    {
      action: options.action ?? `proposal.status_${options.to}`,
      entityType: 'proposal',
      entityId: options.proposalId,
      before: { status: current.status },
      after: { status: options.to, motivation: options.motivation ?? null, ...options.details },
    },
    requestId,
  );
}
