import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { usePagedList } from '../../shared/use-paged-list';
import type { PartnerRepresentationView } from '../../shared/proposal-view';

export type CallKind =
  'new_strategic_theme' | 'business_network' | 'cluster_project' | 'inter_cluster_project';
export type CallStatus = 'draft' | 'open' | 'closed' | 'in_evaluation' | 'decided';
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
export type Localised = { nl: string; en: string };

export interface Criterion {
  code: string;
  nameNl: string;
  nameEn: string | null;
  descriptionNl: string;
  descriptionEn: string | null;
  scaleMin: number;
  scaleMax: number;
  allowsHalfPoints: boolean;
  weight: number;
  threshold: number | null;
}
export interface TieBreakRule {
  kind: 'criterion_score' | 'sme_budget_share' | 'requested_aid' | 'submitted_at';
  criterionCode: string | null;
  direction: 'desc' | 'asc';
  explanationNl: string;
  explanationEn: string | null;
}
export interface EligibilityRule {
  kind: string;
  parameter: number | null;
  explanationNl: string;
  explanationEn: string | null;
}
export interface RequiredKpi {
  id?: string;
  kpiCode: string | null;
  nameNl: string;
  nameEn: string | null;
  unit: string;
  direction: 'higher_is_better' | 'lower_is_better';
}
export interface Question {
  code: string;
  kind: 'short_text' | 'long_text' | 'number' | 'yes_no' | 'choice';
  labelNl: string;
  labelEn: string | null;
  helpNl: string;
  helpEn: string | null;
  isRequired: boolean;
  maxWords: number | null;
  maxChars: number | null;
  options: string[];
  conditionQuestionCode: string | null;
  conditionValue: string | null;
}

export interface CallDefinition {
  code: string;
  kind: CallKind;
  titleNl: string;
  titleEn: string | null;
  summaryNl: string;
  summaryEn: string | null;
  descriptionNl: string;
  descriptionEn: string | null;
  budgetEnvelopeCents: number;
  opensAtLocal: string | null;
  closesAtLocal: string | null;
  evaluationStartsAtLocal: string | null;
  decisionAtLocal: string | null;
  overallThreshold: number | null;
  budgetRule: 'stop_at_first_misfit' | 'skip_to_next_fit';
  reviewsPerProposal: number;
  themeIds: string[];
  criteria: Criterion[];
  tieBreakRules: TieBreakRule[];
  eligibilityRules: EligibilityRule[];
  requiredKpis: RequiredKpi[];
  questions: Question[];
}

export interface Call extends Omit<CallDefinition, 'themeIds' | 'requiredKpis'> {
  id: string;
  status: CallStatus;
  opensAt: string | null;
  closesAt: string | null;
  evaluationStartsAt: string | null;
  decisionAt: string | null;
  isAcceptingProposals: boolean;
  publishedAt: string | null;
  amendmentCount: number;
  themes: { id: string; code: string; labelNl: string; labelEn: string }[];
  requiredKpis: (RequiredKpi & { id: string })[];
  criteria: (Criterion & { id: string })[];
  eligibilityRules: (EligibilityRule & { id: string })[];
  questions: (Question & { id: string })[];
  amendments: { number: number; motivation: string; amendedAt: string }[];
}

export interface CallSummary {
  id: string;
  code: string;
  kind: CallKind;
  status: CallStatus;
  titleNl: string;
  titleEn: string | null;
  summaryNl: string;
  summaryEn: string | null;
  budgetEnvelopeCents: number;
  opensAt: string | null;
  closesAt: string | null;
  isAcceptingProposals: boolean;
  proposalCount: number | null;
}

export interface ConsortiumMember {
  /** Null for a partner the platform does not know yet (until the proposal is submitted). */
  organisationId?: string | null;
  enterpriseNumber: string | null;
  name: string | null;
  helix: string | null;
  sizeClass: string | null;
  role: 'lead' | 'partner' | 'associated';
  budgetShareCents: number;
}
export interface BudgetLine {
  enterpriseNumber: string | null;
  category: string;
  description: string;
  costCents: number;
  requestedAidCents: number;
  ownContributionCents: number;
}
export interface ProposalKpi {
  requiredKpiId: string | null;
  kpiCode: string | null;
  name: string;
  unit: string;
  direction: 'higher_is_better' | 'lower_is_better';
  baselineValue: number;
  baselineDate: string | null;
  targetValue: number;
  targetPeriod: string;
}
export interface ProposalContent {
  title: string;
  summary: string;
  themeIds: string[];
  clusterIds: string[];
  requiresNewLegalEntity: boolean;
  answers: Record<string, unknown>;
  consortium: ConsortiumMember[];
  budgetLines: BudgetLine[];
  kpis: ProposalKpi[];
}
export interface EligibilityResult {
  ruleId: string;
  kind: string;
  ruleExplanation: Localised;
  versionNumber: number;
  autoOutcome: 'passed' | 'failed';
  observed: string;
  explanation: Localised;
  officerOutcome: 'passed' | 'failed' | null;
  officerMotivation: string | null;
  outcome: 'passed' | 'failed';
  reviewedAt: string | null;
}
export interface ProgressPart {
  part: string;
  done: boolean;
  problems: { path: string; message: Localised }[];
}

export interface Proposal {
  id: string;
  callId: string;
  callCode: string;
  callTitleNl: string;
  reference: string;
  status: ProposalStatus;
  isSealed: boolean;
  draftVersion: number | null;
  submittedVersion: number | null;
  submittedAt: string | null;
  closesAt: string | null;
  content: ProposalContent | null;
  contentSource: 'draft' | 'submitted_version' | null;
  progress: ProgressPart[] | null;
  attachments:
    | {
        id: string;
        filename: string;
        contentType: string;
        sizeBytes: number;
        sha256: string;
        kind: string;
        createdAt: string;
      }[]
    | null;
  collaborators:
    { userId: string; name: string; email: string | null; access: 'owner' | 'edit' | 'view' }[] | null;
  versions: { versionNumber: number; submittedAt: string; contentSha256: string }[];
  eligibility: EligibilityResult[] | null;
  eligibilityMotivation: string | null;
  clarifications:
    | {
        id: string;
        question: string;
        askedAt: string;
        dueAt: string;
        dueAtLocal: string;
        answer: string | null;
        answeredAt: string | null;
        isOverdue: boolean;
      }[]
    | null;
  themeOverlap: { clusterId: string; clusterName: string; sharedThemes: number; share: number }[] | null;
  /** Per partner of `content.consortium`: a confirmed representative or only named; null while sealed. */
  representation: PartnerRepresentationView[] | null;
  myAccess: 'owner' | 'edit' | 'view' | null;
}

export interface ProposalSummary {
  id: string;
  callId: string;
  reference: string;
  status: ProposalStatus;
  isSealed: boolean;
  title: string | null;
  leadOrganisation: string | null;
  memberCount: number | null;
  requestedAidCents: number | null;
  totalCostCents: number | null;
  submittedVersion: number | null;
  submittedAt: string | null;
  eligibilityPassed: number | null;
  eligibilityFailed: number | null;
  eligibilityToReview: number | null;
  myAccess: string | null;
}
export interface Receipt {
  reference: string;
  versionNumber: number;
  submittedAt: string;
  submittedAtLocal: string;
  contentSha256: string;
  callCode: string;
  title: string;
}

export const useCalls = () => usePagedList<CallSummary>(['calls'], '/api/calls');
/** The calls accepting proposals now, the first to close first, one page (the public home page). */
export const useOpenPublicCalls = () =>
  usePagedList<CallSummary>(['public-calls', 'open'], '/api/public/calls', { open: 'true' });
/** The public calls, one page at a time (the public calls page). */
export const usePublicCallPage = () => usePagedList<CallSummary>(['public-calls'], '/api/public/calls');
export const useCall = (id: string | undefined) =>
  useQuery({
    queryKey: ['calls', id],
    queryFn: () => api.get<Call>(`/api/calls/${id}`),
    enabled: Boolean(id),
  });
export const usePublicCall = (id: string | undefined) =>
  useQuery({
    queryKey: ['public-calls', id],
    queryFn: () => api.get<Call>(`/api/public/calls/${id}`),
    enabled: Boolean(id),
  });
/** One page of a call's proposals (paged on the server); `page` counts from 1. */
export const useCallProposals = (id: string | undefined, page = 1) =>
  useQuery({
    queryKey: ['calls', id, 'proposals', page],
    queryFn: () => api.getPage<ProposalSummary>(`/api/calls/${id}/proposals?page=${page}&pageSize=100`),
    enabled: Boolean(id),
    placeholderData: (previous) => previous,
  });
export const useMyProposals = () => usePagedList<ProposalSummary>(['proposals'], '/api/proposals');
export const useProposal = (id: string | undefined) =>
  useQuery({
    queryKey: ['proposals', id],
    queryFn: () => api.get<Proposal>(`/api/proposals/${id}`),
    enabled: Boolean(id),
  });
export const useReceipt = (id: string | undefined) =>
  useQuery({
    queryKey: ['proposals', id, 'receipt'],
    queryFn: () => api.get<Receipt>(`/api/proposals/${id}/receipt`),
    enabled: Boolean(id),
  });

/** A mutation that refreshes everything about calls and proposals afterwards. */
export function useCallsMutation<TVariables, TResult>(run: (variables: TVariables) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['calls'] });
      void client.invalidateQueries({ queryKey: ['proposals'] });
    },
  });
}
