import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import { wordShortfall, wordUnderload } from '../../../src/shared/assignment-wording';

/** English words that would betray an English sentence in a Dutch answer. */
const ENGLISH =
  /\b(the|and|only|need|needs|can|could|expert\(s\)|proposal\(s\)|fully booked|conflict|Too|Loads|share)\b/;

/** Every reason the solver gives: too few experts, loads too tight, and an expert under the minimum. */
const instance = {
  proposals: [
    { id: 'p1', demand: 2 },
    { id: 'p2', demand: 2 },
    { id: 'p3', demand: 3 },
  ],
  experts: [
    { id: 'e1', maxLoad: 1 },
    { id: 'e2', maxLoad: 1 },
    { id: 'e3', maxLoad: 1 },
    { id: 'e4', maxLoad: 2, minLoad: 2 },
  ],
  conflicts: [
    { proposal: 'p1', expert: 'e4' },
    { proposal: 'p2', expert: 'e4' },
    { proposal: 'p3', expert: 'e4' },
    { proposal: 'p3', expert: 'e1' },
  ],
};

interface Reason {
  code: string;
  params: Record<string, number>;
  reason: string;
}

let t: TestApp;
let officer: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  officer = await t.loginAs('officer');
});
afterAll(async () => {
  await t?.close();
});

describe('assignment reasons in the reader’s language', () => {
  it('answers a Dutch reader in Dutch, with the codes and numbers kept for machines', async () => {
    const response = await officer.post('/api/assignment/solve', instance);
    expect(response.statusCode).toBe(200);
    const result = response.json().data as { shortfall: Reason[]; underloaded?: Reason[] };
    const reasons = [...result.shortfall, ...(result.underloaded ?? [])];
    expect(reasons.map((r) => r.code).sort()).toEqual(
      expect.arrayContaining(['loads_too_tight', 'too_few_experts', 'too_few_proposals']),
    );
    for (const r of reasons) {
      expect(r.reason).not.toMatch(ENGLISH);
      expect(r.reason).not.toMatch(/^Reden /);
    }
    const tooFew = result.shortfall.find((s) => s.code === 'too_few_experts');
    expect(tooFew?.params).toEqual({ available: 2, demand: 3, conflicted: 2 });
    expect(tooFew?.reason).toBe(
      'Te weinig deskundigen: slechts 2 deskundige(n) zonder belangenconflict en met een belasting ' +
        'boven 0 kunnen dit voorstel beoordelen, het heeft er 3 nodig (2 uitgesloten door een belangenconflict).',
    );
  });

  it('answers in English when asked for it', async () => {
    const response = await officer.post('/api/assignment/solve?lang=en', instance);
    const result = response.json().data as { shortfall: Reason[] };
    expect(result.shortfall.find((s) => s.code === 'too_few_experts')?.reason).toMatch(
      /^Too few experts: only 2 expert\(s\)/,
    );
  });

  it('keeps only codes and numbers in the audit trail of a saved run, and words them in the answer', async () => {
    const call = await t.database.db
      .selectFrom('calls')
      .select('id')
      .where('code', '=', 'VB-2026-BEOORDELING')
      .executeTakeFirstOrThrow();
    // No expert of the call may take a review: every proposal falls short.
    await t.database.db
      .updateTable('call_experts')
      .set({ max_load: 0 })
      .where('call_id', '=', call.id)
      .execute();
    const response = await officer.post(`/api/review/calls/${call.id}/assign`, { acceptShortfall: true });
    expect(response.statusCode).toBe(200);
    const answered = response.json().data.result.shortfall as Reason[];
    expect(answered.length).toBeGreaterThan(0);
    expect(answered[0].reason).toMatch(/^Te weinig deskundigen/);
    const run = await t.database.db
      .selectFrom('audit_events')
      .select('after')
      .where('action', '=', 'review.assignment_run')
      .where('entity_id', '=', call.id)
      .executeTakeFirstOrThrow();
    const stored = (run.after as { shortfall: Record<string, unknown>[] }).shortfall;
    expect(stored.length).toBe(answered.length);
    for (const short of stored) {
      expect(Object.keys(short).sort()).toEqual(['code', 'missing', 'params', 'proposal']);
      expect(short.params).toHaveProperty('sharingTheme');
    }
  });

  it('words every code in both languages (the web app words them with the same functions)', () => {
    const cases: [typeof wordShortfall, string, Record<string, number>][] = [
      [wordShortfall, 'too_few_experts', { available: 1, demand: 3, conflicted: 2, sharingTheme: 4 }],
      [wordShortfall, 'loads_too_tight', { experts: 2, others: 1, needed: 5, places: 3, conflicted: 0 }],
      [wordUnderload, 'too_few_proposals', { open: 1, minimum: 3 }],
      [wordUnderload, 'not_enough_reviews', {}],
    ];
    for (const [word, code, params] of cases) {
      const nl = word({ code, params }, 'nl');
      const en = word({ code, params }, 'en');
      expect(nl).not.toMatch(ENGLISH);
      expect(nl).not.toMatch(/^Reden /);
      expect(en).not.toMatch(/^Reason /);
      expect(nl).not.toBe(en);
    }
    expect(wordShortfall({ code: 'too_few_experts', params: { sharingTheme: 4 } }, 'nl')).toContain(
      '4 deskundige(n) zonder belangenconflict delen er een thema mee.',
    );
  });
});
