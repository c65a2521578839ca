import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../app/api-client';

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

export const useClusters = () =>
  useQuery({
    queryKey: ['partnership', 'clusters'],
    queryFn: () => api.get<ClusterSummary[]>('/api/partnership/clusters?pageSize=500'),
  });
export const useAgreements = (clusterId: string) =>
  useQuery({
    queryKey: key(clusterId, 'agreements'),
    queryFn: () => api.get<Agreement[]>(`/api/partnership/clusters/${clusterId}/agreements?pageSize=500`),
  });
export const useMeetings = (clusterId: string) =>
  useQuery({
    queryKey: key(clusterId, 'meetings'),
    queryFn: () => api.get<Meeting[]>(`/api/partnership/clusters/${clusterId}/meetings?pageSize=500`),
  });
export const useMinutesVersions = (meetingId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['partnership', 'minutes', meetingId],
    enabled,
    queryFn: () => api.get<Minutes[]>(`/api/partnership/meetings/${meetingId}/minutes/versions?pageSize=500`),
  });
export const useActions = (clusterId: string) =>
  useQuery({
    queryKey: key(clusterId, 'actions'),
    queryFn: () => api.get<Action[]>(`/api/partnership/clusters/${clusterId}/actions?pageSize=500`),
  });
export const useMyActions = () =>
  useQuery({
    queryKey: ['partnership', 'mine'],
    queryFn: () => api.get<Action[]>('/api/partnership/actions/mine?pageSize=500'),
  });
export const useReports = (clusterId: string) =>
  useQuery({
    queryKey: key(clusterId, 'reports'),
    queryFn: () => api.get<Report[]>(`/api/partnership/clusters/${clusterId}/reports?pageSize=500`),
  });
export const usePeople = (clusterId: string, enabled: boolean) =>
  useQuery({
    queryKey: key(clusterId, 'people'),
    enabled,
    queryFn: () => api.get<Person[]>(`/api/partnership/clusters/${clusterId}/people?pageSize=500`),
  });
export const useTimeline = (clusterId: string, filter: { kinds: string[]; from: string; to: string }) =>
  useQuery({
    queryKey: [...key(clusterId, 'timeline'), filter],
    queryFn: () =>
      api.get<TimelineEntry[]>(
        `/api/partnership/clusters/${clusterId}/timeline${query({
          kinds: filter.kinds.join(','),
          from: filter.from,
          to: filter.to,
          pageSize: 500,
        })}`,
      ),
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
