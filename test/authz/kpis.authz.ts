import type { AuthzRows } from './matrix';

const READERS = ['admin', 'officer', 'analyst', 'manager'] as const;
const PORTFOLIO = ['admin', 'officer', 'analyst'] as const;
const bad = { unexpected: true };

export const rows: AuthzRows = [
  {
    route: 'GET /api/kpis/definitions',
    request: () => ({ method: 'GET', url: '/api/kpis/definitions' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/kpis/definitions.xlsx',
    request: () => ({ method: 'GET', url: '/api/kpis/definitions.xlsx' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/kpis/definitions/:id',
    request: (f) => ({ method: 'GET', url: `/api/kpis/definitions/${f.missingId}` }),
    allow: [...READERS],
    allowedStatus: 404,
  },
  {
    route: 'POST /api/kpis/definitions',
    request: () => ({ method: 'POST', url: '/api/kpis/definitions', payload: {} }),
    allow: ['officer', 'manager'],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/kpis/definitions/:id/decision',
    request: (f) => ({ method: 'POST', url: `/api/kpis/definitions/${f.missingId}/decision`, payload: {} }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/kpis/periods',
    request: () => ({ method: 'GET', url: '/api/kpis/periods' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/kpis/periods.xlsx',
    request: () => ({ method: 'GET', url: '/api/kpis/periods.xlsx' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'POST /api/kpis/periods',
    request: () => ({ method: 'POST', url: '/api/kpis/periods', payload: {} }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/kpis/periods/:id/open',
    request: (f) => ({ method: 'POST', url: `/api/kpis/periods/${f.missingId}/open`, payload: bad }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/kpis/periods/:id/close',
    request: (f) => ({ method: 'POST', url: `/api/kpis/periods/${f.missingId}/close`, payload: bad }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/kpis/clusters/:clusterId/dashboard',
    request: (f) => ({ method: 'GET', url: `/api/kpis/clusters/${f.otherClusterId}/dashboard` }),
    allow: [...PORTFOLIO],
    allowedStatus: 200,
    hidden: ['manager'],
  },
  {
    route: 'PUT /api/kpis/clusters/:clusterId/targets/:definitionId',
    request: (f) => ({
      method: 'PUT',
      url: `/api/kpis/clusters/${f.ownClusterId}/targets/${f.missingId}`,
      payload: {},
    }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/kpis/clusters/:clusterId/targets/:definitionId/history',
    request: (f) => ({
      method: 'GET',
      url: `/api/kpis/clusters/${f.otherClusterId}/targets/${f.missingId}/history`,
    }),
    allow: [...PORTFOLIO],
    allowedStatus: 200,
    hidden: ['manager'],
  },
  {
    route: 'POST /api/kpis/clusters/:clusterId/measurements',
    request: (f) => ({
      method: 'POST',
      url: `/api/kpis/clusters/${f.ownClusterId}/measurements`,
      payload: {},
    }),
    allow: ['manager'],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/kpis/measurements/:id',
    request: (f) => ({ method: 'GET', url: `/api/kpis/measurements/${f.missingId}` }),
    allow: [...READERS],
    allowedStatus: 404,
  },
  {
    route: 'POST /api/kpis/measurements/:id/validate',
    request: (f) => ({ method: 'POST', url: `/api/kpis/measurements/${f.missingId}/validate`, payload: bad }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/kpis/measurements/:id/return',
    request: (f) => ({ method: 'POST', url: `/api/kpis/measurements/${f.missingId}/return`, payload: bad }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/kpis/evidence/:id/file',
    request: (f) => ({ method: 'GET', url: `/api/kpis/evidence/${f.missingId}/file` }),
    allow: [...READERS],
    allowedStatus: 404,
  },
  {
    route: 'GET /api/kpis/validation-queue',
    request: () => ({ method: 'GET', url: '/api/kpis/validation-queue' }),
    allow: ['officer'],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/kpis/validation-queue.xlsx',
    request: () => ({ method: 'GET', url: '/api/kpis/validation-queue.xlsx' }),
    allow: ['officer'],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/kpis/portfolio',
    request: () => ({ method: 'GET', url: '/api/kpis/portfolio' }),
    allow: [...PORTFOLIO],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/kpis/reports/portfolio.xlsx',
    request: () => ({ method: 'GET', url: '/api/kpis/reports/portfolio.xlsx' }),
    allow: [...PORTFOLIO],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/kpis/reports/portfolio.pdf',
    request: () => ({ method: 'GET', url: '/api/kpis/reports/portfolio.pdf' }),
    allow: [...PORTFOLIO],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/kpis/reports/clusters/:clusterId/report.xlsx',
    request: (f) => ({ method: 'GET', url: `/api/kpis/reports/clusters/${f.otherClusterId}/report.xlsx` }),
    allow: [...PORTFOLIO],
    allowedStatus: 200,
    hidden: ['manager'],
  },
  {
    route: 'GET /api/kpis/reports/clusters/:clusterId/report.pdf',
    request: (f) => ({ method: 'GET', url: `/api/kpis/reports/clusters/${f.otherClusterId}/report.pdf` }),
    allow: [...PORTFOLIO],
    allowedStatus: 200,
    hidden: ['manager'],
  },
  {
    route: 'GET /api/kpis/diffusion-activities',
    request: () => ({ method: 'GET', url: '/api/kpis/diffusion-activities' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/kpis/diffusion-activities.xlsx',
    request: () => ({ method: 'GET', url: '/api/kpis/diffusion-activities.xlsx' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'POST /api/kpis/diffusion-activities',
    request: () => ({ method: 'POST', url: '/api/kpis/diffusion-activities', payload: {} }),
    allow: ['officer', 'manager'],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/kpis/eu-participations',
    request: () => ({ method: 'GET', url: '/api/kpis/eu-participations' }),
    allow: [...PORTFOLIO],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/kpis/eu-participations.xlsx',
    request: () => ({ method: 'GET', url: '/api/kpis/eu-participations.xlsx' }),
    allow: [...PORTFOLIO],
    allowedStatus: 200,
  },
  {
    route: 'POST /api/kpis/eu-participations/import',
    request: () => ({ method: 'POST', url: '/api/kpis/eu-participations/import', payload: {} }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'PUT /api/kpis/eu-participations/:id/organisation',
    request: (f) => ({
      method: 'PUT',
      url: `/api/kpis/eu-participations/${f.missingId}/organisation`,
      payload: {},
    }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/kpis/settings',
    request: () => ({ method: 'GET', url: '/api/kpis/settings' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'PUT /api/kpis/settings',
    request: () => ({ method: 'PUT', url: '/api/kpis/settings', payload: {} }),
    allow: ['officer', 'admin'],
    allowedStatus: 400,
  },
];
