import { afterAll, beforeAll, expect, it } from 'vitest';
import { enterpriseNumberFrom } from '../../src/shared/enterprise-number';
import {
  describeBrowser,
  loginInBrowser,
  seen,
  startBrowserHarness,
  type BrowserHarness,
} from '../helpers/browser';

describeBrowser("calls: the applicant's path in Chromium", () => {
  let h: BrowserHarness;
  let callId: string;
  beforeAll(async () => {
    h = await startBrowserHarness();
    callId = (
      await h.t.database.db
        .selectFrom('calls')
        .select('id')
        .where('code', '=', 'VB-2027-THEMA')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => h?.close());

  it('the public call page shows the call, its rules and deadline without login', async () => {
    const page = await h.newPage();
    await page.goto(`${h.baseUrl}/public/calls`);
    await page.getByRole('link', { name: 'VB-2027-THEMA' }).click();
    await seen(page.getByRole('heading', { name: /Open oproep nieuwe strategische thema/ }));
    await seen(page.getByText("Minimum aantal kmo's: 2"));
    await seen(page.getByRole('heading', { name: 'Beslissingsregels bij gelijke stand (in volgorde)' }));
    expect(await page.getByTestId('call-deadline').textContent()).toMatch(/17:00/);
  });

  it('an applicant starts a proposal, sees autosave and progress, submits and gets a receipt', async () => {
    const page = await h.pageAs('applicant');
    await page.goto(`${h.baseUrl}/calls/${callId}`);
    await page.getByLabel('Titel van het voorstel').fill('Slimme dijken (voorbeeld)');
    await page.getByRole('button', { name: 'Voorstel starten' }).click();
    await seen(page.getByRole('heading', { name: /VB-2027-THEMA-\d{3} · Slimme dijken/ }));

    await page.getByLabel('Samenvatting').fill('Sensoren in dijken voorspellen zwakke plekken (voorbeeld).');
    await page
      .getByLabel(/Wat is de ambitie van het nieuwe thema/)
      .fill('Kustbescherming met data en sensoren.');
    await seen(page.getByText(/Automatisch opgeslagen \(versie [2-9]\)/));
    // Consortium, budget and KPIs are still missing: the progress indicator says so.
    expect(await page.getByTestId('progress-consortium').textContent()).toContain('•');

    // The structured parts are filled in through the same API (five partners, budget, two KPIs).
    const proposalId = page.url().split('/proposals/')[1];
    const api = await h.t.loginAs('applicant');
    const row = await h.t.database.db
      .selectFrom('proposals')
      .select('draft_version')
      .where('id', '=', proposalId)
      .executeTakeFirstOrThrow();
    const call = (await api.get(`/api/calls/${callId}`)).json().data;
    const members = [0, 1, 2, 3, 4].map((i) => ({
      enterpriseNumber: enterpriseNumberFrom(17_600_001 + i),
      name: `Dijkpartner ${i + 1} (voorbeeld)`,
      helix: i < 3 ? 'company' : 'knowledge_institution',
      sizeClass: i < 2 ? 'small' : 'large',
      role: i === 0 ? 'lead' : 'partner',
      budgetShareCents: 10_000_000,
    }));
    const saved = await api.put(`/api/proposals/${proposalId}`, {
      draftVersion: row.draft_version,
      title: 'Slimme dijken (voorbeeld)',
      summary: 'Sensoren in dijken voorspellen zwakke plekken (voorbeeld).',
      themeIds: [call.themes[0].id],
      answers: { ambition: 'Kustbescherming met data en sensoren.', has_pilot: false },
      consortium: members,
      budgetLines: members.map((m) => ({
        enterpriseNumber: m.enterpriseNumber,
        category: 'personnel',
        costCents: 10_000_000,
        requestedAidCents: 5_000_000,
        ownContributionCents: 5_000_000,
      })),
      kpis: call.requiredKpis.map((k: { id: string; nameNl: string; unit: string; direction: string }) => ({
        requiredKpiId: k.id,
        name: k.nameNl,
        unit: k.unit,
        direction: k.direction,
        baselineValue: 1,
        targetValue: 10,
        targetPeriod: '2030',
      })),
    });
    expect(saved.statusCode, saved.body).toBe(200);

    await page.reload();
    await seen(page.getByTestId('consortium-member'));
    expect(await page.getByTestId('consortium-member').count()).toBe(5);
    expect(await page.getByTestId('progress-kpis').textContent()).toContain('✓');
    await page.getByRole('button', { name: 'Indienen' }).click();
    await seen(page.getByRole('heading', { name: 'Ontvangstbevestiging' }));
    expect(await page.getByTestId('receipt-reference').textContent()).toMatch(/^VB-2027-THEMA-\d{3}$/);
    await seen(page.getByText(/^[0-9a-f]{64}$/));

    await page.getByRole('link', { name: 'Mijn voorstellen' }).click();
    await seen(page.getByRole('cell', { name: 'Ingediend' }).first());
  });

  it('two tabs on the same draft: the stale tab is told, and does not overwrite', async () => {
    const seeded = await h.t.database.db
      .selectFrom('proposals')
      .select('id')
      .where('title', '=', 'Blauwe waterstof uit zeewind (voorbeeld)')
      .executeTakeFirstOrThrow();
    const tabA = await h.newPage();
    const tabB = await h.newPage();
    for (const tab of [tabA, tabB]) {
      await loginInBrowser(tab, h.baseUrl, 'applicant');
      await tab.goto(`${h.baseUrl}/proposals/${seeded.id}`);
      await seen(tab.getByLabel('Samenvatting'));
    }
    await tabA.getByLabel('Samenvatting').fill('Tekst uit tabblad A.');
    await seen(tabA.getByText(/Automatisch opgeslagen \(versie 3\)/));
    await tabB.getByLabel('Samenvatting').fill('Tekst uit tabblad B.');
    await seen(tabB.getByRole('alert').filter({ hasText: 'Elders opgeslagen' }));
    const row = await h.t.database.db
      .selectFrom('proposals')
      .select('summary')
      .where('id', '=', seeded.id)
      .executeTakeFirstOrThrow();
    expect(row.summary).toBe('Tekst uit tabblad A.');
  });
});
