import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, seen, useBrowserHarness, textContaining } from '../helpers/browser';

/** The Dutch names of the reported KPIs, as the buttons name them. */
const NAMES: Record<string, string> = {
  NEW_PRODUCTS: 'Nieuwe producten en diensten bij leden',
  CO2_AVOIDED: 'Vermeden CO2-uitstoot',
};

/** A small but real PDF (the server checks the file's magic bytes against its extension). */
const EVIDENCE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

/** Reports one value in the dialog of the open period, with an uploaded file as evidence. */
async function report(page: Page, code: string, value: string, filename?: string): Promise<void> {
  await page.getByRole('button', { name: `Rapporteren ${NAMES[code]}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^Waarde/).fill(value);
  if (filename)
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: filename, mimeType: 'application/pdf', buffer: EVIDENCE_PDF });
  await dialog.getByRole('button', { name: 'Indienen' }).click();
  await dialog.waitFor({ state: 'detached' });
  await seen(page.getByTestId(`report-row-${code}`).getByText('wacht op validatie'));
}

/**
 * The cluster manager's KPI work, through the UI only: from the inbox to the cluster's dashboard,
 * report this year's values with an uploaded file as evidence; the officer returns one with a
 * reason and validates the other; the manager finds the returned value on the home page, reads the
 * reason, corrects and resubmits it; after validation the dashboard shows the figures.
 */
describeBrowser(
  'the manager journey: report KPI values with evidence → returned value fixed → dashboard',
  () => {
    const h = useBrowserHarness();

    it('walks the KPI reporting cycle in Chromium', async () => {
      const manager = await h.pageAs('manager');

      // The home page lists the values to report; its link opens the cluster's dashboard.
      await seen(manager.getByRole('heading', { name: 'Wat op je wacht' }));
      const toReport = manager.getByTestId('inbox-kpiToReport');
      await textContaining(toReport, 'Nieuwe producten en diensten bij leden');
      await toReport.getByRole('link', { name: /Nieuwe producten en diensten bij leden/ }).click();
      await seen(manager.getByRole('heading', { name: /Te rapporteren voor Werkjaar 2026/ }));
      const clusterId = new URL(manager.url()).pathname.split('/').pop() ?? '';
      const cluster = await h.t.database.db
        .selectFrom('clusters')
        .select('short_name')
        .where('id', '=', clusterId)
        .executeTakeFirstOrThrow();

      await report(manager, 'NEW_PRODUCTS', '9', 'productlijst-2026.pdf');
      await report(manager, 'CO2_AVOIDED', '2750', 'co2-berekening-2026.pdf');

      // The officer sees both in the validation queue, returns one with a reason and validates the other.
      const officer = await h.pageAs('officer');
      await officer.getByRole('link', { name: 'KPI-validatie' }).click();
      await officer
        .getByRole('button', { name: 'Terugsturen Nieuwe producten en diensten bij leden' })
        .click();
      const dialog = officer.getByRole('dialog');
      await dialog
        .getByLabel('Toelichting')
        .fill('Twee producten zijn van 2025; graag enkel de nieuwe van 2026.');
      await dialog.getByRole('button', { name: 'Terugsturen', exact: true }).click();
      await officer
        .getByRole('button', { name: 'Terugsturen Nieuwe producten en diensten bij leden' })
        .waitFor({ state: 'detached' });
      await officer.getByRole('button', { name: 'Valideren Vermeden CO2-uitstoot' }).click();
      await officer
        .getByRole('button', { name: 'Valideren Vermeden CO2-uitstoot' })
        .waitFor({ state: 'detached' });

      // The uploaded file is the evidence the officer sees, and it downloads.
      await officer.getByRole('link', { name: 'KPI-portfolio' }).click();
      await officer.getByTestId(`cell-${cluster.short_name}-NEW_PRODUCTS`).click();
      const drawer = officer.getByRole('dialog');
      const file = drawer.getByRole('link', { name: 'productlijst-2026.pdf' });
      await seen(file);
      const download = await officer.request.get(`${h.baseUrl}${await file.getAttribute('href')}`);
      expect(download.status()).toBe(200);
      expect((await download.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');
      await officer.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });

      // The manager finds the returned value on the home page, with the officer's reason on the dashboard.
      await manager.getByRole('link', { name: 'Start', exact: true }).click();
      const returned = manager.getByTestId('inbox-kpiReturned');
      await textContaining(returned, 'Nieuwe producten en diensten bij leden');
      await returned.getByRole('link', { name: /Nieuwe producten en diensten bij leden/ }).click();
      const row = manager.getByTestId('report-row-NEW_PRODUCTS');
      await seen(row.getByText('teruggestuurd'));
      await textContaining(row.getByTestId('returned-reason'), 'graag enkel de nieuwe van 2026');
      await seen(manager.getByTestId('report-row-CO2_AVOIDED').getByText('gevalideerd'));

      // Corrects and resubmits: the dialog repeats the reason.
      await manager
        .getByRole('button', { name: 'Rapporteren Nieuwe producten en diensten bij leden' })
        .click();
      await textContaining(manager.getByRole('dialog').getByTestId('returned-reason'), 'enkel de nieuwe');
      await manager.getByRole('dialog').getByRole('button', { name: 'Annuleren' }).click();
      await report(manager, 'NEW_PRODUCTS', '7');

      // The officer validates the corrected value.
      await officer.getByRole('link', { name: 'KPI-validatie' }).click();
      await officer.getByRole('button', { name: 'Valideren Nieuwe producten en diensten bij leden' }).click();
      await officer
        .getByRole('button', { name: 'Valideren Nieuwe producten en diensten bij leden' })
        .waitFor({ state: 'detached' });

      // The dashboard shows the figures: both values validated, in the table and on the KPI cards with charts.
      await manager.reload();
      const fixed = await textContaining(manager.getByTestId('report-row-NEW_PRODUCTS'), 'gevalideerd');
      expect(fixed).toContain('7');
      expect(
        await manager.getByTestId('report-row-NEW_PRODUCTS').getByTestId('returned-reason').count(),
      ).toBe(0);
      await textContaining(manager.getByTestId('report-row-CO2_AVOIDED'), '2.750');
      await textContaining(manager.getByTestId('kpi-NEW_PRODUCTS'), '2026: 7');
      await seen(manager.getByTestId('kpi-NEW_PRODUCTS').locator('svg'));
      await seen(manager.getByRole('heading', { name: 'Economische valorisatie' }));
      await seen(manager.getByRole('heading', { name: 'Maatschappelijke transitie' }));

      const history = await h.t.database.db
        .selectFrom('kpi_measurement_history as hst')
        .innerJoin('kpi_measurements as m', 'm.id', 'hst.measurement_id')
        .innerJoin('kpi_definitions as d', 'd.id', 'm.definition_id')
        .innerJoin('reporting_periods as p', 'p.id', 'm.period_id')
        .select(['hst.action', 'hst.value'])
        .where('d.code', '=', 'NEW_PRODUCTS')
        .where('m.cluster_id', '=', clusterId)
        .where('p.code', '=', '2026')
        .orderBy('hst.version')
        .execute();
      expect(history.map((r) => r.action)).toEqual(['reported', 'returned', 'rereported', 'validated']);
    }, 240_000);
  },
);
