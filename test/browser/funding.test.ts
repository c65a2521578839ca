import { expect, it } from 'vitest';
import { describeBrowser, seen, useBrowserHarness } from '../helpers/browser';

describeBrowser('funding in Chromium', () => {
  const h = useBrowserHarness();

  it('shows the officer the budget dashboard with charts and amounts as € 1.234,56', async () => {
    const page = await h.pageAs('officer');
    await page.getByRole('link', { name: 'Budgetoverzicht' }).click();
    await seen(page.getByRole('heading', { name: 'Budgetoverzicht' }));
    await seen(page.getByRole('img', { name: 'Vastgelegd en betaald per cluster' }).locator('svg'));
    const budget = await page.getByTestId('total-Budget').textContent();
    expect(budget).toMatch(/^€ \d{1,3}(\.\d{3})*,\d{2}$/);
    await seen(page.getByRole('cell', { name: 'ICP-2024-2026' }));
  });

  it('shows the de minimis headroom before committing aid to the company near the ceiling', async () => {
    const page = await h.pageAs('officer');
    const project = await h.t.database.db
      .selectFrom('projects')
      .select('id')
      .where('code', '=', 'CP-2026-14')
      .executeTakeFirstOrThrow();
    await page.goto(`${h.baseUrl}/funding/projects/${project.id}`);
    await seen(page.getByRole('heading', { name: /CP-2026-14/ }));
    await page.getByRole('combobox', { name: 'Financieringslijn' }).click();
    await page.getByRole('option', { name: /^CP-2024-2026/ }).click();
    const table = page.getByTestId('headroom-table');
    await seen(table);
    await seen(table.getByText('€ 28.000,00'));
    const refusal = page.getByRole('status').filter({ hasText: 'de-minimisplafond' });
    await seen(refusal);
    // In words, never the catalogue code.
    expect(await refusal.innerText()).not.toMatch(/[A-Z]+_[A-Z_]+/);
    expect(await page.getByRole('button', { name: 'Vastleggen' }).isDisabled()).toBe(true);
  });
  it('opens the new-line form in a dialog, refuses a bad amount in place and closes on cancel', async () => {
    const page = await h.pageAs('officer');
    await page.goto(`${h.baseUrl}/funding/lines`);
    await page.getByRole('button', { name: 'Nieuwe lijn' }).click();
    const dialog = page.getByRole('dialog');
    await seen(dialog.getByRole('heading', { name: 'Nieuwe lijn' }));
    await dialog.getByLabel('Code').fill('BL-TEST');
    await dialog.getByLabel(/^Naam/).fill('Testlijn (voorbeeld)');
    await dialog.getByLabel(/^Begin/).fill('2027-01-01');
    await dialog.getByLabel(/^Einde/).fill('2027-12-31');
    // A line for one call: the call is chosen by its code and title, not typed as an id.
    await dialog.getByRole('combobox', { name: 'Doel' }).click();
    await page.getByRole('option', { name: 'Eén oproep' }).click();
    await dialog.getByRole('combobox', { name: /^Oproep/ }).click();
    await seen(page.getByRole('option', { name: /^VB-2026-BEOORDELING — / }));
    await page.getByRole('option', { name: /^VB-2026-BEOORDELING — / }).click();
    await dialog.getByLabel(/^Bedrag/).fill('twaalf');
    await dialog.getByRole('button', { name: 'Aanmaken' }).click();
    await seen(dialog.getByText('Geef een bedrag in euro met hoogstens twee decimalen.'));
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });
  it('shows the aid regime and legal basis in the record-aid and new-project dialogs', async () => {
    const page = await h.pageAs('officer');
    for (const [path, button] of [
      ['/funding/state-aid', 'Steun registreren'],
      ['/funding/projects', 'Nieuw project'],
    ]) {
      await page.goto(`${h.baseUrl}${path}`);
      await page.getByRole('button', { name: button }).click();
      const dialog = page.getByRole('dialog');
      await seen(dialog.getByRole('heading', { name: button }));
      expect(await dialog.getByLabel('Steunregime').inputValue()).toBe('De minimis');
      await dialog.getByLabel('Steunregime').click();
      await page.getByRole('option', { name: 'Groepsvrijstelling' }).click();
      expect(await dialog.getByLabel('Steunregime').inputValue()).toBe('Groepsvrijstelling');
      await dialog.getByLabel('Rechtsgrond').fill('Verordening (EU) 651/2014');
      expect(await dialog.getByLabel('Rechtsgrond').inputValue()).toBe('Verordening (EU) 651/2014');
      await dialog.getByRole('button', { name: 'Annuleren' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
  });
});
