import { expect, it } from 'vitest';
import { describeBrowser, seen, useBrowserHarness, textContaining } from '../helpers/browser';

describeBrowser('the web shell in Chromium', () => {
  const h = useBrowserHarness();

  it('sends an anonymous visitor to the login page, and refuses a wrong password in Dutch', async () => {
    const page = await h.newPage();
    await page.goto(`${h.baseUrl}/admin/users`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('E-mailadres').fill('officer@speerpunt.example');
    await page.getByLabel(/^Wachtwoord/).fill('not-the-password');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await textContaining(page.getByRole('alert'), 'E-mailadres of wachtwoord is onjuist.');
  });

  it('logs the admin in, shows role navigation, switches language and logs out', async () => {
    const page = await h.pageAs('admin');
    await page.getByRole('link', { name: 'Gebruikers' }).click();
    await seen(page.getByRole('heading', { name: 'Gebruikers en rollen' }));
    await seen(page.getByRole('cell', { name: 'expert@speerpunt.example' }));
    await page.getByText('EN', { exact: true }).click();
    await seen(page.getByRole('heading', { name: 'Users and roles' }));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    const me = await page.request.get(`${h.baseUrl}/api/auth/me`);
    expect(me.status()).toBe(401);
  });

  it('shows an analyst no admin navigation, and a not-found text on an admin URL', async () => {
    const page = await h.pageAs('analyst');
    await seen(page.getByRole('link', { name: 'Start' }));
    expect(await page.getByRole('link', { name: 'Gebruikers' }).count()).toBe(0);
    await page.goto(`${h.baseUrl}/admin/users`);
    await seen(page.getByText('Deze pagina bestaat niet of je hebt er geen toegang toe.'));
  });
});
