import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../app/api-client';
import { usePagedList } from '../../shared/use-paged-list';

export type Helix = 'company' | 'knowledge_institution' | 'government' | 'civil_society';
export type SizeClass = 'micro' | 'small' | 'medium' | 'large' | 'unknown';
export interface Theme {
  id: string;
  parentId?: string | null;
  kind: 'strategic_theme' | 'transition' | 'technology_domain' | 'sector';
  code: string;
  labelNl: string;
  labelEn: string;
  isExample: boolean;
}
export interface MemberSummary {
  members: number;
  byHelix: Record<Helix, number>;
  companiesBySize: Record<SizeClass, number>;
  smeCount: number;
  smeShare: number | null;
  companyShare: number | null;
}
export interface Cluster {
  id: string;
  name: string;
  shortName: string;
  kind: 'spearhead' | 'business_network';
  status: 'candidate' | 'active' | 'ended';
  economicMission: string;
  legalEntity: { id: string; name: string } | null;
  officerName: string | null;
  mandateStart: string | null;
  mandateEnd: string | null;
  isExample: boolean;
  transitions: Theme[];
  themes: Theme[];
  memberSummary: MemberSummary;
}
export interface ClusterDetail extends Cluster {
  officerUserId: string | null;
  managers: { id: string; name: string }[];
  goals: { id: string; position: number; title: string; description: string; targetYear: number | null }[];
  history: {
    id: string;
    event: 'created' | 'status_changed' | 'promoted';
    fromStatus: string | null;
    toStatus: string;
    fromKind: string | null;
    toKind: string;
    effectiveOn: string;
    motivation: string;
    recordedBy: string | null;
    recordedAt: string;
  }[];
}
export interface Member {
  id: string;
  organisationId: string;
  name: string;
  enterpriseNumber: string | null;
  country: string;
  foreignIdentifier: string | null;
  helix: Helix;
  sizeClass: SizeClass;
  isPioneer: boolean;
  membershipType: string;
  validFrom: string;
  validTo: string | null;
  isCurrent: boolean;
  isExample: boolean;
}
export interface Organisation {
  id: string;
  name: string;
  enterpriseNumber: string | null;
  enterpriseNumberDisplay: string | null;
  country: string;
  foreignIdentifier: string | null;
  helix: Helix;
  sizeClass: SizeClass;
  isSme: boolean;
  foundedOn: string | null;
  isPioneer: boolean;
  isStartUp: boolean;
  isFirstTimer: boolean;
  clusterCount: number;
  isExample: boolean;
}
export interface RelatedInput {
  name: string;
  enterpriseNumber?: string | null;
  holdingShare: number;
  isControlled: boolean;
  headcount: number | null;
  turnoverCents: number | null;
  balanceSheetCents: number | null;
}
export interface SmeYearInput {
  referenceYear: number;
  headcount: number | null;
  turnoverCents: number | null;
  balanceSheetCents: number | null;
  publicControlShare: number;
  related: RelatedInput[];
}
export interface SmeClassification {
  sizeClass: SizeClass;
  latestYearClass: SizeClass;
  referenceYear: number | null;
  keptByTwoYearRule: boolean;
  explanation: { nl: string; en: string };
  years: {
    referenceYear: number;
    sizeClass: SizeClass;
    decidedBy: string;
    aggregated: { headcount: number | null; turnoverCents: number | null; balanceSheetCents: number | null };
    contributions: { name: string; relation: string; countedPercent: number }[];
    checks: {
      sizeClass: string;
      headcountOk: boolean;
      turnoverOk: boolean | null;
      balanceSheetOk: boolean | null;
      holds: boolean | null;
    }[];
    missing: string[];
  }[];
}
export interface OrganisationDetail extends Organisation {
  pioneerYears: number;
  smeInputs: SmeYearInput[];
  smeClassification: SmeClassification;
  memberships: {
    id: string;
    clusterId: string;
    clusterName: string;
    clusterShortName: string;
    membershipType: string;
    validFrom: string;
    validTo: string | null;
  }[];
  projects: {
    id: string;
    code: string;
    title: string;
    status: string;
    startsOn: string;
    endsOn: string;
    role: string;
  }[];
  register: null | {
    status: string;
    juridicalForm: string | null;
    legalFormLabel: string | null;
    startDate: string | null;
    officialNames: { language: string; type: string; name: string }[];
    addresses: {
      type: string;
      street: string | null;
      houseNumber: string | null;
      zipcode: string | null;
      municipality: string | null;
      country: string | null;
    }[];
    activities: {
      group: string;
      naceVersion: string;
      naceCode: string;
      classification: string;
      description: string | null;
    }[];
  };
}
export interface ProblemDetail {
  path: string;
  code: string;
  message: { nl: string; en: string };
}
export interface PreviewRow {
  line: number;
  name: string;
  enterpriseNumber: string | null;
  country: string;
  helix: string | null;
  membershipType: string;
  validFrom: string | null;
  validTo: string | null;
  action: 'link_existing' | 'create_organisation' | 'skip';
  problems: ProblemDetail[];
}
export interface ImportPreview {
  rows: PreviewRow[];
  total: number;
  good: number;
  bad: number;
  createdOrganisations?: number;
  createdMemberships?: number;
}

export interface ClusterFilters {
  /** Part of the name or short name (the server matches accents and case aside). */
  q?: string;
  kind?: string | null;
  status?: string | null;
  themeId?: string | null;
  transitionId?: string | null;
  /** The server's order (`name`, `-name`, `kind`, …); none for spearheads first, by name. */
  sort?: string;
}

/** One page of the portfolio (paged and searched on the server). */
export const useClusters = (filters: ClusterFilters) =>
  usePagedList<Cluster>(['portfolio', 'clusters'], '/api/clusters', { ...filters });
export const useCluster = (id: string) =>
  useQuery({
    queryKey: ['portfolio', 'cluster', id],
    queryFn: () => api.get<ClusterDetail>(`/api/clusters/${id}`),
  });
export const MEMBERS_PAGE_SIZE = 100;
/** One page of a cluster's members (paged on the server); `page` counts from 1. */
export const useMembers = (id: string, page = 1) =>
  useQuery({
    queryKey: ['portfolio', 'members', id, page],
    queryFn: () =>
      api.getPage<Member>(`/api/clusters/${id}/members${query({ page, pageSize: MEMBERS_PAGE_SIZE })}`),
    placeholderData: (previous) => previous,
  });
export const ORGANISATIONS_PAGE_SIZE = 50;
/** One page of organisations (paged on the server); `page` counts from 1. */
export const useOrganisations = (filters: {
  q?: string;
  helix?: string | null;
  sizeClass?: string | null;
  /** The server's order (`name`, `-name`, `foundedOn`, `-foundedOn`); none for by name. */
  sort?: string;
  page?: number;
}) =>
  useQuery({
    queryKey: ['portfolio', 'organisations', filters],
    queryFn: () =>
      api.getPage<Organisation>(
        `/api/organisations${query({ ...filters, pageSize: ORGANISATIONS_PAGE_SIZE })}`,
      ),
    placeholderData: (previous) => previous,
  });
export const useOrganisation = (id: string) =>
  useQuery({
    queryKey: ['portfolio', 'organisation', id],
    queryFn: () => api.get<OrganisationDetail>(`/api/organisations/${id}`),
  });

/** A write that refreshes every portfolio query afterwards. */
export function usePortfolioMutation<TBody, TResult = unknown>(run: (body: TBody) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['portfolio'] }),
  });
}

export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
