import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import { DEMO_PASSWORD } from '../../../src/server/demo/accounts.seed';

let t: TestApp;
let officer: TestClient;
let callId: string;
const justification = 'Degelijk onderbouwd voorstel met een duidelijke aanpak en meetbare doelen.';

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.loginAs('officer');
  callId = (
    await t.database.db
      .selectFrom('calls')
      .select('id')
      .where('code', '=', 'VB-2026-BEOORDELING')
      .executeTakeFirstOrThrow()
  ).id;
  expect((await officer.post(`/api/review/calls/${callId}/assign`, {})).json().data.saved).toBe(true);
});

afterAll(async () => {
  await t?.close();
});

describe('review deadline, reminders and reviewer identities', () => {
  it('refuses review writes after the deadline and reminds experts with open reviews', async () => {
    const past = new Date(Date.now() - 3600_000).toISOString();
    const saved = await officer.put(`/api/review/calls/${callId}/settings`, {
      reviewDeadline: past,
      showReviewerIdentities: false,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const expert = await t.loginAs('expert');
    const mine = (await expert.get('/api/review/my/assignments')).json().data as { proposalId: string }[];
    const late = await expert.put(`/api/review/proposals/${mine[0].proposalId}/review`, { scores: [] });
    expect(late.json().code).toBe('REVIEW_DEADLINE_PASSED');
    // Only this call's reviews: the demo holds submitted reviews of other calls (selection stages).
    const reviewsOfCall = await t.database.db
      .selectFrom('reviews')
      .innerJoin('proposals', 'proposals.id', 'reviews.proposal_id')
      .where('proposals.call_id', '=', callId)
      .select('reviews.id')
      .execute();
    expect(reviewsOfCall).toHaveLength(0);

    const reminded = (await officer.post(`/api/review/calls/${callId}/remind`)).json().data.reminded;
    expect(reminded).toBe(12);
    const notes = await t.database.db
      .selectFrom('notifications')
      .select('id')
      .where('kind', '=', 'review.reminder')
      .execute();
    expect(notes).toHaveLength(12);
  });

  it('shows reviewer names to experts only when the call allows it', async () => {
    const future = new Date(Date.now() + 7 * 86_400_000).toISOString();
    await officer.put(`/api/review/calls/${callId}/settings`, {
      reviewDeadline: future,
      showReviewerIdentities: true,
    });
    const criteria = await t.database.db
      .selectFrom('call_criteria')
      .select('id')
      .where('call_id', '=', callId)
      .execute();
    const proposal = await t.database.db
      .selectFrom('proposals')
      .select('id')
      .where('call_id', '=', callId)
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    const experts = await t.database.db
      .selectFrom('review_assignments as a')
      .innerJoin('users as u', 'u.id', 'a.expert_user_id')
      .select(['u.email', 'u.name'])
      .where('a.proposal_id', '=', proposal.id)
      .execute();
    let last: TestClient | null = null;
    for (const e of experts) {
      last = await t.login(e.email, DEMO_PASSWORD);
      await last.put(`/api/review/proposals/${proposal.id}/review`, {
        scores: criteria.map((c) => ({ criterionId: c.id, score: 4, justification })),
      });
      expect((await last.post(`/api/review/proposals/${proposal.id}/review/submit`)).statusCode).toBe(200);
    }
    const view = (await last?.get(`/api/review/proposals/${proposal.id}`))?.json().data;
    expect(view.otherReviews.map((r: { label: string }) => r.label).sort()).toEqual(
      experts
        .slice(0, -1)
        .map((e) => e.name)
        .sort(),
    );
  });
});
