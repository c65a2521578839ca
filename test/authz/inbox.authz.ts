import type { AuthzRows } from './matrix';

export const rows: AuthzRows = [
  {
    route: 'GET /api/inbox',
    request: () => ({ method: 'GET', url: '/api/inbox' }),
    allow: ['admin', 'officer', 'manager', 'applicant', 'expert', 'analyst'],
    allowedStatus: 200,
  },
];
