import type { AuthzRows } from './matrix';

const ALL = ['admin', 'officer', 'manager', 'applicant', 'expert', 'analyst'] as const;

/**
 * Calls and proposals. Object-level rules (own proposals only, sealed content, officers never see
 * drafts) are covered in test/integration/calls; here each route answers each role as declared.
 */
export const rows: AuthzRows = [
  {
    route: 'GET /api/public/calls',
    request: () => ({ method: 'GET', url: '/api/public/calls' }),
    allow: 'public',
    allowedStatus: 200,
  },
  {
    route: 'GET /api/public/calls.csv',
    request: () => ({ method: 'GET', url: '/api/public/calls.csv' }),
    allow: 'public',
    allowedStatus: 200,
  },
  {
    route: 'GET /api/public/calls/:id',
    request: (f) => ({ method: 'GET', url: `/api/public/calls/${f.missingId}` }),
    allow: 'public',
    allowedStatus: 404,
  },
  {
    route: 'GET /api/calls',
    request: () => ({ method: 'GET', url: '/api/calls' }),
    allow: [...ALL],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/calls.xlsx',
    request: () => ({ method: 'GET', url: '/api/calls.xlsx' }),
    allow: [...ALL],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/calls/:id',
    request: (f) => ({ method: 'GET', url: `/api/calls/${f.missingId}` }),
    allow: [...ALL],
    allowedStatus: 404,
  },
  {
    route: 'POST /api/calls',
    request: () => ({ method: 'POST', url: '/api/calls', payload: {} }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'PUT /api/calls/:id',
    request: (f) => ({ method: 'PUT', url: `/api/calls/${f.missingId}`, payload: {} }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/calls/:id/publish',
    request: (f) => ({
      method: 'POST',
      url: `/api/calls/${f.missingId}/publish`,
      payload: { unexpected: true },
    }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/calls/:id/amendments',
    request: (f) => ({ method: 'POST', url: `/api/calls/${f.missingId}/amendments`, payload: {} }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/calls/:id/status',
    request: (f) => ({ method: 'POST', url: `/api/calls/${f.missingId}/status`, payload: {} }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/calls/:id/proposals',
    request: (f) => ({ method: 'GET', url: `/api/calls/${f.missingId}/proposals` }),
    allow: ['officer'],
    allowedStatus: 404,
  },
  {
    route: 'GET /api/calls/:id/proposals.xlsx',
    request: (f) => ({ method: 'GET', url: `/api/calls/${f.missingId}/proposals.xlsx` }),
    allow: ['officer'],
    allowedStatus: 404,
  },
  {
    route: 'POST /api/calls/:id/proposals',
    request: (f) => ({ method: 'POST', url: `/api/calls/${f.missingId}/proposals`, payload: {} }),
    allow: ['applicant'],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/proposals',
    request: () => ({ method: 'GET', url: '/api/proposals' }),
    allow: ['applicant'],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/proposals.xlsx',
    request: () => ({ method: 'GET', url: '/api/proposals.xlsx' }),
    allow: ['applicant'],
    allowedStatus: 200,
  },
  {
    route: 'GET /api/proposals/:id',
    request: (f) => ({ method: 'GET', url: `/api/proposals/${f.missingId}` }),
    allow: ['applicant', 'officer'],
    allowedStatus: 404,
  },
  {
    route: 'PUT /api/proposals/:id',
    request: (f) => ({ method: 'PUT', url: `/api/proposals/${f.missingId}`, payload: {} }),
    allow: ['applicant'],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/proposals/:id/submit',
    request: (f) => ({ method: 'POST', url: `/api/proposals/${f.missingId}/submit`, payload: {} }),
    allow: ['applicant'],
    allowedStatus: 400,
  },
  {
    route: 'GET /api/proposals/:id/receipt',
    request: (f) => ({ method: 'GET', url: `/api/proposals/${f.missingId}/receipt` }),
    allow: ['applicant'],
    allowedStatus: 404,
  },
  {
    route: 'GET /api/proposals/:id/receipt.pdf',
    request: (f) => ({ method: 'GET', url: `/api/proposals/${f.missingId}/receipt.pdf` }),
    allow: ['applicant'],
    allowedStatus: 404,
  },
  {
    route: 'POST /api/proposals/:id/withdraw',
    request: (f) => ({
      method: 'POST',
      url: `/api/proposals/${f.missingId}/withdraw`,
      payload: { reason: 5 },
    }),
    allow: ['applicant'],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/proposals/:id/reopen',
    request: (f) => ({
      method: 'POST',
      url: `/api/proposals/${f.missingId}/reopen`,
      payload: { unexpected: true },
    }),
    allow: ['applicant'],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/proposals/:id/attachments',
    request: (f) => ({ method: 'POST', url: `/api/proposals/${f.missingId}/attachments`, payload: {} }),
    allow: ['applicant'],
    allowedStatus: 415,
  },
  {
    route: 'GET /api/proposals/:id/attachments/:attachmentId',
    request: (f) => ({ method: 'GET', url: `/api/proposals/${f.missingId}/attachments/${f.missingId}` }),
    allow: ['applicant', 'officer'],
    allowedStatus: 404,
  },
  {
    route: 'DELETE /api/proposals/:id/attachments/:attachmentId',
    request: (f) => ({ method: 'DELETE', url: `/api/proposals/${f.missingId}/attachments/${f.missingId}` }),
    allow: ['applicant'],
    allowedStatus: 404,
  },
  {
    route: 'POST /api/proposals/:id/collaborators',
    request: (f) => ({ method: 'POST', url: `/api/proposals/${f.missingId}/collaborators`, payload: {} }),
    allow: ['applicant'],
    allowedStatus: 400,
  },
  {
    route: 'DELETE /api/proposals/:id/collaborators/:userId',
    request: (f) => ({
      method: 'DELETE',
      url: `/api/proposals/${f.missingId}/collaborators/${f.userIds.applicant}`,
    }),
    allow: ['applicant'],
    allowedStatus: 404,
  },
  {
    route: 'PUT /api/proposals/:id/eligibility/:ruleId',
    request: (f) => ({
      method: 'PUT',
      url: `/api/proposals/${f.missingId}/eligibility/${f.missingId}`,
      payload: {},
    }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/proposals/:id/eligibility-decision',
    request: (f) => ({
      method: 'POST',
      url: `/api/proposals/${f.missingId}/eligibility-decision`,
      payload: {},
    }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/proposals/:id/clarifications',
    request: (f) => ({ method: 'POST', url: `/api/proposals/${f.missingId}/clarifications`, payload: {} }),
    allow: ['officer'],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/proposals/:id/clarifications/:clarificationId/answer',
    request: (f) => ({
      method: 'POST',
      url: `/api/proposals/${f.missingId}/clarifications/${f.missingId}/answer`,
      payload: {},
    }),
    allow: ['applicant'],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/proposals/:id/break-glass',
    request: (f) => ({ method: 'POST', url: `/api/proposals/${f.missingId}/break-glass`, payload: {} }),
    allow: ['officer'],
    allowedStatus: 400,
  },
];
