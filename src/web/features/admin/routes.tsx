import type { Feature } from '../../app/feature-registry';
import { lazyPage } from '../../app/lazy-page';
const UsersPage = lazyPage(() => import('./users-page'), 'UsersPage');
const AuditPage = lazyPage(() => import('./audit-page'), 'AuditPage');

export const feature: Feature = {
  routes: [
    { path: 'admin/users', element: <UsersPage />, roles: ['admin'] },
    { path: 'admin/audit', element: <AuditPage />, roles: ['admin', 'officer'] },
  ],
  nav: [
    { to: '/admin/users', labelKey: 'admin:nav.users', roles: ['admin'], order: 900 },
    { to: '/admin/audit', labelKey: 'admin:nav.audit', roles: ['admin', 'officer'], order: 910 },
  ],
};
