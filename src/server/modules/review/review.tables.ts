import type { ColumnType, Generated } from 'kysely';
import type { CalendarDate, Instant, InstantDefault, Json } from '../../db/core.tables';

type NullableInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** numeric columns arrive as strings (exact); written as number or string. */
type Numeric = ColumnType<string, number | string, number | string>;
type NumericDefault = ColumnType<string, number | string | undefined, number | string>;
type NullableNumeric = ColumnType<string | null, number | string | null | undefined, number | string | null>;
/** bigint cents arrive as JS numbers (int8 parser). */
type NullableCents = ColumnType<number | null, number | bigint | null | undefined, number | bigint | null>;

export interface ExpertProfilesTable {
  user_id: string;
  headline: Generated<string>;
  bio: Generated<string>;
  keywords: ColumnType<string[], string[] | undefined, string[]>;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  max_load: Generated<number>;
  min_load: Generated<number>;
  is_available: Generated<boolean>;
  is_example: Generated<boolean>;
  updated_at: InstantDefault;
}

export interface ExpertThemesTable {
  user_id: string;
  theme_id: string;
}

export interface ExpertAffiliationsTable {
  id: Generated<string>;
  user_id: string;
  organisation_id: string;
  role: Generated<string>;
  valid_from: CalendarDate | null;
  valid_to: CalendarDate | null;
  created_at: InstantDefault;
}

export type CallExpertStatus = 'invited' | 'accepted' | 'declined';

export interface CallExpertsTable {
  call_id: string;
  user_id: string;
  status: Generated<CallExpertStatus>;
  max_load: number | null;
  invited_by: string | null;
  invited_at: InstantDefault;
  declaration_accepted_at: NullableInstant;
  declaration_version: string | null;
}

export type ConflictSource = 'declared' | 'derived' | 'officer';

export interface ReviewConflictsTable {
  id: Generated<string>;
  call_id: string;
  proposal_id: string;
  expert_user_id: string;
  source: ConflictSource;
  reason: string;
  organisation_id: string | null;
  created_by: string | null;
  created_at: InstantDefault;
  lifted_at: NullableInstant;
  lifted_by: string | null;
  lift_motivation: string | null;
}

export interface ReviewAssignmentsTable {
  id: Generated<string>;
  call_id: string;
  proposal_id: string;
  expert_user_id: string;
  origin: 'solver' | 'manual';
  is_forced: Generated<boolean>;
  is_rapporteur: Generated<boolean>;
  affinity: NumericDefault;
  created_by: string | null;
  created_at: InstantDefault;
}

export interface ReviewsTable {
  id: Generated<string>;
  assignment_id: string;
  proposal_id: string;
  expert_user_id: string;
  status: Generated<'draft' | 'submitted'>;
  overall_comment: Generated<string>;
  version: Generated<number>;
  submitted_at: NullableInstant;
  created_at: InstantDefault;
  updated_at: InstantDefault;
}

export interface ReviewScoresTable {
  review_id: string;
  criterion_id: string;
  score: NullableNumeric;
  justification: Generated<string>;
}

export interface ConsensusReportsTable {
  proposal_id: string;
  rapporteur_user_id: string | null;
  status: Generated<'draft' | 'agreed'>;
  minority_view: Generated<string>;
  agreed_at: NullableInstant;
  agreed_by: string | null;
  updated_at: InstantDefault;
}

export interface ConsensusScoresTable {
  proposal_id: string;
  criterion_id: string;
  score: Numeric;
  comment: Generated<string>;
}

export type DecisionOutcome = 'funded' | 'reserve' | 'rejected';

export interface ReviewDecisionsTable {
  proposal_id: string;
  call_id: string;
  outcome: DecisionOutcome;
  amount_cents: NullableCents;
  conditions: Generated<string>;
  motivation: string;
  basis: Json;
  objection_deadline: Instant;
  decided_by: string | null;
  decided_at: InstantDefault;
  network_cluster_id: string | null;
}

export interface ReviewObjectionsTable {
  id: Generated<string>;
  proposal_id: string;
  filed_by: string;
  filed_at: InstantDefault;
  grounds: string;
  status: Generated<'open' | 'upheld' | 'dismissed'>;
  outcome_motivation: string | null;
  handled_by: string | null;
  handled_at: NullableInstant;
}

export interface CallReviewSettingsTable {
  call_id: string;
  review_deadline: NullableInstant;
  show_reviewer_identities: Generated<boolean>;
  /** Days to object after a decision; null: the platform's `review.objection_days`. */
  objection_days: number | null;
  updated_by: string | null;
  updated_at: InstantDefault;
}

export interface ReviewTables {
  call_review_settings: CallReviewSettingsTable;
  expert_profiles: ExpertProfilesTable;
  expert_themes: ExpertThemesTable;
  expert_affiliations: ExpertAffiliationsTable;
  call_experts: CallExpertsTable;
  review_conflicts: ReviewConflictsTable;
  review_assignments: ReviewAssignmentsTable;
  reviews: ReviewsTable;
  review_scores: ReviewScoresTable;
  consensus_reports: ConsensusReportsTable;
  consensus_scores: ConsensusScoresTable;
  review_decisions: ReviewDecisionsTable;
  review_objections: ReviewObjectionsTable;
}
