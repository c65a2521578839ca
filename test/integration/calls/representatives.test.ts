import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import { createSession } from '../../../src/server/modules/auth/sessions.repository';
import { DEMO_PASSWORD } from '../../../src/server/demo/accounts.seed';
import { parseEnterpriseNumber } from '../../../src/shared/enterprise-number';
import {
  buildCallDefinition,
  buildConsortium,
  buildKpis,
  createThemes,
  requiredKpiIds,
} from './call-fixtures';

/**
 * Mandates → confirmed representatives. The OpenID Connect sign-in that fills a session's mandates
 * is tested on its own; here a session with mandates is inserted through the sessions repository,
 * exactly as that sign-in stores it, and what is tested is what the mandates do to a proposal.
 */
async function sessionWithMandates(t: TestApp, userId: string, now: Date, mandates: string[]) {
  const session = await createSession(t.database.db, userId, now, 8, { mandates, oidcProvider: 'test-idp' });
  return clientFor(t.app, session.cookieValue, session.csrfToken, userId);
}

const canonical = (value: string) => {
  const parsed = parseEnterpriseNumber(value);
  if (!parsed.ok) throw new Error(value);
  return parsed.value;
};

async function representativesOf(t: TestApp, proposalId: string) {
  return t.database.db
    .selectFrom('proposal_representatives')
    .selectAll()
    .where('proposal_id', '=', proposalId)
    .orderBy('enterprise_number')
    .execute();
}

async function confirmationAudits(t: TestApp, proposalId: string) {
  return t.database.db
    .selectFrom('audit_events')
    .select(['after', 'actor_user_id'])
    .where('entity_id', '=', proposalId)
    .where('action', '=', 'proposal.representative_confirmed')
    .orderBy('id')
    .execute();
}

describe('mandates confirm representatives of consortium partners', () => {
  let t: TestApp;
  let nowMs = Date.parse('2027-09-01T08:00:00Z');
  let officer: TestClient;
  let applicant: TestClient;
  let mandated: TestClient;
  let callId: string;
  let proposalId: string;
  let draftVersion = 1;
  let content: Awaited<ReturnType<typeof fullContent>>;
  let existingNumber: string;
  let otherExistingNumber: string;
  let newNumber: string;

  async function fullContent(serial: number) {
    const { members, budgetLines } = await buildConsortium(t.database.db, serial);
    return {
      title: 'Mandaten (voorbeeld)',
      summary: 'Voorbeeld.',
      themeIds: [] as string[],
      answers: { ambition: 'Circulaire coatings voor de bouw.', has_pilot: true, pilot_site: 'Gent' },
      consortium: members,
      budgetLines,
      kpis: buildKpis(await requiredKpiIds(applicant, callId)),
    };
  }

  async function at(value: string) {
    nowMs = Date.parse(value);
    officer = await t.loginAs('officer');
    applicant = await t.loginAs('applicant');
    mandated = await sessionWithMandates(t, applicant.userId!, new Date(nowMs), [
      existingNumber,
      // The new partner's number in its printed form: the mandate is normalised.
      `BE ${newNumber.slice(0, 4)}.${newNumber.slice(4, 7)}.${newNumber.slice(7)}`,
    ]);
  }

  beforeAll(async () => {
    t = await createTestApp({ clock: () => new Date(nowMs) });
    officer = await t.loginAs('officer');
    applicant = await t.loginAs('applicant');
    const themeIds = await createThemes(t.database.db, 'mandates-test');
    const created = await officer.post(
      '/api/calls',
      buildCallDefinition({
        code: 'OPR-2027-MANDAAT',
        themeIds,
        opensAtLocal: '2027-09-01T09:00',
        closesAtLocal: '2027-10-15T17:00',
      }),
    );
    callId = created.json().data.id;
    expect((await officer.post(`/api/calls/${callId}/publish`, {})).statusCode).toBe(200);
    content = await fullContent(18_400_001);
    content.themeIds = [themeIds[0]];
    newNumber = canonical(content.consortium[0].enterpriseNumber);
    existingNumber = canonical(content.consortium[3].enterpriseNumber);
    otherExistingNumber = canonical(content.consortium[4].enterpriseNumber);
    await at('2027-09-02T08:00:00Z');
    proposalId = (
      await applicant.post(`/api/calls/${callId}/proposals`, { title: 'Mandaten (voorbeeld)' })
    ).json().data.id;
  });
  afterAll(() => t?.close());

  it('the current user carries the session mandates; a password session has none', async () => {
    expect((await mandated.get('/api/auth/me')).json().data.mandates).toEqual([
      existingNumber,
      expect.stringMatching(/^BE /),
    ]);
    expect((await applicant.get('/api/auth/me')).json().data.mandates).toEqual([]);
  });

  it('a save without mandates records no representative', async () => {
    const saved = await applicant.put(`/api/proposals/${proposalId}`, { draftVersion, ...content });
    expect(saved.statusCode, saved.body).toBe(200);
    draftVersion = saved.json().data.draftVersion;
    expect(await representativesOf(t, proposalId)).toEqual([]);
    const view = (await applicant.get(`/api/proposals/${proposalId}`)).json().data;
    expect(view.representation.every((r: { confirmed: boolean }) => !r.confirmed)).toBe(true);
  });

  it('a save under a mandate confirms the known partner, once, with one audit row', async () => {
    for (let i = 0; i < 2; i++) {
      nowMs += 60_000;
      const saved = await mandated.put(`/api/proposals/${proposalId}`, { draftVersion, ...content });
      expect(saved.statusCode, saved.body).toBe(200);
      draftVersion = saved.json().data.draftVersion;
    }
    const rows = await representativesOf(t, proposalId);
    // The new partner has no organisation before submission: it is confirmed then.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      enterprise_number: existingNumber,
      user_id: applicant.userId,
      oidc_provider: 'test-idp',
    });
    expect(new Date(rows[0].first_acted_at).getTime()).toBeLessThan(
      new Date(rows[0].last_acted_at).getTime(),
    );
    const audits = await confirmationAudits(t, proposalId);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actor_user_id: applicant.userId,
      after: { userId: applicant.userId, provider: 'test-idp', confirmedAt: expect.any(String) },
    });
    // Which partner is consortium content: it stays out of the audit trail.
    expect(JSON.stringify(audits[0].after)).not.toContain(existingNumber);

    const view = (await applicant.get(`/api/proposals/${proposalId}`)).json().data;
    const byNumber = new Map(
      (view.representation as { enterpriseNumber: string }[]).map((r) => [r.enterpriseNumber, r]),
    );
    expect(byNumber.get(existingNumber)).toMatchObject({
      confirmed: true,
      representatives: [{ name: expect.any(String), provider: 'test-idp' }],
    });
    // Another partner was only named.
    expect(byNumber.get(otherExistingNumber)).toMatchObject({ confirmed: false, representatives: [] });
    expect(byNumber.get(newNumber)).toMatchObject({ confirmed: false });
  });

  it('a confirmation stays, with its time, when a later save holds no mandate', async () => {
    const before = await representativesOf(t, proposalId);
    nowMs += 60_000;
    const saved = await applicant.put(`/api/proposals/${proposalId}`, { draftVersion, ...content });
    expect(saved.statusCode, saved.body).toBe(200);
    draftVersion = saved.json().data.draftVersion;
    expect(await representativesOf(t, proposalId)).toEqual(before);
    const view = (await applicant.get(`/api/proposals/${proposalId}`)).json().data;
    expect(view.representation.filter((r: { confirmed: boolean }) => r.confirmed)).toHaveLength(1);
  });

  it('the submission confirms the partner it creates; the agency sees who after the deadline', async () => {
    const submitted = await mandated.post(`/api/proposals/${proposalId}/submit`, { draftVersion });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await representativesOf(t, proposalId)).map((r) => r.enterprise_number).sort()).toEqual(
      [existingNumber, newNumber].sort(),
    );
    expect(await confirmationAudits(t, proposalId)).toHaveLength(2);
    // Sealed before the deadline: the agency learns nothing of the consortium, representatives included.
    const sealed = (await officer.get(`/api/proposals/${proposalId}`)).json().data;
    expect(sealed).toMatchObject({ isSealed: true, content: null, representation: null });

    await at('2027-10-16T08:00:00Z');
    const view = (await officer.get(`/api/proposals/${proposalId}`)).json().data;
    const confirmed = (view.representation as { enterpriseNumber: string; confirmed: boolean }[])
      .filter((r) => r.confirmed)
      .map((r) => r.enterpriseNumber)
      .sort();
    expect(confirmed).toEqual([existingNumber, newNumber].sort());
    expect(view.representation[0].representatives[0].name).toBeTruthy();
  });
});

describe('representatives in the review workspace', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('tells the expert per partner whether a representative confirmed it, never who', async () => {
    const officer = await t.loginAs('officer');
    const calls = (await officer.get('/api/review/calls')).json().data as { id: string; code: string }[];
    const callId = calls.find((c) => c.code === 'VB-2026-BEOORDELING')?.id ?? '';
    expect((await officer.post(`/api/review/calls/${callId}/assign`, {})).statusCode).toBe(200);
    const assignment = await t.database.db
      .selectFrom('review_assignments as a')
      .innerJoin('users as u', 'u.id', 'a.expert_user_id')
      .select(['a.proposal_id', 'u.email'])
      .where('a.call_id', '=', callId)
      .executeTakeFirstOrThrow();
    const partner = await t.database.db
      .selectFrom('proposal_consortium_members as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select(['o.id', 'o.enterprise_number'])
      .where('m.proposal_id', '=', assignment.proposal_id)
      .orderBy('m.position')
      .executeTakeFirstOrThrow();
    const owner = await t.database.db
      .selectFrom('proposal_collaborators as c')
      .innerJoin('users as u', 'u.id', 'c.user_id')
      .select(['u.id', 'u.name'])
      .where('c.proposal_id', '=', assignment.proposal_id)
      .where('c.access', '=', 'owner')
      .executeTakeFirstOrThrow();
    // Recorded as a mandate would have (the recording itself is tested above).
    await t.database.db
      .insertInto('proposal_representatives')
      .values({
        proposal_id: assignment.proposal_id,
        organisation_id: partner.id,
        user_id: owner.id,
        enterprise_number: partner.enterprise_number as string,
        oidc_provider: 'test-idp',
      })
      .execute();

    const expert = await t.login(assignment.email, DEMO_PASSWORD);
    const response = await expert.get(`/api/review/proposals/${assignment.proposal_id}`);
    expect(response.statusCode).toBe(200);
    const representation = response.json().data.submission.representation;
    expect(representation[0]).toEqual({
      enterpriseNumber: partner.enterprise_number,
      confirmed: true,
      confirmedAt: null,
      representatives: null,
    });
    expect(representation.slice(1).every((r: { confirmed: boolean }) => !r.confirmed)).toBe(true);
    expect(response.body).not.toContain(owner.name);
    expect(response.body).not.toContain('test-idp');

    // The officer's proposal page names the representative.
    const page = (await officer.get(`/api/proposals/${assignment.proposal_id}`)).json().data;
    expect(page.representation[0].representatives).toEqual([
      { name: owner.name, confirmedAt: expect.any(String), provider: 'test-idp' },
    ]);
  });
});
