import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoEmail } from '../helpers/test-app';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.seed';
import { describeBrowser, seen, startBrowserHarness, type BrowserHarness } from '../helpers/browser';
import { axeProblems } from '../helpers/axe';

/**
 * The pages before the application share one frame (name, language switch, heading): the login
 * page, the set-up of a required second factor and the second factor itself, in Dutch and English,
 * with no serious accessibility problem.
 */
describeBrowser('the sign-in pages in Chromium', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness({ config: () => Promise.resolve({ requireTotpFor: ['admin'] }) });
  });
  afterAll(() => h?.close());

  it('sets up a required second factor, then asks for it at the next sign-in', async () => {
    const page = await h.newPage();
    const signIn = async () => {
      await page.goto(`${h.baseUrl}/login`);
      await seen(page.getByRole('heading', { level: 1, name: 'Aanmelden' }));
      await page.getByLabel('E-mailadres').fill(demoEmail('admin'));
      await page.getByLabel(/^Wachtwoord/).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Aanmelden' }).click();
    };
    await signIn();
    await seen(page.getByRole('heading', { level: 1, name: 'Stel eerst je tweede factor in' }));
    await seen(page.getByRole('button', { name: 'Afmelden' }));
    expect(await axeProblems(page, 'enrolment', true)).toEqual([]);
    await page.getByRole('button', { name: 'Tweede factor instellen' }).click();
    const secret = await page.getByTestId('totp-secret').innerText();
    const { generate } = await import('otplib');
    await page.getByLabel(/^Code uit de app/).fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    const recoveryCode = (await page.getByTestId('recovery-codes').locator('li').first().innerText()).trim();
    await page.getByRole('button', { name: 'Ik heb ze bewaard' }).click();
    await page.getByTestId('current-user').waitFor();
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.waitForURL(/\/login/);

    await signIn();
    await seen(page.getByRole('heading', { level: 1, name: 'Tweede factor' }));
    expect(await axeProblems(page, 'second factor', true)).toEqual([]);
    await page.getByText('EN', { exact: true }).click();
    await seen(page.getByRole('heading', { level: 1, name: 'Second factor' }));
    await page.getByLabel(/^Code from the app/).fill(recoveryCode);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByTestId('current-user').waitFor();
  });
});
