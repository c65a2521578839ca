import type { AuthzRows } from './matrix';

const ALL = ['admin', 'officer', 'manager', 'applicant', 'expert', 'analyst'] as const;

/** The second factor (TOTP) and sign-in through OpenID Connect providers (issue 17). */
export const rows: AuthzRows = [
  {
    route: 'GET /api/auth/totp',
    request: () => ({ method: 'GET', url: '/api/auth/totp' }),
    allow: [...ALL],
    allowedStatus: 200,
  },
  {
    route: 'POST /api/auth/totp/enrolment',
    request: () => ({ method: 'POST', url: '/api/auth/totp/enrolment', payload: { unexpected: true } }),
    allow: [...ALL],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/auth/totp/enrolment/confirm',
    request: () => ({ method: 'POST', url: '/api/auth/totp/enrolment/confirm', payload: {} }),
    allow: [...ALL],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/auth/totp/verify',
    request: () => ({ method: 'POST', url: '/api/auth/totp/verify', payload: {} }),
    allow: [...ALL],
    allowedStatus: 400,
  },
  {
    route: 'POST /api/auth/totp/disable',
    request: () => ({ method: 'POST', url: '/api/auth/totp/disable', payload: {} }),
    allow: [...ALL],
    allowedStatus: 400,
  },
  // Sign-in through a provider is for browsers not signed in yet: public, answered with redirects
  // (here to the login page: the matrix app has no provider configured).
  {
    route: 'GET /api/auth/oidc/providers',
    request: () => ({ method: 'GET', url: '/api/auth/oidc/providers' }),
    allow: 'public',
    allowedStatus: 200,
  },
  {
    route: 'GET /api/auth/oidc/:id/start',
    request: () => ({ method: 'GET', url: '/api/auth/oidc/missing/start' }),
    allow: 'public',
    allowedStatus: 303,
  },
  {
    route: 'GET /api/auth/oidc/:id/callback',
    request: () => ({ method: 'GET', url: '/api/auth/oidc/missing/callback?code=x&state=y' }),
    allow: 'public',
    allowedStatus: 303,
  },
];
