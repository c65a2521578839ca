import type { Generated } from 'kysely';
import type { CalendarDate, ClusterKind, ClusterStatus, InstantDefault } from '../../db/core.tables';

export interface ClusterEventsTable {
  id: Generated<string>;
  cluster_id: string;
  event: 'created' | 'status_changed' | 'promoted';
  from_status: ClusterStatus | null;
  to_status: ClusterStatus;
  from_kind: ClusterKind | null;
  to_kind: ClusterKind;
  effective_on: CalendarDate;
  motivation: Generated<string>;
  recorded_by: string | null;
  recorded_at: InstantDefault;
}

export interface ClusterGoalsTable {
  id: Generated<string>;
  cluster_id: string;
  position: number;
  title: string;
  description: Generated<string>;
  target_year: number | null;
}

/** Numeric columns arrive as strings (pg's default for numeric). Money is bigint cents. */
export interface OrganisationSmeFiguresTable {
  organisation_id: string;
  reference_year: number;
  headcount: string | number | null;
  turnover_cents: number | null;
  balance_sheet_cents: number | null;
  public_control_share: Generated<string | number>;
}

export interface OrganisationRelatedEnterprisesTable {
  id: Generated<string>;
  organisation_id: string;
  reference_year: number;
  name: string;
  enterprise_number: string | null;
  holding_share: string | number;
  is_controlled: Generated<boolean>;
  headcount: string | number | null;
  turnover_cents: number | null;
  balance_sheet_cents: number | null;
}

export interface KboEnterprisesTable {
  enterprise_number: string;
  status: string;
  juridical_situation: string | null;
  type_of_enterprise: string | null;
  juridical_form: string | null;
  juridical_form_cac: string | null;
  start_date: CalendarDate | null;
}

export interface KboDenominationsTable {
  entity_number: string;
  language: string;
  type_of_denomination: string;
  denomination: string;
}

export interface KboAddressesTable {
  entity_number: string;
  type_of_address: string;
  country_nl: string | null;
  country_fr: string | null;
  zipcode: string | null;
  municipality_nl: string | null;
  municipality_fr: string | null;
  street_nl: string | null;
  street_fr: string | null;
  house_number: string | null;
  box: string | null;
  extra_address_info: string | null;
  date_striking_off: CalendarDate | null;
}

export interface KboActivitiesTable {
  entity_number: string;
  activity_group: string;
  nace_version: string;
  nace_code: string;
  classification: string;
}

export interface KboCodesTable {
  category: string;
  code: string;
  language: string;
  description: string;
}

export interface KboLoadsTable {
  id: Generated<string>;
  extract_kind: 'full' | 'update';
  extract_number: number | null;
  snapshot_date: CalendarDate | null;
  source: string;
  rows_loaded: Generated<number>;
  rows_deleted: Generated<number>;
  lines_skipped: Generated<number>;
  seconds: Generated<string | number>;
  loaded_at: InstantDefault;
}

export interface PortfolioTables {
  cluster_events: ClusterEventsTable;
  cluster_goals: ClusterGoalsTable;
  organisation_sme_figures: OrganisationSmeFiguresTable;
  organisation_related_enterprises: OrganisationRelatedEnterprisesTable;
  kbo_enterprises: KboEnterprisesTable;
  kbo_denominations: KboDenominationsTable;
  kbo_addresses: KboAddressesTable;
  kbo_activities: KboActivitiesTable;
  kbo_codes: KboCodesTable;
  kbo_loads: KboLoadsTable;
}
