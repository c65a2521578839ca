import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import type { Role } from '../../../src/server/db/core.tables';

interface Entry {
  id: string;
  title: string;
  due: string | null;
  dueKind: 'instant' | 'date';
  link: string;
}
interface Item {
  kind: string;
  count: number;
  due: string | null;
  dueKind: 'instant' | 'date';
  link: string;
  entries: Entry[];
}
interface Inbox {
  role: Role;
  items: Item[];
  figures: { kind: string; value: number; link: string }[];
}

const sortKey = (i: Item) =>
  i.due === null ? Infinity : Date.parse(i.dueKind === 'date' ? `${i.due}T12:00:00Z` : i.due);

/** The work inbox on the demo data, for each role, through the HTTP API. */
describe('GET /api/inbox', () => {
  let t: TestApp;
  const inbox = new Map<Role, Inbox>();
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['admin', 'officer', 'manager', 'applicant', 'expert', 'analyst'] as Role[]) {
      const client = await t.loginAs(role);
      const response = await client.get('/api/inbox');
      expect(response.statusCode).toBe(200);
      inbox.set(role, response.json().data);
    }
  });
  afterAll(() => t.close());

  it('answers every role with bounded items, counts at least the entries listed, nearest deadline first', () => {
    for (const [role, data] of inbox) {
      expect(data.role).toBe(role);
      for (const item of data.items) {
        expect(item.entries.length).toBeGreaterThan(0);
        expect(item.entries.length).toBeLessThanOrEqual(5);
        expect(item.count).toBeGreaterThanOrEqual(item.entries.length);
        expect(item.link.startsWith('/')).toBe(true);
        for (const entry of item.entries) expect(entry.link.startsWith('/')).toBe(true);
      }
      if (role !== 'analyst') {
        const keys = data.items.map(sortKey);
        expect(keys).toEqual([...keys].sort((a, b) => a - b));
      }
    }
  });

  it(
    'shows the officer the proposals to check, the selection ready to decide and open objections, ' +
      'counted from the data',
    async () => {
      const officer = inbox.get('officer');
      const kinds = officer?.items.map((i) => i.kind) ?? [];
      const db = t.database.db;
      const submitted = await db
        .selectFrom('proposals')
        .select(sql<string>`count(*)`.as('n'))
        .where('status', '=', 'submitted')
        .executeTakeFirstOrThrow();
      const eligibility = officer?.items.find((i) => i.kind === 'eligibility');
      expect(eligibility?.count ?? 0).toBe(Number(submitted.n));
      const objections = await db
        .selectFrom('review_objections')
        .select(sql<string>`count(*)`.as('n'))
        .where('status', '=', 'open')
        .executeTakeFirstOrThrow();
      expect(officer?.items.find((i) => i.kind === 'objections')?.count ?? 0).toBe(Number(objections.n));
      const toValidate = await db
        .selectFrom('kpi_measurements')
        .select(sql<string>`count(*)`.as('n'))
        .where('status', '=', 'reported')
        .executeTakeFirstOrThrow();
      expect(officer?.items.find((i) => i.kind === 'kpiToValidate')?.count ?? 0).toBe(Number(toValidate.n));
      // The demo has work waiting for the officer.
      expect(kinds.length).toBeGreaterThanOrEqual(3);
    },
  );

  it("lists only the manager's own clusters", async () => {
    const manager = inbox.get('manager');
    const own = await t.database.db
      .selectFrom('user_clusters as uc')
      .innerJoin('users as u', 'u.id', 'uc.user_id')
      .select('uc.cluster_id')
      .where('u.role', '=', 'manager')
      .execute();
    const ownIds = new Set(own.map((o) => o.cluster_id));
    const clusterLinks = (manager?.items ?? [])
      .flatMap((i) => i.entries)
      .map((e) => /\/clusters\/([0-9a-f-]{36})/.exec(e.link)?.[1])
      .filter((id): id is string => Boolean(id));
    for (const id of clusterLinks) expect(ownIds.has(id)).toBe(true);
    expect(manager?.items.length).toBeGreaterThan(0);
  });

  it("gives the applicant their drafts with the call's deadline, and the expert their reviews due", async () => {
    const applicant = inbox.get('applicant');
    const db = t.database.db;
    const drafts = await db
      .selectFrom('proposals as p')
      .innerJoin('users as u', 'u.id', 'p.owner_user_id')
      .select(sql<string>`count(*)`.as('n'))
      .where('u.role', '=', 'applicant')
      .where('p.status', '=', 'draft')
      .executeTakeFirstOrThrow();
    expect(applicant?.items.find((i) => i.kind === 'drafts')?.count ?? 0).toBe(Number(drafts.n));

    const expertClient = await t.loginAs('expert');
    const assignments = (await expertClient.get('/api/review/my/assignments')).json().data as {
      proposalId: string;
      reviewStatus: string | null;
    }[];
    const open = assignments.filter((a) => a.reviewStatus !== 'submitted');
    const due = inbox.get('expert')?.items.find((i) => i.kind === 'reviewsDue');
    expect(due?.count ?? 0).toBe(open.length);
    for (const entry of due?.entries ?? []) {
      expect(open.map((a) => `/review/proposals/${a.proposalId}`)).toContain(entry.link);
    }
  });

  it('gives the analyst figures and what changed, without personal data', () => {
    const analyst = inbox.get('analyst');
    expect(analyst?.figures.map((f) => f.kind)).toEqual([
      'activeClusters',
      'memberships',
      'openCalls',
      'kpiValues',
    ]);
    expect(analyst?.figures.find((f) => f.kind === 'activeClusters')?.value).toBeGreaterThan(0);
    expect(JSON.stringify(analyst)).not.toMatch(/@speerpunt\.example/);
  });

  it('refuses anonymous callers', async () => {
    expect((await t.anonymous.get('/api/inbox')).statusCode).toBe(401);
  });
});
