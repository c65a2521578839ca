import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import { enterpriseNumberFrom } from '../../../src/shared/enterprise-number';

const M = 100_000_000;
const medium = {
  years: [
    { referenceYear: 2024, headcount: 120, turnoverCents: 30 * M, balanceSheetCents: 30 * M, related: [] },
  ],
};
const micro = {
  years: [{ referenceYear: 2024, headcount: 3, turnoverCents: 1 * M, balanceSheetCents: 1 * M, related: [] }],
};

describe('organisation figures: who may reclassify an organisation', () => {
  let t: TestApp;
  let officer: TestClient;
  let manager: TestClient;
  let analyst: TestClient;
  let clusterId: string;
  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.loginAs('officer');
    manager = await t.loginAs('manager');
    analyst = await t.loginAs('analyst');
    clusterId = (
      await t.database.db
        .selectFrom('user_clusters')
        .select('cluster_id')
        .where('user_id', '=', manager.userId as string)
        .executeTakeFirstOrThrow()
    ).cluster_id;
  });
  afterAll(() => t.close());

  it('a manager cannot add any organisation as a member and then overwrite its figures', async () => {
    const created = await officer.post('/api/organisations', {
      name: 'Middelgroot NV (voorbeeld)',
      helix: 'company',
      enterpriseNumber: enterpriseNumberFrom(4_700_001),
    });
    const id = created.json().data.id as string;
    expect((await officer.put(`/api/organisations/${id}/sme-figures`, medium)).json().data.sizeClass).toBe(
      'medium',
    );
    const added = await manager.post(`/api/clusters/${clusterId}/members`, {
      organisationId: id,
      validFrom: '2026-01-01',
    });
    expect(added.statusCode).toBe(201);
    const overwrite = await manager.put(`/api/organisations/${id}/sme-figures`, micro);
    expect(overwrite.statusCode).toBe(403);
    const organisation = await officer.get(`/api/organisations/${id}`);
    expect(organisation.json().data.sizeClass).toBe('medium');
    expect(organisation.json().abilities.editSme).toBe(true);
    expect((await manager.get(`/api/organisations/${id}`)).json().abilities.editSme).toBe(false);

    // Once the membership has stood for a week, the cluster's manager keeps the figures up to date.
    await t.database.db
      .updateTable('memberships')
      .set({ created_at: new Date(Date.now() - 8 * 86_400_000) })
      .where('organisation_id', '=', id)
      .execute();
    const settled = await manager.put(`/api/organisations/${id}/sme-figures`, micro);
    expect(settled.statusCode).toBe(200);

    // Every change is on the organisation: names for staff, roles for analysts.
    const history = (await officer.get(`/api/organisations/${id}/figures-history`)).json().data;
    expect(history.map((h: { sizeClassAfter: string }) => h.sizeClassAfter)).toEqual(['micro', 'medium']);
    expect(history[0].changedBy).toContain('Mieke');
    const seen = (await analyst.get(`/api/organisations/${id}/figures-history`)).json().data;
    expect(seen.map((h: { changedBy: string }) => h.changedBy)).toEqual(['manager', 'officer']);
  });

  it("a manager gives a new member its first figures, but not a non-member's", async () => {
    const fresh = await officer.post('/api/organisations', {
      name: 'Nieuw Lid BV (voorbeeld)',
      helix: 'company',
      enterpriseNumber: enterpriseNumberFrom(4_700_002),
    });
    const id = fresh.json().data.id as string;
    expect((await manager.put(`/api/organisations/${id}/sme-figures`, micro)).statusCode).toBe(403);
    await manager.post(`/api/clusters/${clusterId}/members`, { organisationId: id, validFrom: '2026-01-01' });
    expect((await manager.put(`/api/organisations/${id}/sme-figures`, micro)).statusCode).toBe(200);
    // A second change right after is an overwrite: refused until the membership has settled.
    expect((await manager.put(`/api/organisations/${id}/sme-figures`, medium)).statusCode).toBe(403);
  });
});
