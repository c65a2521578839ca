import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/types';
import { AppError, detail, type ErrorDetail } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { parseEnterpriseNumber } from '../../../shared/enterprise-number';
import { canonicalJson } from '../../../shared/canonical-json';
import type { ProposalContent } from './calls.schema';
import { findProposalForViewer, type ProposalForViewer } from './proposal-visibility';
import { confirmRepresentatives } from './proposal-representatives';

/** Refuses changes after the deadline (server clock) and outside an open call. */
export function assertEditableWindow(proposal: ProposalForViewer, now: Date): void {
  if (proposal.call_closes_at && now.getTime() >= proposal.call_closes_at.getTime())
    throw new AppError('PROPOSAL_DEADLINE_PASSED');
  if (
    proposal.call_status !== 'open' ||
    !proposal.call_opens_at ||
    now.getTime() < proposal.call_opens_at.getTime()
  )
    throw new AppError('CALL_NOT_OPEN');
}

export function assertMayEdit(proposal: ProposalForViewer): void {
  if (proposal.my_access !== 'owner' && proposal.my_access !== 'edit')
    throw new AppError('PROPOSAL_READ_ONLY');
}

/**
 * Consortium entries → organisation ids for enterprise numbers the platform knows. An unknown
 * number stays inside the draft (its row holds the number, name and helix category the applicant
 * gave, no organisation): nobody else learns of the partner before the proposal is submitted,
 * when `createDraftPartners` creates or links the organisation.
 */
async function resolveConsortium(tx: Transaction<DB>, content: ProposalContent) {
  const problems: ErrorDetail[] = [];
  const numbers = content.consortium.map((m, i) => {
    const parsed = parseEnterpriseNumber(m.enterpriseNumber);
    if (!parsed.ok)
      problems.push(
        detail(
          `consortium.${i}.enterpriseNumber`,
          parsed.reason,
          `Ongeldig ondernemingsnummer: ${m.enterpriseNumber}.`,
          `Invalid enterprise number: ${m.enterpriseNumber}.`,
        ),
      );
    return parsed.ok ? parsed.value : null;
  });
  if (problems.length > 0) throw new AppError('INVALID_ENTERPRISE_NUMBER', { details: problems });
  const canonical = numbers as string[];
  canonical.forEach((n, i) => {
    if (canonical.indexOf(n) !== i)
      problems.push(
        detail(
          `consortium.${i}.enterpriseNumber`,
          'duplicate',
          'Deze organisatie staat al in het consortium.',
          'This organisation is already in the consortium.',
        ),
      );
  });
  if (content.consortium.filter((m) => m.role === 'lead').length > 1)
    problems.push(
      detail('consortium', 'lead', 'Er is maar één hoofdaanvrager.', 'There is only one lead applicant.'),
    );
  const existing =
    canonical.length > 0
      ? await tx
          .selectFrom('organisations')
          .select(['id', 'enterprise_number'])
          .where('enterprise_number', 'in', canonical)
          .execute()
      : [];
  const idByNumber = new Map(existing.map((o) => [o.enterprise_number as string, o.id]));
  content.consortium.forEach((m, i) => {
    if (!idByNumber.has(canonical[i]) && (!m.name || !m.helix)) {
      problems.push(
        detail(
          `consortium.${i}.name`,
          'unknown_organisation',
          'Onbekende organisatie: geef naam en helixcategorie.',
          'Unknown organisation: give its name and helix category.',
        ),
      );
    }
  });
  if (problems.length > 0) throw new AppError('CONSORTIUM_INVALID', { details: problems });
  return { canonical, idByNumber };
}

function assertBudgetLinesAddUp(content: ProposalContent, canonical: string[]): (string | null)[] {
  const problems: ErrorDetail[] = [];
  const lineNumbers = content.budgetLines.map((line, i) => {
    if (line.costCents !== line.requestedAidCents + line.ownContributionCents) {
      problems.push(
        detail(
          `budgetLines.${i}`,
          'sum',
          'Kost moet gelijk zijn aan gevraagde steun + eigen bijdrage.',
          'Cost must equal requested aid + own contribution.',
        ),
      );
    }
    if (!line.enterpriseNumber) return null;
    const parsed = parseEnterpriseNumber(line.enterpriseNumber);
    if (!parsed.ok || !canonical.includes(parsed.value)) {
      problems.push(
        detail(
          `budgetLines.${i}.enterpriseNumber`,
          'member',
          'De lijn hoort niet bij een partner van het consortium.',
          'The line belongs to no consortium partner.',
        ),
      );
      return null;
    }
    return parsed.value;
  });
  if (problems.length > 0) throw new AppError('BUDGET_DOES_NOT_ADD_UP', { details: problems });
  return lineNumbers;
}

export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/**
 * Autosave of the working copy with an optimistic version check: the save carries the
 * `draftVersion` it was based on; if someone saved in between (another tab, a co-applicant)
 * it is refused with PROPOSAL_VERSION_CONFLICT and nothing is overwritten.
 */
export async function saveProposalDraft(
  ctx: StepContext,
  proposalId: string,
  input: ProposalContent & { draftVersion: number },
) {
  const actor = actorOf(ctx);
  return ctx.db.transaction().execute(async (tx) => {
    const proposal = await findProposalForViewer(tx, actor, proposalId);
    if (!proposal) throw new AppError('NOT_FOUND');
    assertMayEdit(proposal);
    if (proposal.status !== 'draft' && proposal.status !== 'submitted')
      throw new AppError('PROPOSAL_STATUS_INVALID');
    assertEditableWindow(proposal, ctx.now());
    const locked = await tx
      .selectFrom('proposals')
      .select('draft_version')
      .where('id', '=', proposalId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (locked.draft_version !== input.draftVersion) {
      throw new AppError('PROPOSAL_VERSION_CONFLICT', {
        context: { currentVersion: locked.draft_version, yourVersion: input.draftVersion },
      });
    }
    const { canonical, idByNumber } = await resolveConsortium(tx, input);
    const lineNumbers = assertBudgetLinesAddUp(input, canonical);

    const requiredKpis = await tx
      .selectFrom('call_required_kpis')
      .select('id')
      .where('call_id', '=', proposal.call_id)
      .execute();
    const validIds: ErrorDetail[] = [];
    input.kpis.forEach((k, i) => {
      if (k.requiredKpiId && !requiredKpis.some((r) => r.id === k.requiredKpiId))
        validIds.push(
          detail(
            `kpis.${i}.requiredKpiId`,
            'unknown',
            'Geen verplichte KPI van deze oproep.',
            'Not a required KPI of this call.',
          ),
        );
    });
    const themeIds = [...new Set(input.themeIds)];
    const clusterIds = [...new Set(input.clusterIds)];
    if (
      themeIds.length > 0 &&
      (await tx.selectFrom('themes').select('id').where('id', 'in', themeIds).execute()).length !==
        themeIds.length
    )
      validIds.push(detail('themeIds', 'unknown', 'Onbekend thema.', 'Unknown theme.'));
    if (
      clusterIds.length > 0 &&
      (await tx.selectFrom('clusters').select('id').where('id', 'in', clusterIds).execute()).length !==
        clusterIds.length
    )
      validIds.push(detail('clusterIds', 'unknown', 'Onbekende cluster.', 'Unknown cluster.'));
    if (validIds.length > 0) throw new AppError('VALIDATION_FAILED', { details: validIds });

    const now = ctx.now();
    const version = locked.draft_version + 1;
    await tx
      .updateTable('proposals')
      .set({
        title: input.title,
        summary: input.summary,
        answers: JSON.stringify(input.answers),
        requires_new_legal_entity: input.requiresNewLegalEntity,
        draft_version: version,
        updated_at: now,
      })
      .where('id', '=', proposalId)
      .execute();
    for (const table of [
      'proposal_themes',
      'proposal_clusters',
      'proposal_consortium_members',
      'proposal_budget_lines',
      'proposal_kpis',
    ] as const) {
      await tx.deleteFrom(table).where('proposal_id', '=', proposalId).execute();
    }
    if (themeIds.length > 0)
      await tx
        .insertInto('proposal_themes')
        .values(themeIds.map((theme_id) => ({ proposal_id: proposalId, theme_id })))
        .execute();
    if (clusterIds.length > 0)
      await tx
        .insertInto('proposal_clusters')
        .values(clusterIds.map((cluster_id) => ({ proposal_id: proposalId, cluster_id })))
        .execute();
    if (input.consortium.length > 0) {
      await tx
        .insertInto('proposal_consortium_members')
        .values(
          input.consortium.map((m, position) => {
            const organisationId = idByNumber.get(canonical[position]);
            return {
              proposal_id: proposalId,
              organisation_id: organisationId ?? null,
              pending_enterprise_number: organisationId ? null : canonical[position],
              pending_name: organisationId ? null : m.name,
              pending_helix: organisationId ? null : m.helix,
              pending_size_class: organisationId ? null : (m.sizeClass ?? 'unknown'),
              position,
              role: m.role,
              budget_share_cents: m.budgetShareCents,
            };
          }),
        )
        .execute();
    }
    if (input.budgetLines.length > 0) {
      await tx
        .insertInto('proposal_budget_lines')
        .values(
          input.budgetLines.map((l, position) => {
            const number = lineNumbers[position];
            const organisationId = number ? idByNumber.get(number) : undefined;
            return {
              proposal_id: proposalId,
              organisation_id: organisationId ?? null,
              pending_enterprise_number: number && !organisationId ? number : null,
              position,
              category: l.category,
              description: l.description,
              cost_cents: l.costCents,
              requested_aid_cents: l.requestedAidCents,
              own_contribution_cents: l.ownContributionCents,
            };
          }),
        )
        .execute();
    }
    if (input.kpis.length > 0) {
      await tx
        .insertInto('proposal_kpis')
        .values(
          input.kpis.map((k, position) => ({
            proposal_id: proposalId,
            required_kpi_id: k.requiredKpiId,
            position,
            kpi_code: k.kpiCode,
            name: k.name,
            unit: k.unit,
            direction: k.direction,
            baseline_value: k.baselineValue,
            baseline_date: k.baselineDate,
            target_value: k.targetValue,
            target_period: k.targetPeriod,
          })),
        )
        .execute();
    }
    // The applicant's mandates confirm them as representative of the partners they hold one for.
    await confirmRepresentatives(tx, ctx, actor, proposalId);
    // Sealed content (even its size) stays out of the audit trail: the row proves what changed by its hash.
    const { draftVersion: _ignored, ...content } = input;
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'proposal.draft_saved',
        entityType: 'proposal',
        entityId: proposalId,
        before: { draftVersion: locked.draft_version },
        after: {
          draftVersion: version,
          contentSha256: contentHash(content),
        },
      },
      ctx.requestId,
    );
    return { draftVersion: version };
  });
}
