import type { Feature } from '../../app/feature-registry';
import { lazyPage } from '../../app/lazy-page';
const ClustersPage = lazyPage(() => import('./clusters-page'), 'ClustersPage');
const ClusterDashboardPage = lazyPage(() => import('./cluster-dashboard-page'), 'ClusterDashboardPage');
const PortfolioPage = lazyPage(() => import('./portfolio-page'), 'PortfolioPage');
const ValidationPage = lazyPage(() => import('./validation-page'), 'ValidationPage');
const LibraryPage = lazyPage(() => import('./library-page'), 'LibraryPage');
const DiffusionPage = lazyPage(() => import('./diffusion-page'), 'DiffusionPage');
const EuPage = lazyPage(() => import('./eu-page'), 'EuPage');

const READERS = ['officer', 'admin', 'analyst', 'manager'] as const;
const PORTFOLIO = ['officer', 'admin', 'analyst'] as const;

export const feature: Feature = {
  routes: [
    { path: 'kpis', element: <ClustersPage />, roles: [...READERS] },
    { path: 'kpis/clusters/:clusterId', element: <ClusterDashboardPage />, roles: [...READERS] },
    { path: 'kpis/portfolio', element: <PortfolioPage />, roles: [...PORTFOLIO] },
    { path: 'kpis/validation', element: <ValidationPage />, roles: ['officer'] },
    { path: 'kpis/library', element: <LibraryPage />, roles: [...READERS] },
    { path: 'kpis/diffusion', element: <DiffusionPage />, roles: [...READERS] },
    { path: 'kpis/eu', element: <EuPage />, roles: [...PORTFOLIO] },
  ],
  nav: [
    { to: '/kpis', labelKey: 'kpis:nav.clusters', roles: [...READERS], order: 600 },
    { to: '/kpis/portfolio', labelKey: 'kpis:nav.portfolio', roles: [...PORTFOLIO], order: 610 },
    { to: '/kpis/validation', labelKey: 'kpis:nav.validation', roles: ['officer'], order: 620 },
    { to: '/kpis/library', labelKey: 'kpis:nav.library', roles: [...READERS], order: 630 },
    { to: '/kpis/diffusion', labelKey: 'kpis:nav.diffusion', roles: [...READERS], order: 640 },
    { to: '/kpis/eu', labelKey: 'kpis:nav.eu', roles: [...PORTFOLIO], order: 650 },
  ],
};
