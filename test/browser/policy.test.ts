import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeBrowser,
  seen,
  startBrowserHarness,
  textContaining,
  type BrowserHarness,
} from '../helpers/browser';
import { systemActor } from '../../src/server/http/actor';
import { generateRegister } from '../../src/server/modules/policy/generate-register';

describeBrowser('policy analytics in Chromium', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
    // The demo data plus a generated enterprise register.
    await generateRegister(
      {
        db: h.t.database.db,
        actor: null,
        auditActor: systemActor('test'),
        requestId: null,
        now: () => new Date(),
        config: h.t.config,
      },
      { enterprises: 800 },
    );
  });
  afterAll(() => h?.close());

  it('shows the officer the weakest themes and NACE sectors on the gap page', async () => {
    const page = await h.pageAs('officer');
    expect(await page.getByRole('link', { name: 'Dekking en hiaten' }).count()).toBe(1);
    // Navigate by URL: the shared navigation is long and may not scroll at the harness's window size.
    await page.goto(`${h.baseUrl}/policy/gaps`);
    await seen(page.getByRole('heading', { name: 'Dekking van thema’s en hiaten' }));
    // The heading shows before the data: wait for the list itself.
    await seen(page.getByTestId('weakest-themes').locator('li'));
    expect(await page.getByTestId('weakest-themes').locator('li').count()).toBeGreaterThan(0);
    await seen(page.getByRole('img', { name: 'Heatmap thema’s × clusters' }).locator('svg'));
    await seen(page.getByTestId('weakest-sectors').locator('li'));
    expect(await page.getByTestId('weakest-sectors').locator('li').count()).toBeGreaterThan(0);
    await textContaining(page.getByTestId('weakest-sectors'), '%');
  });

  it('names the closest pair of clusters and why', async () => {
    const page = await h.pageAs('analyst');
    expect(await page.getByRole('link', { name: 'Overlap clusters' }).count()).toBe(1);
    await page.goto(`${h.baseUrl}/policy/overlap`);
    const text = await textContaining(page.getByTestId('closest-pair'), 'Meest verwante paar');
    const overlap = (await (await page.request.get(`${h.baseUrl}/api/policy/overlap`)).json()).data;
    expect(text).toContain(overlap.closest.clusterA.shortName);
    expect(text).toContain(overlap.closest.clusterB.shortName);
    expect(text).toContain('gedeelde leden');
  });

  it('draws the collaboration network and shows its figures', async () => {
    const page = await h.pageAs('analyst');
    await page.goto(`${h.baseUrl}/policy/network`);
    await seen(page.getByTestId('network-graph').locator('canvas'));
    const network = (await (await page.request.get(`${h.baseUrl}/api/policy/network`)).json()).data;
    await textContaining(page.getByTestId('figure-collaborations'), String(network.figures.collaborations));
    await seen(page.getByText('Het volledige netwerk is getekend'));
  });

  it('shows the scenario ranking with its sensitivity and the unscored scenario as such', async () => {
    const page = await h.pageAs('analyst');
    expect(await page.getByRole('link', { name: 'Beleidsscenario’s' }).count()).toBe(1);
    await page.goto(`${h.baseUrl}/policy/scenarios`);
    await seen(page.getByRole('heading', { name: 'Vergelijking van beleidsscenario’s' }));
    const firstRow = page.getByTestId('scenario-ranking').locator('tbody tr').first();
    await textContaining(firstRow, 'Voorkeursrichting VARIO');
    await seen(page.getByTestId('scenario-sensitivity').locator('tbody tr'));
    expect(await page.getByTestId('scenario-sensitivity').locator('tbody tr').count()).toBe(6);
    await textContaining(page.getByTestId('scenario-sensitivity'), 'Economische valorisatie');
    await seen(page.getByText('Nog geen scores').first());
  });
});
