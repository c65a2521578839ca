import { expect, it } from 'vitest';
import { describeBrowser, seen, useBrowserHarness, textContaining } from '../helpers/browser';

describeBrowser('the anonymous journey: public home → call → portfolio → open data', () => {
  const h = useBrowserHarness();

  it('loads the app at / and at a deep link (a visitor without a session lands on the login page)', async () => {
    const page = await h.newPage();
    const root = await page.goto(`${h.baseUrl}/`);
    expect(root?.status()).toBe(200);
    await seen(page.getByRole('button', { name: 'Aanmelden' }));
    expect(page.url()).toContain('/login');
    const deep = await page.goto(`${h.baseUrl}/review/calls`);
    expect(deep?.status()).toBe(200);
    await seen(page.getByRole('button', { name: 'Aanmelden' }));
    expect(decodeURIComponent(page.url())).toContain('next=/review/calls');
  });

  it('walks from the login page to the public home, an open call, the portfolio and the open data', async () => {
    const page = await h.newPage();
    await page.goto(`${h.baseUrl}/login`);
    await page.getByRole('link', { name: /open oproepen, clusterportefeuille en open data/ }).click();
    await seen(page.getByRole('heading', { level: 1, name: /Speerpunt: het Vlaamse clusterbeleid/ }));
    await seen(page.getByRole('heading', { name: 'Open oproepen' }));

    // An open call from the home page.
    await page.getByRole('article').first().getByRole('link').click();
    await seen(page.getByTestId('call-deadline'));
    await seen(page.getByText(/Meld je aan om een voorstel in te dienen/));

    // The portfolio: each spearhead cluster with mission, themes, transitions and members.
    await page
      .getByRole('navigation', { name: 'Openbare pagina’s' })
      .getByRole('link', { name: 'Clusterportefeuille' })
      .click();
    await seen(page.getByRole('heading', { level: 1, name: 'Clusterportefeuille' }));
    await seen(page.getByRole('heading', { name: /Speerpuntclusters \(\d+\)/ }));
    const flux = await textContaining(page.getByTestId('members-Flux50'), 'leden');
    expect(flux).toMatch(/\d+ leden · bedrijven \d+/);
    await seen(page.getByText('Missie:').first());

    // The open data: the CSV download answers.
    const csvHref = await page
      .getByRole('link', { name: 'Portefeuille als CSV' })
      .first()
      .getAttribute('href');
    expect(csvHref).toBe('/api/public/portfolio.csv');
    const csv = await page.request.get(`${h.baseUrl}${csvHref}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('short_name');

    // Back home by the brand link; English works too.
    await page.getByRole('link', { name: 'Speerpunt', exact: true }).click();
    await page.getByText('EN', { exact: true }).click();
    await seen(page.getByRole('heading', { level: 2, name: 'Open calls' }));
  });
});
