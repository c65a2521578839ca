import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../app/api-client';
import { usePagedList } from '../../shared/use-paged-list';

export interface Figures {
  budgetCents: number;
  committedCents: number;
  paidCents: number;
  remainingCents: number;
  interClusterCommittedCents: number;
  cofundingCents: number;
  interClusterShare: number | null;
  cofundingRatio: number | null;
}
export interface Dashboard {
  totals: Figures;
  byLine: (Figures & {
    lineId: string;
    code: string;
    name: string;
    purpose: string;
    isRingFenced: boolean;
    year: number;
  })[];
  byCluster: (Figures & { clusterId: string | null; clusterName: string })[];
  byYear: (Figures & { year: number })[];
}
export type Purpose = 'base_operations' | 'cluster_projects' | 'inter_cluster_projects' | 'call';
export interface Line {
  id: string;
  code: string;
  name: string;
  purpose: Purpose;
  callId: string | null;
  periodStart: string;
  periodEnd: string;
  amountCents: number;
  isRingFenced: boolean;
  ownContributionRatio: string;
  clusterIds: string[];
  budgetCents: number;
  committedCents: number;
  plannedCents: number;
  paidCents: number;
  remainingCents: number;
  reallocatedInCents: number;
  reallocatedOutCents: number;
}
export interface Commitment {
  id: string;
  lineId: string;
  lineCode: string;
  projectId: string | null;
  projectCode: string | null;
  baseOperationLabel: string | null;
  amountCents: number;
  cofundingCents: number;
  decidedOn: string;
  deMinimisOverride: string | null;
  plannedCents: number;
  paidCents: number;
}
export interface Payment {
  id: string;
  commitmentId: string;
  lineCode: string;
  projectId: string | null;
  projectCode: string | null;
  tranche: string;
  amountCents: number;
  condition: {
    kind: 'none' | 'milestone' | 'report';
    id: string | null;
    title: string | null;
    status: string | null;
  };
  plannedOn: string;
  status: 'planned' | 'released';
  releasedAt: string | null;
  isReleasable: boolean;
}
export interface BaseOperation {
  id: string;
  clusterId: string;
  clusterName: string;
  year: number;
  lineCode: string;
  subsidyCents: number;
  ownContributionRatio: string;
  requiredOwnContributionCents: number;
  reportedCostsCents: number | null;
  reportedOwnContributionCents: number | null;
  meetsOwnContribution: boolean | null;
  paidCents: number;
}
export interface ProjectSummary {
  id: string;
  code: string;
  title: string;
  kind: 'cluster_project' | 'inter_cluster_project';
  status: string;
  clusterIds: string[];
  startsOn: string;
  endsOn: string;
  totalBudgetCents: number;
  aidCents: number;
  committedCents: number;
  paidCents: number;
  aidRegime: string;
  aidLegalBasis: string;
}
export interface Report {
  id: string;
  kind: string;
  title: string;
  summary: string;
  reportedCostsCents: number | null;
  reportedOwnContributionCents: number | null;
  submittedAt: string;
  status: string;
  decisionComment: string;
  projectCode?: string | null;
  baseOperationLabel?: string | null;
}
export interface ProjectDetail extends ProjectSummary {
  participants: {
    organisationId: string;
    name: string;
    enterpriseNumber: string | null;
    helix: string;
    sizeClass: string;
    role: string;
    budgetCents: number;
    aidCents: number;
  }[];
  themes: { id: string; kind: string; code: string; labelNl: string; labelEn: string }[];
  milestones: {
    id: string;
    title: string;
    dueOn: string;
    status: string;
    reportedAt: string | null;
    decisionComment: string;
  }[];
  deliverables: { id: string; title: string; dueOn: string; status: string }[];
  reports: Report[];
  commitments: Commitment[];
  payments: Payment[];
}
export interface Headroom {
  organisationId: string;
  organisationName: string;
  requestedCents: number;
  usedCents: number;
  headroomCents: number;
  ceilingCents: number;
  windowYears: number;
  breaches: boolean;
}
export interface Preview {
  amountCents: number;
  cofundingCents: number;
  decidedOn: string;
  lineRemainingCents: number;
  fitsPurpose: boolean;
  isAlreadyCommitted: boolean;
  deMinimis: Headroom[];
  refusals: string[];
}
export interface AidAward {
  id: string;
  organisationId: string;
  organisationName: string;
  enterpriseNumber: string | null;
  regime: string;
  legalBasis: string;
  amountCents: number;
  grantedOn: string;
  grantedByAuthority: string;
  description: string;
  projectCode: string | null;
  overrideMotivation: string | null;
}
export interface OrganisationAid {
  organisation: { id: string; name: string; enterpriseNumber: string | null };
  awards: AidAward[];
  deMinimis: {
    on: string;
    ceilingCents: number;
    windowYears: number;
    usedCents: number;
    headroomCents: number;
    undertakingOrganisationIds: string[];
    linkedEnterprisesKnown: boolean;
  };
}

export const useDashboard = () =>
  useQuery({
    queryKey: ['funding', 'dashboard'],
    queryFn: () => api.get<Dashboard>('/api/funding/dashboard'),
  });
/** One page of the funding lines (the lines table), `q` searching code and name on the server. */
export const useLines = (q: string) =>
  usePagedList<Line>(['funding', 'lines', 'page'], '/api/funding/lines', { q: q || undefined });
export const useLine = (id: string) =>
  useQuery({
    queryKey: ['funding', 'lines', id],
    queryFn: () =>
      api.get<{ line: Line; commitments: Commitment[]; payments: Payment[] }>(`/api/funding/lines/${id}`),
  });
export const useBaseOperations = () =>
  usePagedList<BaseOperation>(['funding', 'base'], '/api/funding/base-operations');
export const useReports = () => usePagedList<Report>(['funding', 'reports'], '/api/funding/reports');
export const useProjects = () => usePagedList<ProjectSummary>(['funding', 'projects'], '/api/projects');
export const useProject = (id: string) =>
  useQuery({
    queryKey: ['funding', 'projects', id],
    queryFn: () => api.get<ProjectDetail>(`/api/projects/${id}`),
  });
export const usePreview = (projectId: string, lineId: string | null) =>
  useQuery({
    queryKey: ['funding', 'preview', projectId, lineId],
    enabled: Boolean(lineId),
    queryFn: () => api.get<Preview>(`/api/funding/commitments/preview${query({ projectId, lineId })}`),
  });
export const useAidAwards = () => usePagedList<AidAward>(['funding', 'aid'], '/api/state-aid/awards');
export const useOrganisationAid = (id: string) =>
  useQuery({
    queryKey: ['funding', 'aid', id],
    queryFn: () => api.get<OrganisationAid>(`/api/state-aid/organisations/${id}`),
  });

/** Any funding write: afterwards every funding query is stale (totals move together). */
export function useFundingMutation<TBody>(run: (body: TBody) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['funding'] }),
  });
}
