import { z } from 'zod';
import { CalendarDate, hasSaneYear, saneYear } from '../../http/input-schemas';

const isoDate = CalendarDate;
const text = (max: number) => z.string().trim().max(max);
const Localised = z.object({ nl: z.string(), en: z.string() });

export const ClusterIdParams = z.strictObject({ clusterId: z.uuid() });
export const IdParams = z.strictObject({ id: z.uuid() });

// ---------- agreements ----------
export const ObjectiveInput = z.strictObject({
  id: z.uuid().optional(),
  title: text(300).min(1),
  /** The title in English (optional). */
  titleEn: text(300).nullable().default(null),
  description: text(4000).default(''),
  /** KPI definitions (issue 6) that measure this objective. */
  kpiDefinitionIds: z.array(z.uuid()).max(20).default([]),
});
export const PeriodInput = z.strictObject({
  id: z.uuid().optional(),
  label: text(60).min(1),
  startsOn: isoDate,
  endsOn: isoDate,
  dueOn: isoDate,
});
export const AgreementBody = z.strictObject({
  title: text(300).min(1),
  periodStart: isoDate,
  periodEnd: isoDate,
  clusterCommitments: text(8000).default(''),
  agencyCommitments: text(8000).default(''),
  followUpRhythm: text(500).default(''),
  objectives: z.array(ObjectiveInput).max(30).default([]),
  reportingPeriods: z.array(PeriodInput).max(40).default([]),
});
export type AgreementInput = z.infer<typeof AgreementBody>;

const Signature = z.object({ by: z.string().nullable(), at: z.string() }).nullable();
export const KpiLinkSchema = z.object({
  id: z.string(),
  code: z.string(),
  /** Dutch name. */
  name: z.string(),
  nameEn: z.string(),
});
export const AgreementSchema = z.object({
  id: z.string(),
  clusterId: z.string(),
  clusterName: z.string(),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  clusterCommitments: z.string(),
  agencyCommitments: z.string(),
  followUpRhythm: z.string(),
  clusterSignature: Signature,
  agencySignature: Signature,
  isSigned: z.boolean(),
  amendmentCount: z.number(),
  isExample: z.boolean(),
  objectives: z.array(
    z.object({
      id: z.string(),
      position: z.number(),
      title: z.string(),
      titleEn: z.string().nullable(),
      description: z.string(),
      kpis: z.array(KpiLinkSchema),
    }),
  ),
  periods: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      dueOn: z.string(),
      isClosed: z.boolean(),
      reportId: z.string().nullable(),
      reportStatus: z.string().nullable(),
    }),
  ),
});
AgreementSchema.register(z.globalRegistry, {
  id: 'PartnershipAgreement',
  description: 'A partnership agreement of a cluster.',
});

// ---------- meetings ----------
export const MeetingKindSchema = z.enum(['steering_committee', 'quarterly_follow_up', 'other']);
export const ParticipantInput = z.strictObject({
  side: z.enum(['cluster', 'agency']),
  userId: z.uuid().optional(),
  name: text(200).min(1),
});
export const MeetingBody = z.strictObject({
  kind: MeetingKindSchema,
  title: text(300).min(1),
  /** Wall-clock time in Europe/Brussels; in the autumn hour that occurs twice, with the offset (+02:00 or +01:00). */
  startsAtLocal: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}([+-]\d{2}:\d{2})?$/)
    .refine(hasSaneYear, saneYear),
  location: text(300).default(''),
  agenda: text(8000).default(''),
  isConfidential: z.boolean().default(false),
  agreementId: z.uuid().optional(),
  participants: z.array(ParticipantInput).max(60).default([]),
});
export type MeetingInput = z.infer<typeof MeetingBody>;
export const MinutesBody = z.strictObject({
  body: text(50_000).min(1),
  decisions: z.array(text(2000).min(1)).max(50).default([]),
});

const SnapshotSchema = z.object({
  available: z.boolean(),
  source: z.string(),
  asOf: z.string(),
  note: Localised.optional(),
  items: z.array(z.object({ label: z.string(), value: z.string(), status: z.string().optional() })),
});
export type StatusSnapshot = z.infer<typeof SnapshotSchema>;

export const MeetingSchema = z.object({
  id: z.string(),
  clusterId: z.string(),
  agreementId: z.string().nullable(),
  kind: MeetingKindSchema,
  title: z.string(),
  startsAt: z.string(),
  location: z.string(),
  isConfidential: z.boolean(),
  /** True when the viewer may not read this confidential meeting's agenda, minutes and decisions. */
  isRedacted: z.boolean(),
  agenda: z.string().nullable(),
  participants: z.array(
    z.object({
      side: z.enum(['cluster', 'agency']),
      userId: z.string().nullable(),
      name: z.string().nullable(),
    }),
  ),
  minutes: z
    .object({
      version: z.number(),
      body: z.string(),
      writtenAt: z.string(),
      writtenBy: z.string().nullable(),
      signedOffAt: z.string().nullable(),
      signedOffBy: z.string().nullable(),
    })
    .nullable(),
  minutesVersions: z.array(
    z.object({ version: z.number(), writtenAt: z.string(), signedOffAt: z.string().nullable() }),
  ),
  decisions: z.array(z.object({ id: z.string(), text: z.string() })),
  kpiSnapshot: SnapshotSchema.nullable(),
  budgetSnapshot: SnapshotSchema.nullable(),
  snapshotTakenAt: z.string().nullable(),
  isExample: z.boolean(),
});
MeetingSchema.register(z.globalRegistry, {
  id: 'PartnershipMeeting',
  description: 'A meeting of a cluster with the agency.',
});
export const MinutesVersionSchema = z.object({
  version: z.number(),
  body: z.string(),
  writtenAt: z.string(),
  writtenBy: z.string().nullable(),
  signedOffAt: z.string().nullable(),
  signedOffBy: z.string().nullable(),
});

// ---------- actions ----------
export const ActionStatusSchema = z.enum(['open', 'in_progress', 'done', 'cancelled']);
export const CreateActionBody = z.strictObject({
  title: text(300).min(1),
  description: text(4000).default(''),
  ownerUserId: z.uuid({ error: 'Owner required' }),
  dueOn: isoDate,
  meetingId: z.uuid().optional(),
  /** Required when the due date is already past: why the action is recorded late. */
  pastDueReason: text(1000).optional(),
});
export type CreateActionInput = z.infer<typeof CreateActionBody>;
export const UpdateActionBody = z.strictObject({
  title: text(300).min(1).optional(),
  description: text(4000).optional(),
  ownerUserId: z.uuid().optional(),
  dueOn: isoDate.optional(),
  status: ActionStatusSchema.optional(),
  pastDueReason: text(1000).optional(),
});
export const CommentBody = z.strictObject({ body: text(4000).min(1) });
export const ActionSchema = z.object({
  id: z.string(),
  clusterId: z.string(),
  clusterName: z.string(),
  meetingId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  owner: z.object({ id: z.string(), name: z.string(), side: z.enum(['cluster', 'agency']) }).nullable(),
  ownerSide: z.enum(['cluster', 'agency']),
  dueOn: z.string(),
  status: ActionStatusSchema,
  isOverdue: z.boolean(),
  pastDueReason: z.string().nullable(),
  createdAt: z.string(),
  isExample: z.boolean(),
  comments: z.array(
    z.object({ id: z.string(), author: z.string().nullable(), body: z.string(), createdAt: z.string() }),
  ),
});
ActionSchema.register(z.globalRegistry, {
  id: 'PartnershipAction',
  description: 'An action agreed in the partnership.',
});
export const ActionListQuery = z.strictObject({
  status: z.enum(['open', 'overdue', 'done', 'all']).default('all'),
});

// ---------- reports ----------
export const CreateReportBody = z.strictObject({ periodId: z.uuid() });
export const KpiValueInput = z.strictObject({
  kpiDefinitionId: z.uuid().optional(),
  label: text(200).min(1),
  value: text(100).min(1),
  period: text(60).default(''),
});
export const UpdateReportBody = z.strictObject({
  risks: text(8000).optional(),
  sections: z
    .array(
      z.strictObject({
        objectiveId: z.uuid(),
        narrative: text(20_000).default(''),
        kpiValues: z.array(KpiValueInput).max(30).default([]),
      }),
    )
    .max(30)
    .default([]),
});
export const ReviewReportBody = z.strictObject({
  outcome: z.enum(['accepted', 'to_revise']),
  feedback: text(8000).default(''),
});
export const ReportSchema = z.object({
  id: z.string(),
  clusterId: z.string(),
  periodId: z.string(),
  periodLabel: z.string(),
  periodStartsOn: z.string(),
  periodEndsOn: z.string(),
  dueOn: z.string(),
  isPeriodClosed: z.boolean(),
  status: z.enum(['draft', 'submitted', 'accepted', 'to_revise']),
  risks: z.string(),
  submissionCount: z.number(),
  submittedAt: z.string().nullable(),
  feedback: z.string(),
  reviewedAt: z.string().nullable(),
  isExample: z.boolean(),
  sections: z.array(
    z.object({
      objectiveId: z.string(),
      objectiveTitle: z.string(),
      narrative: z.string(),
      kpiValues: z.array(
        z.object({
          kpiDefinitionId: z.string().optional(),
          label: z.string(),
          value: z.string(),
          period: z.string(),
        }),
      ),
    }),
  ),
  reviews: z.array(
    z.object({
      submission: z.number(),
      outcome: z.enum(['accepted', 'to_revise']),
      feedback: z.string(),
      reviewedAt: z.string(),
      reviewedBy: z.string().nullable(),
    }),
  ),
});
ReportSchema.register(z.globalRegistry, {
  id: 'PartnershipReport',
  description: 'A progress report of a cluster.',
});

// ---------- overview, people, timeline ----------
export const ClusterSummarySchema = z.object({
  clusterId: z.string(),
  clusterName: z.string(),
  shortName: z.string(),
  agreementTitle: z.string().nullable(),
  agreementSigned: z.boolean(),
  openActions: z.number(),
  overdueActions: z.number(),
  nextMeetingAt: z.string().nullable(),
  reportsToReview: z.number(),
});
export const PersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  side: z.enum(['cluster', 'agency']),
});

export const TIMELINE_KINDS = [
  'agreement',
  'meeting',
  'decision',
  'report',
  'action',
  'kpi_validation',
  'payment',
  'amendment',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export const TimelineQuery = z.strictObject({
  kinds: z
    .string()
    .regex(/^[a-z_,]*$/)
    .optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export const TimelineEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  title: Localised,
  detail: z.string(),
  link: z.string().nullable(),
});

// ---------- notifications, calendar ----------
export const NOTIFICATION_KINDS = [
  'partnership.action_assigned',
  'partnership.action_due',
  'partnership.action_overdue',
  'partnership.report_deadline',
  'partnership.report_feedback',
  'partnership.validation_open',
] as const;
export const PreferencesSchema = z.object({
  weeklyDigest: z.boolean(),
  kinds: z.array(z.object({ kind: z.enum(NOTIFICATION_KINDS), inApp: z.boolean(), email: z.boolean() })),
  hasCalendarToken: z.boolean(),
});
export const PreferencesBody = z.strictObject({
  weeklyDigest: z.boolean(),
  kinds: z
    .array(z.strictObject({ kind: z.enum(NOTIFICATION_KINDS), inApp: z.boolean(), email: z.boolean() }))
    .max(NOTIFICATION_KINDS.length),
});
export const CalendarParams = z.strictObject({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}(\.ics)?$/) });
