import type { Feature } from '../../app/feature-registry';
import { lazyPage } from '../../app/lazy-page';
const NotificationsPage = lazyPage(() => import('./notifications-page'), 'NotificationsPage');

export const feature: Feature = {
  routes: [{ path: 'notifications', element: <NotificationsPage /> }],
  nav: [
    {
      to: '/notifications',
      labelKey: 'notifications:nav.notifications',
      roles: ['admin', 'officer', 'manager', 'applicant', 'expert', 'analyst'],
      order: 800,
    },
  ],
};
