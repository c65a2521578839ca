import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { describeBrowser, seen, useBrowserHarness } from '../helpers/browser';

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
});
