import { multiplyCents } from './funding-rules';
import type {
  BaseOperationRow,
  CommitmentRow,
  LineRow,
  LineTotals,
  PaymentRow,
  ProjectRow,
} from './funding.repository';

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null);

export function presentLine(row: LineRow, totals: LineTotals | undefined) {
  const t = totals ?? {
    budgetCents: Number(row.amount_cents),
    committedCents: 0,
    plannedCents: 0,
    paidCents: 0,
    reallocatedInCents: 0,
    reallocatedOutCents: 0,
    interClusterCommittedCents: 0,
    cofundingCents: 0,
  };
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    purpose: row.purpose,
    callId: row.call_id,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    amountCents: Number(row.amount_cents),
    isRingFenced: row.is_ring_fenced,
    ownContributionRatio: String(Number(row.own_contribution_ratio)),
    clusterIds: row.clusterIds,
    isExample: row.is_example,
    budgetCents: t.budgetCents,
    committedCents: t.committedCents,
    plannedCents: t.plannedCents,
    paidCents: t.paidCents,
    remainingCents: t.budgetCents - t.committedCents,
    reallocatedInCents: t.reallocatedInCents,
    reallocatedOutCents: t.reallocatedOutCents,
  };
}

export function presentCommitment(row: CommitmentRow) {
  return {
    id: row.id,
    lineId: row.line_id,
    lineCode: row.line_code,
    projectId: row.project_id,
    projectCode: row.project_code,
    baseOperationId: row.base_operation_id,
    baseOperationLabel: row.cluster_label,
    amountCents: Number(row.amount_cents),
    cofundingCents: Number(row.cofunding_cents),
    decidedOn: row.decided_on,
    motivation: row.motivation,
    deMinimisOverride: row.de_minimis_override,
    plannedCents: Number(row.plannedCents),
    paidCents: Number(row.paidCents),
  };
}

export function presentPayment(row: PaymentRow) {
  const condition = row.milestone_id
    ? {
        kind: 'milestone' as const,
        id: row.milestone_id,
        title: row.milestone_title,
        status: row.milestone_status,
      }
    : row.report_id
      ? { kind: 'report' as const, id: row.report_id, title: row.report_title, status: row.report_status }
      : { kind: 'none' as const, id: null, title: null, status: null };
  return {
    id: row.id,
    commitmentId: row.commitment_id,
    lineId: row.line_id,
    lineCode: row.line_code,
    projectId: row.project_id,
    projectCode: row.project_code,
    baseOperationId: row.base_operation_id,
    tranche: row.tranche,
    amountCents: Number(row.amount_cents),
    condition,
    plannedOn: row.planned_on,
    status: row.status,
    releasedAt: iso(row.released_at),
    isReleasable: row.status === 'planned' && (condition.kind === 'none' || condition.status === 'accepted'),
  };
}

export function presentBaseOperation(row: BaseOperationRow) {
  const required = multiplyCents(Number(row.subsidy_cents), row.own_contribution_ratio);
  const own = row.reportedOwnContributionCents === null ? null : Number(row.reportedOwnContributionCents);
  return {
    id: row.id,
    clusterId: row.cluster_id,
    clusterName: row.cluster_name,
    year: row.year,
    lineId: row.line_id,
    lineCode: row.line_code,
    subsidyCents: Number(row.subsidy_cents),
    ownContributionRatio: String(Number(row.own_contribution_ratio)),
    requiredOwnContributionCents: required,
    reportedCostsCents: row.reportedCostsCents === null ? null : Number(row.reportedCostsCents),
    reportedOwnContributionCents: own,
    meetsOwnContribution: own === null ? null : own >= required,
    paidCents: Number(row.paidCents),
    commitmentId: row.commitment_id,
  };
}

export function presentProjectSummary(row: ProjectRow) {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    kind: row.kind,
    status: row.status,
    leadClusterId: row.lead_cluster_id,
    clusterIds: row.clusterIds,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    totalBudgetCents: Number(row.total_budget_cents),
    aidCents: Number(row.aid_cents),
    committedCents: Number(row.committedCents),
    paidCents: Number(row.paidCents),
    aidRegime: row.aid_regime,
    aidLegalBasis: row.aid_legal_basis,
    callId: row.call_id,
    sourceProposalId: row.source_proposal_id,
    isBottomUp: row.is_bottom_up,
    isExample: row.is_example,
  };
}

export function presentReport(row: {
  id: string;
  kind: string;
  title: string;
  summary: string;
  reported_costs_cents: number | null;
  reported_own_contribution_cents: number | null;
  submitted_at: Date | string;
  status: string;
  decided_at: Date | string | null;
  decision_comment: string;
}) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    reportedCostsCents: row.reported_costs_cents === null ? null : Number(row.reported_costs_cents),
    reportedOwnContributionCents:
      row.reported_own_contribution_cents === null ? null : Number(row.reported_own_contribution_cents),
    submittedAt: iso(row.submitted_at) ?? '',
    status: row.status,
    decidedAt: iso(row.decided_at),
    decisionComment: row.decision_comment,
  };
}

export function presentMilestone(row: {
  id: string;
  title: string;
  due_on: string;
  reported_at: Date | string | null;
  status: string;
  decided_at: Date | string | null;
  decision_comment: string;
}) {
  return {
    id: row.id,
    title: row.title,
    dueOn: row.due_on,
    reportedAt: iso(row.reported_at),
    status: row.status,
    decidedAt: iso(row.decided_at),
    decisionComment: row.decision_comment,
  };
}

export interface AidAwardRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  enterprise_number: string | null;
  regime: 'de_minimis' | 'block_exemption' | 'other';
  legal_basis: string;
  amount_cents: number;
  granted_on: string;
  granted_by_authority: string;
  description: string;
  project_id: string | null;
  project_code: string | null;
  override_motivation: string | null;
}

export function presentAidAward(row: AidAwardRow) {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    enterpriseNumber: row.enterprise_number,
    regime: row.regime,
    legalBasis: row.legal_basis,
    amountCents: Number(row.amount_cents),
    grantedOn: row.granted_on,
    grantedByAuthority: row.granted_by_authority,
    description: row.description,
    projectId: row.project_id,
    projectCode: row.project_code,
    overrideMotivation: row.override_motivation,
  };
}
