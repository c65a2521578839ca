import type { AuthzRows } from './matrix';

const ALL = ['admin', 'officer', 'manager', 'applicant', 'expert', 'analyst'] as const;

export const rows: AuthzRows = [
  {
    route: 'POST /api/admin/backup',
    request: () => ({ method: 'POST', url: '/api/admin/backup' }),
    allow: ['admin'],
    allowedStatus: 409,
  },
  {
    route: 'GET /healthz',
    request: () => ({ method: 'GET', url: '/healthz' }),
    allow: 'public',
    allowedStatus: 200,
  },
  {
    route: 'POST /api/auth/login',
    request: () => ({ method: 'POST', url: '/api/auth/login', payload: {} }),
    allow: 'public',
    allowedStatus: 400,
  },
  {
    route: 'POST /api/auth/logout',
    request: () => ({ method: 'POST', url: '/api/auth/logout', payload: { unexpected: true } }),
    allow: [...ALL],
    allowedStatus: 204,
  },
  {
    route: 'GET /api/auth/me',
    request: () => ({ method: 'GET', url: '/api/auth/me' }),
    allow: [...ALL],
    allowedStatus: 200,
  },
  {
    route: 'POST /api/auth/password',
    request: () => ({ method: 'POST', url: '/api/auth/password', payload: {} }),
    allow: [...ALL],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/auth/tokens',
    request: () => ({ method: 'GET', url: '/api/auth/tokens' }),
    allow: [...ALL],
    allowedStatus: 200,
  },
  {
    route: 'POST /api/auth/tokens',
    request: () => ({ method: 'POST', url: '/api/auth/tokens', payload: {} }),
    allow: [...ALL],
    allowedStatus: 400,
  },
  {
    route: 'DELETE /api/auth/tokens/:id',
    request: (f) => ({ method: 'DELETE', url: `/api/auth/tokens/${f.missingId}` }),
    allow: [...ALL],
    allowedStatus: 404,
  },
  {
    route: 'GET /api/users',
    request: () => ({ method: 'GET', url: '/api/users' }),
    allow: ['admin'],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/users.xlsx',
    request: () => ({ method: 'GET', url: '/api/users.xlsx' }),
    allow: ['admin'],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/users/:id',
    request: (f) => ({ method: 'GET', url: `/api/users/${f.userIds.expert}` }),
    allow: ['admin'],
    allowedStatus: 200,
  },
  {
    route: 'POST /api/users',
    request: () => ({ method: 'POST', url: '/api/users', payload: {} }),
    allow: ['admin'],
    allowedStatus: 400,
  },
  {
    route: 'PUT /api/users/:id/role',
    request: (f) => ({ method: 'PUT', url: `/api/users/${f.userIds.expert}/role`, payload: {} }),
    allow: ['admin'],
    allowedStatus: 400,
  },
  {
    route: 'PUT /api/users/:id/active',
    request: (f) => ({ method: 'PUT', url: `/api/users/${f.userIds.expert}/active`, payload: {} }),
    allow: ['admin'],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/users/:id/password',
    request: (f) => ({ method: 'POST', url: `/api/users/${f.userIds.expert}/password`, payload: {} }),
    allow: ['admin'],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/audit',
    request: () => ({ method: 'GET', url: '/api/audit' }),
    allow: ['admin', 'officer'],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/audit/verify',
    request: () => ({ method: 'GET', url: '/api/audit/verify' }),
    allow: ['admin'],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/lookups/clusters',
    request: () => ({ method: 'GET', url: '/api/lookups/clusters' }),
    allow: [...ALL],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/openapi.json',
    request: () => ({ method: 'GET', url: '/api/openapi.json' }),
    allow: 'public',
    allowedStatus: 200,
  },
];

rows.push(
  {
    route: 'GET /api/notifications',
    request: () => ({ method: 'GET', url: '/api/notifications' }),
    allow: [...ALL],
    allowedStatus: 200,
  },
  {
    route: 'POST /api/notifications/:id/read',
    request: (f) => ({ method: 'POST', url: `/api/notifications/${f.missingId}/read` }),
    allow: [...ALL],
    allowedStatus: 404,
  },
);
