import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';

describe('cluster-specific KPIs, settings and the diffusion register', () => {
  let t: TestApp;
  let manager: TestClient;
  let officer: TestClient;
  let analyst: TestClient;
  let ownClusterId: string;
  let otherClusterId: string;

  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.loginAs('manager');
    officer = await t.loginAs('officer');
    analyst = await t.loginAs('analyst');
    ownClusterId = (
      await t.database.db
        .selectFrom('user_clusters')
        .select('cluster_id')
        .where('user_id', '=', manager.userId ?? '')
        .executeTakeFirstOrThrow()
    ).cluster_id;
    otherClusterId = (
      await t.database.db
        .selectFrom('clusters')
        .select('id')
        .where('id', '!=', ownClusterId)
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  const proposal = (clusterId: string, code: string) => ({
    code,
    nameNl: 'Laadpalen geïnstalleerd (voorbeeld)',
    nameEn: 'Charging points installed (example)',
    unit: 'count',
    direction: 'higher',
    aggregation: 'sum',
    lens: 'transition',
    source: 'reported',
    evidenceRequired: false,
    clusterId,
  });

  it('a manager proposes a KPI for their own cluster; the officer approves it; then it can be reported', async () => {
    expect(
      (await manager.post('/api/kpis/definitions', proposal(otherClusterId, 'OTHER_CLUSTER_KPI'))).statusCode,
    ).toBe(404);
    expect(
      (
        await manager.post('/api/kpis/definitions', {
          ...proposal(ownClusterId, 'STANDARD_BY_MANAGER'),
          clusterId: null,
        })
      ).statusCode,
    ).toBe(403);
    const created = await manager.post('/api/kpis/definitions', proposal(ownClusterId, 'CHARGING_POINTS'));
    expect(created.statusCode, created.body).toBe(201);
    const definition = created.json().data;
    expect(definition.approvalStatus).toBe('proposed');
    expect(
      (await manager.post('/api/kpis/definitions', proposal(ownClusterId, 'CHARGING_POINTS'))).json().code,
    ).toBe('KPI_CODE_TAKEN');

    const period = await t.database.db
      .selectFrom('reporting_periods')
      .select('id')
      .where('code', '=', '2026')
      .executeTakeFirstOrThrow();
    const early = await manager.post(`/api/kpis/clusters/${ownClusterId}/measurements`, {
      definitionId: definition.id,
      periodId: period.id,
      value: 4,
    });
    expect(early.statusCode).toBe(404);

    const decided = await officer.post(`/api/kpis/definitions/${definition.id}/decision`, {
      decision: 'approved',
      comment: 'Goed voorstel.',
    });
    expect(decided.json().data.approvalStatus).toBe('approved');
    expect(
      (await officer.post(`/api/kpis/definitions/${definition.id}/decision`, { decision: 'rejected' })).json()
        .code,
    ).toBe('KPI_DEFINITION_NOT_PROPOSED');
    const notes = await t.database.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', manager.userId ?? '')
      .where('kind', '=', 'kpi.definition_decided')
      .execute();
    expect(notes).toHaveLength(1);

    expect(
      (
        await manager.post(`/api/kpis/clusters/${ownClusterId}/measurements`, {
          definitionId: definition.id,
          periodId: period.id,
          value: 4,
        })
      ).statusCode,
    ).toBe(201);
    // The cluster's own KPI is on its dashboard, not on another cluster's.
    const own = (await officer.get(`/api/kpis/clusters/${ownClusterId}/dashboard`)).json().data.kpis as {
      definition: { code: string };
    }[];
    const other = (await officer.get(`/api/kpis/clusters/${otherClusterId}/dashboard`)).json().data.kpis as {
      definition: { code: string };
    }[];
    expect(own.some((k) => k.definition.code === 'CHARGING_POINTS')).toBe(true);
    expect(other.some((k) => k.definition.code === 'CHARGING_POINTS')).toBe(false);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', definition.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['kpi.definition_proposed', 'kpi.definition_approved']);
  });

  it('the tolerance is a setting: widening it turns off-track values into at-risk ones', async () => {
    const statuses = async () => {
      const kpis = (await analyst.get(`/api/kpis/clusters/${ownClusterId}/dashboard`)).json().data.kpis as {
        values: { status: string }[];
      }[];
      return kpis.flatMap((k) => k.values.map((v) => v.status));
    };
    const before = await statuses();
    expect((await analyst.put('/api/kpis/settings', { tolerance: 1, zScoreThreshold: 2 })).statusCode).toBe(
      403,
    );
    expect((await officer.put('/api/kpis/settings', { tolerance: 2, zScoreThreshold: 2 })).json().code).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      (await officer.put('/api/kpis/settings', { tolerance: 1, zScoreThreshold: 2.5 })).json().data.tolerance,
    ).toBe(1);
    const after = await statuses();
    const offTrack = (list: string[]) => list.filter((s) => s === 'off_track').length;
    expect(offTrack(after)).toBeLessThan(offTrack(before));
  });

  it('a manager records diffusion activities for their own cluster only; the computed KPI counts them', async () => {
    const body = {
      clusterId: ownClusterId,
      kind: 'workshop',
      title: 'Workshop slimme netten (voorbeeld)',
      heldOn: '2026-10-10',
      participants: 40,
      smesReached: 12,
      nonMemberCompaniesReached: 9,
    };
    const count = async () => {
      const kpis = (await officer.get(`/api/kpis/clusters/${ownClusterId}/dashboard`)).json().data as {
        periods: { id: string; code: string }[];
        kpis: { definition: { code: string }; values: { periodId: string; value: number | null }[] }[];
      };
      const period = kpis.periods.find((p) => p.code === '2026');
      return (
        kpis.kpis
          .find((k) => k.definition.code === 'DIFFUSION_ACTIVITIES')
          ?.values.find((v) => v.periodId === period?.id)?.value ?? null
      );
    };
    const before = await count();
    expect(
      (await manager.post('/api/kpis/diffusion-activities', { ...body, clusterId: otherClusterId }))
        .statusCode,
    ).toBe(404);
    expect(
      (await manager.post('/api/kpis/diffusion-activities', { ...body, participants: -1 })).statusCode,
    ).toBe(400);
    expect((await manager.post('/api/kpis/diffusion-activities', body)).statusCode).toBe(201);
    expect(await count()).toBe((before ?? 0) + 1);
    const listed = (await manager.get('/api/kpis/diffusion-activities')).json().data as {
      clusterId: string;
    }[];
    expect(listed.every((a) => a.clusterId === ownClusterId)).toBe(true);
  });
});
