import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, query, type Envelope } from '../../app/api-client';

export interface OpenCluster {
  name: string;
  shortName: string;
  kind: 'spearhead' | 'business_network';
  status: string;
  mandateStart: string | null;
  mandateEnd: string | null;
  economicMission: string;
  isExample: boolean;
  transitions: string[];
  themes: { kind: string; code: string }[];
  members: number;
  membersByHelix: Record<string, number>;
  companiesBySize: Record<string, number>;
  smeShare: number | null;
}

export interface OpenTheme {
  kind: string;
  code: string;
  labelNl: string;
  labelEn: string;
  parentCode: string | null;
  isExample: boolean;
}

export interface OpenPortfolio {
  generatedOn: string;
  licence: string;
  licenceUri: string;
  /** Over all clusters, not only the page. */
  totals: { clusters: number; spearheads: number; businessNetworks: number; members: number };
  /** One page of clusters, spearheads first. */
  clusters: OpenCluster[];
  themes: OpenTheme[];
}

type OpenPortfolioAnswer = Envelope<OpenPortfolio> & {
  page: { page: number; pageSize: number; total: number };
};

/** The open-data portfolio (no login): one page of clusters, their themes and member counts, the totals. */
export const useOpenPortfolio = (paging: { page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['public-portfolio', paging],
    queryFn: () =>
      api.get<OpenPortfolio>(`/api/public/portfolio${query(paging)}`) as Promise<OpenPortfolioAnswer>,
    placeholderData: keepPreviousData,
  });
