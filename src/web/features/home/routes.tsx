import type { Feature } from '../../app/feature-registry';
import { lazyPage } from '../../app/lazy-page';
const HomePage = lazyPage(() => import('./home-page'), 'HomePage');

export const feature: Feature = {
  routes: [{ path: '', element: <HomePage /> }],
  nav: [
    {
      to: '/',
      labelKey: 'home:nav.home',
      roles: ['admin', 'officer', 'manager', 'applicant', 'expert', 'analyst'],
      order: 0,
    },
  ],
};
