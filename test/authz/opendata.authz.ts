import type { AuthzRows } from './matrix';

/** The open-data catalogue and the resolver of the URIs it hands out: anyone, signed in or not. */
export const rows: AuthzRows = [
  {
    route: 'GET /api/public/catalogue.jsonld',
    request: () => ({ method: 'GET', url: '/api/public/catalogue.jsonld' }),
    allow: 'public',
    allowedStatus: 200,
  },
  {
    route: 'GET /id/cluster/:id',
    request: (f) => ({ method: 'GET', url: `/id/cluster/${f.otherClusterId}` }),
    allow: 'public',
    allowedStatus: 303,
  },
  {
    route: 'GET /id/call/:id',
    request: (f) => ({ method: 'GET', url: `/id/call/${f.missingId}` }),
    allow: 'public',
    allowedStatus: 404,
  },
  {
    route: 'GET /id/dataset/:name',
    request: () => ({ method: 'GET', url: '/id/dataset/calls' }),
    allow: 'public',
    allowedStatus: 303,
  },
];
