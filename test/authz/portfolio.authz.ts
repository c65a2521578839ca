import type { AuthzRows } from './matrix';

const ALL = ['admin', 'officer', 'manager', 'applicant', 'expert', 'analyst'] as const;
const READERS = ['admin', 'officer', 'manager', 'analyst'] as const;
const EDITORS = ['admin', 'officer', 'manager'] as const;
const OFFICERS = ['admin', 'officer'] as const;

export const rows: AuthzRows = [
  // Organisations
  {
    route: 'GET /api/organisations',
    request: () => ({ method: 'GET', url: '/api/organisations' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/organisations.xlsx',
    request: () => ({ method: 'GET', url: '/api/organisations.xlsx' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/organisations/:id',
    request: (f) => ({ method: 'GET', url: `/api/organisations/${f.missingId}` }),
    allow: [...READERS],
    allowedStatus: 404,
  },
  {
    route: 'GET /api/organisations/:id/figures-history',
    request: (f) => ({ method: 'GET', url: `/api/organisations/${f.missingId}/figures-history` }),
    allow: [...READERS],
    allowedStatus: 404,
  },
  {
    route: 'POST /api/organisations',
    request: () => ({ method: 'POST', url: '/api/organisations', payload: {} }),
    allow: [...EDITORS],
    allowedStatus: 400,
  },
  {
    route: 'PATCH /api/organisations/:id',
    request: (f) => ({ method: 'PATCH', url: `/api/organisations/${f.missingId}`, payload: { unknown: 1 } }),
    allow: [...OFFICERS],
    allowedStatus: 400,
  },
  {
    route: 'PUT /api/organisations/:id/sme-figures',
    request: (f) => ({ method: 'PUT', url: `/api/organisations/${f.missingId}/sme-figures`, payload: {} }),
    allow: [...EDITORS],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/organisations/sme-preview',
    request: () => ({ method: 'POST', url: '/api/organisations/sme-preview', payload: {} }),
    allow: [...READERS],
    allowedStatus: 400,
  },
  // Clusters
  {
    route: 'GET /api/clusters',
    request: () => ({ method: 'GET', url: '/api/clusters' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/clusters.xlsx',
    request: () => ({ method: 'GET', url: '/api/clusters.xlsx' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/clusters/:id',
    request: (f) => ({ method: 'GET', url: `/api/clusters/${f.otherClusterId}` }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'POST /api/clusters',
    request: () => ({ method: 'POST', url: '/api/clusters', payload: {} }),
    allow: [...OFFICERS],
    allowedStatus: 400,
  },
  {
    route: 'PATCH /api/clusters/:id',
    request: (f) => ({ method: 'PATCH', url: `/api/clusters/${f.ownClusterId}`, payload: { unknown: 1 } }),
    allow: [...EDITORS],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/clusters/:id/status',
    request: (f) => ({ method: 'POST', url: `/api/clusters/${f.ownClusterId}/status`, payload: {} }),
    allow: [...OFFICERS],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/clusters/:id/promote',
    request: (f) => ({ method: 'POST', url: `/api/clusters/${f.ownClusterId}/promote`, payload: {} }),
    allow: [...OFFICERS],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/clusters/:id/members',
    request: (f) => ({ method: 'GET', url: `/api/clusters/${f.ownClusterId}/members` }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/clusters/:id/members.xlsx',
    request: (f) => ({ method: 'GET', url: `/api/clusters/${f.ownClusterId}/members.xlsx` }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/clusters/:id/members.csv',
    request: (f) => ({ method: 'GET', url: `/api/clusters/${f.ownClusterId}/members.csv` }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'POST /api/clusters/:id/members',
    request: (f) => ({ method: 'POST', url: `/api/clusters/${f.ownClusterId}/members`, payload: {} }),
    allow: [...EDITORS],
    allowedStatus: 400,
  },
  {
    route: 'PATCH /api/clusters/:id/members/:membershipId',
    request: (f) => ({
      method: 'PATCH',
      url: `/api/clusters/${f.ownClusterId}/members/${f.missingId}`,
      payload: { unknown: 1 },
    }),
    allow: [...EDITORS],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/clusters/:id/member-import/preview',
    request: (f) => ({
      method: 'POST',
      url: `/api/clusters/${f.ownClusterId}/member-import/preview`,
      payload: {},
    }),
    allow: [...EDITORS],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/clusters/:id/member-import/commit',
    request: (f) => ({
      method: 'POST',
      url: `/api/clusters/${f.ownClusterId}/member-import/commit`,
      payload: {},
    }),
    allow: [...EDITORS],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/member-import/template.xlsx',
    request: () => ({ method: 'GET', url: '/api/member-import/template.xlsx' }),
    allow: [...EDITORS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/member-import/template.csv',
    request: () => ({ method: 'GET', url: '/api/member-import/template.csv' }),
    allow: [...EDITORS],
    allowedStatus: 200,
  },
  // Themes
  {
    route: 'GET /api/themes',
    request: () => ({ method: 'GET', url: '/api/themes' }),
    allow: [...ALL],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/themes.xlsx',
    request: () => ({ method: 'GET', url: '/api/themes.xlsx' }),
    allow: [...ALL],
    allowedStatus: 200,
  },
  {
    route: 'POST /api/themes',
    request: () => ({ method: 'POST', url: '/api/themes', payload: {} }),
    allow: ['admin'],
    allowedStatus: 400,
  },
  {
    route: 'PATCH /api/themes/:id',
    request: (f) => ({ method: 'PATCH', url: `/api/themes/${f.missingId}`, payload: { unknown: 1 } }),
    allow: ['admin'],
    allowedStatus: 400,
  },
  // Open data
  {
    route: 'GET /api/public/portfolio',
    request: () => ({ method: 'GET', url: '/api/public/portfolio' }),
    allow: 'public',
    allowedStatus: 200,
  },
  {
    route: 'GET /api/public/portfolio.json',
    request: () => ({ method: 'GET', url: '/api/public/portfolio.json' }),
    allow: 'public',
    allowedStatus: 200,
  },
  {
    route: 'GET /api/public/portfolio.csv',
    request: () => ({ method: 'GET', url: '/api/public/portfolio.csv' }),
    allow: 'public',
    allowedStatus: 200,
  },
  {
    route: 'GET /api/public/clusters',
    request: () => ({ method: 'GET', url: '/api/public/clusters' }),
    allow: 'public',
    allowedStatus: 200,
  },
  {
    route: 'GET /api/public/clusters.csv',
    request: () => ({ method: 'GET', url: '/api/public/clusters.csv' }),
    allow: 'public',
    allowedStatus: 200,
  },
  {
    route: 'GET /api/public/clusters/:id',
    request: (f) => ({ method: 'GET', url: `/api/public/clusters/${f.otherClusterId}` }),
    allow: 'public',
    allowedStatus: 200,
  },
];
