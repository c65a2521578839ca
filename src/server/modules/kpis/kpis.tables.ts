import type { ColumnType, Generated } from 'kysely';
import type { CalendarDate, InstantDefault, Json } from '../../db/core.tables';

/** `numeric` columns: written as number or string, read as string (exact); presenters turn them into numbers. */
export type Numeric = ColumnType<string, number | string, number | string>;
export type NullableNumeric = ColumnType<string | null, number | string | null, number | string | null>;
type NullableInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type KpiUnit = 'count' | 'percent' | 'ratio' | 'euro' | 'number' | 'tonnes' | 'days' | 'score';
export type KpiDirection = 'higher' | 'lower';
export type KpiAggregation = 'sum' | 'average' | 'last';
export type KpiLens = 'economic' | 'transition' | 'both';
export type KpiSource = 'computed' | 'reported' | 'formula';
export type KpiApprovalStatus = 'proposed' | 'approved' | 'rejected';
export type MeasurementStatus = 'reported' | 'validated' | 'returned' | 'computed';
export type PeriodStatus = 'planned' | 'open' | 'closed';
export type DiffusionKind = 'event' | 'workshop' | 'training' | 'publication' | 'demonstrator';

export interface KpiDefinitionsTable {
  id: Generated<string>;
  code: string;
  name_nl: string;
  name_en: string;
  definition_nl: Generated<string>;
  definition_en: Generated<string>;
  unit: KpiUnit;
  direction: KpiDirection;
  aggregation: KpiAggregation;
  lens: KpiLens;
  evidence_required: Generated<boolean>;
  source: KpiSource;
  numerator_code: string | null;
  denominator_code: string | null;
  factor: ColumnType<string, number | string | undefined, number | string>;
  computed_key: string | null;
  cluster_id: string | null;
  approval_status: Generated<KpiApprovalStatus>;
  proposed_by: string | null;
  decided_by: string | null;
  decided_at: NullableInstant;
  decision_comment: string | null;
  is_active: Generated<boolean>;
  sort_order: Generated<number>;
  created_at: InstantDefault;
  updated_at: InstantDefault;
}

export interface ReportingPeriodsTable {
  id: Generated<string>;
  code: string;
  label: string;
  starts_on: CalendarDate;
  ends_on: CalendarDate;
  status: Generated<PeriodStatus>;
  closed_at: NullableInstant;
  closed_by: string | null;
  created_at: InstantDefault;
}

export interface KpiTargetsTable {
  id: Generated<string>;
  definition_id: string;
  cluster_id: string | null;
  project_id: string | null;
  baseline_value: NullableNumeric;
  baseline_date: CalendarDate | null;
  end_target_value: NullableNumeric;
  end_target_date: CalendarDate | null;
  version: Generated<number>;
  created_at: InstantDefault;
  updated_at: InstantDefault;
}

export interface KpiTargetPeriodsTable {
  target_id: string;
  period_id: string;
  target_value: Numeric;
}

export interface KpiTargetHistoryTable {
  id: Generated<string>;
  target_id: string;
  version: number;
  is_amendment: Generated<boolean>;
  motivation: string | null;
  before: Json | null;
  after: Json;
  changed_by: string | null;
  changed_at: InstantDefault;
}

export interface KpiMeasurementsTable {
  id: Generated<string>;
  definition_id: string;
  cluster_id: string | null;
  project_id: string | null;
  period_id: string;
  value: NullableNumeric;
  not_computable_reason: string | null;
  status: MeasurementStatus;
  comment: Generated<string>;
  review_comment: string | null;
  reported_by: string | null;
  reported_at: NullableInstant;
  reviewed_by: string | null;
  reviewed_at: NullableInstant;
  frozen_at: NullableInstant;
  version: Generated<number>;
  is_example: Generated<boolean>;
  created_at: InstantDefault;
  updated_at: InstantDefault;
}

export interface KpiMeasurementHistoryTable {
  id: Generated<string>;
  measurement_id: string;
  version: number;
  action: string;
  status: string;
  value: NullableNumeric;
  comment: string | null;
  actor_user_id: string | null;
  occurred_at: InstantDefault;
}

export interface KpiEvidenceTable {
  id: Generated<string>;
  measurement_id: string;
  kind: 'file' | 'link' | 'text';
  file_id: string | null;
  url: string | null;
  body: string | null;
  created_by: string | null;
  created_at: InstantDefault;
}

export interface DiffusionActivitiesTable {
  id: Generated<string>;
  cluster_id: string;
  kind: DiffusionKind;
  title: string;
  held_on: CalendarDate;
  participants: Generated<number>;
  smes_reached: Generated<number>;
  non_member_companies_reached: Generated<number>;
  link: string | null;
  is_example: Generated<boolean>;
  created_by: string | null;
  created_at: InstantDefault;
  updated_at: InstantDefault;
}

/** Money columns are bigint cents. */
export interface EuProjectsTable {
  id: Generated<string>;
  cordis_project_id: string;
  acronym: string;
  title: Generated<string>;
  framework_programme: Generated<string>;
  starts_on: CalendarDate | null;
  ends_on: CalendarDate | null;
  total_cost_cents: number | null;
  ec_max_contribution_cents: number | null;
  is_example: Generated<boolean>;
  imported_at: InstantDefault;
}

export interface EuParticipationsTable {
  id: Generated<string>;
  eu_project_id: string;
  cordis_organisation_id: string;
  name: string;
  vat_number: string | null;
  country: string | null;
  role: Generated<string>;
  is_sme: boolean | null;
  ec_contribution_cents: Generated<number>;
  organisation_id: string | null;
  link_method: 'vat' | 'manual' | null;
  linked_by: string | null;
  linked_at: NullableInstant;
}

export interface KpisTables {
  kpi_definitions: KpiDefinitionsTable;
  reporting_periods: ReportingPeriodsTable;
  kpi_targets: KpiTargetsTable;
  kpi_target_periods: KpiTargetPeriodsTable;
  kpi_target_history: KpiTargetHistoryTable;
  kpi_measurements: KpiMeasurementsTable;
  kpi_measurement_history: KpiMeasurementHistoryTable;
  kpi_evidence: KpiEvidenceTable;
  diffusion_activities: DiffusionActivitiesTable;
  eu_projects: EuProjectsTable;
  eu_participations: EuParticipationsTable;
}
