import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

/** Instants: written as Date or ISO string, read as Date. */
export type Instant = ColumnType<Date, Date | string, Date | string>;
export type InstantDefault = ColumnType<Date, Date | string | undefined, Date | string>;
/** Calendar dates are 'YYYY-MM-DD' strings (see database.ts). */
export type CalendarDate = string;
export type Json = ColumnType<unknown, string, string>;

export type Role = 'admin' | 'officer' | 'manager' | 'applicant' | 'expert' | 'analyst';
export type Helix = 'company' | 'knowledge_institution' | 'government' | 'civil_society';
export type ClusterKind = 'spearhead' | 'business_network';
export type ClusterStatus = 'candidate' | 'active' | 'ended';

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: Role;
  /** Null for an account that signs in only through an OpenID Connect provider. */
  password_hash: string | null;
  /** 'mapping' when the role came from a provider's claim mapping, 'manual' when set by an admin. */
  role_source: Generated<'manual' | 'mapping'>;
  is_active: Generated<boolean>;
  locale: Generated<'nl' | 'en'>;
  password_changed_at: InstantDefault;
  created_at: InstantDefault;
  updated_at: InstantDefault;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: InstantDefault;
  last_seen_at: InstantDefault;
  expires_at: Instant;
  /** 'second_factor': the password was right, the TOTP code is awaited; 'enrolment': TOTP must be set up first. */
  stage: Generated<SignInStage>;
  /** Enterprise numbers (ten digits) the person may represent, from the provider's mandate claim. */
  mandates: Generated<string[]>;
  oidc_provider: string | null;
  oidc_id_token: string | null;
}

export type SignInStage = 'complete' | 'second_factor' | 'enrolment';

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  scope: 'read' | 'write';
  created_at: InstantDefault;
  expires_at: Date | string | null;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
}

export interface LoginThrottleTable {
  key: string;
  window_start: Instant;
  attempts: number;
  failures: Generated<number>;
  next_attempt_at: InstantDefault;
  last_refused: Generated<boolean>;
}

export interface SettingsTable {
  key: string;
  value: Json;
  updated_at: InstantDefault;
}

export interface AuditEventsTable {
  id: number;
  occurred_at: Instant;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditCheckpointsTable {
  id: Generated<number>;
  taken_at: InstantDefault;
  event_count: number;
  head_id: number;
  head_hash: string;
}

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  enterprise_number: string | null;
  country: Generated<string>;
  foreign_identifier: string | null;
  helix: Helix;
  is_example: Generated<boolean>;
  size_class: Generated<'micro' | 'small' | 'medium' | 'large' | 'unknown'>;
  founded_on: CalendarDate | null;
  created_at: InstantDefault;
  updated_at: InstantDefault;
  /** `sp_fold(name)`, kept by PostgreSQL (a stored generated column): what searches match. */
  name_folded: GeneratedAlways<string>;
}

export interface ClustersTable {
  id: Generated<string>;
  name: string;
  short_name: string;
  kind: ClusterKind;
  status: ClusterStatus;
  economic_mission: Generated<string>;
  legal_entity_id: string | null;
  officer_user_id: string | null;
  mandate_start: CalendarDate | null;
  mandate_end: CalendarDate | null;
  is_example: Generated<boolean>;
  created_at: InstantDefault;
  updated_at: InstantDefault;
}

export interface MembershipsTable {
  id: Generated<string>;
  organisation_id: string;
  cluster_id: string;
  membership_type: Generated<string>;
  valid_from: CalendarDate;
  valid_to: CalendarDate | null;
  created_at: InstantDefault;
}

export interface UserClustersTable {
  user_id: string;
  cluster_id: string;
}

export interface CoreTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_throttle: LoginThrottleTable;
  settings: SettingsTable;
  audit_events: AuditEventsTable;
  audit_checkpoints: AuditCheckpointsTable;
  organisations: OrganisationsTable;
  clusters: ClustersTable;
  memberships: MembershipsTable;
  user_clusters: UserClustersTable;
}
