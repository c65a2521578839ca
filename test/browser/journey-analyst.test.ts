import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeBrowser,
  seen,
  startBrowserHarness,
  textContaining,
  type BrowserHarness,
} from '../helpers/browser';

/** The page's main content, once its data has arrived. */
async function mainText(page: Page): Promise<string> {
  return page.locator('main').innerText();
}

/**
 * The policy analyst's day, through the UI only: from the home page's latest figures through the
 * menu to coverage and gaps, cluster overlap, the collaboration network and the policy scenarios;
 * each shows its charts and tables with data, and no page names a person (analysts work without
 * personal data: organisations, roles and pseudonyms only).
 */
describeBrowser(
  'the analyst journey: coverage → overlap → network → scenarios, without personal data',
  () => {
    let h: BrowserHarness;
    let people: string[];
    beforeAll(async () => {
      h = await startBrowserHarness();
      const users = await h.t.database.db.selectFrom('users').select(['name', 'role', 'email']).execute();
      const accounts = await h.t.database.db
        .selectFrom('policy_stakeholders')
        .select('name')
        .where('kind', '=', 'account')
        .execute();
      people = [
        ...users.filter((u) => u.role !== 'analyst').flatMap((u) => [u.name, u.email]),
        ...accounts.map((a) => a.name),
      ];
    });
    afterAll(() => h?.close());

    it('walks the policy pages in Chromium and sees data, never a name of a person', async () => {
      expect(people.length).toBeGreaterThan(5);
      const page = await h.pageAs('analyst');
      const texts: string[] = [];

      // The home page: the latest figures.
      await seen(page.getByRole('heading', { name: 'Laatste cijfers' }));
      await textContaining(page.getByTestId('figure-activeClusters'), 'actieve clusters');
      texts.push(await mainText(page));

      // The menu groups the policy pages; developer tools are not among the daily items.
      const nav = page.getByRole('navigation').first();
      await seen(nav.getByText('Beleid', { exact: true }));
      expect(await nav.getByRole('link', { name: /API|JSON|OpenAPI/ }).count()).toBe(0);

      // Coverage and gaps: the weakest themes and sectors, the heatmap and the table.
      await nav.getByRole('link', { name: 'Dekking en hiaten' }).click();
      await seen(page.getByRole('heading', { level: 1, name: 'Dekking van thema’s en hiaten' }));
      await seen(page.getByTestId('weakest-themes').locator('li'));
      expect(await page.getByTestId('weakest-themes').locator('li').count()).toBeGreaterThan(0);
      await seen(page.getByRole('img', { name: 'Heatmap thema’s × clusters' }).locator('svg'));
      await seen(page.getByRole('table').first().locator('tbody tr'));
      texts.push(await mainText(page));

      // Overlap: the closest pair and why, the similarity heatmap and the pairs table.
      await nav.getByRole('link', { name: 'Overlap clusters' }).click();
      await textContaining(page.getByTestId('closest-pair'), 'gedeelde leden');
      await seen(page.getByRole('img', { name: /Heatmap gelijkenis/ }).locator('svg'));
      await seen(page.getByRole('table').first().locator('tbody tr'));
      texts.push(await mainText(page));

      // The collaboration network: the graph, its figures and the helix heatmap.
      await nav.getByRole('link', { name: 'Samenwerkingsnetwerk' }).click();
      await seen(page.getByTestId('network-graph').locator('canvas'));
      const organisations = await textContaining(page.getByTestId('figure-organisations'), '');
      expect(Number(organisations.replace(/\D/g, ''))).toBeGreaterThan(10);
      await seen(page.getByText('Samenwerkingen per paar helixcategorieën'));
      texts.push(await mainText(page));

      // The scenarios: the ranking with its chart, the criteria and the sensitivity.
      await nav.getByRole('link', { name: 'Beleidsscenario’s' }).click();
      await seen(page.getByRole('heading', { level: 1, name: 'Vergelijking van beleidsscenario’s' }));
      await textContaining(
        page.getByTestId('scenario-ranking').locator('tbody tr').first(),
        'Volledig gescoord',
      );
      await seen(page.getByTestId('scenario-sensitivity').locator('tbody tr'));
      await seen(page.locator('main canvas, main svg').first());
      texts.push(await mainText(page));

      for (const text of texts) {
        expect(people.filter((person) => text.includes(person))).toEqual([]);
        expect(text).not.toMatch(/[\w.-]+@[\w-]+\.\w+/);
        // No raw codes of roles or statuses in the analyst's reading either.
        expect(text).not.toMatch(/\b(officer|manager|analyst|in_evaluation|approved)\b/);
      }
    }, 240_000);
  },
);
