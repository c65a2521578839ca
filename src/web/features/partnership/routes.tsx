import type { Feature } from '../../app/feature-registry';
import { lazyPage } from '../../app/lazy-page';
const OverviewPage = lazyPage(() => import('./overview-page'), 'OverviewPage');
const ClusterPartnershipPage = lazyPage(() => import('./cluster-page'), 'ClusterPartnershipPage');
const MyActionsPage = lazyPage(() => import('./my-actions-page'), 'MyActionsPage');
const SettingsPage = lazyPage(() => import('./settings-page'), 'SettingsPage');

const READERS = ['officer', 'manager', 'analyst'] as const;
const PARTNERS = ['officer', 'manager'] as const;

export const feature: Feature = {
  routes: [
    { path: 'partnership', element: <OverviewPage />, roles: [...READERS] },
    { path: 'partnership/clusters/:clusterId', element: <ClusterPartnershipPage />, roles: [...READERS] },
    { path: 'partnership/my-actions', element: <MyActionsPage />, roles: [...PARTNERS] },
    { path: 'partnership/settings', element: <SettingsPage /> },
  ],
  nav: [
    { to: '/partnership', labelKey: 'partnership:nav.overview', roles: [...READERS], order: 600 },
    {
      to: '/partnership/my-actions',
      labelKey: 'partnership:nav.myActions',
      roles: [...PARTNERS],
      order: 610,
    },
    {
      to: '/partnership/settings',
      labelKey: 'partnership:nav.settings',
      roles: ['admin', 'officer', 'manager', 'applicant', 'expert', 'analyst'],
      order: 980,
    },
  ],
};
