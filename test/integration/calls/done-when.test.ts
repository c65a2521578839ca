import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import {
  buildCallDefinition,
  buildConsortium,
  buildKpis,
  createThemes,
  LATE_PASSWORD,
  requiredKpiIds,
  secondApplicant,
} from './call-fixtures';

// The deadline falls on the night summer time starts: 28 March 2027, 03:30 Brussels = 01:30 UTC.
// A naive "Brussels = UTC+1" conversion would put it at 02:30 UTC and accept the late submission.
const DEADLINE_LOCAL = '2027-03-28T03:30';
const DEADLINE_UTC = Date.parse('2027-03-28T01:30:00Z');

describe("issue 4 'Done when': publish, apply, refuse one second late, explain eligibility, audit", () => {
  let t: TestApp;
  let nowMs = Date.parse('2027-02-01T09:00:00Z');
  let officer: TestClient;
  let applicant: TestClient;
  let late: TestClient;
  let callId: string;
  let proposalId: string;
  let lateProposalId: string;
  let themeIds: string[];

  /** Moves the injected server clock; sessions expire by that clock too, so sign in again. */
  async function at(iso: string | number) {
    nowMs = typeof iso === 'number' ? iso : Date.parse(iso);
    officer = await t.loginAs('officer');
    applicant = await t.loginAs('applicant');
    late = await t.login('laat@voorbeeld.example', LATE_PASSWORD);
  }

  beforeAll(async () => {
    t = await createTestApp({ clock: () => new Date(nowMs) });
    await secondApplicant(t, 'laat@voorbeeld.example');
    await at(nowMs);
    themeIds = await createThemes(t.database.db, 'done-when');
  });
  afterAll(() => t?.close());

  it('an officer publishes a call with three criteria, two tie-break rules and five eligibility rules', async () => {
    const created = await officer.post(
      '/api/calls',
      buildCallDefinition({
        code: 'OPR-2027-01',
        themeIds,
        opensAtLocal: '2027-02-15T09:00',
        closesAtLocal: DEADLINE_LOCAL,
      }),
    );
    expect(created.statusCode).toBe(201);
    callId = created.json().data.id;
    expect(created.json().data.closesAt).toBe('2027-03-28T01:30:00.000Z');
    // A draft is invisible to the public.
    expect((await t.anonymous.get(`/api/public/calls/${callId}`)).statusCode).toBe(404);

    const published = await officer.post(`/api/calls/${callId}/publish`, {});
    expect(published.statusCode).toBe(200);
    const call = published.json().data;
    expect(call.status).toBe('open');
    expect(call.criteria).toHaveLength(3);
    expect(call.tieBreakRules).toHaveLength(2);
    expect(call.eligibilityRules).toHaveLength(5);
    expect(call.closesAtLocal).toBe(DEADLINE_LOCAL);

    const publicPage = await t.anonymous.get(`/api/public/calls/${callId}`);
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.json().data.tieBreakRules.map((r: { kind: string }) => r.kind)).toEqual([
      'criterion_score',
      'sme_budget_share',
    ]);
    // Before it opens nobody can apply.
    const early = await applicant.post(`/api/calls/${callId}/proposals`, { title: 'Te vroeg' });
    expect(early.json().code).toBe('CALL_NOT_OPEN');
  });

  it('an applicant submits a proposal with a five-organisation consortium and two KPIs', async () => {
    await at('2027-03-01T10:00:00Z');
    const started = await applicant.post(`/api/calls/${callId}/proposals`, {
      title: 'Waterstofnetwerk Kempen (voorbeeld)',
    });
    expect(started.statusCode).toBe(201);
    proposalId = started.json().data.id;
    expect(started.json().data.reference).toBe('OPR-2027-01-001');

    const { members, budgetLines } = await buildConsortium(t.database.db, 18_100_001);
    const kpiIds = await requiredKpiIds(applicant, callId);
    const saved = await applicant.put(`/api/proposals/${proposalId}`, {
      draftVersion: 1,
      title: 'Waterstofnetwerk Kempen (voorbeeld)',
      summary: 'Een voorbeeldconsortium rond groene waterstof.',
      themeIds: [themeIds[0]],
      answers: {
        ambition: 'Groene waterstof voor de industrie in de Kempen.',
        has_pilot: true,
        pilot_site: 'Geel',
      },
      consortium: members,
      budgetLines,
      kpis: buildKpis(kpiIds),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().data.draftVersion).toBe(2);

    const view = (await applicant.get(`/api/proposals/${proposalId}`)).json();
    expect(view.data.content.consortium).toHaveLength(5);
    expect(view.data.content.kpis).toHaveLength(2);
    expect(view.data.progress.every((p: { done: boolean }) => p.done)).toBe(true);

    await at('2027-03-27T22:00:00Z');
    const submitted = await applicant.post(`/api/proposals/${proposalId}/submit`, { draftVersion: 2 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().data).toMatchObject({
      reference: 'OPR-2027-01-001',
      versionNumber: 1,
      submittedAtLocal: '2027-03-27T23:00',
    });
    const receipt = await applicant.get(`/api/proposals/${proposalId}/receipt`);
    expect(receipt.json().data.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    const notes = await t.database.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', applicant.userId as string)
      .where('kind', '=', 'proposal.submitted')
      // The demo applicant has submitted other proposals before: this one's receipt, once.
      .where('link', 'like', `%${proposalId}%`)
      .execute();
    expect(notes).toHaveLength(1);
  });

  it('a second applicant submitting one second after the deadline (DST night) is refused', async () => {
    await at('2027-03-20T10:00:00Z');
    const started = await late.post(`/api/calls/${callId}/proposals`, { title: 'Laatkomer (voorbeeld)' });
    lateProposalId = started.json().data.id;
    const { members, budgetLines } = await buildConsortium(t.database.db, 18_200_001);
    const saved = await late.put(`/api/proposals/${lateProposalId}`, {
      draftVersion: 1,
      title: 'Laatkomer (voorbeeld)',
      summary: 'Te laat.',
      themeIds: [themeIds[1]],
      answers: { ambition: 'Iets.', has_pilot: false },
      consortium: members,
      budgetLines,
      kpis: buildKpis(await requiredKpiIds(late, callId)),
    });
    expect(saved.statusCode, saved.body).toBe(200);

    await at(DEADLINE_UTC + 1000);
    const refused = await late.post(`/api/proposals/${lateProposalId}/submit`, { draftVersion: 2 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('PROPOSAL_DEADLINE_PASSED');
    expect(refused.json().message.nl).toContain('verstreken');
    const row = await t.database.db
      .selectFrom('proposals')
      .select(['status', 'submitted_version'])
      .where('id', '=', lateProposalId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'draft', submitted_version: null });
  });

  it('after the deadline the call is closed by the clock and the officer sees each rule explained', async () => {
    const list = await officer.get(`/api/calls/${callId}/proposals`);
    expect(list.statusCode).toBe(200);
    // The late draft was never submitted: the agency does not see it.
    expect(list.json().data.map((p: { reference: string }) => p.reference)).toEqual(['OPR-2027-01-001']);
    expect(list.json().data[0]).toMatchObject({
      isSealed: false,
      memberCount: 5,
      eligibilityPassed: 5,
      eligibilityFailed: 0,
      eligibilityToReview: 5,
    });
    const call = (await officer.get(`/api/calls/${callId}`)).json().data;
    expect(call.status).toBe('closed');

    const view = (await officer.get(`/api/proposals/${proposalId}`)).json().data;
    expect(view.contentSource).toBe('submitted_version');
    expect(view.eligibility).toHaveLength(5);
    for (const rule of view.eligibility) {
      expect(rule.outcome).toBe('passed');
      expect(rule.explanation.nl.length).toBeGreaterThan(10);
      expect(rule.explanation.en.length).toBeGreaterThan(10);
    }
    const byKind = Object.fromEntries(
      view.eligibility.map((r: { kind: string; explanation: { en: string } }) => [r.kind, r.explanation.en]),
    );
    expect(byKind.min_companies).toBe('The consortium has 3 companies; minimum 3.');
    expect(byKind.min_smes).toBe('The consortium has 2 SMEs (size class micro, small or medium); minimum 2.');
    expect(byKind.max_aid_share).toContain('Aid share 50.0 %');

    for (const rule of view.eligibility) {
      const reviewed = await officer.put(`/api/proposals/${proposalId}/eligibility/${rule.ruleId}`, {
        outcome: 'passed',
        motivation: 'Nagekeken in de registers.',
      });
      expect(reviewed.statusCode).toBe(200);
    }
    const decided = await officer.post(`/api/proposals/${proposalId}/eligibility-decision`, {
      eligible: true,
      motivation: 'Alle regels voldaan.',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((await officer.get(`/api/proposals/${proposalId}`)).json().data.status).toBe('eligible');
  });

  it('all of it is in the audit trail', async () => {
    const events = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id', 'actor_label'])
      .where((eb) => eb.or([eb('entity_id', '=', callId), eb('entity_id', '=', proposalId)]))
      .orderBy('id')
      .execute();
    const actions = events.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'call.created',
        'call.published',
        'proposal.started',
        'proposal.draft_saved',
        'proposal.submitted',
        'call.closed',
        'proposal.eligibility_rule_confirmed',
        'proposal.eligibility_decided',
      ]),
    );
    expect(events.find((e) => e.action === 'call.closed')?.actor_label).toBe('clock');
    expect(actions.filter((a) => a === 'proposal.eligibility_rule_confirmed')).toHaveLength(5);
    const chain = await officer.get('/api/audit/verify');
    if (chain.statusCode === 200) expect(chain.json().data.ok ?? true).toBe(true);
  });
});
