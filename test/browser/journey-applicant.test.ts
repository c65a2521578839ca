import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeBrowser,
  seen,
  startBrowserHarness,
  textContaining,
  type BrowserHarness,
} from '../helpers/browser';

/** Picks an option of the Mantine Select or MultiSelect labelled `label` within `scope`. */
async function choose(page: Page, scope: Locator | Page, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click({ force: true });
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Fails when the page shows an error alert (an autosave that failed while the person typed). */
async function noErrorShown(page: Page): Promise<void> {
  const alerts = await page.getByRole('alert').allInnerTexts();
  expect(alerts.filter((a) => a.trim() !== '')).toEqual([]);
}

/**
 * The applicant's day, through the UI only, on the demo's open call: from the call page to a new
 * proposal with its consortium (partners by enterprise number, with roles), budget lines, the
 * call's required KPIs with baseline and target, the call's questions (a yes/no that opens a
 * conditional question), then submission and the receipt.
 */
describeBrowser('the applicant journey: open call → proposal → submit → receipt', () => {
  let h: BrowserHarness;
  const partners: { number: string; name: string }[] = [];
  beforeAll(async () => {
    h = await startBrowserHarness();
    const db = h.t.database.db;
    // Partners the applicant knows by their enterprise number: three SMEs and a university.
    const smes = await db
      .selectFrom('organisations')
      .select(['enterprise_number', 'name'])
      .where('helix', '=', 'company')
      .where('size_class', 'in', ['micro', 'small', 'medium'])
      .where('enterprise_number', 'is not', null)
      .orderBy('name')
      .limit(3)
      .execute();
    const institute = await db
      .selectFrom('organisations')
      .select(['enterprise_number', 'name'])
      .where('helix', '=', 'knowledge_institution')
      .where('enterprise_number', 'is not', null)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    for (const o of [...smes, institute]) partners.push({ number: o.enterprise_number ?? '', name: o.name });
  });
  afterAll(() => h?.close());

  it('fills in and submits a proposal in Chromium and gets the receipt', async () => {
    const page = await h.pageAs('applicant');

    // The open call, from the calls menu.
    await page.getByRole('link', { name: 'Oproepen', exact: true }).click();
    await seen(page.getByRole('heading', { level: 1, name: 'Oproepen' }));
    await page.getByRole('link', { name: 'VB-2027-THEMA', exact: true }).click();
    await seen(page.getByTestId('call-deadline'));
    await page.getByLabel('Titel van het voorstel').fill('Slimme kustverdediging (voorbeeld)');
    await page.getByRole('button', { name: 'Voorstel starten' }).click();
    await seen(page.getByRole('heading', { level: 1, name: /VB-2027-THEMA-\d{3} · Slimme kustverdediging/ }));

    // General part.
    await page
      .getByLabel('Samenvatting')
      .fill('Sensoren en data voorspellen zwakke plekken in duinen en dijken.');
    await choose(page, page, "Thema's", (await firstThemeLabel(h)) ?? '');
    await page.keyboard.press('Escape');

    // Consortium: four partners by enterprise number, the first is the lead.
    for (const [i, partner] of partners.entries()) {
      await page.getByRole('button', { name: 'Partner toevoegen' }).click();
      const row = page.getByTestId('consortium-member').nth(i);
      await row.getByLabel('Ondernemingsnummer').fill(partner.number);
      if (i > 0) await choose(page, row, 'Rol', 'Partner');
      await row.getByLabel('Budgetaandeel (euro)').fill('100000');
    }
    // Autosave finds each partner in the register and says whom it found.
    for (const [i, partner] of partners.entries())
      await textContaining(
        page.getByTestId('consortium-member').nth(i),
        `Gevonden in het register: ${partner.name}`,
      );
    await noErrorShown(page);

    // Budget: one personnel line per partner, cost = aid + own contribution.
    for (const [i, partner] of partners.entries()) {
      await page.getByRole('button', { name: 'Budgetlijn toevoegen' }).click();
      const line = page.getByTestId('budget-line').nth(i);
      await choose(page, line, 'Partner', partner.name);
      await line.getByLabel('Beschrijving').fill('Onderzoekers en ingenieurs');
      await line.getByLabel('Kost (euro)').fill('100000');
      await line.getByLabel('Gevraagde steun (euro)').fill('50000');
      await line.getByLabel('Eigen bijdrage (euro)').fill('50000');
    }
    await textContaining(page.getByTestId('budget-totals'), '€ 400.000,00');
    await noErrorShown(page);

    // The call's required KPIs, each with a baseline and a target.
    const kpis = page.getByTestId('kpi-row');
    expect(await kpis.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      const kpi = kpis.nth(i);
      await kpi.getByLabel('Nulmeting', { exact: true }).fill(String(2 + i));
      await kpi.getByLabel('Datum nulmeting').fill('2026-01-01');
      await kpi.getByLabel('Doel', { exact: true }).fill(String(20 + i * 100));
      await kpi.getByLabel('Periode (bv. 2030)').fill('2030');
    }

    // The questions: a long text, a yes/no, and the question a "yes" opens.
    await page
      .getByLabel(/Wat is de ambitie van het nieuwe thema/)
      .fill('Kustbescherming met data en sensoren.');
    await expect(page.getByLabel(/Waar loopt de piloot/).count()).resolves.toBe(0);
    const pilot = page.getByRole('radiogroup', { name: /Loopt er al een pilootproject/ });
    await pilot.getByRole('radio', { name: 'Ja' }).check();
    await page.getByLabel(/Waar loopt de piloot/).fill('Duinen van De Panne');

    await seen(page.getByTestId('progress-questions').filter({ hasText: '✓' }));
    for (const part of ['general', 'consortium', 'budget', 'kpis'])
      expect(await page.getByTestId(`progress-${part}`).textContent()).toContain('✓');
    await noErrorShown(page);

    // Submit, and the receipt: reference, version, time and checksum, downloadable.
    await page.getByRole('button', { name: 'Indienen' }).click();
    await seen(page.getByRole('heading', { level: 1, name: 'Ontvangstbevestiging' }));
    const reference = (await page.getByTestId('receipt-reference').textContent()) ?? '';
    expect(reference).toMatch(/^VB-2027-THEMA-\d{3}$/);
    await seen(page.getByText(/^[0-9a-f]{64}$/));
    const href = await page
      .getByRole('link', { name: 'Download de ontvangstbevestiging (PDF)' })
      .getAttribute('href');
    const pdf = await page.request.get(`${h.baseUrl}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    // The stored submission holds what was typed.
    const stored = await h.t.database.db
      .selectFrom('proposals')
      .select(['id', 'status', 'answers'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('submitted');
    expect(stored.answers).toMatchObject({ has_pilot: true, pilot_site: 'Duinen van De Panne' });
    const members = await h.t.database.db
      .selectFrom('proposal_consortium_members')
      .select('role')
      .where('proposal_id', '=', stored.id)
      .orderBy('position')
      .execute();
    expect(members.map((m) => m.role)).toEqual(['lead', 'partner', 'partner', 'partner']);
    const kpiRows = await h.t.database.db
      .selectFrom('proposal_kpis')
      .select(['baseline_value', 'target_value'])
      .where('proposal_id', '=', stored.id)
      .orderBy('position')
      .execute();
    expect(kpiRows.map((k) => [Number(k.baseline_value), Number(k.target_value)])).toEqual([
      [2, 20],
      [3, 120],
    ]);

    // Back in "Mijn voorstellen" the proposal is submitted.
    await page.getByRole('link', { name: 'Mijn voorstellen' }).click();
    await seen(page.getByRole('row').filter({ hasText: reference }).getByText('Ingediend'));
  });
});

async function firstThemeLabel(h: BrowserHarness): Promise<string | undefined> {
  const theme = await h.t.database.db
    .selectFrom('call_themes as ct')
    .innerJoin('calls as c', 'c.id', 'ct.call_id')
    .innerJoin('themes as t', 't.id', 'ct.theme_id')
    .select('t.label_nl')
    .where('c.code', '=', 'VB-2027-THEMA')
    .orderBy('t.label_nl')
    .executeTakeFirst();
  return theme?.label_nl;
}
