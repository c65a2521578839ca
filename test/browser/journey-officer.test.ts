import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeBrowser,
  seen,
  startBrowserHarness,
  textContaining,
  type BrowserHarness,
} from '../helpers/browser';

/**
 * The officer's selection, through the UI only, on the demo's calls at each stage: the inbox,
 * eligibility (the proposal submitted on the call whose deadline passed: every rule reviewed, then
 * declared eligible), assignment (the call waiting for it), consensus, ranking under the call's budget rule with the
 * pending proposals listed, decisions on what is ready, the evaluation summary PDF, and an
 * objection handled on the decided call.
 */
describeBrowser(
  'the officer journey: eligibility → assignment → consensus → ranking → decisions → summary PDF → objection',
  () => {
    let h: BrowserHarness;
    const callIds = new Map<string, string>();
    beforeAll(async () => {
      h = await startBrowserHarness();
      const calls = await h.t.database.db.selectFrom('calls').select(['id', 'code']).execute();
      for (const c of calls) callIds.set(c.code, c.id);
    });
    afterAll(() => h?.close());

    it('walks the selection to its end in Chromium', async () => {
      const page = await h.pageAs('officer');

      // The home page says what is waiting: proposals ready to decide and an open objection.
      await seen(page.getByRole('heading', { name: 'Wat op je wacht' }));
      const ready = page.getByTestId('inbox-readyToDecide');
      await seen(ready);
      await seen(page.getByTestId('inbox-objections'));

      // Eligibility first: from the inbox to the call past its deadline, its submitted proposal,
      // every rule reviewed with a motivation, then the proposal declared eligible.
      await page.getByTestId('inbox-eligibility').getByRole('link').first().click();
      await seen(page.getByRole('heading', { name: 'Voorstellen bij VB-2026-ONTVANKELIJKHEID' }));
      await page.getByRole('link', { name: 'VB-2026-ONTVANKELIJKHEID-001', exact: true }).click();
      await seen(page.getByRole('heading', { name: 'Ontvankelijkheidsrapport' }));
      const rules = page.getByTestId('eligibility-rule');
      await seen(rules);
      const ruleCount = await rules.count();
      expect(ruleCount).toBe(3);
      for (let i = 0; i < ruleCount; i++) {
        const rule = rules.nth(i);
        await rule
          .getByRole('textbox', { name: 'Motivering' })
          .fill(`Regel ${i + 1} nagekeken in het ingediende consortium en budget.`);
        await rule.getByRole('button', { name: 'Bevestigen' }).click();
        await textContaining(rule, `Regel ${i + 1} nagekeken`);
      }
      await page
        .locator('textarea')
        .and(page.getByLabel('Motivering', { exact: true }))
        .fill('Voldoet aan elke ontvankelijkheidsregel van de oproep.');
      await page.getByRole('button', { name: 'Ontvankelijk verklaren', exact: true }).click();
      await textContaining(page.getByText('Motivering: Voldoet aan elke'), 'Voldoet aan elke');
      await seen(page.getByText('Ontvankelijk', { exact: true }));
      const checked = await h.t.database.db
        .selectFrom('proposals')
        .select(['status', 'eligibility_motivation'])
        .where('reference', '=', 'VB-2026-ONTVANKELIJKHEID-001')
        .executeTakeFirstOrThrow();
      expect(checked).toEqual({
        status: 'eligible',
        eligibility_motivation: 'Voldoet aan elke ontvankelijkheidsregel van de oproep.',
      });

      // Assignment on the call that waits for it.
      await page.getByRole('link', { name: 'Beoordeling', exact: true }).click();
      await page.getByRole('link', { name: 'VB-2026-BEOORDELING' }).click();
      await page.getByRole('button', { name: 'Toewijzing opslaan' }).click();
      await textContaining(page.getByRole('status'), 'Volledige toewijzing gevonden');

      // Consensus: from the inbox to the call in review, then the proposal whose consensus is a draft.
      await page.getByRole('link', { name: 'Start', exact: true }).click();
      await page.getByTestId('inbox-readyToDecide').getByRole('link').first().click();
      await seen(page.getByRole('link', { name: 'VB-SEL-005' }));
      await page.getByRole('link', { name: 'VB-SEL-005' }).click();
      await page.getByRole('button', { name: 'Consensus vastleggen' }).click();
      await seen(page.getByText('Vastgelegd').first());

      // Ranking: the call's budget rule in words, the pending proposal listed, reasons in Dutch with nl-BE money.
      await page.goto(`${h.baseUrl}/review/calls/${callIds.get('VB-2026-SELECTIE')}`);
      await page.getByRole('tab', { name: 'Rangschikking' }).click();
      await seen(page.getByText('Budgetregel van de oproep: ga door naar het volgende voorstel dat past'));
      await textContaining(page.getByTestId('pending-list'), 'VB-SEL-006');
      const table = await textContaining(
        page.getByRole('table').filter({ hasText: 'Past niet in het resterende budget' }),
        'Past niet in het resterende budget',
      );
      expect(table).toMatch(/€ \d{1,3}(\.\d{3})*,\d{2}/);
      expect(table).not.toMatch(/Funded within|budget is exhausted/);

      // Decide what is ready (five ranked proposals); the sixth stays pending.
      await page
        .getByLabel(/^Motivering \(geldt voor elk voorstel/)
        .fill('Beslist volgens de rangschikking, de drempels en het budget van de oproep.');
      await page.getByRole('button', { name: /Beslis volgens de rangschikking \(5 voorstel/ }).click();
      await textContaining(
        page.getByRole('alert').filter({ hasText: 'beslissing(en) vastgelegd' }),
        '5 beslissing(en) vastgelegd',
      );
      await seen(page.getByText('Nog niet beslist').or(page.getByTestId('pending-list')));

      // The evaluation summary of a funded proposal, and its PDF.
      const funded = await h.t.database.db
        .selectFrom('review_decisions as d')
        .innerJoin('proposals as p', 'p.id', 'd.proposal_id')
        .select(['d.proposal_id', 'p.reference'])
        .where('p.call_id', '=', callIds.get('VB-2026-SELECTIE') ?? '')
        .where('d.outcome', '=', 'funded')
        .orderBy('p.reference')
        .executeTakeFirstOrThrow();
      await page.goto(`${h.baseUrl}/review/summaries/${funded.proposal_id}`);
      await seen(page.getByText(/Gefinancierd binnen het budget: € [\d.]+,\d{2} van € 800\.000,00/));
      const pdfHref = await page.getByRole('link', { name: 'Download als PDF' }).getAttribute('href');
      const pdf = await page.request.get(`${h.baseUrl}${pdfHref}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');

      // The objection on the decided call is handled with a motivation.
      await page.goto(`${h.baseUrl}/review/calls/${callIds.get('VB-2025-BESLIST')}`);
      await page.getByRole('tab', { name: 'Bezwaren' }).click();
      await page
        .getByLabel('Motivering van de uitkomst')
        .fill('De oproep publiceerde vooraf de regel: stop bij het eerste voorstel dat niet past.');
      await page.getByRole('button', { name: 'Ongegrond' }).click();
      let handled = '';
      for (let wait = 0; wait < 100 && handled !== 'dismissed'; wait++) {
        const row = await h.t.database.db
          .selectFrom('review_objections')
          .select('status')
          .executeTakeFirstOrThrow();
        handled = row.status;
        if (handled !== 'dismissed') await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(handled).toBe('dismissed');

      // The audit trail names what happened and who did it in words; the code only in a tooltip.
      await page.goto(`${h.baseUrl}/admin/audit`);
      const handledCell = page.getByRole('cell', { name: 'Bezwaar behandeld', exact: true });
      await seen(handledCell);
      expect(await page.getByRole('cell', { name: /^review\./ }).count()).toBe(0);
      await handledCell.getByText('Bezwaar behandeld').hover();
      await seen(page.getByRole('tooltip', { name: 'Code voor systemen: review.objection_handled' }));
      // The object by its kind in words, never the table name.
      await seen(page.getByRole('cell', { name: /^Bezwaar [0-9a-f]{8}$/ }));
      expect(await page.getByRole('cell', { name: /^review_objection/ }).count()).toBe(0);
    });
  },
);
