import { addDays, brusselsDate } from '../../src/shared/brussels-time';
import { expect, it } from 'vitest';
import { describeBrowser, seen, useBrowserHarness, textContaining } from '../helpers/browser';

describeBrowser('partnership in Chromium', () => {
  const h = useBrowserHarness();

  it(
    'walks the cluster manager through agreement, meetings, overdue actions, a late action, the ' +
      'report and the timeline',
    async () => {
      const page = await h.pageAs('manager');
      await page.getByRole('link', { name: 'Partnerschap' }).click();
      await seen(page.getByRole('heading', { name: 'Partnerschap en opvolging' }));
      // Only their own cluster is listed.
      await seen(page.getByRole('cell', { name: 'Flux50', exact: true }));
      expect(await page.getByRole('cell', { name: 'Catalisti', exact: true }).count()).toBe(0);
      await page.getByRole('cell', { name: 'Flux50', exact: true }).click();

      // Agreement: four objectives, signed by both sides.
      await seen(page.getByRole('heading', { name: /Partnerschapsovereenkomst Flux50/ }));
      expect(await page.getByTestId('objective').count()).toBe(4);
      await seen(page.getByText(/Ondertekend door Mieke/));
      await seen(page.getByText(/Ondertekend door Olivier/));

      // Meetings: two, with minutes and the snapshot.
      await page.getByRole('tab', { name: 'Overleg' }).click();
      await page
        .getByRole('cell', { name: /Stuurgroep/ })
        .first()
        .click();
      const detail = page.getByTestId('meeting-detail');
      await seen(detail.getByText('Versie 2', { exact: false }));
      await textContaining(detail.getByTestId('minutes-body'), 'Aanvulling');
      await seen(detail.getByText('Budgetstatus'));
      await seen(detail.getByText('Betaald'));
      await detail.getByRole('button', { name: /Eerdere versies/ }).click();
      await seen(detail.getByText('Versie 1', { exact: false }));

      // Actions: six, two overdue highlighted; a new one with a past due date needs a reason.
      await page.getByRole('tab', { name: 'Acties' }).click();
      await seen(page.getByText('Roadmap flexibiliteit bijwerken (voorbeeld)'));
      expect(await page.locator('[data-overdue="true"]').count()).toBe(2);
      await page.getByRole('button', { name: 'Nieuwe actie' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Titel').fill('Verslag stuurgroep rondsturen');
      await dialog.getByRole('combobox', { name: 'Eigenaar' }).click();
      await page.getByRole('option', { name: /Mieke Manager/ }).click();
      await dialog.getByLabel('Te bezorgen tegen').fill(addDays(brusselsDate(new Date()), -2));
      await seen(dialog.getByText('De vervaldatum ligt in het verleden'));
      await dialog.getByLabel('Reden').fill('Vergeten te noteren na de stuurgroep');
      await dialog.getByRole('button', { name: 'Aanmaken' }).click();
      await seen(page.getByText('Verslag stuurgroep rondsturen'));
      expect(await page.locator('[data-overdue="true"]').count()).toBe(3);

      // The report: returned once, resubmitted, waiting for the officer.
      await page.getByRole('tab', { name: 'Voortgangsrapporten' }).click();
      const report = page.locator('[data-testid^="report-"]').first();
      await seen(report.getByTestId('report-status').filter({ hasText: 'Ingediend' }));
      await seen(report.getByText(/Te herwerken/));

      // The timeline shows it all, newest first, and filters by kind.
      await page.getByRole('tab', { name: 'Tijdlijn' }).click();
      const timeline = page.getByTestId('timeline');
      await seen(timeline.getByText('Voortgangsrapport opnieuw ingediend'));
      await seen(timeline.getByText('Voortgangsrapport terug ter herwerking'));
      await seen(timeline.getByText(/Stuurgroep: Stuurgroep/));
      await seen(timeline.getByText(/Beslissing/).first());
      await page
        .locator('label')
        .filter({ hasText: /^Overleg$/ })
        .click();
      await timeline.getByText('Voortgangsrapport opnieuw ingediend').waitFor({ state: 'detached' });
      await textContaining(timeline, 'Kwartaalopvolging');
    },
  );

  it('lets the officer accept the resubmitted report with feedback, and shows it in the timeline', async () => {
    const page = await h.pageAs('officer');
    await page.goto(`${h.baseUrl}/partnership`);
    await seen(page.getByRole('cell', { name: 'Catalisti', exact: true }));
    await page.getByRole('cell', { name: 'Flux50', exact: true }).click();
    await page.getByRole('tab', { name: 'Voortgangsrapporten' }).click();
    const report = page.locator('[data-testid^="report-"]').first();
    await report
      .getByRole('textbox', { name: 'Feedback van VLAIO' })
      .fill('Dank voor de aanvullingen; aanvaard.');
    await report.getByRole('button', { name: 'Aanvaarden' }).click();
    await seen(
      page
        .locator('[data-testid^="report-"]')
        .first()
        .getByTestId('report-status')
        .filter({ hasText: 'Aanvaard' }),
    );
    await page.getByRole('tab', { name: 'Tijdlijn' }).click();
    await seen(page.getByTestId('timeline').getByText('Voortgangsrapport aanvaard'));

    // "My actions": the officer's own, the overdue one in red.
    await page.goto(`${h.baseUrl}/partnership/my-actions`);
    await seen(page.getByRole('heading', { name: 'Mijn acties' }));
    await seen(page.getByText('Introductie bij De Blauwe Cluster voor offshore-opslag (voorbeeld)'));
    expect(await page.locator('[data-overdue="true"]').count()).toBeGreaterThanOrEqual(1);
  });

  it('shows the objectives and their KPIs by their English names in the English UI', async () => {
    const kpi = await h.t.database.db
      .selectFrom('partnership_objective_kpis as l')
      .innerJoin('partnership_objectives as o', 'o.id', 'l.objective_id')
      .innerJoin('kpi_definitions as k', 'k.id', 'l.kpi_definition_id')
      .select(['k.name_nl', 'k.name_en'])
      .where('o.title', '=', 'Meer kmo’s betrekken bij energie-innovatie (voorbeeld)')
      .executeTakeFirstOrThrow();
    const page = await h.pageAs('manager');
    await page.getByRole('link', { name: 'Partnerschap' }).click();
    await page.getByRole('cell', { name: 'Flux50', exact: true }).click();
    await seen(page.getByRole('heading', { name: /Partnerschapsovereenkomst Flux50/ }));
    await page.getByText('EN', { exact: true }).click();
    const objective = page
      .getByTestId('objective')
      .filter({ hasText: 'Involve more SMEs in energy innovation (example)' });
    await seen(objective);
    await seen(objective.getByText(kpi.name_en, { exact: true }));
    expect(await page.getByText('Meer kmo’s betrekken bij energie-innovatie (voorbeeld)').count()).toBe(0);
    expect(await objective.getByText(kpi.name_nl, { exact: true }).count()).toBe(0);
  });
});
