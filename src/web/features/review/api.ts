import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { usePagedList } from '../../shared/use-paged-list';
import type {
  AttachmentView,
  PartnerRepresentationView,
  ProposalContentView,
  QuestionView,
} from '../../shared/proposal-view';

export interface ReviewCall {
  id: string;
  code: string;
  title: string;
  status: string;
  kind: string;
  budgetCents: number;
  reviewsPerProposal: number;
  proposals: number;
  experts: number;
}
export interface Criterion {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  description: string;
  descriptionEn?: string | null;
  scaleMin: number;
  scaleMax: number;
  allowsHalfPoints: boolean;
  weight: number;
  threshold: number | null;
}
export interface OverviewExpert {
  assignmentId: string;
  expertUserId: string;
  name: string;
  origin: string;
  isForced: boolean;
  isRapporteur: boolean;
  affinity: number;
  reviewStatus: string;
}
export interface OverviewProposal {
  id: string;
  reference: string;
  title: string;
  status: string;
  experts: OverviewExpert[];
  reviewsSubmitted: number;
  consensusStatus: string;
  disagreement: string[];
  outcome: string | null;
}
export interface CallOverview {
  call: {
    id: string;
    code: string;
    title: string;
    status: string;
    kind: string;
    budgetCents: number;
    reviewsPerProposal: number;
  };
  settings: { reviewDeadline: string | null; showReviewerIdentities: boolean; objectionDays: number | null };
  criteria: Criterion[];
  proposals: OverviewProposal[];
  experts: {
    userId: string;
    name: string;
    status: string;
    declarationAccepted: boolean;
    maxLoad: number;
    minLoad: number;
    assigned: number;
    conflicts: number;
  }[];
}
export interface Conflict {
  id: string;
  proposalId: string;
  reference: string;
  title: string;
  expertUserId: string;
  expertName: string;
  source: string;
  reason: string;
  createdAt: string;
  liftedAt: string | null;
  liftMotivation: string | null;
  isActive: boolean;
}
export interface AssignmentResult {
  feasible: boolean;
  objective: number;
  assignments: { proposal: string; expert: string }[];
  /** Reasons as codes with their numbers: worded in the reader's language by useSelectionWording. */
  shortfall: { proposal: string; missing: number; code: string; params: Record<string, number> }[];
  underloaded?: { expert: string; missing: number; code: string; params: Record<string, number> }[];
}
export interface AssignPlan {
  result: AssignmentResult;
  kept: number;
  saved: boolean;
  proposals: { id: string; reference: string; title: string }[];
  experts: { id: string; name: string }[];
}
export interface Reason {
  code: string;
  params: Record<string, string | number>;
}
export interface Ranked {
  rank: number | null;
  id: string;
  title: string | null;
  total: number;
  scores: Record<string, number>;
  status: 'funded' | 'reserve' | 'rejected';
  passesThresholds: boolean;
  requestedCents: number;
  cumulativeCents: number | null;
  reasons: Reason[];
  tieBreak: { above: string; rule: string } | null;
}
export interface RankingResult {
  budgetCents: number;
  budgetRule: string;
  fundedCents: number;
  remainingCents: number;
  counts: Record<string, number>;
  ranking: Ranked[];
}
export interface CallRanking {
  result: RankingResult;
  pending: { id: string; reference: string; title: string; consensusStatus: string }[];
  decided: { proposalId: string; outcome: string }[];
  envelopeCents: number;
  budgetRule: string;
}
export interface Calibration {
  minReviews: number;
  overallMean: number;
  overallSpread: number;
  experts: {
    expertUserId: string;
    name: string;
    reviews: number;
    mean: number;
    spread: number;
    panelMean: number;
    difference: number;
    normalisedScore: number | null;
  }[];
}
export interface Workspace {
  proposal: {
    id: string;
    reference: string;
    title: string;
    summary: string;
    status: string;
    themes: string[];
    consortium: { name: string; role: string; size_class: string }[];
    requestedCents: number;
  };
  call: { id: string; code: string; title: string; status: string };
  /** The latest submitted version in full (null when the proposal has none). */
  submission: {
    versionNumber: number;
    submittedAt: string;
    content: ProposalContentView;
    questions: QuestionView[];
    attachments: AttachmentView[];
    /** Per partner: whether a representative confirmed it (never who). */
    representation: PartnerRepresentationView[];
  } | null;
  criteria: Criterion[];
  minJustificationChars: number;
  ownReview: {
    status: string;
    overallComment: string;
    scores: { criterionId: string; score: number | null; justification: string }[];
  } | null;
  otherReviews: {
    label: string;
    status: string;
    overallComment: string;
    scores: { criterionId: string; score: number | null; justification: string }[];
  }[];
  otherReviewsHidden: boolean;
  disagreements: { criterionId: string; code: string; spread: number }[];
  consensus: {
    status: string;
    minorityView: string;
    scores: { criterionId: string; score: number; comment: string }[];
  } | null;
  isRapporteur: boolean;
}
export interface Summary {
  proposal: { id: string; reference: string; title: string };
  call: { code: string; title: string; kind: string };
  criteria: {
    code: string;
    name: string;
    nameEn: string | null;
    weight: number;
    threshold: number | null;
    scaleMin: number;
    scaleMax: number;
    score: number | null;
    comment: string;
  }[];
  total: number;
  overallThreshold: number | null;
  rank: number | null;
  reasons: Reason[];
  /** The reasons in Dutch as issued with the decision. */
  reasonsAsIssued: string[];
  budgetRule: string;
  minorityView: string;
  outcome: string;
  amountCents: number | null;
  conditions: string;
  motivation: string;
  decidedAt: string;
  objectionDeadline: string;
  objectionState: 'possible' | 'pending' | 'ended';
  networkClusterId: string | null;
  objections: {
    id: string;
    filedAt: string;
    grounds: string;
    status: string;
    outcomeMotivation: string | null;
  }[];
}
export interface Invitations {
  declaration: { nl: string; en: string };
  invitations: {
    callId: string;
    code: string;
    title: string;
    callStatus: string;
    invitationStatus: string;
    declarationAcceptedAt: string | null;
    assigned: number;
  }[];
}
export interface MyAssignment {
  proposalId: string;
  reference: string;
  title: string;
  callCode: string;
  callTitle: string;
  reviewStatus: string;
  isRapporteur: boolean;
  consensusStatus: string | null;
}

export const useReviewCalls = () => usePagedList<ReviewCall>(['review', 'calls'], '/api/review/calls');
export const useCallOverview = (callId: string) =>
  useQuery({
    queryKey: ['review', 'call', callId],
    queryFn: () => api.get<CallOverview>(`/api/review/calls/${callId}`),
  });
export const useConflicts = (callId: string) =>
  usePagedList<Conflict>(['review', 'call', callId, 'conflicts'], `/api/review/calls/${callId}/conflicts`);
export const useCalibration = (callId: string) =>
  useQuery({
    queryKey: ['review', 'call', callId, 'calibration'],
    queryFn: () => api.get<Calibration>(`/api/review/calls/${callId}/calibration`),
  });
export const useRanking = (callId: string, budgetCents: number | null) =>
  useQuery({
    queryKey: ['review', 'call', callId, 'ranking', budgetCents],
    queryFn: () =>
      api.get<CallRanking>(
        `/api/review/calls/${callId}/ranking${budgetCents === null ? '' : `?budgetCents=${budgetCents}`}`,
      ),
  });
export const useObjections = (callId: string) =>
  useQuery({
    queryKey: ['review', 'call', callId, 'objections'],
    queryFn: () =>
      api.get<
        {
          id: string;
          proposalId: string;
          reference: string;
          title: string;
          grounds: string;
          status: string;
          filedAt: string;
          outcomeMotivation: string | null;
        }[]
      >(`/api/review/calls/${callId}/objections`),
  });
export const useWorkspace = (proposalId: string) =>
  useQuery({
    queryKey: ['review', 'proposal', proposalId],
    queryFn: () => api.get<Workspace>(`/api/review/proposals/${proposalId}`),
  });
export const useSummary = (proposalId: string) =>
  useQuery({
    queryKey: ['review', 'summary', proposalId],
    queryFn: () => api.get<Summary>(`/api/review/summaries/${proposalId}`),
  });
export const useInvitations = () =>
  useQuery({
    queryKey: ['review', 'invitations'],
    queryFn: () => api.get<Invitations>('/api/review/my/invitations'),
  });
export const useMyAssignments = () =>
  usePagedList<MyAssignment>(['review', 'my'], '/api/review/my/assignments');

/** A write that refreshes every review query afterwards. */
export function useReviewMutation<TBody, TResult = unknown>(run: (body: TBody) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['review'] }),
  });
}
