import type { Feature } from '../../app/feature-registry';
import { lazyPage } from '../../app/lazy-page';
const PortfolioPage = lazyPage(() => import('./portfolio-page'), 'PortfolioPage');
const ClusterPage = lazyPage(() => import('./cluster-page'), 'ClusterPage');
const MemberImportPage = lazyPage(() => import('./member-import-page'), 'MemberImportPage');
const OrganisationsPage = lazyPage(() => import('./organisations-page'), 'OrganisationsPage');
const OrganisationPage = lazyPage(() => import('./organisation-page'), 'OrganisationPage');
const ThemesPage = lazyPage(() => import('./themes-page'), 'ThemesPage');

const READERS = ['admin', 'officer', 'manager', 'analyst'] as const;

export const feature: Feature = {
  routes: [
    { path: 'portfolio', element: <PortfolioPage />, roles: [...READERS] },
    { path: 'portfolio/clusters/:id', element: <ClusterPage />, roles: [...READERS] },
    {
      path: 'portfolio/clusters/:id/import',
      element: <MemberImportPage />,
      roles: ['admin', 'officer', 'manager'],
    },
    { path: 'portfolio/organisations', element: <OrganisationsPage />, roles: [...READERS] },
    { path: 'portfolio/organisations/:id', element: <OrganisationPage />, roles: [...READERS] },
    { path: 'portfolio/themes', element: <ThemesPage /> },
  ],
  nav: [
    { to: '/portfolio', labelKey: 'portfolio:nav.portfolio', roles: [...READERS], order: 100 },
    {
      to: '/portfolio/organisations',
      labelKey: 'portfolio:nav.organisations',
      roles: [...READERS],
      order: 110,
    },
    {
      to: '/portfolio/themes',
      labelKey: 'portfolio:nav.themes',
      roles: ['admin', 'officer', 'analyst'],
      order: 120,
    },
  ],
};
