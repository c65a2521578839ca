import type { BudgetRule } from '../../../shared/selection-wording';
import type { ColumnType, Generated } from 'kysely';
import type { CalendarDate, Helix, Instant, InstantDefault, Json } from '../../db/core.tables';
import type { SizeClass } from '../../db/shared.tables';

/** Nullable instants: written as Date or ISO string, read as Date. */
type MaybeInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** `numeric` columns arrive as strings from pg; write numbers or strings. */
type Numeric = ColumnType<string, number | string, number | string>;
type MaybeNumeric = ColumnType<string | null, number | string | null | undefined, number | string | null>;
type JsonDefault = ColumnType<unknown, string | undefined, string>;

export type CallKind =
  'new_strategic_theme' | 'business_network' | 'cluster_project' | 'inter_cluster_project';

/** draft → open → closed → in_evaluation → decided (see docs/calls.md). */
export type CallStatus = 'draft' | 'open' | 'closed' | 'in_evaluation' | 'decided';

/**
 * draft → submitted → eligible | ineligible; eligible → under_review → ranked → funded | reserve | rejected;
 * withdrawn from draft or submitted. The review module owns the moves after `eligible`.
 */
export type ProposalStatus =
  | 'draft'
  | 'submitted'
  | 'eligible'
  | 'ineligible'
  | 'under_review'
  | 'ranked'
  | 'funded'
  | 'reserve'
  | 'rejected'
  | 'withdrawn';

export type TieBreakKind = 'criterion_score' | 'sme_budget_share' | 'requested_aid' | 'submitted_at';
export type EligibilityRuleKind =
  | 'min_companies'
  | 'min_smes'
  | 'min_helix_categories'
  | 'max_requested_aid'
  | 'max_aid_share'
  | 'min_clusters'
  | 'required_kpis_proposed'
  | 'no_new_legal_entity'
  | 'themes_within_call';
export type KpiDirection = 'higher_is_better' | 'lower_is_better';
export type QuestionKind = 'short_text' | 'long_text' | 'number' | 'yes_no' | 'choice';
export type ConsortiumRole = 'lead' | 'partner' | 'associated';
export type BudgetCategory =
  'personnel' | 'equipment' | 'subcontracting' | 'operating' | 'overhead' | 'other';
export type CollaboratorAccess = 'owner' | 'edit' | 'view';
export type RuleOutcome = 'passed' | 'failed';

export interface CallsTable {
  id: Generated<string>;
  code: string;
  kind: CallKind;
  status: Generated<CallStatus>;
  title_nl: string;
  title_en: string | null;
  summary_nl: Generated<string>;
  summary_en: string | null;
  description_nl: Generated<string>;
  description_en: string | null;
  budget_envelope_cents: Generated<number>;
  opens_at: MaybeInstant;
  closes_at: MaybeInstant;
  evaluation_starts_at: MaybeInstant;
  decision_at: MaybeInstant;
  /** Minimum weighted total (same scale as the weighted criteria sum); null = none. */
  overall_threshold: MaybeNumeric;
  /** How the budget is spent down the ranking (see ranking/rank-proposals.ts). */
  budget_rule: Generated<BudgetRule>;
  reviews_per_proposal: Generated<number>;
  max_attachment_bytes: Generated<number>;
  published_at: MaybeInstant;
  amendment_count: Generated<number>;
  created_by: string | null;
  is_example: Generated<boolean>;
  created_at: InstantDefault;
  updated_at: InstantDefault;
}

export interface CallThemesTable {
  call_id: string;
  theme_id: string;
}

export interface CallCriteriaTable {
  id: Generated<string>;
  call_id: string;
  position: number;
  code: string;
  name_nl: string;
  name_en: string | null;
  description_nl: Generated<string>;
  description_en: string | null;
  scale_min: ColumnType<string, number | string | undefined, number | string>;
  scale_max: Numeric;
  allows_half_points: Generated<boolean>;
  weight: Numeric;
  threshold: MaybeNumeric;
}

export interface CallTieBreakRulesTable {
  id: Generated<string>;
  call_id: string;
  position: number;
  kind: TieBreakKind;
  criterion_id: string | null;
  direction: 'desc' | 'asc';
  explanation_nl: Generated<string>;
  explanation_en: string | null;
}

export interface CallEligibilityRulesTable {
  id: Generated<string>;
  call_id: string;
  position: number;
  kind: EligibilityRuleKind;
  /** Count, cents (max_requested_aid) or percentage (max_aid_share); null for yes/no rules. */
  parameter: MaybeNumeric;
  explanation_nl: Generated<string>;
  explanation_en: string | null;
}

export interface CallRequiredKpisTable {
  id: Generated<string>;
  call_id: string;
  position: number;
  /** Code of a KPI definition (the KPI module owns `kpi_definitions`); free text until linked. */
  kpi_code: string | null;
  name_nl: string;
  name_en: string | null;
  unit: string;
  direction: KpiDirection;
}

export interface CallQuestionsTable {
  id: Generated<string>;
  call_id: string;
  position: number;
  code: string;
  kind: QuestionKind;
  label_nl: string;
  label_en: string | null;
  help_nl: Generated<string>;
  help_en: string | null;
  is_required: Generated<boolean>;
  max_words: number | null;
  max_chars: number | null;
  options: JsonDefault;
  /** Shown (and required) only when the answer to that question equals `condition_value`. */
  condition_question_code: string | null;
  condition_value: string | null;
}

export interface CallAmendmentsTable {
  id: Generated<string>;
  call_id: string;
  number: number;
  motivation: string;
  before: Json;
  after: Json;
  amended_by: string | null;
  amended_at: InstantDefault;
}

export interface ProposalsTable {
  id: Generated<string>;
  call_id: string;
  reference: string;
  status: Generated<ProposalStatus>;
  title: string;
  summary: Generated<string>;
  answers: JsonDefault;
  requires_new_legal_entity: Generated<boolean>;
  owner_user_id: string;
  /** Optimistic-lock counter of the editable draft; every save bumps it. */
  draft_version: Generated<number>;
  /** Number of the latest submitted version (proposal_versions.version_number). */
  submitted_version: number | null;
  submitted_at: MaybeInstant;
  withdrawn_at: MaybeInstant;
  eligibility_motivation: string | null;
  eligibility_decided_by: string | null;
  eligibility_decided_at: MaybeInstant;
  status_changed_at: InstantDefault;
  is_example: Generated<boolean>;
  created_at: InstantDefault;
  updated_at: InstantDefault;
}

export interface ProposalThemesTable {
  proposal_id: string;
  theme_id: string;
}

export interface ProposalClustersTable {
  proposal_id: string;
  cluster_id: string;
}

export interface ProposalVersionsTable {
  id: Generated<string>;
  proposal_id: string;
  version_number: number;
  snapshot: Json;
  content_sha256: string;
  submitted_by: string | null;
  submitted_at: Instant;
}

export interface ProposalConsortiumMembersTable {
  id: Generated<string>;
  proposal_id: string;
  /** Null for a partner the platform does not know yet: the pending_* columns hold it until submission. */
  organisation_id: string | null;
  position: number;
  role: ConsortiumRole;
  budget_share_cents: Generated<number>;
  pending_enterprise_number: string | null;
  pending_name: string | null;
  pending_helix: Helix | null;
  pending_size_class: SizeClass | null;
}

export interface ProposalBudgetLinesTable {
  id: Generated<string>;
  proposal_id: string;
  organisation_id: string | null;
  /** The enterprise number of a partner not known yet (organisation_id is then null). */
  pending_enterprise_number: string | null;
  position: number;
  category: BudgetCategory;
  description: Generated<string>;
  cost_cents: number;
  requested_aid_cents: number;
  own_contribution_cents: number;
}

export interface ProposalKpisTable {
  id: Generated<string>;
  proposal_id: string;
  required_kpi_id: string | null;
  position: number;
  kpi_code: string | null;
  name: string;
  unit: string;
  direction: KpiDirection;
  baseline_value: Numeric;
  baseline_date: CalendarDate | null;
  target_value: Numeric;
  target_period: string;
}

export interface ProposalAttachmentsTable {
  id: Generated<string>;
  proposal_id: string;
  stored_file_id: string;
  kind: Generated<'annex' | 'budget' | 'letter_of_support' | 'other'>;
  uploaded_by: string | null;
  created_at: InstantDefault;
}

export interface ProposalEligibilityResultsTable {
  id: Generated<string>;
  proposal_id: string;
  rule_id: string;
  version_number: number;
  auto_outcome: RuleOutcome;
  observed: Generated<string>;
  explanation_nl: string;
  explanation_en: string;
  evaluated_at: Instant;
  officer_outcome: RuleOutcome | null;
  officer_motivation: string | null;
  reviewed_by: string | null;
  reviewed_at: MaybeInstant;
}

export interface ProposalClarificationsTable {
  id: Generated<string>;
  proposal_id: string;
  question: string;
  asked_by: string | null;
  asked_at: Instant;
  due_at: Instant;
  answer: string | null;
  answered_by: string | null;
  answered_at: MaybeInstant;
}

export interface ProposalCollaboratorsTable {
  proposal_id: string;
  user_id: string;
  access: CollaboratorAccess;
  added_by: string | null;
  created_at: InstantDefault;
}

export interface ProposalBreakGlassTable {
  id: Generated<string>;
  proposal_id: string;
  user_id: string;
  motivation: string;
  opened_at: Instant;
  expires_at: Instant;
}

export interface CallsTables {
  calls: CallsTable;
  call_themes: CallThemesTable;
  call_criteria: CallCriteriaTable;
  call_tie_break_rules: CallTieBreakRulesTable;
  call_eligibility_rules: CallEligibilityRulesTable;
  call_required_kpis: CallRequiredKpisTable;
  call_questions: CallQuestionsTable;
  call_amendments: CallAmendmentsTable;
  proposals: ProposalsTable;
  proposal_themes: ProposalThemesTable;
  proposal_clusters: ProposalClustersTable;
  proposal_versions: ProposalVersionsTable;
  proposal_consortium_members: ProposalConsortiumMembersTable;
  proposal_budget_lines: ProposalBudgetLinesTable;
  proposal_kpis: ProposalKpisTable;
  proposal_attachments: ProposalAttachmentsTable;
  proposal_eligibility_results: ProposalEligibilityResultsTable;
  proposal_clarifications: ProposalClarificationsTable;
  proposal_collaborators: ProposalCollaboratorsTable;
  proposal_break_glass: ProposalBreakGlassTable;
}
