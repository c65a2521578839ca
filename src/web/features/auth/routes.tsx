import type { Feature } from '../../app/feature-registry';
import { lazyPage } from '../../app/lazy-page';
const AccountPage = lazyPage(() => import('./account-page'), 'AccountPage');

export const feature: Feature = {
  routes: [{ path: 'account', element: <AccountPage /> }],
  nav: [],
};
