import type { Feature } from '../../app/feature-registry';
import { lazyPage } from '../../app/lazy-page';
const GapsPage = lazyPage(() => import('./gaps-page'), 'GapsPage');
const OverlapPage = lazyPage(() => import('./overlap-page'), 'OverlapPage');
const NetworkPage = lazyPage(() => import('./network-page'), 'NetworkPage');
const ScenariosPage = lazyPage(() => import('./scenarios-page'), 'ScenariosPage');

const ANALYTICS = ['officer', 'analyst', 'admin'] as const;
const SCENARIO_READERS = ['officer', 'analyst', 'admin', 'manager'] as const;

export const feature: Feature = {
  routes: [
    { path: 'policy/gaps', element: <GapsPage />, roles: [...ANALYTICS] },
    { path: 'policy/overlap', element: <OverlapPage />, roles: [...ANALYTICS] },
    { path: 'policy/network', element: <NetworkPage />, roles: [...ANALYTICS] },
    { path: 'policy/scenarios', element: <ScenariosPage />, roles: [...SCENARIO_READERS] },
  ],
  nav: [
    { to: '/policy/gaps', labelKey: 'policy:nav.gaps', roles: [...ANALYTICS], order: 600 },
    { to: '/policy/overlap', labelKey: 'policy:nav.overlap', roles: [...ANALYTICS], order: 610 },
    { to: '/policy/network', labelKey: 'policy:nav.network', roles: [...ANALYTICS], order: 620 },
    { to: '/policy/scenarios', labelKey: 'policy:nav.scenarios', roles: [...SCENARIO_READERS], order: 630 },
  ],
};
