import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../app/api-client';
import { PAGE_SIZE_CHOICES } from '../../shared/page-sizes';
import { usePagedList } from '../../shared/use-paged-list';

export type Side = 'cluster' | 'agency';
export interface Localised {
  nl: string;
  en: string;
}
export interface ClusterSummary {
  clusterId: string;
  clusterName: string;
  shortName: string;
  agreementTitle: string | null;
  agreementSigned: boolean;
  openActions: number;
  overdueActions: number;
  nextMeetingAt: string | null;
  reportsToReview: number;
}
export interface Objective {
  id: string;
  position: number;
  title: string;
  /** English title, or null (then the Dutch one is shown). */
  titleEn: string | null;
  description: string;
  kpis: { id: string; code: string; name: string; nameEn: string }[];
}
export interface Period {
  id: string;
  label: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
  isClosed: boolean;
  reportId: string | null;
  reportStatus: string | null;
}
export interface Agreement {
  id: string;
  clusterId: string;
  clusterName: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  clusterCommitments: string;
  agencyCommitments: string;
  followUpRhythm: string;
  clusterSignature: { by: string | null; at: string } | null;
  agencySignature: { by: string | null; at: string } | null;
  isSigned: boolean;
  amendmentCount: number;
  isExample: boolean;
  objectives: Objective[];
  periods: Period[];
}
export interface Snapshot {
  available: boolean;
  source: string;
  asOf: string;
  note?: Localised;
  items: { label: string; value: string; status?: string }[];
}
export interface Minutes {
  version: number;
  body: string;
  writtenAt: string;
  writtenBy: string | null;
  signedOffAt: string | null;
  signedOffBy: string | null;
}
export type MeetingKind = 'steering_committee' | 'quarterly_follow_up' | 'other';
export interface Meeting {
  id: string;
  clusterId: string;
  agreementId: string | null;
  kind: MeetingKind;
  title: string;
  startsAt: string;
  location: string;
  isConfidential: boolean;
  isRedacted: boolean;
  agenda: string | null;
  participants: { side: Side; userId: string | null; name: string | null }[];
  minutes: Minutes | null;
  minutesVersions: { version: number; writtenAt: string; signedOffAt: string | null }[];
  decisions: { id: string; text: string }[];
  kpiSnapshot: Snapshot | null;
  budgetSnapshot: Snapshot | null;
  snapshotTakenAt: string | null;
  isExample: boolean;
}
export type ActionStatus = 'open' | 'in_progress' | 'done' | 'cancelled';
export interface Action {
  id: string;
  clusterId: string;
  clusterName: string;
  meetingId: string | null;
  title: string;
  description: string;
  owner: { id: string; name: string; side: Side } | null;
  ownerSide: Side;
  dueOn: string;
  status: ActionStatus;
  isOverdue: boolean;
  pastDueReason: string | null;
  createdAt: string;
  isExample: boolean;
  comments: { id: string; author: string | null; body: string; createdAt: string }[];
}
export type ReportStatus = 'draft' | 'submitted' | 'accepted' | 'to_revise';
export interface KpiValue {
  kpiDefinitionId?: string;
  label: string;
  value: string;
  period: string;
}
export interface Report {
  id: string;
  clusterId: string;
  periodId: string;
  periodLabel: string;
  periodStartsOn: string;
  periodEndsOn: string;
  dueOn: string;
  isPeriodClosed: boolean;
  status: ReportStatus;
  risks: string;
  submissionCount: number;
  submittedAt: string | null;
  feedback: string;
  reviewedAt: string | null;
  isExample: boolean;
  sections: { objectiveId: string; objectiveTitle: string; narrative: string; kpiValues: KpiValue[] }[];
  reviews: {
    submission: number;
    outcome: 'accepted' | 'to_revise';
    feedback: string;
    reviewedAt: string;
    reviewedBy: string | null;
  }[];
}
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
export interface TimelineEntry {
  id: string;
  at: string;
  kind: TimelineKind;
  title: Localised;
  detail: string;
  link: string | null;
}
export interface Person {
  id: string;
  name: string;
  side: Side;
}
export const NOTIFICATION_KINDS = [
  'partnership.action_assigned',
  'partnership.action_due',
  'partnership.action_overdue',
  'partnership.report_deadline',
  'partnership.report_feedback',
  'partnership.validation_open',
] as const;
export interface Preferences {
  weeklyDigest: boolean;
  kinds: { kind: (typeof NOTIFICATION_KINDS)[number]; inApp: boolean; email: boolean }[];
  hasCalendarToken: boolean;
}

const key = (clusterId: string, part: string) => ['partnership', clusterId, part];

/** One page of the clusters with their partnership status (the overview table). */
export const useClusters = () =>
  usePagedList<ClusterSummary>(['partnership', 'clusters'], '/api/partnership/clusters');
/** One page of a cluster's agreements, newest period first. */
export const useAgreements = (clusterId: string) =>
  usePagedList<Agreement>(key(clusterId, 'agreements'), `/api/partnership/clusters/${clusterId}/agreements`);
/** One page of a cluster's meetings, newest first. */
export const useMeetings = (clusterId: string) =>
  usePagedList<Meeting>(key(clusterId, 'meetings'), `/api/partnership/clusters/${clusterId}/meetings`);
/** One meeting (the one opened from the table, whichever page it is on). */
export const useMeeting = (meetingId: string | null) =>
  useQuery({
    queryKey: ['partnership', 'meeting', meetingId],
    enabled: meetingId !== null,
    queryFn: () => api.get<Meeting>(`/api/partnership/meetings/${meetingId}`),
  });
/** One page of the versions of one meeting's minutes, newest first. */
export const useMinutesVersions = (meetingId: string, enabled: boolean) =>
  usePagedList<Minutes>(
    ['partnership', 'minutes', meetingId],
    `/api/partnership/meetings/${meetingId}/minutes/versions`,
    {},
    enabled,
  );
export type ActionFilter = 'all' | 'open' | 'overdue' | 'done';
/** One page of a cluster's actions (or the reader's own, without a cluster), filtered on the server. */
export const useActions = (clusterId: string | null, status: ActionFilter) =>
  usePagedList<Action>(
    clusterId ? key(clusterId, 'actions') : ['partnership', 'mine'],
    clusterId ? `/api/partnership/clusters/${clusterId}/actions` : '/api/partnership/actions/mine',
    { status },
  );
/** How many actions are overdue (the total of a one-row page). */
export const useOverdueCount = (clusterId: string | null) =>
  useQuery({
    queryKey: [...(clusterId ? key(clusterId, 'actions') : ['partnership', 'mine']), 'overdue-count'],
    queryFn: () =>
      api.getPage<Action>(
        `${clusterId ? `/api/partnership/clusters/${clusterId}/actions` : '/api/partnership/actions/mine'}${query(
          {
            status: 'overdue',
            pageSize: 1,
          },
        )}`,
      ),
    select: (answer) => answer.page.total,
  });
/** One page of a cluster's progress reports. */
export const useReports = (clusterId: string) =>
  usePagedList<Report>(key(clusterId, 'reports'), `/api/partnership/clusters/${clusterId}/reports`);
/**
 * The people who may own an action of a cluster (its contacts and the agency's officers) for a
 * picker: one page of the largest size a table offers, which such a list stays within.
 */
export const usePeople = (clusterId: string, enabled: boolean) =>
  useQuery({
    queryKey: key(clusterId, 'people'),
    enabled,
    queryFn: () =>
      api.getPage<Person>(
        `/api/partnership/clusters/${clusterId}/people${query({ pageSize: Math.max(...PAGE_SIZE_CHOICES) })}`,
      ),
  });
/** One page of a cluster's timeline, filtered by kinds and dates on the server. */
export const useTimeline = (clusterId: string, filter: { kinds: string[]; from: string; to: string }) =>
  usePagedList<TimelineEntry>(key(clusterId, 'timeline'), `/api/partnership/clusters/${clusterId}/timeline`, {
    kinds: filter.kinds.join(',') || undefined,
    from: filter.from || undefined,
    to: filter.to || undefined,
  });
export const usePreferences = () =>
  useQuery({
    queryKey: ['partnership', 'preferences'],
    queryFn: () => api.get<Preferences>('/api/partnership/preferences'),
  });

/** A write that refreshes everything of the partnership afterwards (lists, timeline, overview). */
export function usePartnershipMutation<TBody, TResult = unknown>(run: (body: TBody) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['partnership'] }),
  });
}
