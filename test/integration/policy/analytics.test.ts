import { gunzipSync } from 'node:zlib';
import { brusselsToday } from '../../../src/shared/brussels-time';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import { systemActor } from '../../../src/server/http/actor';
import type { StepContext } from '../../../src/server/http/request-context';
import { generateRegister } from '../../../src/server/modules/policy/generate-register';
import { buildNetwork } from '../../../src/server/modules/policy/network';
import { MAX_DRAWN_EDGES, presentNetwork } from '../../../src/server/modules/policy/network.presenter';

describe('policy analytics on the demo data plus a generated register', () => {
  let t: TestApp;
  let officer: TestClient;
  let analyst: TestClient;
  let ctx: StepContext;
  const today = brusselsToday(new Date());

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.loginAs('officer');
    analyst = await t.loginAs('analyst');
    ctx = {
      db: t.database.db,
      actor: null,
      auditActor: systemActor('test'),
      requestId: null,
      now: () => new Date(),
      config: t.config,
    };
  });
  afterAll(() => t.close());

  it('lists the weakest themes; themes no cluster declares and no project carries are uncovered', async () => {
    const response = await analyst.get('/api/policy/coverage');
    expect(response.statusCode).toBe(200);
    const data = response.json().data;
    expect(data.weakest.length).toBeGreaterThan(0);
    const coverages = data.ranking.map((r: { coverage: number }) => r.coverage);
    expect(coverages).toEqual([...coverages].sort((a: number, b: number) => a - b));
    // Independent: themes without a cluster link and without a project.
    const uncovered = await sql<{ code: string }>`
      select t.code from themes t where t.kind in ('strategic_theme','technology_domain','transition')
        and not exists (select 1 from cluster_themes ct join clusters c on c.id = ct.cluster_id and c.status
          <> 'ended' where ct.theme_id = t.id)
        and not exists (select 1 from project_themes pt join projects p on p.id = pt.project_id and p.status
          <> 'stopped' where pt.theme_id = t.id)
      order by t.code`.execute(t.database.db);
    expect(
      data.ranking
        .filter((r: { isUncovered: boolean }) => r.isUncovered)
        .map((r: { code: string }) => r.code)
        .sort(),
    ).toEqual(uncovered.rows.map((r) => r.code));
    for (const cell of data.cells) {
      expect(cell.strength).toBeGreaterThanOrEqual(0);
      expect(cell.strength).toBeLessThanOrEqual(1);
    }
    const links = await t.database.db
      .selectFrom('cluster_themes')
      .select(['cluster_id', 'theme_id'])
      .execute();
    const linkedCells = data.cells.filter((c: { linked: boolean }) => c.linked).length;
    const activeClusterIds = new Set(data.clusters.map((c: { id: string }) => c.id));
    const themeIds = new Set(data.themes.map((x: { id: string }) => x.id));
    expect(linkedCells).toBe(
      links.filter((l) => activeClusterIds.has(l.cluster_id) && themeIds.has(l.theme_id)).length,
    );
    const csv = await analyst.get('/api/policy/exports/themes?format=csv');
    expect(csv.body.split('\r\n')[0]).toBe(
      'code,kind,theme,coverage,clusters_linked,clusters_active,projects,proposals,uncovered',
    );
  });

  it('shows call proposals on a theme as candidates beside its coverage', async () => {
    const db = t.database.db;
    const call = await db.selectFrom('calls').select('id').executeTakeFirstOrThrow();
    const owner = await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'applicant')
      .executeTakeFirstOrThrow();
    const theme = await db
      .selectFrom('themes')
      .select('id')
      .where('code', '=', 'ST-SPACE')
      .executeTakeFirstOrThrow();
    const before = (await officer.get('/api/policy/coverage'))
      .json()
      .data.ranking.find((r: { id: string }) => r.id === theme.id);
    for (const [reference, status] of [
      ['POLICY-T-1', 'submitted'],
      ['POLICY-T-2', 'draft'],
      ['POLICY-T-3', 'withdrawn'],
      ['POLICY-T-4', 'eligible'],
    ] as const) {
      const proposal = await db
        .insertInto('proposals')
        .values({
          call_id: call.id,
          reference,
          title: `Ruimtevaartvoorstel ${reference} (test)`,
          owner_user_id: owner.id,
          status,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('proposal_themes')
        .values({ proposal_id: proposal.id, theme_id: theme.id })
        .execute();
    }
    const after = (await officer.get('/api/policy/coverage')).json().data;
    const row = after.ranking.find((r: { id: string }) => r.id === theme.id);
    // Drafts and withdrawn proposals do not count.
    expect(row.proposals - before.proposals).toBe(2);
    expect(row.isCandidate).toBe(true);
  });

  it('names the closest pair of clusters and why, matching a plain recount of members and themes', async () => {
    const data = (await officer.get('/api/policy/overlap')).json().data;
    const members = await sql<{ cluster_id: string; organisation_id: string }>`
      select cluster_id, organisation_id from memberships where valid_from <= ${today}::date and (valid_to
        is null or valid_to >= ${today}::date)`.execute(t.database.db);
    const themes = await t.database.db
      .selectFrom('cluster_themes')
      .select(['cluster_id', 'theme_id'])
      .execute();
    const clusters = data.clusters.map((c: { id: string }) => c.id) as string[];
    const setOf = (rows: { cluster_id: string; value: string }[], id: string) =>
      new Set(rows.filter((r) => r.cluster_id === id).map((r) => r.value));
    const m = members.rows.map((r) => ({ cluster_id: r.cluster_id, value: r.organisation_id }));
    const th = themes.map((r) => ({ cluster_id: r.cluster_id, value: r.theme_id }));
    const j = (a: Set<string>, b: Set<string>) => {
      const shared = [...a].filter((x) => b.has(x)).length;
      const union = new Set([...a, ...b]).size;
      return union === 0 ? 0 : shared / union;
    };
    let best = { score: -1, pair: '' };
    for (let i = 0; i < clusters.length; i++) {
      for (let k = i + 1; k < clusters.length; k++) {
        const score =
          (j(setOf(m, clusters[i]), setOf(m, clusters[k])) +
            j(setOf(th, clusters[i]), setOf(th, clusters[k]))) /
          2;
        if (score > best.score + 1e-9) best = { score, pair: [clusters[i], clusters[k]].sort().join('|') };
      }
    }
    expect([data.closest.clusterA.id, data.closest.clusterB.id].sort().join('|')).toBe(best.pair);
    expect(data.closest.similarity).toBeCloseTo(best.score, 4);
    expect(data.closest.sharedMembers + data.closest.sharedThemes.length).toBeGreaterThan(0);
  });

  it('pages the overlap pairs on the server and draws a bounded heatmap', async () => {
    const whole = (await analyst.get('/api/policy/overlap?pageSize=500')).json().data;
    expect(whole.page).toEqual({ page: 1, pageSize: 500, total: whole.pairs.length });
    // A small portfolio lists every pair.
    const clusters = await t.database.db
      .selectFrom('clusters')
      .select('id')
      .where('status', '!=', 'ended')
      .execute();
    expect(whole.totalPairs).toBe((clusters.length * (clusters.length - 1)) / 2);
    expect(whole.page.total).toBe(whole.totalPairs);
    const second = (await analyst.get('/api/policy/overlap?page=2&pageSize=3')).json().data;
    expect(second.page).toEqual({ page: 2, pageSize: 3, total: whole.page.total });
    expect(second.pairs).toEqual(whole.pairs.slice(3, 6));
    expect(second.closest).toEqual(whole.pairs[0]);
    const similarities = whole.pairs.map((p: { similarity: number }) => p.similarity);
    expect(similarities).toEqual([...similarities].sort((a: number, b: number) => b - a));
    // The heatmap: at most 30 clusters, among them those of the closest pair, and every pair among them.
    const shown = whole.clusters.map((c: { id: string }) => c.id);
    expect(shown.length).toBeLessThanOrEqual(30);
    expect(shown).toEqual(expect.arrayContaining([whole.closest.clusterA.id, whole.closest.clusterB.id]));
    expect(whole.cells).toHaveLength((shown.length * (shown.length - 1)) / 2);
    const bySimilarity = new Map(
      whole.pairs.map((p: { clusterA: { id: string }; clusterB: { id: string }; similarity: number }) => [
        [p.clusterA.id, p.clusterB.id].sort().join('|'),
        p.similarity,
      ]),
    );
    for (const cell of whole.cells) {
      expect(shown).toEqual(expect.arrayContaining([cell.a, cell.b]));
      expect(cell.similarity).toBe(bySimilarity.get([cell.a, cell.b].sort().join('|')));
    }
    const past = (await analyst.get(`/api/policy/overlap?page=${whole.page.total + 1}&pageSize=1`)).json()
      .data;
    expect(past.pairs).toEqual([]);
    expect((await analyst.get('/api/policy/overlap?pageSize=501')).statusCode).toBe(400);
  });

  it('pages the coverage heatmap by cluster columns (strongest first) and keeps the theme ranking whole', async () => {
    const whole = (await analyst.get('/api/policy/coverage?pageSize=500')).json().data;
    const page = (await analyst.get('/api/policy/coverage?pageSize=2&page=2')).json().data;
    expect(page.page).toEqual({ page: 2, pageSize: 2, total: whole.clusters.length });
    expect(page.clusters).toEqual(whole.clusters.slice(2, 4));
    expect(page.ranking).toEqual(whole.ranking);
    const strengths = whole.clusters.map((c: { strength: number }) => c.strength);
    expect(strengths).toEqual([...strengths].sort((a: number, b: number) => b - a));
    const shown = new Set(page.clusters.map((c: { id: string }) => c.id));
    expect(page.cells.length).toBeGreaterThan(0);
    for (const cell of page.cells) {
      expect(shown.has(cell.clusterId)).toBe(true);
      expect(cell.strength).toBeGreaterThan(0);
    }
    // A cluster's strength is the sum of its cells; each theme names its strongest clusters (at most 3).
    for (const cluster of page.clusters) {
      const sum = page.cells
        .filter((c: { clusterId: string }) => c.clusterId === cluster.id)
        .reduce((total: number, c: { strength: number }) => total + c.strength, 0);
      expect(cluster.strength).toBeCloseTo(sum, 3);
    }
    for (const theme of whole.ranking) {
      expect(theme.strongest.length).toBeLessThanOrEqual(3);
      const cellsOfTheme = whole.cells
        .filter((c: { themeId: string }) => c.themeId === theme.id)
        .map((c: { strength: number }) => c.strength)
        .sort((a: number, b: number) => b - a);
      expect(theme.strongest.map((c: { strength: number }) => c.strength)).toEqual(cellsOfTheme.slice(0, 3));
    }
    expect((await analyst.get('/api/policy/coverage?pageSize=501')).statusCode).toBe(400);
  });

  it('sends the overlap as cached JSON text until the portfolio changes', async () => {
    const first = await analyst.get('/api/policy/overlap');
    const second = await officer.get('/api/policy/overlap');
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(second.body).toBe(first.body);
    const organisation = await t.database.db
      .selectFrom('organisations')
      .select('id')
      .executeTakeFirstOrThrow();
    const cluster = await t.database.db
      .selectFrom('clusters')
      .select('id')
      .where('status', '!=', 'ended')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('memberships')
              .select('id')
              .whereRef('memberships.cluster_id', '=', 'clusters.id')
              .where('memberships.organisation_id', '=', organisation.id),
          ),
        ),
      )
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('memberships')
      .values({ cluster_id: cluster.id, organisation_id: organisation.id, valid_from: '2020-01-01' })
      .execute();
    const third = await analyst.get('/api/policy/overlap');
    expect(third.body).not.toBe(first.body);
    await t.database.db
      .deleteFrom('memberships')
      .where('cluster_id', '=', cluster.id)
      .where('organisation_id', '=', organisation.id)
      .execute();
  });

  it('sends a large cached answer gzipped to a client that accepts it, and plain to one that does not', async () => {
    const plain = await analyst.get('/api/policy/network');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    const zipped = await analyst.request('GET', '/api/policy/network', undefined, {
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
    const refused = await analyst.request('GET', '/api/policy/network', undefined, {
      'accept-encoding': 'gzip;q=0, identity',
    });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(plain.body);
  });

  it('computes network figures that match an independent count in plain SQL', async () => {
    const data = (await analyst.get('/api/policy/network')).json().data;
    const db = t.database.db;
    const one = async (query: ReturnType<typeof sql<{ n: string | number }>>) =>
      Number((await query.execute(db)).rows[0].n);
    const current = sql`m.valid_from <= ${today}::date and (m.valid_to is null or m.valid_to >= ${today}::date)`;
    const pairs = sql`(select distinct x.organisation_id as a, y.organisation_id as b from
      project_participants x join project_participants y on y.project_id = x.project_id and
      x.organisation_id < y.organisation_id)`;
    const organisations = await one(
      sql<{
        n: number;
      }>`select count(*) as n from organisations o where exists (select 1 from project_participants pp where
        pp.organisation_id = o.id) or exists (select 1 from memberships m where m.organisation_id = o.id and
        ${current})`,
    );
    const collaborations = await one(sql<{ n: number }>`select count(*) as n from ${pairs} p`);
    const crossHelix = await one(
      sql<{
        n: number;
      }>`select count(*) as n from ${pairs} p join organisations a on a.id = p.a join organisations b on
        b.id = p.b where a.helix <> b.helix`,
    );
    const withSme = await one(
      sql<{
        n: number;
      }>`select count(*) as n from ${pairs} p join organisations a on a.id = p.a join organisations b on
        b.id = p.b where a.size_class in ('micro','small','medium') or b.size_class in
        ('micro','small','medium')`,
    );
    const crossCluster = await one(sql<{ n: number }>`select count(*) as n from ${pairs} p where not exists (
      select 1 from memberships m join memberships m2 on m2.cluster_id = m.cluster_id and m2.organisation_id
        = p.b and m2.valid_from <= ${today}::date and (m2.valid_to is null or m2.valid_to >= ${today}::date)
      where m.organisation_id = p.a and ${current})`);
    const membershipLinks = await one(sql<{
      n: number;
    }>`select count(*) as n from (select distinct m.organisation_id as a, m2.organisation_id as b from memberships m
      join memberships m2 on m2.cluster_id = m.cluster_id and m.organisation_id < m2.organisation_id and
        m2.valid_from <= ${today}::date and (m2.valid_to is null or m2.valid_to >= ${today}::date)
      where ${current}) x`);
    const links = await one(sql<{
      n: number;
    }>`select count(*) as n from (select a, b from ${pairs} p union select distinct m.organisation_id,
      m2.organisation_id from memberships m
      join memberships m2 on m2.cluster_id = m.cluster_id and m.organisation_id < m2.organisation_id and
        m2.valid_from <= ${today}::date and (m2.valid_to is null or m2.valid_to >= ${today}::date)
      where ${current}) x`);
    expect(collaborations).toBeGreaterThan(0);
    expect(data.figures).toMatchObject({
      organisations,
      collaborations,
      crossHelix,
      withSme,
      crossCluster,
      membershipLinks,
      links,
    });
    expect(data.bridging.length).toBeGreaterThan(0);
    expect(data.drawing.note).toBe('complete');
    expect(data.drawing.shownNodes).toBe(organisations);
  });

  it('draws only the largest component (and says so) when the graph is too large', async () => {
    const graph = await buildNetwork(t.database.db, today);
    const view = presentNetwork(graph, 10);
    expect(view.drawing.note).toBe('largest_component_bridging');
    expect(view.drawing.shownNodes).toBe(10);
    expect(view.drawing.totalNodes).toBe(graph.organisations);
    // Only links between drawn organisations, strongest first, within the bound.
    const drawn = new Set(view.drawing.nodes.map((n) => n.id));
    const inDrawing = (position: number) => position >= 0 && position < view.drawing.nodes.length;
    expect(view.drawing.edges.every((e) => inDrawing(e.source) && inDrawing(e.target))).toBe(true);
    expect(view.drawing.edges.length).toBeLessThanOrEqual(MAX_DRAWN_EDGES);
    // The most bridging first: no organisation left out scores higher than one drawn.
    const all = presentNetwork(graph);
    const score = new Map(all.bridging.map((b) => [b.id, b.betweenness]));
    const lowestDrawn = Math.min(...view.drawing.nodes.map((n) => score.get(n.id) ?? 0));
    expect(all.bridging.filter((b) => !drawn.has(b.id)).every((b) => b.betweenness <= lowestDrawn)).toBe(
      true,
    );
  });

  it('keeps the figures when members link through cluster nodes and collaborations are cut', async () => {
    const db = t.database.db;
    const full = presentNetwork(await buildNetwork(db, today));
    expect(full.mode).toBe('member_pairs');
    const bipartite = presentNetwork(await buildNetwork(db, today, { maxMemberPairs: 0 }));
    const cut = presentNetwork(await buildNetwork(db, today, { maxCollaborationPairs: 0 }));
    expect(bipartite.mode).toBe('bipartite');
    const kept = ['organisations', 'collaborations', 'crossHelix', 'crossCluster', 'withSme'] as const;
    for (const key of kept) {
      expect(bipartite.figures[key], key).toBe(full.figures[key]);
      expect(cut.figures[key], key).toBe(full.figures[key]);
    }
    // Co-membership connects the same organisations whether as pairs or through a cluster node.
    expect(bipartite.figures.components).toBe(full.figures.components);
    expect(bipartite.figures.largestComponent).toBe(full.figures.largestComponent);
    // Bipartite: a membership link per current membership; the drawing links co-members directly.
    const memberships = await sql<{ n: string | number }>`select count(*) as n from (select distinct
      organisation_id, cluster_id from memberships where valid_from <= ${today}::date and
      (valid_to is null or valid_to >= ${today}::date)) m`.execute(db);
    expect(bipartite.figures.membershipLinks).toBe(Number(memberships.rows[0].n));
    const small = presentNetwork(await buildNetwork(db, today, { maxMemberPairs: 0 }), 20);
    expect(small.drawing.nodes).toHaveLength(20);
    expect(small.drawing.edges.some((e) => e.clusters > 0)).toBe(true);
    for (const e of small.drawing.edges.filter((x) => x.clusters > 0)) {
      const a = small.drawing.nodes[e.source].clusters;
      expect(small.drawing.nodes[e.target].clusters.some((c) => a.includes(c))).toBe(true);
    }
  });

  it('explains an empty register, then shows the footprint of a generated one per NACE sector', async () => {
    const empty = (await officer.get('/api/policy/footprint')).json().data;
    expect(empty.note).toBe('register_empty');
    expect(empty.rows).toEqual([]);
    const generated = await generateRegister(ctx, { enterprises: 1500 });
    expect(generated.enterprises).toBe(1500 + generated.fromOrganisations);
    await expect(generateRegister(ctx, { enterprises: 10 })).rejects.toMatchObject({
      code: 'POLICY_REGISTER_NOT_EMPTY',
    });

    const sections = (await officer.get('/api/policy/footprint?level=section')).json().data;
    expect(sections.note).toBeNull();
    // Independent count in JS over the raw rows: Flemish postcodes 1500–3999 and 8000–9999.
    const addresses = await t.database.db
      .selectFrom('kbo_addresses')
      .select(['entity_number', 'zipcode'])
      .where('type_of_address', '=', 'REGO')
      .execute();
    const flemish = new Set(
      addresses
        .filter(
          (a) =>
            /^\d{4}$/.test(a.zipcode ?? '') &&
            ((Number(a.zipcode) >= 1500 && Number(a.zipcode) <= 3999) || Number(a.zipcode) >= 8000),
        )
        .map((a) => a.entity_number),
    );
    expect(sections.register.flemish).toBe(flemish.size);
    expect(sections.register.withoutAddress).toBeGreaterThan(0);
    const activities = await t.database.db
      .selectFrom('kbo_activities')
      .select(['entity_number', 'nace_code'])
      .where('classification', '=', 'MAIN')
      .execute();
    const manufacturing = new Set(
      activities
        .filter(
          (a) =>
            flemish.has(a.entity_number) &&
            Number(a.nace_code.slice(0, 2)) >= 10 &&
            Number(a.nace_code.slice(0, 2)) <= 33,
        )
        .map((a) => a.entity_number),
    );
    const sectionC = sections.rows.find((r: { code: string }) => r.code === 'C');
    expect(sectionC.enterprises).toBe(manufacturing.size);
    expect(sectionC.members).toBeGreaterThan(0);
    expect(sectionC.label).toBe('Industrie');
    // Sectors without any cluster member stand out among the weakest.
    const divisions = (await officer.get('/api/policy/footprint?level=division')).json().data;
    expect(divisions.weakest.length).toBeGreaterThan(0);
    expect(divisions.weakest[0].share).toBe(
      Math.min(...divisions.weakest.map((r: { share: number }) => r.share)),
    );
    expect(divisions.rows.find((r: { code: string }) => r.code === '56').members).toBe(0);
    const groups = (await officer.get('/api/policy/footprint?level=group')).json().data;
    expect(groups.rows.every((r: { code: string }) => r.code.length === 3)).toBe(true);
    const csv = await officer.get('/api/policy/exports/footprint?format=csv&level=section');
    expect(csv.body).toContain('Industrie');

    await t.database.db.deleteFrom('kbo_addresses').execute();
    expect((await officer.get('/api/policy/footprint')).json().data.note).toBe('register_without_addresses');
  });
});
