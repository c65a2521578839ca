import type { AuthzRows } from './matrix';

const ALL = ['admin', 'officer', 'manager', 'applicant', 'expert', 'analyst'] as const;
const READERS = ['officer', 'manager', 'analyst'] as const;
const PARTNERS = ['officer', 'manager'] as const;

/**
 * Partnership routes. Cluster-level reads use the other cluster, which the demo manager may not
 * see (404, like a missing one); object routes use a missing id (404 for every allowed role);
 * writes send an invalid body to the manager's own cluster (400 for allowed roles, nothing changes).
 */
export const rows: AuthzRows = [
  {
    route: 'GET /api/partnership/clusters',
    request: () => ({ method: 'GET', url: '/api/partnership/clusters' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/partnership/clusters.xlsx',
    request: () => ({ method: 'GET', url: '/api/partnership/clusters.xlsx' }),
    allow: [...READERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/partnership/clusters/:clusterId/people',
    request: (f) => ({ method: 'GET', url: `/api/partnership/clusters/${f.otherClusterId}/people` }),
    allow: [...PARTNERS],
    allowedStatus: 200,
    hidden: ['manager'],
  },
  {
    route: 'GET /api/partnership/clusters/:clusterId/agreements',
    request: (f) => ({ method: 'GET', url: `/api/partnership/clusters/${f.otherClusterId}/agreements` }),
    allow: [...READERS],
    allowedStatus: 200,
    hidden: ['manager'],
  },
  {
    route: 'POST /api/partnership/clusters/:clusterId/agreements',
    request: (f) => ({
      method: 'POST',
      url: `/api/partnership/clusters/${f.ownClusterId}/agreements`,
      payload: {},
    }),
    allow: [...PARTNERS],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/partnership/agreements/:id',
    request: (f) => ({ method: 'GET', url: `/api/partnership/agreements/${f.missingId}` }),
    allow: [...READERS],
    allowedStatus: 404,
  },
  {
    route: 'PUT /api/partnership/agreements/:id',
    request: (f) => ({ method: 'PUT', url: `/api/partnership/agreements/${f.missingId}`, payload: {} }),
    allow: [...PARTNERS],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/partnership/agreements/:id/sign',
    request: (f) => ({ method: 'POST', url: `/api/partnership/agreements/${f.missingId}/sign`, payload: {} }),
    allow: [...PARTNERS],
    allowedStatus: 404,
  },
  {
    route: 'POST /api/partnership/periods/:id/close',
    request: (f) => ({ method: 'POST', url: `/api/partnership/periods/${f.missingId}/close`, payload: {} }),
    allow: ['officer'],
    allowedStatus: 404,
  },
  {
    route: 'GET /api/partnership/clusters/:clusterId/meetings',
    request: (f) => ({ method: 'GET', url: `/api/partnership/clusters/${f.otherClusterId}/meetings` }),
    allow: [...READERS],
    allowedStatus: 200,
    hidden: ['manager'],
  },
  {
    route: 'GET /api/partnership/clusters/:clusterId/meetings.xlsx',
    request: (f) => ({ method: 'GET', url: `/api/partnership/clusters/${f.otherClusterId}/meetings.xlsx` }),
    allow: [...READERS],
    allowedStatus: 200,
    hidden: ['manager'],
  },
  {
    route: 'POST /api/partnership/clusters/:clusterId/meetings',
    request: (f) => ({
      method: 'POST',
      url: `/api/partnership/clusters/${f.ownClusterId}/meetings`,
      payload: {},
    }),
    allow: [...PARTNERS],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/partnership/meetings/:id',
    request: (f) => ({ method: 'GET', url: `/api/partnership/meetings/${f.missingId}` }),
    allow: [...READERS],
    allowedStatus: 404,
  },
  {
    route: 'PUT /api/partnership/meetings/:id',
    request: (f) => ({ method: 'PUT', url: `/api/partnership/meetings/${f.missingId}`, payload: {} }),
    allow: [...PARTNERS],
    allowedStatus: 400,
  },
  {
    route: 'PUT /api/partnership/meetings/:id/minutes',
    request: (f) => ({ method: 'PUT', url: `/api/partnership/meetings/${f.missingId}/minutes`, payload: {} }),
    allow: [...PARTNERS],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/partnership/meetings/:id/minutes/sign-off',
    request: (f) => ({
      method: 'POST',
      url: `/api/partnership/meetings/${f.missingId}/minutes/sign-off`,
      payload: {},
    }),
    allow: [...PARTNERS],
    allowedStatus: 404,
  },
  {
    route: 'GET /api/partnership/meetings/:id/minutes/versions',
    request: (f) => ({ method: 'GET', url: `/api/partnership/meetings/${f.missingId}/minutes/versions` }),
    allow: [...READERS],
    allowedStatus: 404,
  },
  {
    route: 'GET /api/partnership/clusters/:clusterId/actions',
    request: (f) => ({ method: 'GET', url: `/api/partnership/clusters/${f.otherClusterId}/actions` }),
    allow: [...READERS],
    allowedStatus: 200,
    hidden: ['manager'],
  },
  {
    route: 'GET /api/partnership/clusters/:clusterId/actions.xlsx',
    request: (f) => ({ method: 'GET', url: `/api/partnership/clusters/${f.otherClusterId}/actions.xlsx` }),
    allow: [...READERS],
    allowedStatus: 200,
    hidden: ['manager'],
  },
  {
    route: 'POST /api/partnership/clusters/:clusterId/actions',
    request: (f) => ({
      method: 'POST',
      url: `/api/partnership/clusters/${f.ownClusterId}/actions`,
      payload: {},
    }),
    allow: [...PARTNERS],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/partnership/actions/mine',
    request: () => ({ method: 'GET', url: '/api/partnership/actions/mine' }),
    allow: [...PARTNERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/partnership/actions/mine.xlsx',
    request: () => ({ method: 'GET', url: '/api/partnership/actions/mine.xlsx' }),
    allow: [...PARTNERS],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/partnership/actions/:id',
    request: (f) => ({ method: 'GET', url: `/api/partnership/actions/${f.missingId}` }),
    allow: [...READERS],
    allowedStatus: 404,
  },
  {
    route: 'PATCH /api/partnership/actions/:id',
    request: (f) => ({
      method: 'PATCH',
      url: `/api/partnership/actions/${f.missingId}`,
      payload: { status: 'nonsense' },
    }),
    allow: [...PARTNERS],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/partnership/actions/:id/comments',
    request: (f) => ({
      method: 'POST',
      url: `/api/partnership/actions/${f.missingId}/comments`,
      payload: {},
    }),
    allow: [...PARTNERS],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/partnership/clusters/:clusterId/reports',
    request: (f) => ({ method: 'GET', url: `/api/partnership/clusters/${f.otherClusterId}/reports` }),
    allow: [...READERS],
    allowedStatus: 200,
    hidden: ['manager'],
  },
  {
    route: 'GET /api/partnership/clusters/:clusterId/reports.xlsx',
    request: (f) => ({ method: 'GET', url: `/api/partnership/clusters/${f.otherClusterId}/reports.xlsx` }),
    allow: [...READERS],
    allowedStatus: 200,
    hidden: ['manager'],
  },
  {
    route: 'POST /api/partnership/clusters/:clusterId/reports',
    request: (f) => ({
      method: 'POST',
      url: `/api/partnership/clusters/${f.ownClusterId}/reports`,
      payload: {},
    }),
    allow: [...PARTNERS],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/partnership/reports/:id',
    request: (f) => ({ method: 'GET', url: `/api/partnership/reports/${f.missingId}` }),
    allow: [...READERS],
    allowedStatus: 404,
  },
  {
    route: 'PUT /api/partnership/reports/:id',
    request: (f) => ({
      method: 'PUT',
      url: `/api/partnership/reports/${f.missingId}`,
      payload: { risks: 5 },
    }),
    allow: [...PARTNERS],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/partnership/reports/:id/submit',
    request: (f) => ({ method: 'POST', url: `/api/partnership/reports/${f.missingId}/submit`, payload: {} }),
    allow: [...PARTNERS],
    allowedStatus: 404,
  },
  {
    route: 'POST /api/partnership/reports/:id/review',
    request: (f) => ({ method: 'POST', url: `/api/partnership/reports/${f.missingId}/review`, payload: {} }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/partnership/clusters/:clusterId/timeline',
    request: (f) => ({ method: 'GET', url: `/api/partnership/clusters/${f.otherClusterId}/timeline` }),
    allow: [...READERS],
    allowedStatus: 200,
    hidden: ['manager'],
  },
  {
    route: 'GET /api/partnership/clusters/:clusterId/timeline.xlsx',
    request: (f) => ({ method: 'GET', url: `/api/partnership/clusters/${f.otherClusterId}/timeline.xlsx` }),
    allow: [...READERS],
    allowedStatus: 200,
    hidden: ['manager'],
  },
  {
    route: 'GET /api/partnership/preferences',
    request: () => ({ method: 'GET', url: '/api/partnership/preferences' }),
    allow: [...ALL],
    allowedStatus: 200,
  },
  {
    route: 'PUT /api/partnership/preferences',
    request: () => ({ method: 'PUT', url: '/api/partnership/preferences', payload: {} }),
    allow: [...ALL],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/partnership/calendar-token',
    request: () => ({
      method: 'POST',
      url: '/api/partnership/calendar-token',
      payload: { unexpected: true },
    }),
    allow: ['officer', 'manager', 'applicant', 'expert'],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/partnership/calendar/:file',
    request: () => ({ method: 'GET', url: '/api/partnership/calendar/not-a-real-token-but-long-enough.ics' }),
    allow: 'public',
    allowedStatus: 404,
  },
];
