import type { Feature } from '../../app/feature-registry';
import { AccountPage } from './account-page';

export const feature: Feature = {
  routes: [{ path: 'account', element: <AccountPage /> }],
  nav: [],
};
