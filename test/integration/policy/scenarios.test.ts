import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';

interface Comparison {
  scenarios: {
    id: string;
    code: string;
    name: string;
    status: string;
    rank: number | null;
    total: number | null;
    isPlaceholder: boolean;
    isPreferredDirection: boolean;
  }[];
  criteria: { id: string; code: string; rawWeight: number; weight: number }[];
  weightNote: { kind: string; rawSum: number } | null;
  ranking: string[];
  sensitivity: {
    criterionId: string;
    topScenarioId: string;
    up: { weight: number; newTopScenarioId: string } | null;
    down: { weight: number } | null;
  }[];
  stakeholders: { id: string; kind: string; label: string; isMine: boolean }[];
  scores: { stakeholder: string; comment: string }[];
}

describe('policy scenarios', () => {
  let t: TestApp;
  let officer: TestClient;
  let analyst: TestClient;
  let manager: TestClient;
  let comparison: Comparison;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.loginAs('officer');
    analyst = await t.loginAs('analyst');
    manager = await t.loginAs('manager');
    const response = await officer.get('/api/policy/scenarios');
    expect(response.statusCode).toBe(200);
    comparison = response.json().data;
  });
  afterAll(() => t.close());

  it('seeds four placeholder scenarios and VARIO’s preferred direction; the unscored one is shown as such', () => {
    expect(comparison.scenarios.filter((s) => s.isPlaceholder)).toHaveLength(4);
    const preferred = comparison.scenarios.find((s) => s.isPreferredDirection);
    expect(preferred?.name).toBe('Voorkeursrichting VARIO');
    const unscored = comparison.scenarios.find((s) => s.code === 'GREEN-PAPER-4');
    expect(unscored?.status).toBe('no_scores');
    expect(unscored?.rank).toBeNull();
    expect(comparison.ranking).toHaveLength(4);
    expect(comparison.ranking[0]).toBe(preferred?.id);
    expect(comparison.criteria.map((c) => c.code)).toEqual([
      'economic_valorisation',
      'societal_challenges',
      'company_involvement',
      'independence',
      'european_relevance',
      'cost',
    ]);
    expect(comparison.weightNote).toBeNull();
    expect(comparison.sensitivity).toHaveLength(6);
    expect(comparison.sensitivity.every((s) => s.topScenarioId === preferred?.id)).toBe(true);
  });

  it('normalises weights that do not sum to 1 and says so; the ranking follows the new weights', async () => {
    const weights = comparison.criteria.map((c, i) => ({ criterionId: c.id, weight: i === 5 ? 6 : 1 }));
    const response = await officer.put('/api/policy/criteria/weights', { weights });
    expect(response.statusCode).toBe(200);
    const after: Comparison = response.json().data;
    expect(after.weightNote).toEqual({ kind: 'normalised', rawSum: 11 });
    expect(after.criteria[5].weight).toBeCloseTo(6 / 11, 10);
    const incomplete = await officer.put('/api/policy/criteria/weights', { weights: weights.slice(1) });
    expect(incomplete.json().code).toBe('POLICY_WEIGHTS_INCOMPLETE');
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'policy.weights_set')
      .execute();
    expect(audit).toHaveLength(1);
    // Back to the seeded weights for the other tests.
    const reset = comparison.criteria.map((c) => ({ criterionId: c.id, weight: c.rawWeight }));
    expect((await officer.put('/api/policy/criteria/weights', { weights: reset })).statusCode).toBe(200);
  });

  it('lets an analyst score as themselves; others see the account by role, officers by name', async () => {
    const scenario = comparison.scenarios.find((s) => s.code === 'GREEN-PAPER-4')!;
    const scores = comparison.criteria.map((c) => ({
      scenarioId: scenario.id,
      criterionId: c.id,
      score: 2,
      comment: c.code === 'cost' ? 'Te duur (test).' : '',
    }));
    const saved = await analyst.put('/api/policy/my-scores', { scores });
    expect(saved.statusCode).toBe(200);
    const mine: Comparison = saved.json().data;
    expect(mine.scenarios.find((s) => s.id === scenario.id)?.status).toBe('complete');
    expect(mine.stakeholders.find((s) => s.isMine)?.label).toBe('Ali Analist (voorbeeld)');
    const seenByManager: Comparison = (await manager.get('/api/policy/scenarios')).json().data;
    const account = seenByManager.stakeholders.find((s) => s.kind === 'account')!;
    expect(account.label).toMatch(/^Account 1 \(beleidsanalist\)$/);
    expect(JSON.stringify(seenByManager)).not.toContain('Ali Analist');
    const seenByOfficer: Comparison = (await officer.get('/api/policy/scenarios')).json().data;
    expect(seenByOfficer.stakeholders.find((s) => s.kind === 'account')?.label).toBe(
      'Ali Analist (voorbeeld)',
    );
    expect(seenByOfficer.scores.some((s) => s.comment === 'Te duur (test).')).toBe(true);
  });

  it(
    'lets an officer name a stakeholder organisation and enter its scores; an account’s row answers ' +
      'like a missing one',
    async () => {
      const created = await officer.post('/api/policy/stakeholders', { name: 'Testfederatie (voorbeeld)' });
      expect(created.statusCode).toBe(201);
      const data: Comparison = created.json().data;
      const stakeholder = data.stakeholders.find((s) => s.label === 'Testfederatie (voorbeeld)')!;
      const scenario = data.scenarios[0];
      const scores = [
        { scenarioId: scenario.id, criterionId: data.criteria[0].id, score: 5, comment: 'Sterk (test).' },
      ];
      expect(
        (await officer.put(`/api/policy/stakeholders/${stakeholder.id}/scores`, { scores })).statusCode,
      ).toBe(200);
      expect(
        (await officer.post('/api/policy/stakeholders', { name: 'testfederatie (voorbeeld)' })).json().code,
      ).toBe('POLICY_STAKEHOLDER_TAKEN');
      const account = data.stakeholders.find((s) => s.kind === 'account')!;
      const foreign = await officer.put(`/api/policy/stakeholders/${account.id}/scores`, { scores });
      expect(foreign.statusCode).toBe(404);
      const missing = await officer.put(
        '/api/policy/stakeholders/00000000-0000-4000-8000-000000000000/scores',
        { scores },
      );
      expect(missing.statusCode).toBe(404);
      expect(foreign.json().code).toBe(missing.json().code);
      expect(
        (await manager.put(`/api/policy/stakeholders/${stakeholder.id}/scores`, { scores })).statusCode,
      ).toBe(403);
      const badReference = await officer.put(`/api/policy/stakeholders/${stakeholder.id}/scores`, {
        scores: [{ ...scores[0], criterionId: '00000000-0000-4000-8000-000000000000' }],
      });
      expect(badReference.json().code).toBe('POLICY_UNKNOWN_REFERENCE');
    },
  );

  it('edits a placeholder scenario, which then is no longer a placeholder', async () => {
    const scenario = comparison.scenarios.find((s) => s.code === 'GREEN-PAPER-1')!;
    const response = await officer.put(`/api/policy/scenarios/${scenario.id}`, {
      name: 'Scenario 1 (test)',
      description: 'Tekst uit het groenboek (test).',
    });
    expect(response.statusCode).toBe(200);
    const after: Comparison = response.json().data;
    expect(after.scenarios.find((s) => s.id === scenario.id)).toMatchObject({
      name: 'Scenario 1 (test)',
      isPlaceholder: false,
    });
    expect(
      (await analyst.put(`/api/policy/scenarios/${scenario.id}`, { name: 'x', description: '' })).statusCode,
    ).toBe(403);
    expect(
      (
        await officer.put('/api/policy/scenarios/00000000-0000-4000-8000-000000000000', {
          name: 'x',
          description: '',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('prints a PDF summary and exports the tables as XLSX and CSV', async () => {
    const pdf = await analyst.get('/api/policy/scenarios/summary.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const csv = await manager.get('/api/policy/exports/ranking?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n')[0]).toContain('rank,scenario,status');
    expect(csv.body).toContain('Voorkeursrichting VARIO');
    const xlsx = await officer.get('/api/policy/exports/sensitivity');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // Managers read the scenarios, not the analytics.
    expect((await manager.get('/api/policy/exports/coverage')).statusCode).toBe(403);
  });
});
