import type { Feature } from '../../app/feature-registry';
import { lazyPage } from '../../app/lazy-page';
const DashboardPage = lazyPage(() => import('./dashboard-page'), 'DashboardPage');
const LinePage = lazyPage(() => import('./lines-page'), 'LinePage');
const LinesPage = lazyPage(() => import('./lines-page'), 'LinesPage');
const BaseOperationsPage = lazyPage(() => import('./base-operations-page'), 'BaseOperationsPage');
const ProjectsPage = lazyPage(() => import('./projects-page'), 'ProjectsPage');
const ProjectPage = lazyPage(() => import('./project-page'), 'ProjectPage');
const OrganisationAidPage = lazyPage(() => import('./state-aid-page'), 'OrganisationAidPage');
const StateAidPage = lazyPage(() => import('./state-aid-page'), 'StateAidPage');

const READERS = ['officer', 'admin', 'analyst'] as const;
const WITH_MANAGERS = ['officer', 'admin', 'analyst', 'manager'] as const;

export const feature: Feature = {
  routes: [
    { path: 'funding/dashboard', element: <DashboardPage />, roles: [...READERS] },
    { path: 'funding/lines', element: <LinesPage />, roles: [...READERS] },
    { path: 'funding/lines/:id', element: <LinePage />, roles: [...READERS] },
    { path: 'funding/base-operations', element: <BaseOperationsPage />, roles: [...WITH_MANAGERS] },
    { path: 'funding/projects', element: <ProjectsPage />, roles: [...WITH_MANAGERS] },
    { path: 'funding/projects/:id', element: <ProjectPage />, roles: [...WITH_MANAGERS] },
    { path: 'funding/state-aid', element: <StateAidPage />, roles: [...READERS] },
    { path: 'funding/state-aid/:id', element: <OrganisationAidPage />, roles: [...READERS] },
  ],
  nav: [
    { to: '/funding/dashboard', labelKey: 'funding:nav.dashboard', roles: [...READERS], order: 500 },
    { to: '/funding/lines', labelKey: 'funding:nav.lines', roles: [...READERS], order: 510 },
    { to: '/funding/base-operations', labelKey: 'funding:nav.base', roles: [...WITH_MANAGERS], order: 520 },
    { to: '/funding/projects', labelKey: 'funding:nav.projects', roles: [...WITH_MANAGERS], order: 530 },
    { to: '/funding/state-aid', labelKey: 'funding:nav.aid', roles: [...READERS], order: 540 },
  ],
};
