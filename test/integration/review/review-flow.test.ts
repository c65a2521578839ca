import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsByUser, createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import { DEMO_PASSWORD } from '../../../src/server/demo/accounts.seed';
import { hashPassword } from '../../../src/server/modules/auth/secrets';

let t: TestApp;
let officer: TestClient;
let callId: string;
let criteria: { id: string; code: string }[];
const expertClient = clientsByUser(() => t);

/** Scores that differ per proposal so thresholds and ties show up: index i of the reference. */
function scoresFor(reference: string, offset: number) {
  const i = Number(reference.slice(-3));
  const excellence = 2.5 + ((i * 3) % 5) * 0.5 + (offset % 2) * 0.5;
  const impact = i % 7 === 0 ? 2.5 : 3 + (i % 4) * 0.5;
  const implementation = 3 + (i % 3) * 0.5;
  return { excellence: Math.min(5, excellence), impact, implementation };
}

const justification = 'Degelijk onderbouwd voorstel met een duidelijke aanpak en meetbare doelen.';

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.loginAs('officer');
  const calls = (await officer.get('/api/review/calls')).json().data as { id: string; code: string }[];
  callId = calls.find((c) => c.code === 'VB-2026-BEOORDELING')?.id ?? '';
  criteria = await t.database.db
    .selectFrom('call_criteria')
    .select(['id', 'code'])
    .where('call_id', '=', callId)
    .orderBy('position')
    .execute();
});

afterAll(async () => {
  await t?.close();
});

describe('expert review on the demo call (30 proposals, 12 experts)', () => {
  it(
    'assigns optimally: a dry run writes nothing, the real run derives conflicts and never uses a ' +
      'conflicted pair',
    async () => {
      expect(callId).not.toBe('');
      const dry = await officer.post(`/api/review/calls/${callId}/assign`, { dryRun: true });
      expect(dry.statusCode).toBe(200);
      expect(dry.json().data.saved).toBe(false);
      expect(
        await t.database.db
          .selectFrom('review_assignments')
          .select('id')
          .where('call_id', '=', callId)
          .execute(),
      ).toHaveLength(0);

      const run = await officer.post(`/api/review/calls/${callId}/assign`, {});
      expect(run.statusCode).toBe(200);
      const body = run.json().data;
      expect(body.saved).toBe(true);
      expect(body.result.feasible).toBe(true);
      expect(body.result.assignments).toHaveLength(90);

      const conflicts = (await officer.get(`/api/review/calls/${callId}/conflicts`)).json().data as {
        source: string;
        proposalId: string;
        expertUserId: string;
        isActive: boolean;
      }[];
      expect(conflicts.filter((c) => c.source === 'derived').length).toBeGreaterThanOrEqual(2);
      expect(conflicts.some((c) => c.source === 'officer')).toBe(true);
      const pairs = await t.database.db
        .selectFrom('review_assignments')
        .select(['proposal_id', 'expert_user_id'])
        .where('call_id', '=', callId)
        .execute();
      for (const c of conflicts)
        expect(pairs.some((p) => p.proposal_id === c.proposalId && p.expert_user_id === c.expertUserId)).toBe(
          false,
        );
      const perProposal = new Map<string, number>();
      for (const p of pairs) perProposal.set(p.proposal_id, (perProposal.get(p.proposal_id) ?? 0) + 1);
      expect([...perProposal.values()].every((n) => n === 3)).toBe(true);
      const call = await t.database.db
        .selectFrom('calls')
        .select('status')
        .where('id', '=', callId)
        .executeTakeFirstOrThrow();
      expect(call.status).toBe('in_evaluation');
    },
  );

  it('hides a conflicted proposal from the expert exactly like a missing one, title included', async () => {
    const conflicts = (await officer.get(`/api/review/calls/${callId}/conflicts`)).json().data as {
      source: string;
      proposalId: string;
      expertUserId: string;
      title: string;
    }[];
    const derived = conflicts.find((c) => c.source === 'derived');
    expect(derived).toBeDefined();
    if (!derived) return;
    const client = await expertClient(derived.expertUserId);
    const seen = await client.get(`/api/review/proposals/${derived.proposalId}`);
    const missing = await client.get('/api/review/proposals/00000000-0000-4000-8000-000000000000');
    expect(seen.statusCode).toBe(404);
    expect(seen.json().code).toBe(missing.json().code);
    expect(seen.body).not.toContain(derived.title);
    const list = (await client.get('/api/review/my/assignments')).json().data as { proposalId: string }[];
    expect(list.some((a) => a.proposalId === derived.proposalId)).toBe(false);
    // Reviewing it answers as if it did not exist, and nothing is written.
    const write = await client.put(`/api/review/proposals/${derived.proposalId}/review`, { scores: [] });
    expect(write.statusCode).toBe(404);
    // A manual assignment of the conflicted pair is refused.
    const manual = await officer.post(`/api/review/calls/${callId}/assignments`, {
      proposalId: derived.proposalId,
      expertUserId: derived.expertUserId,
    });
    expect(manual.json().code).toBe('REVIEW_CONFLICT_OF_INTEREST');
  });

  it('refuses bad reviews and keeps a submitted review final', async () => {
    const expert = await t.loginAs('expert');
    // The demo expert also has reviews in the demo's other selection calls; this test is about this call.
    const mine = (
      (await expert.get('/api/review/my/assignments')).json().data as {
        proposalId: string;
        callCode: string;
      }[]
    ).filter((a) => a.callCode === 'VB-2026-BEOORDELING');
    expect(mine.length).toBeGreaterThan(0);
    const proposalId = mine[0].proposalId;
    const outOfScale = await expert.put(`/api/review/proposals/${proposalId}/review`, {
      scores: [{ criterionId: criteria[0].id, score: 7, justification }],
    });
    expect(outOfScale.statusCode).toBe(400);
    expect(outOfScale.json().code).toBe('REVIEW_SCORE_OUT_OF_SCALE');
    const quarter = await expert.put(`/api/review/proposals/${proposalId}/review`, {
      scores: [{ criterionId: criteria[0].id, score: 3.25, justification }],
    });
    expect(quarter.json().code).toBe('REVIEW_SCORE_OUT_OF_SCALE');
    const short = await expert.put(`/api/review/proposals/${proposalId}/review`, {
      scores: criteria.map((c) => ({ criterionId: c.id, score: 4, justification: 'Kort.' })),
    });
    expect(short.statusCode).toBe(200);
    const incomplete = await expert.post(`/api/review/proposals/${proposalId}/review/submit`);
    expect(incomplete.json().code).toBe('REVIEW_INCOMPLETE');
    expect(incomplete.json().details.map((d: { code: string }) => d.code)).toContain(
      'justification_too_short',
    );
    const before = (await expert.get(`/api/review/proposals/${proposalId}`)).json();
    expect(before.data.otherReviewsHidden).toBe(true);
    expect(before.data.otherReviews).toEqual([]);
  });

  it('re-running the assignment keeps started reviews and manual pairs', async () => {
    const started = await t.database.db
      .selectFrom('reviews as r')
      .innerJoin('review_assignments as a', 'a.id', 'r.assignment_id')
      .select(['r.proposal_id', 'r.expert_user_id'])
      .where('a.call_id', '=', callId)
      .execute();
    expect(started.length).toBeGreaterThan(0);
    const rerun = await officer.post(`/api/review/calls/${callId}/assign`, {});
    expect(rerun.json().data.saved).toBe(true);
    expect(rerun.json().data.kept).toBeGreaterThanOrEqual(started.length);
    const pairs = await t.database.db
      .selectFrom('review_assignments')
      .select(['proposal_id', 'expert_user_id'])
      .where('call_id', '=', callId)
      .execute();
    for (const s of started)
      expect(
        pairs.some((p) => p.proposal_id === s.proposal_id && p.expert_user_id === s.expert_user_id),
      ).toBe(true);
    const removal = await t.database.db
      .selectFrom('review_assignments as a')
      .innerJoin('reviews as r', 'r.assignment_id', 'a.id')
      .select('a.id')
      .where('a.call_id', '=', callId)
      .executeTakeFirstOrThrow();
    expect((await officer.delete(`/api/review/assignments/${removal.id}`)).json().code).toBe(
      'ASSIGNMENT_REVIEW_STARTED',
    );
  });

  it('experts review every proposal; others become visible (anonymised) only after submitting', async () => {
    const assignments = await t.database.db
      .selectFrom('review_assignments as a')
      .innerJoin('proposals as p', 'p.id', 'a.proposal_id')
      .select(['a.proposal_id', 'a.expert_user_id', 'p.reference'])
      .where('a.call_id', '=', callId)
      .orderBy('p.reference')
      .execute();
    const offsets = new Map<string, number>();
    for (const a of assignments) {
      const client = await expertClient(a.expert_user_id);
      const offset = offsets.get(a.proposal_id) ?? 0;
      offsets.set(a.proposal_id, offset + 1);
      const s = scoresFor(a.reference, offset);
      const save = await client.put(`/api/review/proposals/${a.proposal_id}/review`, {
        overallComment: 'Goed voorstel (test).',
        scores: criteria.map((c) => ({
          criterionId: c.id,
          score: s[c.code as keyof typeof s],
          justification,
        })),
      });
      expect(save.statusCode, save.body).toBe(200);
      const submit = await client.post(`/api/review/proposals/${a.proposal_id}/review/submit`);
      expect(submit.statusCode, submit.body).toBe(200);
    }
    const last = assignments[assignments.length - 1];
    const client = await expertClient(last.expert_user_id);
    const view = (await client.get(`/api/review/proposals/${last.proposal_id}`)).json().data;
    expect(view.otherReviewsHidden).toBe(false);
    expect(view.otherReviews).toHaveLength(2);
    expect(view.otherReviews.map((r: { label: string }) => r.label)).toEqual(['Expert A', 'Expert B']);
    expect(JSON.stringify(view.otherReviews)).not.toContain('voorbeeld');
    const again = await client.put(`/api/review/proposals/${last.proposal_id}/review`, { scores: [] });
    expect(again.json().code).toBe('REVIEW_ALREADY_SUBMITTED');
  });

  it('a rapporteur agrees consensus; other experts may not; calibration covers every expert', async () => {
    const overview = (await officer.get(`/api/review/calls/${callId}`)).json().data as {
      proposals: { id: string; reference: string; experts: { expertUserId: string }[] }[];
    };
    const first = overview.proposals[0];
    expect(
      (
        await officer.put(`/api/review/proposals/${first.id}/rapporteur`, {
          expertUserId: first.experts[0].expertUserId,
        })
      ).statusCode,
    ).toBe(200);
    const notRapporteur = await expertClient(first.experts[1].expertUserId);
    const refused = await notRapporteur.put(`/api/review/proposals/${first.id}/consensus`, {
      scores: [],
      agree: false,
    });
    expect(refused.json().code).toBe('NOT_RAPPORTEUR');
    const rapporteur = await expertClient(first.experts[0].expertUserId);
    const incomplete = await rapporteur.put(`/api/review/proposals/${first.id}/consensus`, {
      scores: [],
      agree: true,
    });
    expect(incomplete.json().code).toBe('CONSENSUS_INCOMPLETE');
    for (const [index, p] of overview.proposals.entries()) {
      const s = scoresFor(p.reference, 0);
      const client = index === 0 ? rapporteur : officer;
      const response = await client.put(`/api/review/proposals/${p.id}/consensus`, {
        minorityView: index === 1 ? 'Eén expert vond de impact overschat.' : '',
        scores: criteria.map((c) => ({
          criterionId: c.id,
          score: s[c.code as keyof typeof s],
          comment: `Consensus over ${c.code}.`,
        })),
        agree: true,
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    expect(
      (await officer.put(`/api/review/proposals/${first.id}/consensus`, { scores: [], agree: false })).json()
        .code,
    ).toBe('CONSENSUS_ALREADY_AGREED');
    const calibration = (await officer.get(`/api/review/calls/${callId}/calibration`)).json().data;
    expect(calibration.experts.length).toBeGreaterThanOrEqual(10);
    expect(
      calibration.experts.some((e: { normalisedScore: number | null }) => e.normalisedScore !== null),
    ).toBe(true);
  });

  it('ranks with thresholds, tie-breaks and the budget; a what-if budget changes nothing', async () => {
    const ranking = (await officer.get(`/api/review/calls/${callId}/ranking`)).json().data;
    const result = ranking.result;
    expect(ranking.pending).toEqual([]);
    expect(result.counts.funded).toBeGreaterThan(0);
    expect(result.counts.rejected).toBeGreaterThan(0);
    expect(result.fundedCents).toBeLessThanOrEqual(300_000_000);
    const belowImpact = result.ranking.find((r: { reasons: { code: string }[] }) =>
      r.reasons.some((x) => x.code === 'below_criterion_threshold'),
    );
    expect(belowImpact?.status).toBe('rejected');
    expect(result.ranking.some((r: { tieBreak: unknown }) => r.tieBreak !== null)).toBe(true);
    const whatIf = (await officer.get(`/api/review/calls/${callId}/ranking?budgetCents=900000000`)).json()
      .data.result;
    expect(whatIf.counts.funded).toBeGreaterThan(result.counts.funded);
    const again = (await officer.get(`/api/review/calls/${callId}/ranking`)).json().data.result;
    expect(again.counts).toEqual(result.counts);
    const xlsx = await officer.get(`/api/review/calls/${callId}/ranking.xlsx`);
    expect(xlsx.statusCode).toBe(200);
  });

  it(
    'decides in batch with motivations; the applicant gets the summary (app and PDF) and can object ' +
      'within the period',
    async () => {
      const ranking = (await officer.get(`/api/review/calls/${callId}/ranking`)).json().data.result;
      const missingAmount = await officer.post(`/api/review/calls/${callId}/decisions`, {
        decisions: [
          {
            proposalId: ranking.ranking[0].id,
            outcome: 'funded',
            motivation: 'Hoog gerangschikt binnen het budget.',
          },
        ],
      });
      expect(missingAmount.json().code).toBe('DECISION_NOT_READY');
      const decisions = ranking.ranking.map(
        (r: { id: string; status: string; requestedCents: number; rank: number | null }) => ({
          proposalId: r.id,
          outcome: r.status,
          amountCents: r.status === 'funded' ? r.requestedCents : null,
          motivation:
            r.status === 'funded'
              ? `Rang ${r.rank}, binnen het budget.`
              : 'Volgens de rangschikking en de drempels.',
        }),
      );
      const decided = await officer.post(`/api/review/calls/${callId}/decisions`, { decisions });
      expect(decided.statusCode, decided.body).toBe(200);
      expect(decided.json().data.decided).toBe(30);
      expect(
        (
          await officer.post(`/api/review/calls/${callId}/decisions`, { decisions: decisions.slice(0, 1) })
        ).json().code,
      ).toBe('DECISION_EXISTS');
      const emails = await t.database.db
        .selectFrom('outbox_emails')
        .select('subject')
        .where('subject', 'like', '%evaluatieverslag%')
        .execute();
      expect(emails.length).toBeGreaterThanOrEqual(1);

      const applicant = await t.loginAs('applicant');
      const funded = ranking.ranking.find((r: { status: string }) => r.status === 'funded');
      const summary = await applicant.get(`/api/review/summaries/${funded.id}`);
      expect(summary.statusCode).toBe(200);
      expect(summary.json().data.outcome).toBe('funded');
      expect(summary.json().data.criteria[0].comment).toContain('Consensus');
      expect(summary.json().abilities.object).toBe(true);
      const pdf = await applicant.get(`/api/review/summaries/${funded.id}/pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

      // Another applicant reaching for this summary gets exactly what a missing one gets.
      await t.database.db
        .insertInto('users')
        .values({
          email: 'other-applicant@speerpunt.example',
          name: 'Ander (test)',
          role: 'applicant',
          password_hash: await hashPassword(DEMO_PASSWORD),
        })
        .execute();
      const other = await t.login('other-applicant@speerpunt.example', DEMO_PASSWORD);
      const foreign = await other.get(`/api/review/summaries/${funded.id}`);
      expect(foreign.statusCode).toBe(404);
      expect(
        (
          await other.post(`/api/review/summaries/${funded.id}/objections`, {
            grounds: 'Ik ben het niet eens met de beoordeling van de impact.',
          })
        ).statusCode,
      ).toBe(404);

      const objection = await applicant.post(`/api/review/summaries/${funded.id}/objections`, {
        grounds: 'De impactscore houdt geen rekening met de bijlage over de kmo-uitrol.',
      });
      expect(objection.statusCode).toBe(201);
      const id = objection.json().data.id;
      expect(
        (
          await officer.post(`/api/review/objections/${id}/handle`, {
            status: 'dismissed',
            motivation: 'De bijlage werd meegenomen in de consensus.',
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (
          await officer.post(`/api/review/objections/${id}/handle`, {
            status: 'upheld',
            motivation: 'Tweede behandeling mag niet.',
          })
        ).json().code,
      ).toBe('OBJECTION_ALREADY_HANDLED');
      await t.database.db
        .updateTable('review_decisions')
        .set({ objection_deadline: new Date(Date.now() - 1000) })
        .where('proposal_id', '=', funded.id)
        .execute();
      expect(
        (
          await applicant.post(`/api/review/summaries/${funded.id}/objections`, {
            grounds: 'Te laat ingediend bezwaar over de beoordeling van de impact.',
          })
        ).json().code,
      ).toBe('OBJECTION_PERIOD_ENDED');
    },
  );

  it('a funded new-theme proposal starts a business network with its consortium as members, once', async () => {
    const decision = await t.database.db
      .selectFrom('review_decisions')
      .select('proposal_id')
      .where('call_id', '=', callId)
      .where('outcome', '=', 'funded')
      .executeTakeFirstOrThrow();
    const started = await officer.post(`/api/review/proposals/${decision.proposal_id}/network`);
    expect(started.statusCode, started.body).toBe(201);
    const clusterId = started.json().data.clusterId;
    const cluster = await t.database.db
      .selectFrom('clusters')
      .select(['kind', 'status'])
      .where('id', '=', clusterId)
      .executeTakeFirstOrThrow();
    expect(cluster).toEqual({ kind: 'business_network', status: 'candidate' });
    const members = await t.database.db
      .selectFrom('memberships')
      .select('organisation_id')
      .where('cluster_id', '=', clusterId)
      .execute();
    expect(members.length).toBe(started.json().data.members);
    expect(members.length).toBeGreaterThan(0);
    expect((await officer.post(`/api/review/proposals/${decision.proposal_id}/network`)).json().code).toBe(
      'NETWORK_NOT_POSSIBLE',
    );
  });

  it('lifts a derived conflict only with a motivation; a declared one cannot be lifted', async () => {
    const conflicts = (await officer.get(`/api/review/calls/${callId}/conflicts`)).json().data as {
      id: string;
      source: string;
    }[];
    const derived = conflicts.find((c) => c.source === 'derived');
    expect(
      (await officer.post(`/api/review/conflicts/${derived?.id}/lift`, { motivation: '' })).statusCode,
    ).toBe(400);
    expect(
      (
        await officer.post(`/api/review/conflicts/${derived?.id}/lift`, {
          motivation: 'De affiliatie betrof een ander departement zonder band met het project.',
        })
      ).statusCode,
    ).toBe(200);
    const declared = await t.database.db
      .insertInto('review_conflicts')
      .values({
        call_id: callId,
        proposal_id: (
          await t.database.db
            .selectFrom('proposals')
            .select('id')
            .where('call_id', '=', callId)
            .executeTakeFirstOrThrow()
        ).id,
        expert_user_id: (await t.loginAs('expert')).userId ?? '',
        source: 'declared',
        reason: 'Zelf gemeld (test)',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(
      (
        await officer.post(`/api/review/conflicts/${declared.id}/lift`, {
          motivation: 'Poging om een gemeld conflict op te heffen.',
        })
      ).json().code,
    ).toBe('CONFLICT_NOT_LIFTABLE');
  });
});

describe('the pure tools over HTTP', () => {
  it('solves an uploaded instance and refuses a bad one with details', async () => {
    const good = await officer.post('/api/assignment/solve', {
      proposals: [{ id: 'p1', demand: 1 }],
      experts: [{ id: 'e1', maxLoad: 1 }],
      affinity: [{ proposal: 'p1', expert: 'e1', score: 0.5 }],
    });
    expect(good.json().data).toEqual({
      feasible: true,
      objective: 0.5,
      assignments: [{ proposal: 'p1', expert: 'e1' }],
      shortfall: [],
    });
    const bad = await officer.post('/api/assignment/solve', {
      proposals: [{ id: 'p1', demand: -2 }],
      experts: [],
      forced: [{ proposal: 'p1', expert: 'e9' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('ASSIGNMENT_INPUT_INVALID');
    expect(bad.json().details.map((d: { code: string }) => d.code)).toEqual([
      'negative_demand',
      'unknown_id',
    ]);
  });

  it('ranks uploaded JSON and refuses unknown criteria', async () => {
    const input = {
      criteria: [{ code: 'q', weight: 1, threshold: 2 }],
      budgetCents: 100,
      proposals: [
        { id: 'a', scores: { q: 3 }, requestedCents: 100 },
        { id: 'b', scores: { q: 1 }, requestedCents: 10 },
      ],
    };
    const ranked = (await officer.post('/api/ranking/run', input)).json().data;
    expect(ranked.ranking.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      ['a', 'funded'],
      ['b', 'rejected'],
    ]);
    const bad = await officer.post('/api/ranking/run', {
      ...input,
      proposals: [{ id: 'a', scores: { q: 3, z: 1 }, requestedCents: 1 }],
    });
    expect(bad.json().code).toBe('RANKING_INPUT_INVALID');
  });
});
