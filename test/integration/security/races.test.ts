import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsByUser, createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import { buildProposalContent, publishedCall } from '../calls/call-fixtures';

/**
 * Each state transition fired 20 times at once on PostgreSQL (several connections, real row
 * locks): one winner, clear 409s for the rest, and the invariants hold afterwards. PGlite has
 * one connection and serialises everything, so these only run where CI runs them.
 */
const ON_POSTGRES = Boolean(process.env.TEST_DATABASE_URL);
const PARALLEL = 20;
if (!ON_POSTGRES)
  console.info('races.test.ts skipped: set TEST_DATABASE_URL to run the race tests on PostgreSQL');

const justification = 'Degelijk onderbouwd voorstel met een duidelijke aanpak en meetbare doelen.';

function tally(responses: LightMyRequestResponse[]) {
  const statuses = responses.map((r) => r.statusCode);
  return {
    statuses,
    ok: responses.filter((r) => r.statusCode < 300),
    conflicts: responses.filter((r) => r.statusCode === 409),
    codes: [...new Set(responses.filter((r) => r.statusCode >= 400).map((r) => r.json().code as string))],
  };
}

/** One request answered 2xx, the rest 409 with exactly the given catalogue code. */
function expectOneWinner(responses: LightMyRequestResponse[], code: string) {
  const result = tally(responses);
  expect(result.ok).toHaveLength(1);
  expect(result.conflicts).toHaveLength(PARALLEL - 1);
  expect(result.codes).toEqual([code]);
}

/** How many notifications of a kind exist (for one user, when given). */
async function notificationCount(t: TestApp, kind: string, userId?: string): Promise<number> {
  let query = t.database.db.selectFrom('notifications').select('id').where('kind', '=', kind);
  if (userId) query = query.where('user_id', '=', userId);
  return (await query.execute()).length;
}

function fire(request: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse[]> {
  return Promise.all(Array.from({ length: PARALLEL }, () => request()));
}

describe.skipIf(!ON_POSTGRES)('races on PostgreSQL: one winner, 409s for the rest', () => {
  let t: TestApp;
  let officer: TestClient;
  let applicant: TestClient;
  let callId: string;
  let criteria: { id: string; code: string }[];
  const clientOf = clientsByUser(() => t);

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.loginAs('officer');
    applicant = await t.loginAs('applicant');
    const call = await t.database.db
      .selectFrom('calls')
      .select('id')
      .where('code', '=', 'VB-2026-BEOORDELING')
      .executeTakeFirstOrThrow();
    callId = call.id;
    criteria = await t.database.db
      .selectFrom('call_criteria')
      .select(['id', 'code'])
      .where('call_id', '=', callId)
      .orderBy('position')
      .execute();
  });
  afterAll(() => t.close());

  it('the same organisation created 20 times at once exists once', async () => {
    const responses = await fire(() =>
      officer.post('/api/organisations', {
        name: 'Racebedrijf (voorbeeld)',
        helix: 'company',
        country: 'NL',
        foreignIdentifier: 'NL-RACE-0001',
      }),
    );
    expectOneWinner(responses, 'ORGANISATION_DUPLICATE');
    const rows = await t.database.db
      .selectFrom('organisations')
      .select('id')
      .where('foreign_identifier', '=', 'NL-RACE-0001')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('the solver run 20 times at once saves one plan, the one a single run makes', async () => {
    const responses = await fire(() => officer.post(`/api/review/calls/${callId}/assign`, {}));
    const result = tally(responses);
    expect(result.statuses.filter((s) => s >= 500)).toEqual([]);
    expect(result.ok.length).toBeGreaterThanOrEqual(1);
    expect(result.ok.length + result.conflicts.length).toBe(PARALLEL);
    for (const code of result.codes) expect(['CONCURRENT_UPDATE', 'ALREADY_EXISTS']).toContain(code);
    const saved = await t.database.db
      .selectFrom('review_assignments')
      .select(['proposal_id', 'expert_user_id'])
      .where('call_id', '=', callId)
      .execute();
    const savedPairs = saved.map((a) => `${a.proposal_id}|${a.expert_user_id}`).sort();
    // Every run that answered 200 saved exactly what is stored: no pair twice, no run half-applied.
    for (const response of result.ok) {
      const planned = (response.json().data.result.assignments as { proposal: string; expert: string }[])
        .map((a) => `${a.proposal}|${a.expert}`)
        .sort();
      expect(savedPairs).toEqual(planned);
    }
    expect(new Set(savedPairs).size).toBe(savedPairs.length);
    const run = await t.database.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'review.assignment_run')
      .where('entity_id', '=', callId)
      .execute();
    expect(run).toHaveLength(result.ok.length);
  });

  it('a manual pair assigned 20 times at once is assigned once', async () => {
    const pair = await t.database.db
      .selectFrom('call_experts as ce')
      .innerJoin('proposals as p', 'p.call_id', 'ce.call_id')
      .select(['p.id as proposalId', 'ce.user_id as expertUserId'])
      .where('ce.call_id', '=', callId)
      .where('ce.status', '=', 'accepted')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('review_assignments as a')
              .select('a.id')
              .whereRef('a.proposal_id', '=', 'p.id')
              .whereRef('a.expert_user_id', '=', 'ce.user_id'),
          ),
        ),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('review_conflicts as c')
              .select('c.id')
              .whereRef('c.proposal_id', '=', 'p.id')
              .whereRef('c.expert_user_id', '=', 'ce.user_id'),
          ),
        ),
      )
      .executeTakeFirstOrThrow();
    const responses = await fire(() => officer.post(`/api/review/calls/${callId}/assignments`, pair));
    expectOneWinner(responses, 'ASSIGNMENT_EXISTS');
    const rows = await t.database.db
      .selectFrom('review_assignments')
      .select('id')
      .where('proposal_id', '=', pair.proposalId)
      .where('expert_user_id', '=', pair.expertUserId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('the first save of a review, 20 times at once, makes one review (the later saves update it)', async () => {
    const assignment = await t.database.db
      .selectFrom('review_assignments as a')
      .leftJoin('reviews as r', 'r.assignment_id', 'a.id')
      .select(['a.id', 'a.proposal_id', 'a.expert_user_id'])
      .where('a.call_id', '=', callId)
      .where('r.id', 'is', null)
      .executeTakeFirstOrThrow();
    const expert = await clientOf(assignment.expert_user_id);
    const responses = await fire(() =>
      expert.put(`/api/review/proposals/${assignment.proposal_id}/review`, {
        overallComment: 'Eerste bewaring (race).',
        scores: criteria.map((c) => ({ criterionId: c.id, score: 4, justification })),
      }),
    );
    const result = tally(responses);
    expect(result.statuses.filter((s) => s >= 500)).toEqual([]);
    expect(result.ok).toHaveLength(PARALLEL);
    const reviews = await t.database.db
      .selectFrom('reviews')
      .select(['id', 'version'])
      .where('assignment_id', '=', assignment.id)
      .execute();
    expect(reviews).toHaveLength(1);
    const scores = await t.database.db
      .selectFrom('review_scores')
      .select('criterion_id')
      .where('review_id', '=', reviews[0].id)
      .execute();
    expect(scores).toHaveLength(criteria.length);
  });

  let decidedProposal: { id: string; ownerId: string; requestedCents: number };

  it('a decision taken 20 times at once is recorded once, and the applicant is told once', async () => {
    // One proposal through review and consensus, so it can be decided.
    const proposal = await t.database.db
      .selectFrom('proposals')
      .select(['id', 'owner_user_id'])
      .where('call_id', '=', callId)
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    const assignments = await t.database.db
      .selectFrom('review_assignments')
      .select('expert_user_id')
      .where('proposal_id', '=', proposal.id)
      .execute();
    for (const a of assignments) {
      const expert = await clientOf(a.expert_user_id);
      const body = { scores: criteria.map((c) => ({ criterionId: c.id, score: 4.5, justification })) };
      expect((await expert.put(`/api/review/proposals/${proposal.id}/review`, body)).statusCode).toBe(200);
      expect((await expert.post(`/api/review/proposals/${proposal.id}/review/submit`)).statusCode).toBe(200);
    }
    const consensus = await officer.put(`/api/review/proposals/${proposal.id}/consensus`, {
      scores: criteria.map((c) => ({ criterionId: c.id, score: 4.5, comment: `Consensus over ${c.code}.` })),
      agree: true,
    });
    expect(consensus.statusCode, consensus.body).toBe(200);
    const ranking = (await officer.get(`/api/review/calls/${callId}/ranking`)).json().data.result;
    const entry = (ranking.ranking as { id: string; requestedCents: number }[]).find(
      (r) => r.id === proposal.id,
    );
    expect(entry).toBeDefined();
    decidedProposal = {
      id: proposal.id,
      ownerId: proposal.owner_user_id,
      requestedCents: entry?.requestedCents ?? 0,
    };
    const notificationsBefore = await notificationCount(t, 'review.decision', proposal.owner_user_id);
    const responses = await fire(() =>
      officer.post(`/api/review/calls/${callId}/decisions`, {
        decisions: [
          {
            proposalId: proposal.id,
            outcome: 'funded',
            amountCents: decidedProposal.requestedCents,
            motivation: 'Hoog gerangschikt binnen het budget (race).',
          },
        ],
      }),
    );
    expectOneWinner(responses, 'DECISION_EXISTS');
    const decisions = await t.database.db
      .selectFrom('review_decisions')
      .select('outcome')
      .where('proposal_id', '=', proposal.id)
      .execute();
    expect(decisions).toEqual([{ outcome: 'funded' }]);
    const notificationsAfter = await notificationCount(t, 'review.decision', proposal.owner_user_id);
    expect(notificationsAfter - notificationsBefore).toBe(1);
  });

  let objectionId: string;

  it('an objection filed 20 times at once stays one open objection', async () => {
    const responses = await fire(() =>
      applicant.post(`/api/review/summaries/${decidedProposal.id}/objections`, {
        grounds: 'De impactscore houdt geen rekening met de bijlage over de uitrol (race).',
      }),
    );
    expectOneWinner(responses, 'OBJECTION_ALREADY_OPEN');
    const open = await t.database.db
      .selectFrom('review_objections')
      .select('id')
      .where('proposal_id', '=', decidedProposal.id)
      .where('status', '=', 'open')
      .execute();
    expect(open).toHaveLength(1);
    objectionId = open[0].id;
    const summary = (await applicant.get(`/api/review/summaries/${decidedProposal.id}`)).json();
    expect(summary.data.objectionState).toBe('pending');
    expect(summary.abilities.object).toBe(false);
  });

  it('an objection handled 20 times at once has one outcome, and the applicant hears once', async () => {
    const heardBefore = await notificationCount(t, 'review.objection_handled', decidedProposal.ownerId);
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        officer.post(`/api/review/objections/${objectionId}/handle`, {
          status: i % 2 === 0 ? 'upheld' : 'dismissed',
          motivation: `Behandeling nummer ${i} van dit bezwaar.`,
        }),
      ),
    );
    expectOneWinner(responses, 'OBJECTION_ALREADY_HANDLED');
    const objection = await t.database.db
      .selectFrom('review_objections')
      .select(['status', 'outcome_motivation'])
      .where('id', '=', objectionId)
      .executeTakeFirstOrThrow();
    const handled = await t.database.db
      .selectFrom('audit_events')
      .select('after')
      .where('action', '=', 'review.objection_handled')
      .where('entity_id', '=', objectionId)
      .execute();
    expect(handled).toHaveLength(1);
    expect(handled[0].after).toMatchObject({
      status: objection.status,
      motivation: objection.outcome_motivation,
    });
    const heardAfter = await notificationCount(t, 'review.objection_handled', decidedProposal.ownerId);
    expect(heardAfter - heardBefore).toBe(1);
  });

  it('a business network started 20 times at once is started once', async () => {
    const responses = await fire(() => officer.post(`/api/review/proposals/${decidedProposal.id}/network`));
    expectOneWinner(responses, 'NETWORK_NOT_POSSIBLE');
    const reference = await t.database.db
      .selectFrom('proposals')
      .select('reference')
      .where('id', '=', decidedProposal.id)
      .executeTakeFirstOrThrow();
    const clusters = await t.database.db
      .selectFrom('clusters')
      .select('id')
      .where('short_name', '=', `BN-${reference.reference}`.slice(0, 40))
      .execute();
    expect(clusters).toHaveLength(1);
  });
});

describe.skipIf(!ON_POSTGRES)('a double submit on PostgreSQL', () => {
  let t: TestApp;
  const now = Date.parse('2027-09-02T08:00:00Z');

  beforeAll(async () => {
    t = await createTestApp({ clock: () => new Date(now) });
  });
  afterAll(() => t.close());

  it('a proposal submitted 20 times at once has one version and every answer names it', async () => {
    const officer = await t.loginAs('officer');
    const applicant = await t.loginAs('applicant');
    const { callId, themeIds } = await publishedCall(t.database.db, officer, {
      code: 'RACE-2027-01',
      themePrefix: 'races',
      opensAtLocal: '2027-09-01T09:00',
      closesAtLocal: '2027-10-15T17:00',
    });
    const title = 'Circulaire coatings (voorbeeld)';
    const proposalId = (await applicant.post(`/api/calls/${callId}/proposals`, { title })).json().data.id;
    const saved = await applicant.put(`/api/proposals/${proposalId}`, {
      draftVersion: 1,
      ...(await buildProposalContent(t.database.db, applicant, {
        callId,
        themeIds,
        serial: 18_400_001,
        title,
      })),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const draftVersion = saved.json().data.draftVersion;
    const mailsBefore = await notificationCount(t, 'proposal.submitted');

    const responses = await fire(() =>
      applicant.post(`/api/proposals/${proposalId}/submit`, { draftVersion }),
    );
    const result = tally(responses);
    expect(result.statuses.filter((s) => s >= 500)).toEqual([]);
    expect(result.ok, JSON.stringify(result.codes)).toHaveLength(PARALLEL);
    expect(new Set(result.ok.map((r) => r.json().data.versionNumber))).toEqual(new Set([1]));
    expect(new Set(result.ok.map((r) => r.json().data.contentSha256)).size).toBe(1);
    const versions = await t.database.db
      .selectFrom('proposal_versions')
      .select('version_number')
      .where('proposal_id', '=', proposalId)
      .execute();
    expect(versions).toEqual([{ version_number: 1 }]);
    const mailsAfter = await notificationCount(t, 'proposal.submitted');
    const collaborators = await t.database.db
      .selectFrom('proposal_collaborators')
      .select('user_id')
      .where('proposal_id', '=', proposalId)
      .execute();
    expect(mailsAfter - mailsBefore).toBe(collaborators.length);
  });
});
