import { expect, it } from 'vitest';
import { describeBrowser, seen, useBrowserHarness, textContaining } from '../helpers/browser';

/**
 * The expert's day, through the UI only, on the demo: the invitation to the call in review (the
 * demo expert replaces its third expert for one proposal) with the declaration of
 * confidentiality and independence, the whole submitted proposal beside the score form, scores
 * with justifications, submission, and then the other experts' reviews (shown only after one's
 * own is submitted, without names).
 */
describeBrowser('the expert journey: declaration → full proposal → scores → submit → sees others', () => {
  const h = useBrowserHarness();

  it('accepts the declaration, reviews the whole proposal and then sees the other reviews', async () => {
    const page = await h.pageAs('expert');

    // The home page says an invitation waits for the declaration.
    const invitations = page.getByTestId('inbox-invitations');
    await textContaining(invitations, 'VB-2026-SELECTIE');
    await invitations.getByRole('link').first().click();
    await seen(page.getByRole('heading', { level: 1, name: 'Mijn beoordelingen' }));

    // Before the declaration, the proposal of that call is not in the list.
    const card = page.getByTestId('invitation').filter({ hasText: 'VB-2026-SELECTIE' });
    await seen(card.getByText(/vertrouwelijk/i));
    expect(await page.getByRole('link', { name: 'VB-SEL-006' }).count()).toBe(0);
    await card.getByLabel('Ik aanvaard de verklaring van vertrouwelijkheid en onafhankelijkheid').check();
    await card.getByRole('button', { name: 'Aanvaarden' }).click();
    await seen(card.getByText('Aanvaard', { exact: true }));

    // The proposal is now there: open it.
    await page.getByRole('link', { name: 'VB-SEL-006' }).click();
    await seen(page.getByRole('heading', { level: 1, name: /VB-SEL-006 · Drones voor dijkinspectie/ }));

    // The whole submitted version: answers, consortium, budget, KPIs, annex.
    await seen(page.getByText('Loopt er een pilootproject bij een kmo?'));
    await textContaining(page.getByTestId('proposal-consortium'), 'Hoofdaanvrager');
    await textContaining(page.getByTestId('proposal-budget'), '€');
    await textContaining(page.getByTestId('proposal-kpis'), 'Kmo’s die de demonstrator testen');
    await seen(page.getByRole('link', { name: /werkplan-VB-SEL-006\.pdf/ }));
    // The call's criteria with their guidance, beside the score form.
    await textContaining(
      page.getByTestId('proposal-criteria'),
      'Hoe vernieuwend en ambitieus is het project?',
    );
    await seen(
      page.getByText('De andere beoordelingen zie je pas nadat je je eigen beoordeling hebt ingediend.'),
    );

    // Scores with a justification per criterion, then submit.
    const justification = (what: string) =>
      `${what}: onderbouwd met het werkplan, de begroting per partner en de KPI's met nulmeting en doel.`;
    for (const [name, score] of [
      ['Excellentie', '4'],
      ['Impact', '3,5'],
      ['Uitvoering', '3'],
    ] as const) {
      await page.getByLabel(`${name} (0–5)`).fill(score);
      await page
        .getByTestId(`score-${name}`)
        .getByLabel(/^Motivering \(minstens \d+ tekens\)/)
        .fill(justification(name));
    }
    await page.getByLabel('Algemene opmerking').fill('Sterk voorstel met een duidelijke rol voor kmo’s.');
    await page.getByRole('button', { name: 'Indienen (definitief)' }).click();

    // Submitted: the form is read-only and the other reviews are shown, without names.
    await seen(page.getByText('Ingediend', { exact: true }));
    const others = await textContaining(page.getByTestId('other-reviews'), 'Expert A');
    expect(others).toContain('Expert B');
    expect(others).not.toMatch(/Bram Beoordelaar|Chloé Claes/);
    const stored = await h.t.database.db
      .selectFrom('reviews as r')
      .innerJoin('proposals as p', 'p.id', 'r.proposal_id')
      .innerJoin('users as u', 'u.id', 'r.expert_user_id')
      .select(['r.status'])
      .where('p.reference', '=', 'VB-SEL-006')
      .where('u.email', '=', 'expert@speerpunt.example')
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('submitted');
  });
});
