import { sql } from 'kysely';
import { brusselsToday } from '../../../src/shared/brussels-time';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';

describe('clusters, themes and open data', () => {
  let t: TestApp;
  let officer: TestClient;
  let manager: TestClient;
  let analyst: TestClient;
  let admin: TestClient;
  let ownClusterId: string;
  let otherClusterId: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.loginAs('officer');
    manager = await t.loginAs('manager');
    analyst = await t.loginAs('analyst');
    admin = await t.loginAs('admin');
    ownClusterId = (
      await t.database.db
        .selectFrom('user_clusters')
        .select('cluster_id')
        .where('user_id', '=', manager.userId as string)
        .executeTakeFirstOrThrow()
    ).cluster_id;
    otherClusterId = (
      await t.database.db
        .selectFrom('clusters')
        .select('id')
        .where('id', '!=', ownClusterId)
        .where('kind', '=', 'spearhead')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  it(
    'lists the portfolio with member mix, SME share, transitions and themes; filters by kind and ' +
      'transition',
    async () => {
      const response = await analyst.get('/api/clusters');
      expect(response.statusCode).toBe(200);
      const clusters = response.json().data;
      expect(clusters.length).toBeGreaterThanOrEqual(8);
      const flux = clusters.find((c: { shortName: string }) => c.shortName === 'Flux50');
      expect(flux.transitions.map((t: { code: string }) => t.code)).toContain('energy');
      expect(flux.memberSummary.members).toBeGreaterThan(0);
      expect(flux.memberSummary.smeShare).toBeGreaterThanOrEqual(0);
      // Analysts see no names of people.
      expect(clusters.every((c: { officerName: string | null }) => c.officerName === null)).toBe(true);
      expect((await officer.get('/api/clusters')).json().data[0].officerName).not.toBeNull();

      const networks = await analyst.get('/api/clusters?kind=business_network');
      expect(networks.json().data.every((c: { kind: string }) => c.kind === 'business_network')).toBe(true);
      const energy = await t.database.db
        .selectFrom('themes')
        .select('id')
        .where('kind', '=', 'transition')
        .where('code', '=', 'energy')
        .executeTakeFirstOrThrow();
      const byTransition = await analyst.get(`/api/clusters?transitionId=${energy.id}`);
      expect(byTransition.json().data.map((c: { shortName: string }) => c.shortName)).toEqual(
        expect.arrayContaining(['Flux50', 'IBN-Waterstof']),
      );
      expect(byTransition.json().data.map((c: { shortName: string }) => c.shortName)).not.toContain('MEDVIA');
      expect((await analyst.get('/api/clusters.xlsx')).statusCode).toBe(200);
    },
  );

  it("keeps the list per viewer until a cluster or an officer's name changes, not at sign-ins", async () => {
    const db = t.database.db;
    const cluster = await db
      .selectFrom('clusters')
      .innerJoin('users', 'users.id', 'clusters.officer_user_id')
      .select(['clusters.id', 'users.id as officerId', 'users.name'])
      .executeTakeFirstOrThrow();
    const officerNameIn = async (client: TestClient) => {
      const response = await client.get('/api/clusters?pageSize=100');
      expect(response.statusCode).toBe(200);
      const listed = response.json().data.find((c: { id: string }) => c.id === cluster.id);
      return {
        name: listed.officerName as string | null,
        create: response.json().abilities.create as boolean,
      };
    };
    expect(await officerNameIn(officer)).toEqual({ name: cluster.name, create: true });
    // The analyst is sent the same page without people's names and without the right to create.
    expect(await officerNameIn(analyst)).toEqual({ name: null, create: false });
    const revision = () =>
      db
        .selectFrom('data_revisions')
        .select('revision')
        .where('name', '=', 'people')
        .executeTakeFirstOrThrow();
    const before = await revision();
    // A sign-in or a password change touches users without raising the people revision.
    await db
      .updateTable('users')
      .set({ updated_at: new Date() })
      .where('id', '=', cluster.officerId)
      .execute();
    expect(await revision()).toEqual(before);
    // A new name (as a provider's sign-in writes it) is shown at once.
    await db
      .updateTable('users')
      .set({ name: 'Officer renamed (example)' })
      .where('id', '=', cluster.officerId)
      .execute();
    expect((await officerNameIn(officer)).name).toBe('Officer renamed (example)');
    await db.updateTable('users').set({ name: cluster.name }).where('id', '=', cluster.officerId).execute();
    // So is a change of the cluster itself.
    await officer.patch(`/api/clusters/${cluster.id}`, { economicMission: 'A new mission (example).' });
    const listed = (await officer.get('/api/clusters?pageSize=100')).json().data;
    expect(listed.find((c: { id: string }) => c.id === cluster.id).economicMission).toBe(
      'A new mission (example).',
    );
  });

  it("counts a page's members as the whole-portfolio figures and an independent count do", async () => {
    const listed = (await analyst.get('/api/clusters?pageSize=500')).json();
    const open = (await t.app.inject({ method: 'GET', url: '/api/public/portfolio' })).json();
    const sum = listed.data.reduce(
      (n: number, c: { memberSummary: { members: number } }) => n + c.memberSummary.members,
      0,
    );
    expect(sum).toBe(open.data.totals.members);
    const today = brusselsToday(t.app.clock());
    const independent = await sql<{ cluster_id: string; members: number; companies: number }>`
      select cluster_id, count(distinct organisation_id)::int as members,
        count(distinct organisation_id) filter (where o.helix = 'company')::int as companies
      from memberships m join organisations o on o.id = m.organisation_id
      where m.valid_from <= ${today}::date and (m.valid_to is null or m.valid_to >= ${today}::date)
      group by cluster_id`.execute(t.database.db);
    for (const c of listed.data as {
      id: string;
      memberSummary: { members: number; byHelix: { company: number } };
    }[]) {
      const row = independent.rows.find((r) => r.cluster_id === c.id);
      expect(c.memberSummary.members).toBe(row?.members ?? 0);
      expect(c.memberSummary.byHelix.company).toBe(row?.companies ?? 0);
    }
  });

  it('searches clusters by name or short name, accents and case aside, one page at a time', async () => {
    const found = (await analyst.get('/api/clusters?q=flux')).json();
    expect(found.data.map((c: { shortName: string }) => c.shortName)).toEqual(['Flux50']);
    expect(found.page).toMatchObject({ page: 1, total: 1 });
    const paged = (await analyst.get('/api/clusters?pageSize=2&page=2')).json();
    expect(paged.data).toHaveLength(2);
    expect(paged.page.total).toBeGreaterThanOrEqual(8);
    // Pickers: search by name, or the names of the clusters a form has chosen.
    const names = (await analyst.get(`/api/lookups/clusters?ids=${ownClusterId},${otherClusterId}`)).json();
    expect(names.data.map((c: { id: string }) => c.id).sort()).toEqual([ownClusterId, otherClusterId].sort());
    expect((await analyst.get('/api/lookups/clusters?ids=not-an-id')).statusCode).toBe(400);
    // Only real UUIDs pass: 36 dashes would reach the database's uuid cast and fail there.
    expect((await analyst.get(`/api/lookups/clusters?ids=${'-'.repeat(36)}`)).statusCode).toBe(400);
  });

  it(
    'a manager edits mission, roadmap and themes of their own cluster, not officer fields nor other ' +
      'clusters',
    async () => {
      const circular = await t.database.db
        .selectFrom('themes')
        .select('id')
        .where('code', '=', 'circular_economy')
        .executeTakeFirstOrThrow();
      const response = await manager.patch(`/api/clusters/${ownClusterId}`, {
        economicMission: 'Een vernieuwde missie (voorbeeld).',
        goals: [{ title: 'Doel 1 (voorbeeld)', description: 'Meer kmo’s', targetYear: 2027 }],
        themeIds: [circular.id],
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().data).toMatchObject({ economicMission: 'Een vernieuwde missie (voorbeeld).' });
      expect(response.json().data.goals).toHaveLength(1);
      expect(response.json().data.transitions.map((x: { code: string }) => x.code)).toEqual([
        'circular_economy',
      ]);
      expect(
        (await manager.patch(`/api/clusters/${ownClusterId}`, { mandateEnd: '2030-12-31' })).statusCode,
      ).toBe(403);
      expect(
        (await manager.patch(`/api/clusters/${otherClusterId}`, { economicMission: 'x' })).statusCode,
      ).toBe(403);
      expect(
        (await manager.patch('/api/clusters/00000000-0000-4000-8000-000000000000', { economicMission: 'x' }))
          .statusCode,
      ).toBe(404);
      const detail = await manager.get(`/api/clusters/${ownClusterId}`);
      expect(detail.json().abilities).toMatchObject({ edit: true, editAll: false, promote: false });
      expect(detail.json().data.managers.length).toBeGreaterThan(0);
    },
  );

  it(
    'an officer creates a business network, moves it through its lifecycle and promotes it with ' +
      'date and motivation',
    async () => {
      const created = await officer.post('/api/clusters', {
        name: 'IBN Fotonica (voorbeeld)',
        shortName: 'IBN-Fotonica',
        kind: 'business_network',
        mandateStart: '2025-01-01',
        mandateEnd: '2027-12-31',
      });
      expect(created.statusCode).toBe(201);
      const id = created.json().data.id;
      expect(created.json().data.status).toBe('candidate');
      expect(
        (
          await officer.post('/api/clusters', {
            name: 'Dubbel',
            shortName: 'ibn-fotonica',
            kind: 'business_network',
          })
        ).json().code,
      ).toBe('CLUSTER_SHORT_NAME_TAKEN');

      const active = await officer.post(`/api/clusters/${id}/status`, {
        status: 'active',
        effectiveOn: '2025-01-01',
        motivation: 'Goedgekeurd na de oproep.',
      });
      expect(active.json().data.status).toBe('active');
      expect(
        (
          await officer.post(`/api/clusters/${id}/status`, { status: 'candidate', effectiveOn: '2025-02-01' })
        ).json().code,
      ).toBe('CLUSTER_STATUS_TRANSITION_INVALID');

      const promoted = await officer.post(`/api/clusters/${id}/promote`, {
        effectiveOn: '2026-01-01',
        motivation: 'Sterke groei en duidelijke strategische meerwaarde.',
        mandateEnd: '2031-12-31',
      });
      expect(promoted.statusCode).toBe(200);
      expect(promoted.json().data).toMatchObject({
        kind: 'spearhead',
        status: 'active',
        mandateStart: '2026-01-01',
        mandateEnd: '2031-12-31',
      });
      const history = promoted.json().data.history;
      expect(history.map((h: { event: string }) => h.event)).toEqual([
        'created',
        'status_changed',
        'promoted',
      ]);
      expect(history[2]).toMatchObject({
        fromKind: 'business_network',
        toKind: 'spearhead',
        effectiveOn: '2026-01-01',
      });
      expect(
        (
          await officer.post(`/api/clusters/${id}/promote`, {
            effectiveOn: '2026-02-01',
            motivation: 'Nogmaals promoveren kan niet.',
          })
        ).json().code,
      ).toBe('CLUSTER_NOT_PROMOTABLE');
      const audit = await t.database.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', '=', id)
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        'cluster.created',
        'cluster.status_changed',
        'cluster.promoted',
      ]);
    },
  );

  it('adds and ends memberships; refuses overlapping periods', async () => {
    const organisation = await t.database.db
      .selectFrom('organisations')
      .select('id')
      .where('name', 'like', 'Chip%')
      .executeTakeFirstOrThrow();
    await t.database.db
      .deleteFrom('memberships')
      .where('organisation_id', '=', organisation.id)
      .where('cluster_id', '=', ownClusterId)
      .execute();
    const added = await manager.post(`/api/clusters/${ownClusterId}/members`, {
      organisationId: organisation.id,
      validFrom: '2024-01-01',
    });
    expect(added.statusCode).toBe(201);
    expect(
      (
        await manager.post(`/api/clusters/${ownClusterId}/members`, {
          organisationId: organisation.id,
          validFrom: '2025-06-01',
        })
      ).json().code,
    ).toBe('MEMBERSHIP_OVERLAPS');
    const ended = await manager.patch(`/api/clusters/${ownClusterId}/members/${added.json().data.id}`, {
      validTo: '2025-05-31',
    });
    expect(ended.statusCode).toBe(204);
    expect(
      (
        await manager.post(`/api/clusters/${ownClusterId}/members`, {
          organisationId: organisation.id,
          validFrom: '2025-06-01',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await manager.post(`/api/clusters/${otherClusterId}/members`, {
          organisationId: organisation.id,
          validFrom: '2025-06-01',
        })
      ).statusCode,
    ).toBe(403);
    // A membership of another cluster answers like a missing one.
    const foreignMembership = await t.database.db
      .selectFrom('memberships')
      .select('id')
      .where('cluster_id', '=', otherClusterId)
      .executeTakeFirstOrThrow();
    expect(
      (
        await manager.patch(`/api/clusters/${ownClusterId}/members/${foreignMembership.id}`, {
          validTo: '2025-01-01',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('seeds the seven Visie 2050 transitions and the NACE sections; admins edit the taxonomy', async () => {
    const transitions = (await analyst.get('/api/themes?kind=transition')).json().data;
    expect(transitions.map((x: { code: string }) => x.code).sort()).toEqual([
      'care_living_together',
      'circular_economy',
      'energy',
      'industry_4_0',
      'lifelong_learning',
      'smart_living',
      'transport_mobility',
    ]);
    expect(transitions.every((x: { isExample: boolean }) => !x.isExample)).toBe(true);
    expect((await analyst.get('/api/themes?kind=sector')).json().data).toHaveLength(21);
    const strategic = (await analyst.get('/api/themes?kind=strategic_theme')).json().data;
    expect(strategic.length).toBeGreaterThan(0);
    expect(strategic.every((x: { isExample: boolean }) => x.isExample)).toBe(true);

    const parent = (await analyst.get('/api/themes?kind=technology_domain'))
      .json()
      .data.find((x: { code: string }) => x.code === 'TD-AI');
    const created = await admin.post('/api/themes', {
      kind: 'technology_domain',
      code: 'TD-AI-NLP',
      labelNl: 'Taaltechnologie',
      labelEn: 'Language technology',
      parentId: parent.id,
    });
    expect(created.statusCode).toBe(201);
    expect(
      (
        await admin.post('/api/themes', {
          kind: 'technology_domain',
          code: 'TD-AI-NLP',
          labelNl: 'x',
          labelEn: 'x',
        })
      ).json().code,
    ).toBe('THEME_CODE_TAKEN');
    expect(
      (await admin.patch(`/api/themes/${parent.id}`, { parentId: created.json().data.id })).json().code,
    ).toBe('THEME_PARENT_INVALID');
    const energy = transitions.find((x: { code: string }) => x.code === 'energy');
    expect(
      (
        await admin.post('/api/themes', {
          kind: 'technology_domain',
          code: 'TD-X',
          labelNl: 'x',
          labelEn: 'x',
          parentId: energy.id,
        })
      ).json().code,
    ).toBe('THEME_PARENT_INVALID');
    expect(
      (
        await admin.patch(`/api/themes/${created.json().data.id}`, { labelEn: 'Natural language processing' })
      ).json().data.labelEn,
    ).toBe('Natural language processing');
  });

  it('publishes open data without login and without personal data', async () => {
    const response = await t.anonymous.get('/api/public/portfolio');
    expect(response.statusCode).toBe(200);
    const data = response.json().data;
    expect(data.clusters.length).toBeGreaterThanOrEqual(6);
    expect(data.clusters[0]).toHaveProperty('membersByHelix');
    expect(data.clusters[0]).toHaveProperty('companiesBySize');
    const text = JSON.stringify(data);
    expect(text).not.toContain('@');
    for (const user of await t.database.db.selectFrom('users').select('name').execute())
      expect(text).not.toContain(user.name);
    const csv = await t.anonymous.get('/api/public/portfolio.csv');
    expect(csv.body.split('\r\n')[0]).toContain('short_name,name,kind,status');
    expect(csv.body).toContain('Flux50');
    const json = await t.anonymous.get('/api/public/portfolio.json');
    expect(json.headers['content-disposition']).toContain('speerpunt-portfolio.json');
    expect(JSON.parse(json.body).clusters.length).toBe(data.clusters.length);
  });
});
