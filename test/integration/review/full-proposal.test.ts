import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import { DEMO_PASSWORD } from '../../../src/server/demo/accounts.seed';

let t: TestApp;
let officer: TestClient;
let callId: string;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.loginAs('officer');
  const calls = (await officer.get('/api/review/calls')).json().data as { id: string; code: string }[];
  callId = calls.find((c) => c.code === 'VB-2026-BEOORDELING')?.id ?? '';
  expect((await officer.post(`/api/review/calls/${callId}/assign`, {})).statusCode).toBe(200);
});

afterAll(async () => {
  await t?.close();
});

async function clientOf(userId: string): Promise<TestClient> {
  const user = await t.database.db
    .selectFrom('users')
    .select('email')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return t.login(user.email, DEMO_PASSWORD);
}

describe('the whole proposal in the review workspace', () => {
  it(
    'shows the expert the submitted version: answers, consortium, budget lines, KPIs, attachments, ' +
      'criteria',
    async () => {
      const assignment = await t.database.db
        .selectFrom('review_assignments as a')
        .innerJoin('proposals as p', 'p.id', 'a.proposal_id')
        .innerJoin('proposal_attachments as pa', 'pa.proposal_id', 'p.id')
        .select(['a.proposal_id', 'a.expert_user_id', 'pa.id as attachment_id'])
        .where('a.call_id', '=', callId)
        // A proposal with a pilot (a third of the demo's have none), the same one on every run.
        .where(sql<boolean>`p.answers->>'has_pilot' = 'true'`)
        .orderBy('p.reference')
        .orderBy('a.expert_user_id')
        .executeTakeFirstOrThrow();
      const expert = await clientOf(assignment.expert_user_id);
      const res = await expert.get(`/api/review/proposals/${assignment.proposal_id}`);
      expect(res.statusCode).toBe(200);
      const submission = res.json().data.submission;
      expect(submission.versionNumber).toBe(1);
      expect(submission.content.answers.has_pilot).toBe(true);
      expect(submission.questions.map((q: { code: string }) => q.code)).toEqual([
        'has_pilot',
        'pilot_description',
      ]);
      expect(submission.content.consortium.length).toBeGreaterThanOrEqual(2);
      expect(submission.content.consortium[0]).toMatchObject({ role: 'lead' });
      expect(submission.content.consortium[0].helix).toBeTruthy();
      const lines = await t.database.db
        .selectFrom('proposal_budget_lines')
        .select('requested_aid_cents')
        .where('proposal_id', '=', assignment.proposal_id)
        .execute();
      expect(submission.content.budgetLines).toHaveLength(lines.length);
      expect(submission.content.kpis[0]).toMatchObject({ baselineValue: 0, targetPeriod: '2028' });
      expect(submission.attachments[0]).toMatchObject({ contentType: 'application/pdf', kind: 'annex' });
      expect(res.json().data.criteria[0]).toHaveProperty('descriptionEn');

      const inline = await expert.get(
        `/api/review/proposals/${assignment.proposal_id}/attachments/${assignment.attachment_id}?inline=true`,
      );
      expect(inline.statusCode).toBe(200);
      expect(inline.headers['content-type']).toBe('application/pdf');
      expect(String(inline.headers['content-disposition'])).toMatch(/^inline;/);
      expect(String(inline.headers['content-security-policy'])).toContain("frame-ancestors 'self'");
      expect(inline.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(inline.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const download = await expert.get(
        `/api/review/proposals/${assignment.proposal_id}/attachments/${assignment.attachment_id}`,
      );
      expect(String(download.headers['content-disposition'])).toMatch(/^attachment;/);
      expect(download.headers['x-frame-options']).toBe('DENY');
      // The app's own pages may frame same-origin content only.
      const page = await officer.get('/api/review/calls');
      expect(String(page.headers['content-security-policy'])).toContain("frame-src 'self'");
    },
  );

  it('answers an expert who may not see the proposal exactly like a missing attachment', async () => {
    const assignment = await t.database.db
      .selectFrom('review_assignments as a')
      .innerJoin('proposal_attachments as pa', 'pa.proposal_id', 'a.proposal_id')
      .select(['a.proposal_id', 'pa.id as attachment_id'])
      .where('a.call_id', '=', callId)
      .executeTakeFirstOrThrow();
    const outsider = await t.database.db
      .selectFrom('call_experts as ce')
      .select('ce.user_id')
      .where('ce.call_id', '=', callId)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('review_assignments as a')
              .select('a.id')
              .whereRef('a.expert_user_id', '=', 'ce.user_id')
              .where('a.proposal_id', '=', assignment.proposal_id),
          ),
        ),
      )
      .executeTakeFirstOrThrow();
    const expert = await clientOf(outsider.user_id);
    const seen = await expert.get(
      `/api/review/proposals/${assignment.proposal_id}/attachments/${assignment.attachment_id}?inline=true`,
    );
    const missing = await expert.get(
      `/api/review/proposals/${assignment.proposal_id}/attachments/00000000-0000-4000-8000-000000000000`,
    );
    expect(seen.statusCode).toBe(404);
    expect(seen.json()).toMatchObject({ code: missing.json().code });
  });

  it('gives the officer the same attachment inline from the proposal page', async () => {
    const attachment = await t.database.db
      .selectFrom('proposal_attachments as pa')
      .innerJoin('proposals as p', 'p.id', 'pa.proposal_id')
      .select(['pa.id', 'pa.proposal_id'])
      .where('p.call_id', '=', callId)
      .executeTakeFirstOrThrow();
    const res = await officer.get(
      `/api/proposals/${attachment.proposal_id}/attachments/${attachment.id}?inline=true`,
    );
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toMatch(/^inline;/);
    const view = (await officer.get(`/api/proposals/${attachment.proposal_id}`)).json().data;
    expect(view.content.kpis).toHaveLength(2);
  });
});
