import { expect, it } from 'vitest';
import { describeBrowser, seen, useBrowserHarness } from '../helpers/browser';

/** The Dutch names of the reported KPIs, as the buttons name them. */
const NAMES: Record<string, string> = {
  NEW_PRODUCTS: 'Nieuwe producten en diensten bij leden',
  PRIVATE_RD_INVESTMENT: 'Uitgelokte private O&O-investeringen',
  CO2_AVOIDED: 'Vermeden CO2-uitstoot',
  MEMBER_SATISFACTION: 'Tevredenheid van de leden',
  PROJECT_LEAD_TIME: 'Doorlooptijd van idee tot projectstart',
};

const VALUES: Record<string, string> = {
  NEW_PRODUCTS: '12',
  PRIVATE_RD_INVESTMENT: '2500000',
  CO2_AVOIDED: '3100',
  MEMBER_SATISFACTION: '8',
  PROJECT_LEAD_TIME: '120',
};

describeBrowser('KPIs in Chromium', () => {
  const h = useBrowserHarness();

  it(
    'a cluster manager reports this year’s values; the officer returns one and validates the rest; ' +
      'the portfolio shows it',
    async () => {
      const flux = await h.t.database.db
        .selectFrom('clusters')
        .select('id')
        .where('short_name', '=', 'Flux50')
        .executeTakeFirstOrThrow();
      const page = await h.pageAs('manager');
      await page.getByRole('link', { name: 'KPI’s per cluster' }).click();
      await page.getByRole('link', { name: 'Flux50', exact: true }).click();
      await seen(page.getByRole('heading', { name: 'Economische valorisatie' }));
      await seen(page.getByRole('img', { name: /Ledenorganisaties: Traject/ }).locator('svg'));
      for (const [code, value] of Object.entries(VALUES)) {
        await page.getByRole('button', { name: `Rapporteren ${NAMES[code]}` }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel(/^Waarde/).fill(value);
        await dialog
          .getByLabel('Link als bewijs')
          .fill(`https://example.org/bewijs-${code.toLowerCase()}.pdf`);
        await dialog.getByRole('button', { name: 'Indienen' }).click();
        await dialog.waitFor({ state: 'detached' });
        await seen(page.getByTestId(`report-row-${code}`).getByText('wacht op validatie'));
      }

      const officer = await h.pageAs('officer');
      await officer.goto(`${h.baseUrl}/kpis/validation`);
      await seen(officer.getByRole('button', { name: 'Terugsturen Nieuwe producten en diensten bij leden' }));
      await officer
        .getByRole('button', { name: 'Terugsturen Nieuwe producten en diensten bij leden' })
        .click();
      const dialog = officer.getByRole('dialog');
      await dialog.getByLabel('Toelichting').fill('Graag de lijst van producten toevoegen.');
      await dialog.getByRole('button', { name: 'Terugsturen', exact: true }).click();
      await officer
        .getByRole('button', { name: 'Terugsturen Nieuwe producten en diensten bij leden' })
        .waitFor({ state: 'detached' });
      for (const code of Object.keys(VALUES).filter((c) => c !== 'NEW_PRODUCTS')) {
        await officer.getByRole('button', { name: `Valideren ${NAMES[code]}` }).click();
        await officer
          .getByRole('button', { name: `Valideren ${NAMES[code]}` })
          .waitFor({ state: 'detached' });
      }
      const statuses = await h.t.database.db
        .selectFrom('kpi_measurements as m')
        .innerJoin('kpi_definitions as d', 'd.id', 'm.definition_id')
        .innerJoin('reporting_periods as p', 'p.id', 'm.period_id')
        .select(['d.code', 'm.status'])
        .where('m.cluster_id', '=', flux.id)
        .where('p.code', '=', '2026')
        .where('d.source', '=', 'reported')
        .execute();
      expect(Object.fromEntries(statuses.map((s) => [s.code, s.status]))).toEqual({
        NEW_PRODUCTS: 'returned',
        PRIVATE_RD_INVESTMENT: 'validated',
        CO2_AVOIDED: 'validated',
        MEMBER_SATISFACTION: 'validated',
        PROJECT_LEAD_TIME: 'validated',
      });

      await officer.goto(`${h.baseUrl}/kpis/portfolio`);
      await officer.getByTestId('cell-Flux50-NEW_PRODUCTS').click();
      const drawer = officer.getByRole('dialog');
      await seen(drawer.getByText('teruggestuurd'));
      await seen(drawer.getByText('Graag de lijst van producten toevoegen.'));
      await seen(drawer.getByRole('link', { name: 'https://example.org/bewijs-new_products.pdf' }));

      // The manager sees the returned value back on the dashboard and can report it again.
      await page.reload();
      await seen(page.getByTestId('report-row-NEW_PRODUCTS').getByText('teruggestuurd'));
      await seen(page.getByRole('button', { name: 'Rapporteren Nieuwe producten en diensten bij leden' }));
    },
    240_000,
  );
});
