import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';

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
  clusters: OpenCluster[];
  themes: OpenTheme[];
}

/** The open-data portfolio (no login): clusters, their themes and member counts. */
export const useOpenPortfolio = () =>
  useQuery({
    queryKey: ['public-portfolio'],
    queryFn: () => api.get<OpenPortfolio>('/api/public/portfolio'),
  });
