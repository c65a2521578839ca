import type { AuthzRows } from './matrix';

const READERS = ['officer', 'admin', 'analyst'] as const;
const READERS_AND_MANAGERS = ['officer', 'admin', 'analyst', 'manager'] as const;

/** Funding, projects and state aid. Writes send an invalid body (400) or name a missing object (404). */
export const rows: AuthzRows = [
  {
    route: 'GET /api/funding/dashboard',
    request: () => ({ method: 'GET', url: '/api/funding/dashboard' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/funding/dashboard.xlsx',
    request: () => ({ method: 'GET', url: '/api/funding/dashboard.xlsx?view=cluster' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/funding/lines',
    request: () => ({ method: 'GET', url: '/api/funding/lines' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/funding/lines.xlsx',
    request: () => ({ method: 'GET', url: '/api/funding/lines.xlsx' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/funding/lines/:id',
    request: (f) => ({ method: 'GET', url: `/api/funding/lines/${f.missingId}` }),
    allow: [...READERS],
    allowedStatus: 404,
  },
  {
    route: 'POST /api/funding/lines',
    request: () => ({ method: 'POST', url: '/api/funding/lines', payload: { amountCents: -1 } }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/funding/reallocations',
    request: () => ({ method: 'GET', url: '/api/funding/reallocations' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/funding/reallocations.xlsx',
    request: () => ({ method: 'GET', url: '/api/funding/reallocations.xlsx' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'POST /api/funding/reallocations',
    request: () => ({ method: 'POST', url: '/api/funding/reallocations', payload: {} }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/funding/base-operations',
    request: () => ({ method: 'GET', url: '/api/funding/base-operations' }),
    allow: [...READERS_AND_MANAGERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/funding/base-operations.xlsx',
    request: () => ({ method: 'GET', url: '/api/funding/base-operations.xlsx' }),
    allow: [...READERS_AND_MANAGERS],
    allowedStatus: 200,
  },
  {
    route: 'POST /api/funding/base-operations',
    request: () => ({ method: 'POST', url: '/api/funding/base-operations', payload: {} }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/funding/base-operations/:id/reports',
    request: (f) => ({
      method: 'POST',
      url: `/api/funding/base-operations/${f.missingId}/reports`,
      payload: {},
    }),
    allow: ['officer', 'manager'],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/funding/commitments',
    request: () => ({ method: 'GET', url: '/api/funding/commitments' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/funding/commitments.xlsx',
    request: () => ({ method: 'GET', url: '/api/funding/commitments.xlsx' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/funding/commitments/preview',
    request: (f) => ({
      method: 'GET',
      url: `/api/funding/commitments/preview?projectId=${f.missingId}&lineId=${f.missingId}`,
    }),
    allow: ['officer'],
    allowedStatus: 404,
  },
  {
    route: 'POST /api/funding/commitments',
    request: () => ({ method: 'POST', url: '/api/funding/commitments', payload: {} }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/funding/payments',
    request: () => ({ method: 'GET', url: '/api/funding/payments' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/funding/payments.xlsx',
    request: () => ({ method: 'GET', url: '/api/funding/payments.xlsx' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'POST /api/funding/payments',
    request: () => ({ method: 'POST', url: '/api/funding/payments', payload: { amountCents: 1.5 } }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/funding/payments/:id/release',
    request: (f) => ({ method: 'POST', url: `/api/funding/payments/${f.missingId}/release`, payload: {} }),
    allow: ['officer'],
    allowedStatus: 404,
  },
  {
    route: 'GET /api/funding/reports',
    request: () => ({ method: 'GET', url: '/api/funding/reports' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/funding/reports.xlsx',
    request: () => ({ method: 'GET', url: '/api/funding/reports.xlsx' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'POST /api/funding/reports/:id/decision',
    request: (f) => ({ method: 'POST', url: `/api/funding/reports/${f.missingId}/decision`, payload: {} }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/projects',
    request: () => ({ method: 'GET', url: '/api/projects' }),
    allow: [...READERS_AND_MANAGERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/projects.xlsx',
    request: () => ({ method: 'GET', url: '/api/projects.xlsx' }),
    allow: [...READERS_AND_MANAGERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/projects/:id',
    request: (f) => ({ method: 'GET', url: `/api/projects/${f.missingId}` }),
    allow: [...READERS_AND_MANAGERS],
    allowedStatus: 404,
  },
  {
    route: 'GET /api/projects/:id/export.xlsx',
    request: (f) => ({ method: 'GET', url: `/api/projects/${f.missingId}/export.xlsx?table=payments` }),
    allow: [...READERS_AND_MANAGERS],
    allowedStatus: 404,
  },
  {
    route: 'POST /api/projects',
    request: () => ({ method: 'POST', url: '/api/projects', payload: {} }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/projects/:id/milestones',
    request: (f) => ({ method: 'POST', url: `/api/projects/${f.missingId}/milestones`, payload: {} }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/projects/:id/deliverables',
    request: (f) => ({ method: 'POST', url: `/api/projects/${f.missingId}/deliverables`, payload: {} }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/projects/:id/milestones/:itemId/report',
    request: (f) => ({
      method: 'POST',
      url: `/api/projects/${f.missingId}/milestones/${f.missingId}/report`,
      payload: {},
    }),
    allow: ['officer', 'manager'],
    allowedStatus: 404,
  },
  {
    route: 'POST /api/projects/:id/milestones/:itemId/decision',
    request: (f) => ({
      method: 'POST',
      url: `/api/projects/${f.missingId}/milestones/${f.missingId}/decision`,
      payload: {},
    }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'PUT /api/projects/:id/deliverables/:itemId/status',
    request: (f) => ({
      method: 'PUT',
      url: `/api/projects/${f.missingId}/deliverables/${f.missingId}/status`,
      payload: {},
    }),
    allow: ['officer', 'manager'],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/projects/:id/reports',
    request: (f) => ({ method: 'POST', url: `/api/projects/${f.missingId}/reports`, payload: {} }),
    allow: ['officer', 'manager'],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/state-aid/awards',
    request: () => ({ method: 'GET', url: '/api/state-aid/awards' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/state-aid/awards.xlsx',
    request: () => ({ method: 'GET', url: '/api/state-aid/awards.xlsx' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'POST /api/state-aid/awards',
    request: () => ({ method: 'POST', url: '/api/state-aid/awards', payload: { amountCents: -5 } }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/state-aid/organisations/:id',
    request: (f) => ({ method: 'GET', url: `/api/state-aid/organisations/${f.missingId}` }),
    allow: [...READERS],
    allowedStatus: 404,
  },
  {
    route: 'GET /api/state-aid/settings',
    request: () => ({ method: 'GET', url: '/api/state-aid/settings' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'PUT /api/state-aid/settings',
    request: () => ({ method: 'PUT', url: '/api/state-aid/settings', payload: {} }),
    allow: ['admin'],
    allowedStatus: 400,
  },
];
