import type { Feature } from '../../app/feature-registry';
import { PortfolioPage } from './portfolio-page';
import { ClusterPage } from './cluster-page';
import { MemberImportPage } from './member-import-page';
import { OrganisationsPage } from './organisations-page';
import { OrganisationPage } from './organisation-page';
import { ThemesPage } from './themes-page';

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
