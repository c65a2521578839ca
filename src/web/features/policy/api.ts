import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../app/api-client';
import { usePaging } from '../../shared/use-paged-list';
import { DEFAULT_PAGE_SIZE, PAGE_SIZE_CHOICES } from '../../shared/page-sizes';

export interface SensitivityBreak {
  weight: number;
  delta: number;
  exact: string;
  newTopScenarioId: string;
}
export interface Comparison {
  scenarios: {
    id: string;
    code: string;
    name: string;
    description: string;
    isPlaceholder: boolean;
    isPreferredDirection: boolean;
    isExample: boolean;
    status: 'complete' | 'incomplete' | 'no_scores';
    stakeholderCount: number;
    total: number | null;
    totalExact: string | null;
    medianOfStakeholderTotals: number | null;
    rank: number | null;
    isTied: boolean;
    medians: Record<string, number | null>;
  }[];
  criteria: {
    id: string;
    code: string;
    nameNl: string;
    nameEn: string;
    descriptionNl: string;
    descriptionEn: string;
    rawWeight: number;
    weight: number;
  }[];
  weightNote: { kind: 'normalised' | 'all_zero_equalised'; rawSum: number } | null;
  ranking: string[];
  sensitivity: {
    criterionId: string;
    currentWeight: number;
    topScenarioId: string;
    up: SensitivityBreak | null;
    down: SensitivityBreak | null;
  }[];
  sensitivityNote: 'too_few_ranked' | 'single_criterion' | null;
  stakeholders: {
    id: string;
    kind: 'organisation' | 'account';
    label: string;
    organisationId: string | null;
    isExample: boolean;
    isMine: boolean;
  }[];
  scores: {
    stakeholderId: string;
    stakeholder: string;
    scenarioId: string;
    criterionId: string;
    score: number;
    comment: string;
  }[];
  myStakeholderId: string | null;
}

export interface ThemeCoverage {
  id: string;
  code: string;
  kind: string;
  labelNl: string;
  labelEn: string;
  isExample: boolean;
  coverage: number;
  clustersLinked: number;
  clustersActive: number;
  projects: number;
  proposals: number;
  isUncovered: boolean;
  isCandidate: boolean;
  strongest: { id: string; shortName: string; strength: number }[];
}
interface PageInfo {
  page: number;
  pageSize: number;
  total: number;
}
/** Every theme ranked; the heatmap for one page of cluster columns (the strongest first). */
export interface Coverage {
  themes: { id: string; code: string; kind: string; labelNl: string; labelEn: string }[];
  clusters: { id: string; shortName: string; name: string; strength: number }[];
  /** The cells of those clusters that carry something; an absent cell is 0. */
  cells: {
    themeId: string;
    clusterId: string;
    linked: boolean;
    members: number;
    projects: number;
    budgetCents: number;
    strength: number;
  }[];
  ranking: ThemeCoverage[];
  weakest: ThemeCoverage[];
  proposalsAvailable: boolean;
  page: PageInfo;
}
export interface FootprintRow {
  code: string;
  section: string;
  label: string;
  enterprises: number;
  members: number;
  share: number;
}
export interface Footprint {
  level: 'section' | 'division' | 'group';
  rows: FootprintRow[];
  weakest: FootprintRow[];
  register: {
    enterprises: number;
    activeEnterprises: number;
    withAddress: number;
    flemish: number;
    withoutAddress: number;
    outsideFlanders: number;
    memberOrganisationsNotInRegister: number;
  };
  note: 'register_empty' | 'register_without_addresses' | 'no_activities' | null;
}
export interface OverlapPair {
  clusterA: { id: string; shortName: string };
  clusterB: { id: string; shortName: string };
  sharedMembers: number;
  unionMembers: number;
  memberSimilarity: number;
  sharedThemes: { id: string; labelNl: string; labelEn: string }[];
  unionThemes: number;
  themeSimilarity: number;
  similarity: number;
  sharedProjects: number;
}
/** The closest pair, one page of the ranked pairs and a heatmap of at most 30 clusters. */
export interface Overlap {
  clusters: { id: string; shortName: string; name: string; members: number; themes: number }[];
  cells: { a: string; b: string; similarity: number }[];
  pairs: OverlapPair[];
  closest: OverlapPair | null;
  totalPairs: number;
  page: PageInfo;
}
export interface NetworkNode {
  id: string;
  name: string;
  helix: string;
  sizeClass: string;
  clusters: string[];
  degree: number;
}
export interface Network {
  figures: Record<
    | 'organisations'
    | 'links'
    | 'collaborations'
    | 'membershipLinks'
    | 'crossHelix'
    | 'crossCluster'
    | 'withSme'
    | 'components'
    | 'largestComponent',
    number
  >;
  helix: { a: string; b: string; collaborations: number }[];
  bridging: (NetworkNode & { collaborations: number; betweenness: number })[];
  betweennessIsApproximate: boolean;
  drawing: {
    nodes: NetworkNode[];
    /** source and target: positions in `nodes`. */
    edges: { source: number; target: number; projects: number; clusters: number }[];
    note: 'complete' | 'largest_component' | 'largest_component_bridging';
    shownNodes: number;
    totalNodes: number;
    droppedEdges: number;
  };
}

const SCENARIOS_KEY = ['policy', 'scenarios'];
export const useComparison = () =>
  useQuery({ queryKey: SCENARIOS_KEY, queryFn: () => api.get<Comparison>('/api/policy/scenarios') });
/**
 * A policy analysis answered as one object with a page inside (`data.page`: the overlap's pairs,
 * the coverage's cluster columns): the answer and the `serverPage` its pager drives.
 */
function usePagedAnalysis<T extends { page: PageInfo }>(name: string, path: string, firstPageSize: number) {
  const { paging, serverPage } = usePaging({}, firstPageSize);
  const answer = useQuery({
    queryKey: ['policy', name, paging],
    queryFn: () => api.get<T>(`${path}${query(paging)}`),
    placeholderData: keepPreviousData,
  });
  return { ...answer, serverPage: serverPage(answer.data?.data.page.total ?? 0) };
}
export const useCoverage = () =>
  usePagedAnalysis<Coverage>('coverage', '/api/policy/coverage', PAGE_SIZE_CHOICES[0]);
export const useFootprint = (level: string) =>
  useQuery({
    queryKey: ['policy', 'footprint', level],
    queryFn: () => api.get<Footprint>(`/api/policy/footprint${query({ level })}`),
  });
export const useOverlap = () =>
  usePagedAnalysis<Overlap>('overlap', '/api/policy/overlap', DEFAULT_PAGE_SIZE);
export const useNetwork = () =>
  useQuery({ queryKey: ['policy', 'network'], queryFn: () => api.get<Network>('/api/policy/network') });

/** Writes answer the new comparison; it replaces the cached one. */
export function useComparisonMutation<TBody>(run: (body: TBody) => Promise<{ data: Comparison }>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: (result) => client.setQueryData(SCENARIOS_KEY, result) });
}

export const exportUrl = (
  table: string,
  format: 'xlsx' | 'csv' = 'xlsx',
  extra: Record<string, string> = {},
) => `/api/policy/exports/${table}${query({ format, ...extra })}`;
