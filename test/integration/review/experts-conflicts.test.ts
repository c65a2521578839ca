import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import { DEMO_PASSWORD } from '../../../src/server/demo/accounts.seed';
import { hashPassword } from '../../../src/server/modules/auth/secrets';

let t: TestApp;
let officer: TestClient;
let callId: string;

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
});

afterAll(async () => {
  await t?.close();
});

describe('experts, declarations and conflicts', () => {
  it('derives a conflict through an enterprise-number relation the register knows', async () => {
    const proposal = await t.database.db
      .selectFrom('proposals')
      .select(['id'])
      .where('call_id', '=', callId)
      .orderBy('reference', 'desc')
      .executeTakeFirstOrThrow();
    const member = await t.database.db
      .selectFrom('proposal_consortium_members')
      .select('organisation_id')
      .where('proposal_id', '=', proposal.id)
      .where('role', '=', 'lead')
      .$narrowType<{ organisation_id: string }>()
      .executeTakeFirstOrThrow();
    const consortium = (
      await t.database.db
        .selectFrom('proposal_consortium_members')
        .select('organisation_id')
        .where('proposal_id', '=', proposal.id)
        .execute()
    ).map((m) => m.organisation_id);
    const other = await t.database.db
      .selectFrom('organisations')
      .select(['id', 'enterprise_number'])
      .where('id', 'not in', consortium)
      .where('enterprise_number', 'is not', null)
      .executeTakeFirstOrThrow();
    const expert = await t.loginAs('expert');
    const expertId = expert.userId ?? '';
    const saved = await officer.put(`/api/review/experts/${expertId}`, {
      headline: 'Test',
      keywords: ['waterstof'],
      maxLoad: 9,
      affiliations: [{ organisationId: other.id, role: 'bestuurder' }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().data.affiliations[0].organisationId).toBe(other.id);
    await t.database.db
      .insertInto('organisation_sme_figures')
      .values({ organisation_id: member.organisation_id, reference_year: 2025 })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await t.database.db
      .insertInto('organisation_related_enterprises')
      .values({
        organisation_id: member.organisation_id,
        reference_year: 2025,
        name: 'Moederbedrijf (test)',
        enterprise_number: other.enterprise_number,
        holding_share: 60,
      })
      .execute();
    const derived = await officer.post(`/api/review/calls/${callId}/conflicts/derive`);
    expect(derived.json().data.created).toBeGreaterThanOrEqual(1);
    const conflicts = (await officer.get(`/api/review/calls/${callId}/conflicts`)).json().data as {
      proposalId: string;
      expertUserId: string;
      source: string;
      reason: string;
    }[];
    const linked = conflicts.find((c) => c.proposalId === proposal.id && c.expertUserId === expertId);
    expect(linked?.source).toBe('derived');
    expect(linked?.reason).toContain('verbonden onderneming');
  });

  it(
    'an expert sees nothing before accepting the declaration, and a self-declared conflict hides ' +
      'the proposal at once',
    async () => {
      const db = t.database.db;
      const user = await db
        .insertInto('users')
        .values({
          email: 'nieuwe-expert@speerpunt.example',
          name: 'Nieuwe Expert (test)',
          role: 'expert',
          password_hash: await hashPassword(DEMO_PASSWORD),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(
        (await officer.post(`/api/review/calls/${callId}/experts`, { userIds: [user.id] })).json().data
          .invited,
      ).toBe(1);
      const expert = await t.login('nieuwe-expert@speerpunt.example', DEMO_PASSWORD);
      const invitations = (await expert.get('/api/review/my/invitations')).json().data;
      expect(invitations.declaration.nl).toContain('vertrouwelijk');
      expect(invitations.invitations[0]).toMatchObject({
        callId,
        invitationStatus: 'invited',
        declarationAcceptedAt: null,
      });

      const proposal = await db
        .selectFrom('proposals')
        .select('id')
        .where('call_id', '=', callId)
        .orderBy('reference')
        .executeTakeFirstOrThrow();
      expect(
        (
          await officer.post(`/api/review/calls/${callId}/assignments`, {
            proposalId: proposal.id,
            expertUserId: user.id,
          })
        ).json().code,
      ).toBe('EXPERT_NOT_ON_CALL');
      expect(
        (
          await expert.post(`/api/review/my/invitations/${callId}`, {
            accept: true,
            acceptDeclaration: false,
          })
        ).json().code,
      ).toBe('DECLARATION_NOT_ACCEPTED');
      expect(
        (await expert.post(`/api/review/my/invitations/${callId}`, { accept: true, acceptDeclaration: true }))
          .statusCode,
      ).toBe(200);
      const manual = await officer.post(`/api/review/calls/${callId}/assignments`, {
        proposalId: proposal.id,
        expertUserId: user.id,
        isForced: true,
      });
      expect(manual.statusCode, manual.body).toBe(201);
      expect(
        (
          await officer.post(`/api/review/calls/${callId}/assignments`, {
            proposalId: proposal.id,
            expertUserId: user.id,
          })
        ).json().code,
      ).toBe('ASSIGNMENT_EXISTS');
      expect((await expert.get(`/api/review/proposals/${proposal.id}`)).statusCode).toBe(200);

      // The declaration withdrawn (declined) hides the proposal again.
      await db
        .updateTable('call_experts')
        .set({ declaration_accepted_at: null })
        .where('user_id', '=', user.id)
        .execute();
      expect((await expert.get(`/api/review/proposals/${proposal.id}`)).statusCode).toBe(404);
      await db
        .updateTable('call_experts')
        .set({ declaration_accepted_at: new Date() })
        .where('user_id', '=', user.id)
        .execute();

      const declared = await expert.post(`/api/review/proposals/${proposal.id}/conflict`, {
        reason: 'Ik werkte vorig jaar als adviseur voor de aanvrager.',
      });
      expect(declared.statusCode).toBe(200);
      expect((await expert.get(`/api/review/proposals/${proposal.id}`)).statusCode).toBe(404);
      expect((await expert.get('/api/review/my/assignments')).json().data).toEqual([]);
      const assignment = await db
        .selectFrom('review_assignments')
        .select('id')
        .where('proposal_id', '=', proposal.id)
        .where('expert_user_id', '=', user.id)
        .executeTakeFirst();
      expect(assignment).toBeUndefined();
    },
  );

  it('refuses profile changes an expert may not make and a minimum above the maximum', async () => {
    const expert = await t.loginAs('expert');
    const otherExpert = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'expert2@speerpunt.example')
      .executeTakeFirstOrThrow();
    expect((await expert.put(`/api/review/experts/${otherExpert.id}`, { maxLoad: 3 })).statusCode).toBe(404);
    expect(
      (await expert.put(`/api/review/experts/${expert.userId}`, { maxLoad: 3, minLoad: 5 })).statusCode,
    ).toBe(400);
    const mine = await expert.put(`/api/review/experts/${expert.userId}`, {
      maxLoad: 4,
      minLoad: 1,
      keywords: ['AI', ' batterij '],
    });
    expect(mine.json().data).toMatchObject({ maxLoad: 4, minLoad: 1, keywords: ['ai', 'batterij'] });
  });
});
