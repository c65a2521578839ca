import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../app/api-client';
import { PAGE_SIZE_CHOICES } from '../../shared/page-sizes';
import { usePagedList, usePaging } from '../../shared/use-paged-list';

export type KpiStatus = 'on_track' | 'at_risk' | 'off_track' | 'no_target' | 'no_data' | 'not_computable';
export type Lens = 'economic' | 'transition' | 'both';

export interface Definition {
  id: string;
  code: string;
  nameNl: string;
  nameEn: string;
  definitionNl: string;
  definitionEn: string;
  unit: string;
  direction: 'higher' | 'lower';
  aggregation: string;
  lens: Lens;
  evidenceRequired: boolean;
  source: 'computed' | 'reported' | 'formula';
  numeratorCode: string | null;
  denominatorCode: string | null;
  factor: number;
  computedKey: string | null;
  sql: string | null;
  clusterId: string | null;
  approvalStatus: string;
  decisionComment: string | null;
}
export interface Period {
  id: string;
  code: string;
  label: string;
  startsOn: string;
  endsOn: string;
  status: 'planned' | 'open' | 'closed';
  closedAt: string | null;
}
export interface Cell {
  periodId: string;
  value: number | null;
  reason: string | null;
  origin: 'frozen' | 'live' | 'reported' | 'none';
  measurementId: string | null;
  measurementStatus: 'reported' | 'validated' | 'returned' | 'computed' | null;
  expected: number | null;
  status: KpiStatus;
  zScore: number | null;
  isOutlier: boolean;
}
export interface Target {
  baselineValue: number | null;
  baselineDate: string | null;
  endTargetValue: number | null;
  endTargetDate: string | null;
  periodTargets: Record<string, number>;
  version: number;
}
export interface ClusterSummary {
  id: string;
  name: string;
  shortName: string;
  kind: string;
}
export interface Dashboard {
  cluster: ClusterSummary;
  periods: Period[];
  kpis: { definition: Definition; target: Target | null; values: Cell[] }[];
}
/** A KPI column of the portfolio. */
export interface PortfolioKpi {
  id: string;
  code: string;
  nameNl: string;
  nameEn: string;
  unit: string;
  lens: Lens;
  source: Definition['source'];
}
/** A cell of the portfolio: its status and only the fields that have a value. */
export interface PortfolioCell {
  status: KpiStatus;
  value?: number;
  reason?: string;
  expected?: number;
  measurementId?: string;
  measurementStatus?: NonNullable<Cell['measurementStatus']>;
  isOutlier?: true;
}
/** A cluster row of the portfolio: `cells[i]` is its cell of `kpis[i]`. */
export interface PortfolioCluster extends ClusterSummary {
  cells: PortfolioCell[];
}
export interface Portfolio {
  period: Period | null;
  periods: Period[];
  kpis: PortfolioKpi[];
  clusters: PortfolioCluster[];
  transitions: { id: string; labelNl: string; labelEn: string }[];
  page: { page: number; pageSize: number; total: number };
}
export interface MeasurementDetail {
  id: string;
  clusterId: string | null;
  clusterName: string | null;
  definition: Definition;
  period: Period;
  value: number | null;
  reason: string | null;
  status: string;
  comment: string;
  reviewComment: string | null;
  frozenAt: string | null;
  version: number;
  evidence: {
    id: string;
    kind: 'file' | 'link' | 'text';
    url: string | null;
    body: string | null;
    filename: string | null;
    sizeBytes: number | null;
  }[];
  history: {
    version: number;
    action: string;
    status: string;
    value: number | null;
    comment: string | null;
    actorName: string | null;
    occurredAt: string;
  }[];
}
export interface QueueItem {
  measurementId: string;
  clusterId: string;
  clusterName: string;
  code: string;
  nameNl: string;
  nameEn: string;
  unit: string;
  periodCode: string;
  value: number | null;
  comment: string;
  evidenceCount: number;
  reportedAt: string | null;
}
export interface Diffusion {
  id: string;
  clusterId: string;
  clusterName: string;
  kind: string;
  title: string;
  heldOn: string;
  participants: number;
  smesReached: number;
  nonMemberCompaniesReached: number;
  link: string | null;
}
export interface EuParticipation {
  id: string;
  cordisProjectId: string;
  acronym: string;
  frameworkProgramme: string;
  startsOn: string | null;
  name: string;
  vatNumber: string | null;
  country: string | null;
  role: string;
  isSme: boolean | null;
  ecContributionCents: number;
  organisationId: string | null;
  organisationName: string | null;
  linkMethod: 'vat' | 'manual' | null;
}
export const useDashboard = (clusterId: string) =>
  useQuery({
    queryKey: ['kpis', 'dashboard', clusterId],
    queryFn: () => api.get<Dashboard>(`/api/kpis/clusters/${clusterId}/dashboard`),
  });
/**
 * One page of the KPI portfolio for the filters, with the `serverPage` its table's pager drives
 * (a change of filters goes back to the first page).
 */
export function usePortfolio(filters: {
  periodId?: string;
  lens?: string;
  kind?: string;
  transitionId?: string;
}) {
  const { paging, serverPage } = usePaging(filters, PAGE_SIZE_CHOICES[0]);
  const answer = useQuery({
    queryKey: ['kpis', 'portfolio', filters, paging],
    queryFn: () => api.get<Portfolio>(`/api/kpis/portfolio${query({ ...filters, ...paging })}`),
    placeholderData: keepPreviousData,
  });
  return { ...answer, serverPage: serverPage(answer.data?.data.page.total ?? 0) };
}
export const useDefinition = (id: string | null) =>
  useQuery({
    queryKey: ['kpis', 'definition', id],
    enabled: id !== null,
    queryFn: () => api.get<Definition>(`/api/kpis/definitions/${id}`),
  });
export const useMeasurement = (id: string | null) =>
  useQuery({
    queryKey: ['kpis', 'measurement', id],
    enabled: id !== null,
    queryFn: () => api.get<MeasurementDetail>(`/api/kpis/measurements/${id}`),
  });
export const useQueue = () => usePagedList<QueueItem>(['kpis', 'queue'], '/api/kpis/validation-queue');
export const useDefinitions = () =>
  usePagedList<Definition>(['kpis', 'definitions'], '/api/kpis/definitions');
export const usePeriods = () => usePagedList<Period>(['kpis', 'periods'], '/api/kpis/periods');
export const useDiffusion = (clusterId?: string) =>
  usePagedList<Diffusion>(['kpis', 'diffusion'], '/api/kpis/diffusion-activities', { clusterId });
export const useEuParticipations = (unmatched: boolean) =>
  usePagedList<EuParticipation>(['kpis', 'eu'], '/api/kpis/eu-participations', {
    unmatched: unmatched ? 'true' : undefined,
  });

/** A write that refreshes every KPI view afterwards. */
export function useKpiMutation<TBody>(run: (body: TBody) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['kpis'] }),
  });
}

export const STATUS_COLOURS: Record<KpiStatus, string> = {
  on_track: '#237a36',
  at_risk: '#f59f00',
  off_track: '#c92a2a',
  no_target: '#adb5bd',
  no_data: '#e9ecef',
  not_computable: '#6741d9',
};
/** Text on a status colour: black or white, whichever keeps 4.5:1. */
export const STATUS_TEXT: Record<KpiStatus, string> = {
  on_track: '#fff',
  at_risk: '#000',
  off_track: '#fff',
  no_target: '#000',
  no_data: '#000',
  not_computable: '#fff',
};
/** A symbol per status, so the grids do not rely on colour alone (WCAG 1.4.1). */
export const STATUS_SYMBOLS: Record<KpiStatus, string> = {
  on_track: '✓',
  at_risk: '!',
  off_track: '✗',
  no_target: '–',
  no_data: '?',
  not_computable: '÷',
};
