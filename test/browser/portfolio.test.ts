import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { axeProblems } from '../helpers/axe';
import { describeBrowser, seen, textContaining, useBrowserHarness } from '../helpers/browser';

describeBrowser('the cluster portfolio in Chromium', () => {
  const h = useBrowserHarness();

  it('a manager opens the portfolio, their cluster, and previews a member list with its problems', async () => {
    const page = await h.pageAs('manager');
    await page.getByRole('link', { name: 'Clusterportfolio' }).click();
    await seen(page.getByRole('heading', { name: 'Clusterportfolio' }));
    await page.getByRole('link', { name: 'Flux50' }).first().click();
    await seen(page.getByRole('heading', { name: 'Roadmap' }));
    await seen(page.getByText('Gepromoveerd tot speerpuntcluster').or(page.getByText('Opgenomen')).first());
    await page.getByRole('link', { name: 'Ledenlijst importeren' }).click();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sp-import-')), 'leden.csv');
    fs.writeFileSync(
      file,
      'name,enterprise_number,helix,valid_from\r\nGoed BV ' +
        '(voorbeeld),0123.456.749,bedrijf,2025-01-01\r\nFout BV ' +
        '(voorbeeld),0123.456.748,bedrijf,2025-01-01\r\n',
    );
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: 'Controleren' }).click();
    await seen(page.getByText('2 rijen: 1 correct, 1 met problemen'));
    await seen(page.getByText(/Ongeldig ondernemingsnummer "0123.456.748": de controlecijfers kloppen niet/));
    expect(await page.getByRole('button', { name: '1 correcte rij opslaan' }).isEnabled()).toBe(true);
  });

  it("an officer sets a cluster's legal entity by typing, beyond the first 50 organisations by name", async () => {
    const officer = await h.t.loginAs('officer');
    for (let i = 1; i <= 55; i++) {
      const created = await officer.post('/api/organisations', {
        name: `Aaa Vulorganisatie ${String(i).padStart(2, '0')}`,
        helix: 'company',
        country: 'NL',
        foreignIdentifier: `VUL-${i}`,
      });
      expect(created.statusCode).toBe(201);
    }
    const target = await officer.post('/api/organisations', {
      name: 'Zwaluwstaart Rechtspersoon VZW',
      helix: 'civil_society',
      country: 'NL',
      foreignIdentifier: 'ZWALUW-1',
    });
    expect(target.statusCode).toBe(201);
    const firstPage = await officer.get('/api/organisations?pageSize=50');
    expect(firstPage.body).not.toContain('Zwaluwstaart');

    const page = await h.pageAs('officer');
    await page.getByRole('link', { name: 'Clusterportfolio' }).click();
    await seen(page.getByRole('heading', { name: 'Clusterportfolio' }));
    await page.getByRole('link', { name: 'Flux50' }).first().click();
    await seen(page.getByRole('heading', { name: 'Roadmap' }));
    await page.getByRole('button', { name: 'Cluster bewerken' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cluster bewerken' });
    await dialog.getByRole('combobox', { name: 'Rechtspersoon' }).fill('zwaluwstaart');
    await page.getByRole('option', { name: 'Zwaluwstaart Rechtspersoon VZW' }).click();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await textContaining(page.getByText(/^Rechtspersoon:/), 'Zwaluwstaart Rechtspersoon VZW');
    // Opened again, the picker names the chosen organisation, though no search has found it yet.
    await page.getByRole('button', { name: 'Cluster bewerken' }).click();
    const picker = dialog.getByRole('combobox', { name: 'Rechtspersoon' });
    await picker.waitFor();
    expect(await picker.inputValue()).toBe('Zwaluwstaart Rechtspersoon VZW');
  });

  it('an analyst sorts the organisations and the clusters on the server by clicking a column header', async () => {
    const analyst = await h.t.loginAs('analyst');
    const firstName = async (url: string) =>
      ((await analyst.get(url)).json().data[0] as { name: string }).name;
    const page = await h.pageAs('analyst');
    await page.getByRole('link', { name: 'Organisaties' }).click();
    await seen(page.getByRole('heading', { name: 'Organisaties' }));
    const table = page.getByRole('table');
    const firstCell = table.locator('tbody tr').first().locator('td').first();
    await textContaining(firstCell, await firstName('/api/organisations?pageSize=1'));
    const header = table.getByRole('columnheader', { name: /^Organisatie/ });
    expect(await header.getAttribute('aria-sort')).toBe('none');
    const button = header.getByRole('button');
    await button.click();
    await textContaining(table.locator('th[aria-sort="ascending"]'), 'Organisatie');
    await button.click();
    await textContaining(table.locator('th[aria-sort="descending"]'), 'Organisatie');
    await textContaining(firstCell, await firstName('/api/organisations?sort=-name&pageSize=1'));
    await table.getByRole('button', { name: /^Opgericht op/ }).click();
    await textContaining(table.locator('th[aria-sort="ascending"]'), 'Opgericht op');
    expect(await header.getAttribute('aria-sort')).toBe('none');
    await textContaining(firstCell, await firstName('/api/organisations?sort=foundedOn&pageSize=1'));
    expect(await axeProblems(page, 'sorted organisations', false)).toEqual([]);

    await page.getByRole('link', { name: 'Clusterportfolio' }).click();
    await seen(page.getByRole('heading', { name: 'Clusterportfolio' }));
    const clusters = page.getByRole('table');
    const kind = clusters.getByRole('button', { name: /^Soort/ });
    await kind.click();
    await kind.click();
    await textContaining(clusters.locator('th[aria-sort="descending"]'), 'Soort');
    await textContaining(
      clusters.locator('tbody tr').first().locator('td').first(),
      await firstName('/api/clusters?sort=-kind&pageSize=1'),
    );
    expect(await axeProblems(page, 'sorted portfolio', false)).toEqual([]);
  });
});
