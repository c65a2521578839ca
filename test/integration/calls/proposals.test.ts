import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import {
  buildCallDefinition,
  buildProposalContent,
  LATE_PASSWORD,
  multipart,
  publishedCall,
  secondApplicant,
} from './call-fixtures';

// Fall-back night: the first 02:30 (summer time, +02:00) = 00:30 UTC; the offset says which of the two.
const CLOSES_LOCAL = '2027-10-31T02:30+02:00';
const CLOSES_UTC = Date.parse('2027-10-31T00:30:00Z');

describe('proposals: bad input, sealing, amendments, clarifications, versions', () => {
  let t: TestApp;
  let nowMs = Date.parse('2027-09-01T08:00:00Z');
  let officer: TestClient;
  let applicant: TestClient;
  let other: TestClient;
  let callId: string;
  let proposalId: string;
  let themeIds: string[];
  let draftVersion = 1;

  async function at(value: string | number) {
    nowMs = typeof value === 'number' ? value : Date.parse(value);
    officer = await t.loginAs('officer');
    applicant = await t.loginAs('applicant');
    other = await t.login('ander@voorbeeld.example', LATE_PASSWORD);
  }

  const fullContent = (serial: number) =>
    buildProposalContent(t.database.db, applicant, {
      callId,
      themeIds,
      serial,
      title: 'Circulaire coatings (voorbeeld)',
    });

  beforeAll(async () => {
    t = await createTestApp({ clock: () => new Date(nowMs) });
    await secondApplicant(t, 'ander@voorbeeld.example');
    await at(nowMs);
    const call = await publishedCall(t.database.db, officer, {
      code: 'OPR-2027-02',
      themePrefix: 'proposals-test',
      opensAtLocal: '2027-09-01T09:00',
      closesAtLocal: CLOSES_LOCAL,
    });
    ({ callId, themeIds } = call);
    expect(call.closesAt).toBe(new Date(CLOSES_UTC).toISOString());
    await at('2027-09-02T08:00:00Z');
    proposalId = (
      await applicant.post(`/api/calls/${callId}/proposals`, { title: 'Circulaire coatings (voorbeeld)' })
    ).json().data.id;
  });
  afterAll(() => t?.close());

  it('refuses an invalid enterprise number in the consortium', async () => {
    const content = await fullContent(18_300_001);
    content.consortium[1].enterpriseNumber = 'BE 0123.456.789';
    const response = await applicant.put(`/api/proposals/${proposalId}`, { draftVersion, ...content });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('INVALID_ENTERPRISE_NUMBER');
    expect(response.json().details[0].path).toBe('consortium.1.enterpriseNumber');
  });

  it('refuses budget lines that do not add up', async () => {
    const content = await fullContent(18_300_001);
    content.budgetLines[0].ownContributionCents += 1;
    const response = await applicant.put(`/api/proposals/${proposalId}`, { draftVersion, ...content });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('BUDGET_DOES_NOT_ADD_UP');
  });

  it('two tabs: the later save on a stale version is refused and does not overwrite', async () => {
    const content = await fullContent(18_300_001);
    const first = await applicant.put(`/api/proposals/${proposalId}`, {
      draftVersion,
      ...content,
      title: 'Tab A',
    });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await applicant.put(`/api/proposals/${proposalId}`, {
      draftVersion,
      ...content,
      title: 'Tab B',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('PROPOSAL_VERSION_CONFLICT');
    expect(stale.json().context).toEqual({ currentVersion: draftVersion + 1, yourVersion: draftVersion });
    draftVersion = first.json().data.draftVersion;
    expect((await applicant.get(`/api/proposals/${proposalId}`)).json().data.content.title).toBe('Tab A');
  });

  it('refuses a submission with a required answer missing, naming the question', async () => {
    const content = await fullContent(18_300_001);
    const saved = await applicant.put(`/api/proposals/${proposalId}`, {
      draftVersion,
      ...content,
      answers: { ambition: 'Iets.', has_pilot: true },
    });
    draftVersion = saved.json().data.draftVersion;
    const response = await applicant.post(`/api/proposals/${proposalId}/submit`, { draftVersion });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('PROPOSAL_INCOMPLETE');
    expect(response.json().details.map((d: { path: string }) => d.path)).toEqual(['answers.pilot_site']);
  });

  it(
    'refuses attachments that are too large or of a forbidden type, and stores a good one with its ' +
      'checksum',
    async () => {
      await t.database.db
        .updateTable('calls')
        .set({ max_attachment_bytes: 1000 })
        .where('id', '=', callId)
        .execute();
      const big = multipart('bijlage.txt', Buffer.alloc(2000, 'a'), 'text/plain');
      const tooLarge = await applicant.request(
        'POST',
        `/api/proposals/${proposalId}/attachments`,
        big.payload,
        big.headers,
      );
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json().code).toBe('FILE_TOO_LARGE');
      const html = multipart(
        'pagina.html',
        Buffer.from('<html><script>alert(1)</script></html>'),
        'text/html',
      );
      const forbidden = await applicant.request(
        'POST',
        `/api/proposals/${proposalId}/attachments`,
        html.payload,
        html.headers,
      );
      expect(forbidden.statusCode).toBe(415);
      expect(forbidden.json().code).toBe('FILE_TYPE_NOT_ALLOWED');
      const good = multipart('begroting.csv', Buffer.from('post,bedrag\npersoneel,1000\n'), 'text/csv');
      const stored = await applicant.request(
        'POST',
        `/api/proposals/${proposalId}/attachments?kind=budget`,
        good.payload,
        good.headers,
      );
      expect(stored.statusCode, stored.body).toBe(201);
      expect(stored.json().data.sha256).toMatch(/^[0-9a-f]{64}$/);
      const attachmentId = stored.json().data.attachmentId;
      const download = await applicant.get(`/api/proposals/${proposalId}/attachments/${attachmentId}`);
      expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    },
  );

  it('another applicant reaching for this proposal gets NOT_FOUND, exactly like a missing one', async () => {
    const content = await fullContent(18_300_001);
    for (const response of [
      await other.get(`/api/proposals/${proposalId}`),
      await other.put(`/api/proposals/${proposalId}`, { draftVersion, ...content }),
      await other.post(`/api/proposals/${proposalId}/submit`, { draftVersion }),
      await other.post(`/api/proposals/${proposalId}/withdraw`, {}),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('NOT_FOUND');
    }
    // The agency does not see a draft at all.
    expect((await officer.get(`/api/proposals/${proposalId}`)).statusCode).toBe(404);
  });

  it('a view-only co-applicant can read but not edit; an edit co-applicant can save', async () => {
    expect(
      (
        await applicant.post(`/api/proposals/${proposalId}/collaborators`, {
          email: 'ander@voorbeeld.example',
          access: 'view',
        })
      ).statusCode,
    ).toBe(200);
    expect((await other.get(`/api/proposals/${proposalId}`)).json().data.myAccess).toBe('view');
    const content = await fullContent(18_300_001);
    const refused = await other.put(`/api/proposals/${proposalId}`, { draftVersion, ...content });
    expect(refused.json().code).toBe('PROPOSAL_READ_ONLY');
    await applicant.post(`/api/proposals/${proposalId}/collaborators`, {
      email: 'ander@voorbeeld.example',
      access: 'edit',
    });
    const saved = await other.put(`/api/proposals/${proposalId}`, { draftVersion, ...content });
    expect(saved.statusCode, saved.body).toBe(200);
    draftVersion = saved.json().data.draftVersion;
  });

  it('an amendment after opening is logged and notifies the applicants', async () => {
    const current = (await officer.get(`/api/calls/${callId}`)).json().data;
    const definition = buildCallDefinition({
      code: 'OPR-2027-02',
      themeIds,
      opensAtLocal: '2027-09-01T09:00',
      closesAtLocal: CLOSES_LOCAL,
    });
    // Keep the required KPIs' ids so proposals stay linked.
    definition.requiredKpis = current.requiredKpis.map(
      (k: { id: string; nameNl: string; unit: string; direction: string; kpiCode: string | null }) => ({
        id: k.id,
        nameNl: k.nameNl,
        unit: k.unit,
        direction: k.direction,
        kpiCode: k.kpiCode,
      }),
    );
    definition.budgetEnvelopeCents = 600_000_000;
    expect((await officer.put(`/api/calls/${callId}`, definition)).json().code).toBe('CALL_LOCKED');
    const amended = await officer.post(`/api/calls/${callId}/amendments`, {
      motivation: 'Budget verhoogd na begrotingsaanpassing.',
      definition,
    });
    expect(amended.statusCode, amended.body).toBe(200);
    expect(amended.json().data).toMatchObject({
      amendmentCount: 1,
      notified: 2,
      budgetEnvelopeCents: 600_000_000,
    });
    const notes = await t.database.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', applicant.userId as string)
      .where('kind', '=', 'call.amended')
      .execute();
    expect(notes).toHaveLength(1);
    const mails = await t.database.db
      .selectFrom('outbox_emails')
      .select('subject')
      .where('subject', 'like', '%amendement 1%')
      .execute();
    expect(mails.length).toBe(2);
  });

  it(
    'sealed until the deadline: the officer sees no content before it, except through a logged ' +
      'break-glass',
    async () => {
      const content = await fullContent(18_300_001);
      const saved = await applicant.put(`/api/proposals/${proposalId}`, { draftVersion, ...content });
      draftVersion = saved.json().data.draftVersion;
      const submitted = await applicant.post(`/api/proposals/${proposalId}/submit`, { draftVersion });
      expect(submitted.statusCode, submitted.body).toBe(200);

      const sealed = (await officer.get(`/api/proposals/${proposalId}`)).json();
      expect(sealed.data).toMatchObject({
        isSealed: true,
        content: null,
        eligibility: null,
        attachments: null,
      });
      expect(sealed.abilities.breakGlass).toBe(true);
      const list = (await officer.get(`/api/calls/${callId}/proposals`)).json().data;
      expect(list[0]).toMatchObject({ isSealed: true, title: null, memberCount: null });
      const audit = (
        await t.database.db
          .selectFrom('audit_events')
          .select(['after'])
          .where('entity_id', '=', proposalId)
          .execute()
      ).map((e) => JSON.stringify(e.after));
      expect(audit.join(' ')).not.toContain('Circulaire coatings voor de bouw');

      expect(
        (
          await officer.post(`/api/proposals/${proposalId}/break-glass`, {
            motivation: 'Vermoeden van fraude gemeld door de FOD.',
          })
        ).statusCode,
      ).toBe(200);
      const opened = (await officer.get(`/api/proposals/${proposalId}`)).json().data;
      expect(opened.isSealed).toBe(false);
      expect(opened.content.title).toBe('Circulaire coatings (voorbeeld)');
      const actions = (
        await t.database.db
          .selectFrom('audit_events')
          .select('action')
          .where('entity_id', '=', proposalId)
          .execute()
      ).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['proposal.break_glass', 'proposal.read_sealed']));
    },
  );

  it('an amendment that adds a rule re-evaluates proposals already submitted', async () => {
    const current = (await officer.get(`/api/calls/${callId}`)).json().data;
    const definition = buildCallDefinition({
      code: 'OPR-2027-02',
      themeIds,
      opensAtLocal: '2027-09-01T09:00',
      closesAtLocal: CLOSES_LOCAL,
    });
    definition.requiredKpis = current.requiredKpis.map(
      (k: { id: string; nameNl: string; unit: string; direction: string; kpiCode: string | null }) => ({
        id: k.id,
        nameNl: k.nameNl,
        unit: k.unit,
        direction: k.direction,
        kpiCode: k.kpiCode,
      }),
    );
    definition.eligibilityRules.push({
      kind: 'no_new_legal_entity',
      explanationNl: 'Projectgebaseerd: geen nieuwe rechtspersoon.',
    });
    const amended = await officer.post(`/api/calls/${callId}/amendments`, {
      motivation: 'Regel toegevoegd: projectgebaseerd.',
      definition,
    });
    expect(amended.statusCode, amended.body).toBe(200);
    const results = await t.database.db
      .selectFrom('proposal_eligibility_results as r')
      .innerJoin('call_eligibility_rules as k', 'k.id', 'r.rule_id')
      .select(['k.kind', 'r.auto_outcome'])
      .where('r.proposal_id', '=', proposalId)
      .execute();
    expect(results).toHaveLength(6);
    expect(results.find((r) => r.kind === 'no_new_legal_entity')?.auto_outcome).toBe('passed');
  });

  it('resubmission while open makes version 2; a withdrawn proposal can be reopened', async () => {
    const content = await fullContent(18_300_001);
    const saved = await applicant.put(`/api/proposals/${proposalId}`, {
      draftVersion,
      ...content,
      summary: 'Versie twee.',
    });
    draftVersion = saved.json().data.draftVersion;
    const second = await applicant.post(`/api/proposals/${proposalId}/submit`, { draftVersion });
    expect(second.json().data.versionNumber).toBe(2);
    expect(
      (await applicant.post(`/api/proposals/${proposalId}/withdraw`, { reason: 'Partner haakt af.' }))
        .statusCode,
    ).toBe(200);
    expect((await applicant.get(`/api/proposals/${proposalId}`)).json().data.status).toBe('withdrawn');
    expect((await applicant.post(`/api/proposals/${proposalId}/reopen`, {})).statusCode).toBe(200);
    const third = await applicant.post(`/api/proposals/${proposalId}/submit`, { draftVersion });
    expect(third.json().data.versionNumber).toBe(3);
    const view = (await applicant.get(`/api/proposals/${proposalId}`)).json().data;
    expect(view.versions.map((v: { versionNumber: number }) => v.versionNumber)).toEqual([1, 2, 3]);
  });

  it('fall-back night: one second after the first 02:30 the submission is refused', async () => {
    await at(CLOSES_UTC - 1000);
    expect((await applicant.post(`/api/proposals/${proposalId}/submit`, { draftVersion })).statusCode).toBe(
      200,
    );
    await at(CLOSES_UTC + 1000);
    const late = await applicant.post(`/api/proposals/${proposalId}/submit`, { draftVersion });
    expect(late.json().code).toBe('PROPOSAL_DEADLINE_PASSED');
  });

  it('clarification loop: asked with a deadline, answered in time, refused after it', async () => {
    const asked = await officer.post(`/api/proposals/${proposalId}/clarifications`, {
      question: 'Bevestig de cofinanciering van de grote partner.',
      dueAtLocal: '2027-11-05T17:00',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const first = asked.json().data.id;
    const second = (
      await officer.post(`/api/proposals/${proposalId}/clarifications`, {
        question: 'Nog een vraag.',
        dueAtLocal: '2027-11-05T17:00',
      })
    ).json().data.id;
    expect(
      (
        await applicant.post(`/api/proposals/${proposalId}/clarifications/${first}/answer`, {
          answer: 'Bevestigd, zie bijlage.',
        })
      ).statusCode,
    ).toBe(200);
    await at('2027-11-05T16:00:01Z');
    const tooLate = await applicant.post(`/api/proposals/${proposalId}/clarifications/${second}/answer`, {
      answer: 'Te laat.',
    });
    expect(tooLate.json().code).toBe('CLARIFICATION_CLOSED');
    const view = (await officer.get(`/api/proposals/${proposalId}`)).json().data;
    expect(
      view.clarifications.map((c: { isOverdue: boolean; answer: string | null }) => [c.answer, c.isOverdue]),
    ).toEqual([
      ['Bevestigd, zie bijlage.', false],
      [null, true],
    ]);
  });

  it("warns the officer when the proposal's themes overlap strongly with an existing cluster", async () => {
    const cluster = await t.database.db
      .selectFrom('clusters')
      .select(['id', 'name'])
      .orderBy('short_name')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('cluster_themes')
      .values({ cluster_id: cluster.id, theme_id: themeIds[0] })
      .execute();
    const view = (await officer.get(`/api/proposals/${proposalId}`)).json().data;
    expect(view.themeOverlap).toEqual([
      { clusterId: cluster.id, clusterName: cluster.name, sharedThemes: 1, share: 1 },
    ]);
    // Applicants do not get the agency's warning.
    expect((await applicant.get(`/api/proposals/${proposalId}`)).json().data.themeOverlap).toBeNull();
  });

  it('the officer must review every rule before deciding; an override needs a motivation and is audited', async () => {
    const view = (await officer.get(`/api/proposals/${proposalId}`)).json().data;
    expect(
      (
        await officer.post(`/api/proposals/${proposalId}/eligibility-decision`, {
          eligible: false,
          motivation: 'Te vroeg.',
        })
      ).json().code,
    ).toBe('ELIGIBILITY_NOT_REVIEWED');
    const [firstRule, ...rest] = view.eligibility;
    expect(
      (
        await officer.put(`/api/proposals/${proposalId}/eligibility/${firstRule.ruleId}`, {
          outcome: 'failed',
          motivation: '',
        })
      ).statusCode,
    ).toBe(400);
    await officer.put(`/api/proposals/${proposalId}/eligibility/${firstRule.ruleId}`, {
      outcome: 'failed',
      motivation: 'Eén bedrijf is een dochter van een ander: telt als één onderneming.',
    });
    for (const rule of rest)
      await officer.put(`/api/proposals/${proposalId}/eligibility/${rule.ruleId}`, {
        outcome: rule.autoOutcome,
        motivation: 'Bevestigd.',
      });
    expect(
      (
        await officer.post(`/api/proposals/${proposalId}/eligibility-decision`, {
          eligible: false,
          motivation: 'Te weinig zelfstandige bedrijven.',
        })
      ).statusCode,
    ).toBe(200);
    const after = (await officer.get(`/api/proposals/${proposalId}`)).json().data;
    expect(after.status).toBe('ineligible');
    expect(after.eligibility[0]).toMatchObject({
      autoOutcome: 'passed',
      officerOutcome: 'failed',
      outcome: 'failed',
    });
    const actions = (
      await t.database.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', '=', proposalId)
        .execute()
    ).map((e) => e.action);
    expect(actions).toContain('proposal.eligibility_rule_overridden');
    const xlsx = await officer.get(`/api/calls/${callId}/proposals.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('attachment');
  });
});
