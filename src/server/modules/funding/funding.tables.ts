import type { Generated } from 'kysely';
import type { CalendarDate, InstantDefault } from '../../db/core.tables';

export type FundingPurpose = 'base_operations' | 'cluster_projects' | 'inter_cluster_projects' | 'call';
export type AidRegime = 'de_minimis' | 'block_exemption' | 'other';
export type Tranche = 'advance' | 'interim' | 'balance';
export type ReportKind = 'progress' | 'final' | 'costs';
export type DecisionStatus = 'submitted' | 'accepted' | 'returned';
export type MilestoneStatus = 'open' | 'reported' | 'accepted' | 'returned';

/** Money is bigint cents (a JS number, exact to 2^53); ratios are numeric, read as strings. */
export interface FundingLinesTable {
  id: Generated<string>;
  code: string;
  name: string;
  purpose: FundingPurpose;
  call_id: string | null;
  period_start: CalendarDate;
  period_end: CalendarDate;
  amount_cents: number;
  is_ring_fenced: Generated<boolean>;
  own_contribution_ratio: Generated<string>;
  is_example: Generated<boolean>;
  created_by: string | null;
  created_at: InstantDefault;
  updated_at: InstantDefault;
}

export interface FundingLineClustersTable {
  line_id: string;
  cluster_id: string;
}

export interface FundingReallocationsTable {
  id: Generated<string>;
  from_line_id: string;
  to_line_id: string;
  amount_cents: number;
  motivation: string;
  decided_by: string | null;
  decided_at: InstantDefault;
}

export interface BaseOperationGrantsTable {
  id: Generated<string>;
  cluster_id: string;
  year: number;
  line_id: string;
  subsidy_cents: number;
  own_contribution_ratio: string;
  is_example: Generated<boolean>;
  created_at: InstantDefault;
}

export interface ProjectMilestonesTable {
  id: Generated<string>;
  project_id: string;
  title: string;
  due_on: CalendarDate;
  status: Generated<MilestoneStatus>;
  reported_at: Date | string | null;
  decided_by: string | null;
  decided_at: Date | string | null;
  decision_comment: Generated<string>;
  created_at: InstantDefault;
}

export interface ProjectDeliverablesTable {
  id: Generated<string>;
  project_id: string;
  milestone_id: string | null;
  title: string;
  due_on: CalendarDate;
  status: Generated<'planned' | 'delivered' | 'accepted'>;
  delivered_at: Date | string | null;
  created_at: InstantDefault;
}

export interface FundingReportsTable {
  id: Generated<string>;
  project_id: string | null;
  base_operation_id: string | null;
  kind: ReportKind;
  title: string;
  summary: Generated<string>;
  reported_costs_cents: number | null;
  reported_own_contribution_cents: number | null;
  status: Generated<DecisionStatus>;
  submitted_by: string | null;
  submitted_at: InstantDefault;
  decided_by: string | null;
  decided_at: Date | string | null;
  decision_comment: Generated<string>;
}

export interface FundingCommitmentsTable {
  id: Generated<string>;
  line_id: string;
  project_id: string | null;
  base_operation_id: string | null;
  amount_cents: number;
  cofunding_cents: Generated<number>;
  decided_on: CalendarDate;
  motivation: Generated<string>;
  de_minimis_override: string | null;
  decided_by: string | null;
  is_example: Generated<boolean>;
  created_at: InstantDefault;
}

export interface FundingPaymentsTable {
  id: Generated<string>;
  commitment_id: string;
  line_id: string;
  tranche: Tranche;
  amount_cents: number;
  milestone_id: string | null;
  report_id: string | null;
  planned_on: CalendarDate;
  status: Generated<'planned' | 'released'>;
  released_at: Date | string | null;
  released_by: string | null;
  created_at: InstantDefault;
}

export interface StateAidAwardsTable {
  id: Generated<string>;
  organisation_id: string;
  regime: AidRegime;
  legal_basis: Generated<string>;
  amount_cents: number;
  granted_on: CalendarDate;
  granted_by_authority: Generated<string>;
  description: Generated<string>;
  project_id: string | null;
  commitment_id: string | null;
  override_motivation: string | null;
  recorded_by: string | null;
  is_example: Generated<boolean>;
  created_at: InstantDefault;
}

export interface FundingTables {
  funding_lines: FundingLinesTable;
  funding_line_clusters: FundingLineClustersTable;
  funding_reallocations: FundingReallocationsTable;
  base_operation_grants: BaseOperationGrantsTable;
  project_milestones: ProjectMilestonesTable;
  project_deliverables: ProjectDeliverablesTable;
  funding_reports: FundingReportsTable;
  funding_commitments: FundingCommitmentsTable;
  funding_payments: FundingPaymentsTable;
  state_aid_awards: StateAidAwardsTable;
}
