import type { Generated } from 'kysely';
import type { CalendarDate, InstantDefault, Json } from '../../db/core.tables';

type Nullable<T> = T | null;
type MaybeInstant = Date | string | null;

export type MeetingKind = 'steering_committee' | 'quarterly_follow_up' | 'other';
export type ParticipantSide = 'cluster' | 'agency';
export type ActionStatus = 'open' | 'in_progress' | 'done' | 'cancelled';
export type ReportStatus = 'draft' | 'submitted' | 'accepted' | 'to_revise';

export interface PartnershipAgreementsTable {
  id: Generated<string>;
  cluster_id: string;
  title: string;
  period_start: CalendarDate;
  period_end: CalendarDate;
  cluster_commitments: Generated<string>;
  agency_commitments: Generated<string>;
  follow_up_rhythm: Generated<string>;
  cluster_signed_by: Nullable<string>;
  cluster_signed_at: MaybeInstant;
  agency_signed_by: Nullable<string>;
  agency_signed_at: MaybeInstant;
  amendment_count: Generated<number>;
  is_example: Generated<boolean>;
  created_by: Nullable<string>;
  created_at: InstantDefault;
  updated_at: InstantDefault;
}

export interface PartnershipObjectivesTable {
  id: Generated<string>;
  agreement_id: string;
  position: number;
  title: string;
  /** English title; null: none given (the English UI shows the Dutch title). */
  title_en: string | null;
  description: Generated<string>;
  created_at: InstantDefault;
}

export interface PartnershipReportPeriodsTable {
  id: Generated<string>;
  agreement_id: string;
  label: string;
  starts_on: CalendarDate;
  ends_on: CalendarDate;
  due_on: CalendarDate;
  closed_at: MaybeInstant;
  closed_by: Nullable<string>;
}

export interface PartnershipMeetingsTable {
  id: Generated<string>;
  cluster_id: string;
  agreement_id: Nullable<string>;
  kind: MeetingKind;
  title: string;
  starts_at: Date | string;
  location: Generated<string>;
  agenda: Generated<string>;
  is_confidential: Generated<boolean>;
  kpi_snapshot: Json | null;
  budget_snapshot: Json | null;
  snapshot_taken_at: MaybeInstant;
  is_example: Generated<boolean>;
  created_by: Nullable<string>;
  created_at: InstantDefault;
  updated_at: InstantDefault;
}

export interface PartnershipMeetingParticipantsTable {
  id: Generated<string>;
  meeting_id: string;
  side: ParticipantSide;
  user_id: Nullable<string>;
  name: string;
  position: Generated<number>;
}

export interface PartnershipMinutesTable {
  id: Generated<string>;
  meeting_id: string;
  version: number;
  body: string;
  written_by: Nullable<string>;
  written_at: InstantDefault;
  signed_off_by: Nullable<string>;
  signed_off_at: MaybeInstant;
}

export interface PartnershipDecisionsTable {
  id: Generated<string>;
  meeting_id: string;
  position: number;
  text: string;
  created_at: InstantDefault;
}

export interface PartnershipActionsTable {
  id: Generated<string>;
  cluster_id: string;
  meeting_id: Nullable<string>;
  title: string;
  description: Generated<string>;
  owner_user_id: string;
  due_on: CalendarDate;
  status: Generated<ActionStatus>;
  past_due_reason: Nullable<string>;
  completed_at: MaybeInstant;
  is_example: Generated<boolean>;
  created_by: Nullable<string>;
  created_at: InstantDefault;
  updated_at: InstantDefault;
}

export interface PartnershipActionCommentsTable {
  id: Generated<string>;
  action_id: string;
  author_user_id: Nullable<string>;
  body: string;
  created_at: InstantDefault;
}

export interface PartnershipReportsTable {
  id: Generated<string>;
  cluster_id: string;
  period_id: string;
  status: Generated<ReportStatus>;
  risks: Generated<string>;
  submission_count: Generated<number>;
  submitted_by: Nullable<string>;
  submitted_at: MaybeInstant;
  feedback: Generated<string>;
  reviewed_by: Nullable<string>;
  reviewed_at: MaybeInstant;
  is_example: Generated<boolean>;
  created_by: Nullable<string>;
  created_at: InstantDefault;
  updated_at: InstantDefault;
}

export interface PartnershipReportSectionsTable {
  report_id: string;
  objective_id: string;
  narrative: Generated<string>;
  kpi_values: Json;
}

export interface PartnershipReportReviewsTable {
  id: Generated<string>;
  report_id: string;
  submission: number;
  outcome: 'accepted' | 'to_revise';
  feedback: string;
  reviewed_by: Nullable<string>;
  reviewed_at: InstantDefault;
}

export interface PartnershipNotificationPreferencesTable {
  user_id: string;
  kind: string;
  in_app: Generated<boolean>;
  email: Generated<boolean>;
}

export interface PartnershipNotificationSettingsTable {
  user_id: string;
  weekly_digest: Generated<boolean>;
  calendar_token_hash: Nullable<string>;
  calendar_token_created_at: MaybeInstant;
  updated_at: InstantDefault;
}

export interface PartnershipRemindersSentTable {
  kind: string;
  item_id: string;
  user_id: string;
  sent_on: CalendarDate;
  channel: Generated<'direct' | 'digest' | 'digest_email'>;
  sent_at: InstantDefault;
}

/** Objective ↔ KPI definition (migration 1501, once the KPI framework landed). */
export interface PartnershipObjectiveKpisTable {
  objective_id: string;
  kpi_definition_id: string;
}

export interface PartnershipTables {
  partnership_objective_kpis: PartnershipObjectiveKpisTable;
  partnership_agreements: PartnershipAgreementsTable;
  partnership_objectives: PartnershipObjectivesTable;
  partnership_report_periods: PartnershipReportPeriodsTable;
  partnership_meetings: PartnershipMeetingsTable;
  partnership_meeting_participants: PartnershipMeetingParticipantsTable;
  partnership_minutes: PartnershipMinutesTable;
  partnership_decisions: PartnershipDecisionsTable;
  partnership_actions: PartnershipActionsTable;
  partnership_action_comments: PartnershipActionCommentsTable;
  partnership_reports: PartnershipReportsTable;
  partnership_report_sections: PartnershipReportSectionsTable;
  partnership_report_reviews: PartnershipReportReviewsTable;
  partnership_notification_preferences: PartnershipNotificationPreferencesTable;
  partnership_notification_settings: PartnershipNotificationSettingsTable;
  partnership_reminders_sent: PartnershipRemindersSentTable;
}
