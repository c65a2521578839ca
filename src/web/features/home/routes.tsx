import type { Feature } from '../../app/feature-registry';
import { HomePage } from './home-page';

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
