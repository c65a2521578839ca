import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/server/app';
import { loadConfig } from '../../../src/config';
import type { Database } from '../../../src/server/db/database';
import type { Role } from '../../../src/server/db/core.tables';
import { DEMO_PASSWORD } from '../../../src/server/demo/accounts.seed';
import { MAX_PAGE_SIZE } from '../../../src/server/http/paging';
import { clientFor, demoEmail, type TestClient } from '../../helpers/test-app';
import { createTestDatabase } from '../../helpers/test-database';

const today = '2026-11-29';
let database: Database;
let app: FastifyInstance;
let officer: TestClient;

beforeAll(async () => {
  database = await createTestDatabase('demo');
  const config = { ...loadConfig({}), webDistDir: '/nonexistent' };
  app = await buildApp({
    db: database.db,
    config,
    clock: () => new Date(`${today}T10:00:00Z`),
  });
  await app.ready();
  officer = await signIn('officer');
});

async function signIn(role: Role): Promise<TestClient> {
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: demoEmail(role), password: DEMO_PASSWORD },
  });
  const cookie = login.cookies.find((c) => c.name === 'sp_session')?.value ?? null;
  return clientFor(app, cookie, login.json().data.csrfToken, login.json().data.user.id);
}

afterAll(async () => {
  await app?.close();
  await database?.close();
});

interface OpenApiOperation {
  parameters?: { in: string; name: string }[];
  responses?: Record<
    string,
    { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> }
  >;
}

/**
 * Every GET route whose answer's `data` is a list, or an object carrying a `page` (an analysis with
 * one paged part: the overlap's pairs, the coverage's cluster columns), read from the OpenAPI document.
 */
function listRoutes(): { path: string; query: string[] }[] {
  const doc = app.swagger() as { paths: Record<string, { get?: OpenApiOperation }> };
  return Object.entries(doc.paths).flatMap(([path, operations]) => {
    const get = operations.get;
    const data = get?.responses?.['200']?.content?.['application/json']?.schema?.properties?.data as
      { type?: string; properties?: Record<string, unknown> } | undefined;
    if (!get || (data?.type !== 'array' && data?.properties?.page === undefined)) return [];
    return [{ path, query: (get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name) }];
  });
}

const ROLES_TO_TRY: Role[] = ['officer', 'admin', 'manager', 'applicant', 'expert', 'analyst'];

describe('list routes page with a maximum', () => {
  it('every list route in the OpenAPI document refuses a page size above the maximum', async () => {
    const routes = listRoutes();
    // The registry is the OpenAPI document: a new list route appears here without being named.
    expect(routes.length).toBeGreaterThan(35);
    const unbounded = routes.filter((r) => !r.query.includes('pageSize') && !r.query.includes('limit'));
    expect(unbounded.map((r) => r.path)).toEqual([]);
    const clients = new Map<Role, TestClient>();
    for (const role of ROLES_TO_TRY) clients.set(role, await signIn(role));
    for (const route of routes) {
      const field = route.query.includes('pageSize') ? 'pageSize' : 'limit';
      // Path ids are well-formed but unknown: the query is refused before any row is looked up.
      const url = `${route.path.replace(/\{[^}]+\}/g, randomUUID())}?${field}=${MAX_PAGE_SIZE + 1}`;
      let refused = await app.inject({ method: 'GET', url });
      for (const role of ROLES_TO_TRY) {
        if (refused.statusCode !== 401 && refused.statusCode !== 403) break;
        refused = await clients.get(role)!.get(url);
      }
      expect(refused.statusCode, `${route.path}: ${refused.body.slice(0, 200)}`).toBe(400);
      expect(refused.json().code, route.path).toBe('VALIDATION_FAILED');
      expect(refused.json().message, route.path).toBeTruthy();
      expect(
        refused.json().details.map((d: { path: string }) => d.path),
        route.path,
      ).toContain(`querystring.${field}`);
    }
  }, 120_000);

  it('answers one page with its total', async () => {
    const withProposals = await database.db
      .selectFrom('proposals as p')
      .innerJoin('calls as c', 'c.id', 'p.call_id')
      .select('p.call_id')
      .where('c.status', '!=', 'draft')
      .where('p.status', '!=', 'draft')
      .executeTakeFirstOrThrow();
    const callId = withProposals.call_id;
    const clusterId = (await officer.get('/api/clusters')).json().data[0].id as string;
    const lists = [
      '/api/organisations',
      '/api/clusters',
      `/api/clusters/${clusterId}/members`,
      `/api/calls/${callId}/proposals`,
      '/api/kpis/portfolio',
      '/api/projects',
      '/api/calls',
      '/api/themes',
      '/api/lookups/clusters',
      '/api/funding/commitments',
      '/api/kpis/definitions',
      '/api/policy/overlap',
      '/api/policy/coverage',
    ];
    for (const url of lists) {
      const refused = await officer.get(`${url}?pageSize=${MAX_PAGE_SIZE + 1}`);
      expect(refused.statusCode, url).toBe(400);
      const answer = (await officer.get(`${url}?pageSize=2&page=1`)).json();
      // Lists answer `page` beside `data`; the KPI portfolio, overlap and coverage (objects) inside it.
      const page = answer.page ?? answer.data.page;
      expect(page, url).toMatchObject({ page: 1, pageSize: 2 });
      expect(page.total, url).toBeGreaterThan(0);
      if (Array.isArray(answer.data)) expect(answer.data.length, url).toBeLessThanOrEqual(2);
    }
    const organisations = (await officer.get('/api/organisations?pageSize=3&page=2')).json();
    expect(organisations.data).toHaveLength(3);
    const firstSix = (await officer.get('/api/organisations?pageSize=6')).json().data;
    expect(organisations.data.map((o: { id: string }) => o.id)).toEqual(
      firstSix.slice(3, 6).map((o: { id: string }) => o.id),
    );
    // A page past the end is empty and still tells the total.
    const commitments = (await officer.get('/api/funding/commitments?pageSize=1')).json().page
      .total as number;
    const past = (await officer.get(`/api/funding/commitments?pageSize=1&page=${commitments + 1}`)).json();
    expect(past.data).toEqual([]);
    expect(past.page.total).toBe(commitments);
  });
});
