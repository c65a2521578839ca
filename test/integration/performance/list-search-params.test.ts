import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app';
import { loadConfig } from '../../../src/config';
import type { Database } from '../../../src/server/db/database';
import type { Role } from '../../../src/server/db/core.tables';
import { DEMO_PASSWORD } from '../../../src/server/demo/accounts.seed';
import { clientFor, demoEmail, type TestClient } from '../../helpers/test-app';
import { createTestDatabase } from '../../helpers/test-database';

/**
 * The searches and filters the web app's pickers and paged tables use instead of reading a large
 * page: the open public calls, the expert pool, the themes and the funding lines.
 */
const now = new Date('2026-11-29T10:00:00Z');
let database: Database;
let app: FastifyInstance;
let officer: TestClient;

beforeAll(async () => {
  database = await createTestDatabase('demo');
  app = await buildApp({
    db: database.db,
    config: { ...loadConfig({}), webDistDir: '/nonexistent' },
    clock: () => now,
  });
  await app.ready();
  officer = await signIn('officer');
  await sql`insert into users (email, name, role, password_hash)
    values ('emile@example.org', 'Émile Vandersteen', 'expert', 'x'),
           ('zoe@example.org', 'Zoë Ackermans', 'expert', 'x')`.execute(database.db);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
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

describe('public calls: only the open ones', () => {
  it('answers with open=true the calls accepting proposals now, the first to close first', async () => {
    const all = (await app.inject({ method: 'GET', url: '/api/public/calls?pageSize=500' })).json();
    const open = (
      await app.inject({ method: 'GET', url: '/api/public/calls?open=true&pageSize=500' })
    ).json();
    const accepting = all.data.filter((c: { isAcceptingProposals: boolean }) => c.isAcceptingProposals);
    expect(accepting.length).toBeGreaterThan(0);
    expect(accepting.length).toBeLessThan(all.data.length);
    expect(open.page.total).toBe(accepting.length);
    expect(open.data.every((c: { isAcceptingProposals: boolean }) => c.isAcceptingProposals)).toBe(true);
    const closes = open.data.map((c: { closesAt: string }) => c.closesAt);
    expect(closes).toEqual([...closes].sort());
    // Paged like any list: one per page, the same total.
    const first = (await app.inject({ method: 'GET', url: '/api/public/calls?open=true&pageSize=1' })).json();
    expect(first.data).toHaveLength(1);
    expect(first.page.total).toBe(accepting.length);
    // open=false (or none) is every published call.
    const every = (
      await app.inject({ method: 'GET', url: '/api/public/calls?open=false&pageSize=1' })
    ).json();
    expect(every.page.total).toBe(all.page.total);
  });

  it('refuses an unknown value and a draft status with a catalogued error', async () => {
    for (const url of ['/api/public/calls?open=yes', '/api/public/calls?status=draft']) {
      const refused = await app.inject({ method: 'GET', url });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('expert pool: search on the server', () => {
  it('finds experts by part of a name or e-mail, accents and case aside', async () => {
    const byName = (await officer.get('/api/review/experts?q=EMILE&pageSize=20')).json();
    expect(byName.data.map((e: { name: string }) => e.name)).toEqual(['Émile Vandersteen']);
    expect(byName.page.total).toBe(1);
    const byAccent = (await officer.get(`/api/review/experts?q=${encodeURIComponent('zoë')}`)).json();
    expect(byAccent.data.map((e: { name: string }) => e.name)).toEqual(['Zoë Ackermans']);
    const byMail = (await officer.get('/api/review/experts?q=emile%40example')).json();
    expect(byMail.page.total).toBe(1);
    expect(byMail.data[0]).toMatchObject({ themeIds: [], affiliations: [], maxLoad: 8 });
    const none = (await officer.get('/api/review/experts?q=%25')).json();
    expect(none.page.total).toBe(0);
  });

  it('pages the whole pool with its total and keeps the profiles of the page', async () => {
    const all = (await officer.get('/api/review/experts?pageSize=500')).json();
    expect(all.page.total).toBeGreaterThanOrEqual(3);
    const second = (await officer.get('/api/review/experts?page=2&pageSize=1')).json();
    expect(second.page.total).toBe(all.page.total);
    expect(second.data[0].userId).toBe(all.data[1].userId);
    expect(second.data[0]).toEqual(all.data[1]);
  });
});

describe('themes: search and names by id', () => {
  it('matches code and labels, accents aside, and names the given ids', async () => {
    const all = (await officer.get('/api/themes?pageSize=500')).json();
    const theme = all.data.find((t: { labelNl: string }) => t.labelNl.length > 4);
    const part = theme.labelNl.slice(1, 5).toUpperCase();
    const found = (await officer.get(`/api/themes?q=${encodeURIComponent(part)}&pageSize=20`)).json();
    expect(found.data.map((t: { id: string }) => t.id)).toContain(theme.id);
    expect(found.page.total).toBeLessThan(all.page.total);
    const ids = all.data.slice(0, 3).map((t: { id: string }) => t.id);
    const named = (await officer.get(`/api/themes?ids=${ids.join(',')}`)).json();
    expect(named.data.map((t: { id: string }) => t.id).sort()).toEqual([...ids].sort());
    const transitions = (await officer.get('/api/themes?kind=transition&q=a')).json();
    expect(transitions.data.every((t: { kind: string }) => t.kind === 'transition')).toBe(true);
    const refused = await officer.get('/api/themes?ids=not-an-id');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('VALIDATION_FAILED');
  });
});

describe('funding lines: paged with their totals, searchable', () => {
  it('answers a page with the same totals as the line itself, and searches code and name', async () => {
    const all = (await officer.get('/api/funding/lines?pageSize=500')).json();
    expect(all.page.total).toBeGreaterThan(1);
    for (const line of all.data) {
      const one = (await officer.get(`/api/funding/lines/${line.id}`)).json();
      expect(one.data.line).toEqual(line);
    }
    const second = (await officer.get('/api/funding/lines?page=2&pageSize=1')).json();
    expect(second.data).toEqual([all.data[1]]);
    const line = all.data[0];
    const byCode = (
      await officer.get(`/api/funding/lines?q=${encodeURIComponent(line.code.toLowerCase())}`)
    ).json();
    expect(byCode.data.map((l: { id: string }) => l.id)).toContain(line.id);
    const base = (await officer.get('/api/funding/lines?usableFor=base_operations&pageSize=500')).json();
    const usable = all.data.filter(
      (l: { purpose: string; isRingFenced: boolean }) => l.purpose === 'base_operations' || !l.isRingFenced,
    );
    expect(base.data.map((l: { id: string }) => l.id)).toEqual(usable.map((l: { id: string }) => l.id));
  });
});
