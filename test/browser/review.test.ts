import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeBrowser,
  seen,
  startBrowserHarness,
  textContaining,
  type BrowserHarness,
} from '../helpers/browser';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.seed';

const justification = 'Degelijk onderbouwd voorstel met een duidelijke aanpak en meetbare doelen.';

describeBrowser('expert review in Chromium: assign, review, consensus, rank, decide, summary', () => {
  let h: BrowserHarness;
  let callId = '';
  beforeAll(async () => {
    h = await startBrowserHarness();
    const call = await h.t.database.db
      .selectFrom('calls')
      .select('id')
      .where('code', '=', 'VB-2026-BEOORDELING')
      .executeTakeFirstOrThrow();
    callId = call.id;
  });
  afterAll(() => h?.close());

  it('the officer assigns the experts optimally from the call page', async () => {
    const page = await h.pageAs('officer');
    await page.getByRole('link', { name: 'Beoordeling', exact: true }).click();
    await page.getByRole('link', { name: 'VB-2026-BEOORDELING' }).click();
    await page.getByRole('button', { name: 'Toewijzing opslaan' }).click();
    await textContaining(page.getByRole('status'), 'Volledige toewijzing gevonden');
    const count = await h.t.database.db
      .selectFrom('review_assignments')
      .select('id')
      .where('call_id', '=', callId)
      .execute();
    expect(count).toHaveLength(90);
  });

  it('the demo expert scores and submits a review in the workspace', async () => {
    const page = await h.pageAs('expert');
    await page.getByRole('link', { name: 'Mijn beoordelingen' }).click();
    await page.locator('a[href^="/review/proposals/"]').first().click();
    for (const label of ['Excellentie (0–5)', 'Impact (0–5)', 'Uitvoering (0–5)'])
      await page.getByLabel(label).fill('4');
    const texts = page.getByLabel('Motivering (minstens 30 tekens)');
    for (let i = 0; i < 3; i++) await texts.nth(i).fill(justification);
    await page.getByRole('button', { name: 'Indienen (definitief)' }).click();
    await seen(page.getByText('Ingediend', { exact: true }));
  });

  it(
    'after the other experts reviewed, the officer agrees consensus, ranks, decides, and the ' +
      'applicant reads the summary',
    async () => {
      // The other 89 reviews and 29 consensus reports through the API (the UI path is shown above and below).
      const criteria = await h.t.database.db
        .selectFrom('call_criteria')
        .select(['id', 'code'])
        .where('call_id', '=', callId)
        .orderBy('position')
        .execute();
      const pending = await h.t.database.db
        .selectFrom('review_assignments as a')
        .innerJoin('users as u', 'u.id', 'a.expert_user_id')
        .innerJoin('proposals as p', 'p.id', 'a.proposal_id')
        .leftJoin('reviews as r', 'r.assignment_id', 'a.id')
        .select(['a.proposal_id', 'u.email', 'p.reference', 'r.status'])
        .where('a.call_id', '=', callId)
        .execute();
      const clients = new Map<string, Awaited<ReturnType<typeof h.t.login>>>();
      for (const a of pending.filter((x) => x.status !== 'submitted')) {
        const client = clients.get(a.email) ?? (await h.t.login(a.email, DEMO_PASSWORD));
        clients.set(a.email, client);
        const i = Number(a.reference.slice(-3));
        const score = (c: string) => (c === 'impact' && i % 7 === 0 ? 2.5 : 3 + (i % 5) * 0.5);
        await client.put(`/api/review/proposals/${a.proposal_id}/review`, {
          scores: criteria.map((c) => ({ criterionId: c.id, score: score(c.code), justification })),
        });
        expect((await client.post(`/api/review/proposals/${a.proposal_id}/review/submit`)).statusCode).toBe(
          200,
        );
      }
      const officerApi = await h.t.loginAs('officer');
      const proposals = await h.t.database.db
        .selectFrom('proposals')
        .select(['id', 'reference'])
        .where('call_id', '=', callId)
        .orderBy('reference')
        .execute();
      for (const p of proposals.slice(1)) {
        const i = Number(p.reference.slice(-3));
        const score = (c: string) => (c === 'impact' && i % 7 === 0 ? 2.5 : 3 + (i % 5) * 0.5);
        const response = await officerApi.put(`/api/review/proposals/${p.id}/consensus`, {
          agree: true,
          scores: criteria.map((c) => ({
            criterionId: c.id,
            score: score(c.code),
            comment: 'Consensus van het panel.',
          })),
        });
        expect(response.statusCode).toBe(200);
      }

      const page = await h.pageAs('officer');
      await page.goto(`${h.baseUrl}/review/proposals/${proposals[0].id}`);
      await page.getByRole('button', { name: 'Consensus vastleggen' }).click();
      await seen(page.getByText('Vastgelegd'));

      await page.goto(`${h.baseUrl}/review/calls/${callId}`);
      await page.getByRole('tab', { name: 'Rangschikking' }).click();
      await seen(page.getByText('Toegekend').first());
      await seen(page.getByText('Afgewezen').first());
      await page
        .getByLabel(/^Motivering \(geldt voor elk voorstel/)
        .fill('Beslist volgens de rangschikking, de drempels en het budget van de oproep.');
      await page.getByRole('button', { name: 'Beslis volgens de rangschikking' }).click();
      let decided = 0;
      for (let wait = 0; wait < 150 && decided < 30; wait++) {
        decided = (
          await h.t.database.db
            .selectFrom('review_decisions')
            .select('proposal_id')
            .where('call_id', '=', callId)
            .execute()
        ).length;
        if (decided < 30) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(decided, (await page.getByRole('alert').allInnerTexts()).join(' | ')).toBe(30);
      await textContaining(
        page.getByRole('alert').filter({ hasText: 'beslissing(en) vastgelegd' }),
        '30 beslissing(en) vastgelegd',
      );

      const funded = await h.t.database.db
        .selectFrom('review_decisions')
        .select('proposal_id')
        .where('call_id', '=', callId)
        .where('outcome', '=', 'funded')
        .executeTakeFirstOrThrow();
      const applicant = await h.pageAs('applicant');
      await applicant.goto(`${h.baseUrl}/review/summaries/${funded.proposal_id}`);
      await seen(applicant.getByRole('heading', { name: /Evaluatieverslag/ }));
      await seen(applicant.getByText('Consensus van het panel.').first());
      const pdf = await applicant.request.get(`${h.baseUrl}/api/review/summaries/${funded.proposal_id}/pdf`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
    },
  );

  it('the JSON tools page runs the solver on an instance and shows the optimum', async () => {
    const page = await h.pageAs('officer');
    // A developer's tool: linked from the account page, not from the daily menu.
    expect(await page.getByRole('navigation').getByRole('link', { name: /JSON/ }).count()).toBe(0);
    await page.getByRole('link', { name: 'Mijn account' }).click();
    await page.getByRole('link', { name: 'Toewijzing en rangschikking uit JSON' }).click();
    await page.getByRole('button', { name: 'Uitvoeren' }).first().click();
    await textContaining(page.getByRole('status'), 'Volledige toewijzing gevonden');
    await textContaining(page.getByRole('status'), 'Totale expertisematch: 1,4');
  });
});
