import type { AuthzRows } from './matrix';

const ANALYTICS = ['officer', 'analyst', 'admin'] as const;
const SCENARIO_READERS = ['officer', 'analyst', 'admin', 'manager'] as const;

/** Policy analytics. Writes send an invalid body (400), so nothing changes. */
export const rows: AuthzRows = [
  {
    route: 'GET /api/policy/scenarios',
    request: () => ({ method: 'GET', url: '/api/policy/scenarios' }),
    allow: [...SCENARIO_READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/policy/scenarios/summary.pdf',
    request: () => ({ method: 'GET', url: '/api/policy/scenarios/summary.pdf' }),
    allow: [...SCENARIO_READERS],
    allowedStatus: 200,
  },
  {
    route: 'PUT /api/policy/scenarios/:id',
    request: (f) => ({ method: 'PUT', url: `/api/policy/scenarios/${f.missingId}`, payload: {} }),
    allow: ['officer', 'admin'],
    allowedStatus: 400,
  },
  {
    route: 'PUT /api/policy/criteria/weights',
    request: () => ({ method: 'PUT', url: '/api/policy/criteria/weights', payload: {} }),
    allow: ['officer', 'admin'],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/policy/stakeholders',
    request: () => ({ method: 'POST', url: '/api/policy/stakeholders', payload: {} }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'PUT /api/policy/stakeholders/:id/scores',
    request: (f) => ({ method: 'PUT', url: `/api/policy/stakeholders/${f.missingId}/scores`, payload: {} }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'PUT /api/policy/my-scores',
    request: () => ({ method: 'PUT', url: '/api/policy/my-scores', payload: {} }),
    allow: ['officer', 'analyst', 'manager'],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/policy/coverage',
    request: () => ({ method: 'GET', url: '/api/policy/coverage' }),
    allow: [...ANALYTICS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/policy/overlap',
    request: () => ({ method: 'GET', url: '/api/policy/overlap' }),
    allow: [...ANALYTICS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/policy/network',
    request: () => ({ method: 'GET', url: '/api/policy/network' }),
    allow: [...ANALYTICS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/policy/footprint',
    request: () => ({ method: 'GET', url: '/api/policy/footprint' }),
    allow: [...ANALYTICS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/policy/exports/:table',
    request: () => ({ method: 'GET', url: '/api/policy/exports/ranking?format=csv' }),
    allow: [...SCENARIO_READERS],
    allowedStatus: 200,
  },
];
