import { brusselsDate } from '../../../shared/brussels-time';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import type { StepContext } from '../../http/request-context';
import { assertWithinDeMinimis, checkDeMinimis, type HeadroomCheck } from './de-minimis-check';
import { auditCommitment } from './funding-audit';
import { fitsLinePurpose } from './funding-rules';
import {
  findParticipants,
  getLineTotals,
  getVisibleProject,
  lockLine,
  lockOrganisations,
  findLineById,
  type LineRow,
  type ProjectRow,
} from './funding.repository';

export interface CommitProjectGrantOptions {
  projectId: string;
  lineId: string;
  decidedOn?: string;
  motivation?: string;
  /** An authorised officer's motivation to commit aid beyond a de minimis ceiling. */
  deMinimisOverride?: string;
}

export interface CommitmentPreview {
  amountCents: number;
  cofundingCents: number;
  decidedOn: string;
  lineRemainingCents: number;
  fitsPurpose: boolean;
  isAlreadyCommitted: boolean;
  deMinimis: HeadroomCheck[];
  /** Error codes the commitment would be refused with now. */
  refusals: string[];
}

function fits(line: LineRow, project: ProjectRow): boolean {
  return fitsLinePurpose(
    {
      purpose: line.purpose,
      isRingFenced: line.is_ring_fenced,
      callId: line.call_id,
      clusterIds: line.clusterIds,
    },
    { kind: 'project', projectKind: project.kind, clusterIds: project.clusterIds, callId: project.call_id },
  );
}

async function aidRequests(db: Kysely<DB>, project: ProjectRow) {
  const participants = await findParticipants(db, project.id);
  return participants.map((p) => ({ organisationId: p.organisation_id, amountCents: Number(p.aid_cents) }));
}

async function isCommitted(db: Kysely<DB>, projectId: string): Promise<boolean> {
  return Boolean(
    await db
      .selectFrom('funding_commitments')
      .select('id')
      .where('project_id', '=', projectId)
      .executeTakeFirst(),
  );
}

/** What the officer sees before committing: the line's remaining money and each participant's de minimis headroom. */
export async function previewCommitment(
  ctx: StepContext,
  options: CommitProjectGrantOptions,
): Promise<CommitmentPreview> {
  const project = await getVisibleProject(ctx.db, ctx.actor, options.projectId);
  const line = await findLineById(ctx.db, options.lineId);
  if (!line) throw new AppError('NOT_FOUND');
  const decidedOn = options.decidedOn ?? brusselsDate(ctx.now());
  const totals = await getLineTotals(ctx.db, line.id);
  const remaining = totals.budgetCents - totals.committedCents;
  const deMinimis =
    project.aid_regime === 'de_minimis'
      ? await checkDeMinimis(ctx.db, await aidRequests(ctx.db, project), decidedOn)
      : [];
  const isAlreadyCommitted = await isCommitted(ctx.db, project.id);
  const fitsPurpose = fits(line, project);
  const amount = Number(project.aid_cents);
  const refusals = [
    ...(isAlreadyCommitted ? ['PROJECT_ALREADY_COMMITTED'] : []),
    ...(amount <= 0 ? ['PROJECT_HAS_NO_AID'] : []),
    ...(fitsPurpose ? [] : ['FUNDING_PURPOSE_MISMATCH']),
    ...(amount > remaining ? ['FUNDING_LINE_INSUFFICIENT'] : []),
    ...(deMinimis.some((c) => c.breaches) ? ['DE_MINIMIS_CEILING_EXCEEDED'] : []),
  ];
  return {
    amountCents: amount,
    cofundingCents: Number(project.total_budget_cents) - amount,
    decidedOn,
    lineRemainingCents: remaining,
    fitsPurpose,
    isAlreadyCommitted,
    deMinimis,
    refusals,
  };
}

/**
 * Commits a project's grant (the sum of its participants' aid) on a funding line and records
 * each participant's aid in the state-aid register. In one transaction: the line row and the
 * receiving organisations are locked (FOR UPDATE), then ring-fencing, the line's remaining
 * money and the de minimis ceilings are checked against what is committed at that moment.
 */
export async function commitProjectGrant(
  ctx: StepContext,
  options: CommitProjectGrantOptions & { isExample?: boolean },
): Promise<{ id: string }> {
  const project = await getVisibleProject(ctx.db, ctx.actor, options.projectId);
  const amount = Number(project.aid_cents);
  if (amount <= 0) throw new AppError('PROJECT_HAS_NO_AID');
  const decidedOn = options.decidedOn ?? brusselsDate(ctx.now());
  return ctx.db.transaction().execute(async (tx) => {
    const line = await lockLine(tx, options.lineId);
    await tx.selectFrom('projects').select('id').where('id', '=', project.id).forUpdate().executeTakeFirst();
    if (await isCommitted(tx, project.id)) throw new AppError('PROJECT_ALREADY_COMMITTED');
    if (!fits(line, project)) throw new AppError('FUNDING_PURPOSE_MISMATCH');
    const totals = await getLineTotals(tx, line.id);
    const remaining = totals.budgetCents - totals.committedCents;
    if (amount > remaining)
      throw new AppError('FUNDING_LINE_INSUFFICIENT', {
        context: { lineId: line.id, remainingCents: remaining, requestedCents: amount },
      });
    const requests = await aidRequests(tx, project);
    await lockOrganisations(
      tx,
      requests.map((r) => r.organisationId),
    );
    const checks = project.aid_regime === 'de_minimis' ? await checkDeMinimis(tx, requests, decidedOn) : [];
    const override = options.deMinimisOverride?.trim() || undefined;
    assertWithinDeMinimis(checks, override);
    const isOverride = checks.some((c) => c.breaches);
    const commitment = await tx
      .insertInto('funding_commitments')
      .values({
        line_id: line.id,
        project_id: project.id,
        amount_cents: amount,
        cofunding_cents: Math.max(0, Number(project.total_budget_cents) - amount),
        decided_on: decidedOn,
        motivation: options.motivation ?? '',
        de_minimis_override: isOverride ? (override ?? null) : null,
        decided_by: ctx.actor?.userId ?? null,
        is_example: options.isExample ?? false,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const awards = requests.filter((r) => r.amountCents > 0);
    if (awards.length > 0) {
      await tx
        .insertInto('state_aid_awards')
        .values(
          awards.map((r) => ({
            organisation_id: r.organisationId,
            regime: project.aid_regime,
            legal_basis: project.aid_legal_basis,
            amount_cents: r.amountCents,
            granted_on: decidedOn,
            description: `${project.code} ${project.title}`,
            project_id: project.id,
            commitment_id: commitment.id,
            override_motivation: checks.find((c) => c.organisationId === r.organisationId)?.breaches
              ? (override ?? null)
              : null,
            recorded_by: ctx.actor?.userId ?? null,
            is_example: options.isExample ?? false,
          })),
        )
        .execute();
    }
    if (project.status === 'planned')
      await tx
        .updateTable('projects')
        .set({ status: 'running', updated_at: ctx.now() })
        .where('id', '=', project.id)
        .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: isOverride ? 'commitment.created_with_de_minimis_override' : 'commitment.created',
        entityType: 'funding_commitment',
        entityId: commitment.id,
        before: { lineRemainingCents: remaining },
        after: { ...auditCommitment(commitment), deMinimis: checks },
      },
      ctx.requestId,
    );
    return { id: commitment.id };
  });
}
