import type { Feature } from '../../app/feature-registry';
import { UsersPage } from './users-page';
import { AuditPage } from './audit-page';

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
