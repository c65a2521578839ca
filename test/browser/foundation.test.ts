import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, seen, useBrowserHarness, textContaining } from '../helpers/browser';

/** The error Mantine shows under a field (the elements its aria-describedby names), once it is marked invalid. */
async function fieldError(input: Locator): Promise<string> {
  await expect.poll(() => input.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => input.page().locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

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

  it('shows the refusals of the user dialogs on the field they concern', async () => {
    const page = await h.pageAs('admin');
    await page.goto(`${h.baseUrl}/admin/users`);
    await page.getByRole('button', { name: 'Nieuwe gebruiker' }).click();
    const create = page.getByRole('dialog', { name: 'Nieuwe gebruiker' });
    await create.getByRole('textbox', { name: 'E-mailadres', exact: true }).fill('expert@speerpunt.example');
    await create.getByLabel('Naam').fill('Tweede Expert');
    await create.getByLabel(/^Wachtwoord/).fill('een-lange-zin-als-wachtwoord-7');
    await create.getByRole('button', { name: 'Aanmaken' }).click();
    expect(await fieldError(create.getByRole('textbox', { name: 'E-mailadres', exact: true }))).toContain(
      'Er bestaat al een account met dit e-mailadres.',
    );
    await create.getByRole('button', { name: 'Annuleren' }).click();

    await page.getByRole('button', { name: 'Bewerken expert@speerpunt.example' }).click();
    await page.getByRole('menuitem', { name: 'Wachtwoord resetten' }).click();
    const reset = page.getByRole('dialog', { name: /^Wachtwoord resetten/ });
    await reset.getByLabel(/^Wachtwoord/).fill('kort');
    await reset.getByLabel(/^Wachtwoord/).press('Enter');
    await textContaining(reset.getByRole('alert'), 'Het wachtwoord voldoet niet aan de regels.');
    // Mantine's PasswordInput marks its wrapper, not the input, as invalid: read the error under it.
    await textContaining(reset.locator('.mantine-PasswordInput-error'), 'Minstens 12 tekens.');
  });

  it('shows an analyst no admin navigation, and a not-found text on an admin URL', async () => {
    const page = await h.pageAs('analyst');
    await seen(page.getByRole('link', { name: 'Start' }));
    expect(await page.getByRole('link', { name: 'Gebruikers' }).count()).toBe(0);
    await page.goto(`${h.baseUrl}/admin/users`);
    await seen(page.getByText('Deze pagina bestaat niet of je hebt er geen toegang toe.'));
  });
});
