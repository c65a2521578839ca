import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeBrowser,
  seen,
  startBrowserHarness,
  textContaining,
  type BrowserHarness,
} from '../helpers/browser';
import { startTestOidcProvider, type TestOidcProvider } from '../helpers/oidc-test-provider';
import { enterpriseNumberFrom } from '../../src/shared/enterprise-number';

const MANDATE = enterpriseNumberFrom(2_032_013);
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious or critical WCAG 2.1 AA violations of the page (axe-core), as `id: help` lines. */
async function wcagProblems(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    })) as { violations: { id: string; impact: string | null; help: string }[] };
    return result.violations;
  })) as { id: string; impact: string | null; help: string }[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
}

/**
 * Sign-in through a real OpenID Connect provider (npm `oidc-provider` on 127.0.0.1) in Chromium:
 * the button on the login page, the provider's login form, back into the app; logout ends the
 * app's session and the provider's (its login form shows again); a person without a mapped role
 * and a tampered answer get a page that says why; LOCAL_LOGIN=false leaves only the buttons.
 */
describeBrowser('sign-in with OpenID Connect in the browser', () => {
  let h: BrowserHarness;
  let idp: TestOidcProvider;

  beforeAll(async () => {
    h = await startBrowserHarness({
      config: async (baseUrl) => {
        idp = await startTestOidcProvider({
          redirectUris: [`${baseUrl}/api/auth/oidc/test/callback`],
          postLogoutRedirectUris: [`${baseUrl}/login`],
          people: {
            'olga-1': { email: 'olga@agency.example', name: 'Olga Officer', groups: ['officers'] },
            'bert-2': {
              email: 'bert@company.example',
              name: 'Bert Bedrijf',
              groups: ['companies'],
              mandates: [MANDATE],
            },
            'nora-3': { email: 'nora@elsewhere.example', name: 'Nora Nobody', groups: ['visitors'] },
          },
        });
        return { publicUrl: baseUrl, oidcProviders: [idp.providerConfig(baseUrl)] };
      },
    });
  });
  afterAll(async () => {
    await h?.close();
    await idp?.close();
  });

  /** From the login page through the provider's login form; `login` is the subject at the provider. */
  async function signInAtProvider(page: Page, login: string): Promise<void> {
    await page.goto(`${h.baseUrl}/login`);
    await page.getByRole('link', { name: 'Aanmelden met Test-IdP' }).click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
  }

  async function signOutBoth(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${h.baseUrl}/login`);
    await seen(page.getByRole('link', { name: 'Aanmelden met Test-IdP' }));
  }

  it('signs in through the button, creates the account with the mapped role, logs out of both', async () => {
    const page = await h.newPage();
    await signInAtProvider(page, 'olga-1');
    await textContaining(page.getByTestId('current-user'), 'Olga Officer');
    const user = await h.t.database.db
      .selectFrom('users')
      .select(['role', 'role_source'])
      .where('email', '=', 'olga@agency.example')
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ role: 'officer', role_source: 'mapping' });

    // No password here to change: the provider handles sign-in and its second factor.
    await page.goto(`${h.baseUrl}/account`);
    await seen(page.getByText('Je meldt je aan via een identiteitsprovider; die regelt de tweede factor.'));
    expect(await page.getByRole('heading', { name: 'Wachtwoord wijzigen' }).count()).toBe(0);

    await signOutBoth(page);
    expect(
      await h.t.database.db.selectFrom('sessions').select('id').where('oidc_provider', '=', 'test').execute(),
    ).toEqual([]);

    // The provider's session ended too: the next sign-in asks for the login again; the new name shows.
    idp.people.set('olga-1', { ...idp.people.get('olga-1')!, name: 'Olga Officier-Janssens' });
    await signInAtProvider(page, 'olga-1');
    await textContaining(page.getByTestId('current-user'), 'Olga Officier-Janssens');
    await signOutBoth(page);
  });

  it('keeps the mandates of a company representative with the session', async () => {
    const page = await h.newPage();
    await signInAtProvider(page, 'bert-2');
    await textContaining(page.getByTestId('current-user'), 'Bert Bedrijf');
    const me = await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()) as unknown);
    expect(me).toMatchObject({ data: { user: { role: 'applicant' }, mandates: [MANDATE] } });
  });

  it('shows the partner of a mandate claim on the consortium as confirmed by its representative', async () => {
    const db = h.t.database.db;
    const companies = await db
      .selectFrom('organisations')
      .select('enterprise_number')
      .where('helix', '=', 'company')
      .where('enterprise_number', 'is not', null)
      .orderBy('enterprise_number')
      .limit(2)
      .execute();
    const [represented, named] = companies.map((c) => c.enterprise_number as string);
    idp.people.set('bert-2', { ...idp.people.get('bert-2')!, mandates: [represented] });
    const call = await db
      .selectFrom('calls')
      .select('id')
      .where('code', '=', 'VB-2027-THEMA')
      .executeTakeFirstOrThrow();
    const page = await h.newPage();
    await signInAtProvider(page, 'bert-2');
    await textContaining(page.getByTestId('current-user'), 'Bert Bedrijf');
    // The draft is started and its consortium named with the app's own API calls in this session.
    const proposalId = await page.evaluate(
      async ({ callId, partners }) => {
        const me = (await (await fetch('/api/auth/me')).json()) as { data: { csrfToken: string } };
        const headers = { 'content-type': 'application/json', 'x-csrf-token': me.data.csrfToken };
        const started = await fetch(`/api/calls/${callId}/proposals`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ title: 'Mandaat via aanmelding (voorbeeld)' }),
        });
        const id = ((await started.json()) as { data: { id: string } }).data.id;
        const saved = await fetch(`/api/proposals/${id}`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({
            draftVersion: 1,
            title: 'Mandaat via aanmelding (voorbeeld)',
            summary: 'Voorbeeld.',
            consortium: partners.map((enterpriseNumber, i) => ({
              enterpriseNumber,
              role: i === 0 ? 'lead' : 'partner',
              budgetShareCents: 1_000_000,
            })),
          }),
        });
        if (saved.status !== 200) throw new Error(`save answered ${saved.status}`);
        return id;
      },
      { callId: call.id, partners: [represented, named] },
    );
    await page.goto(`${h.baseUrl}/proposals/${proposalId}`);
    const members = page.getByTestId('consortium-member');
    await seen(
      members.nth(0).getByTestId('representation-badge').filter({ hasText: 'Bevestigde vertegenwoordiger' }),
    );
    await seen(members.nth(1).getByTestId('representation-badge').filter({ hasText: 'Enkel vermeld' }));
    const rows = await db
      .selectFrom('proposal_representatives')
      .select(['enterprise_number', 'oidc_provider'])
      .where('proposal_id', '=', proposalId)
      .execute();
    expect(rows).toEqual([{ enterprise_number: represented, oidc_provider: 'test' }]);
  });

  it('refuses a person without a mapped role with a page that says why', async () => {
    const page = await h.newPage();
    await signInAtProvider(page, 'nora-3');
    await page.waitForURL((url) => url.origin === h.baseUrl && url.pathname === '/login');
    await textContaining(page.getByRole('alert'), 'geen toegang tot dit platform');
    expect(await page.getByRole('alert').innerText()).not.toContain('OIDC_');
    // The login page with the provider's button, the password form and the refusal: WCAG 2.1 AA.
    expect(await wcagProblems(page)).toEqual([]);
  });

  it('refuses an answer with a tampered state', async () => {
    const page = await h.newPage();
    await page.goto(`${h.baseUrl}/login`);
    await page.getByRole('link', { name: 'Aanmelden met Test-IdP' }).click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.locator('input[name="login"]').fill('olga-1');
    await page.locator('input[name="password"]').fill('any password');
    // Play the login form's submission and the provider's redirects with the context's cookies, and
    // send the browser back to the app with a changed state (Chromium does not route redirects).
    await page.route(
      (url) => url.origin === idp.issuer && url.pathname.startsWith('/interaction/'),
      async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        const submitted = await route.fetch({ maxRedirects: 0 });
        const resume = new URL(submitted.headers().location, idp.issuer);
        const answer = await page.context().request.get(resume.toString(), { maxRedirects: 0 });
        const callback = new URL(answer.headers().location);
        expect(callback.pathname).toBe('/api/auth/oidc/test/callback');
        callback.searchParams.set('state', 'tampered');
        return route.fulfill({ status: 303, headers: { location: callback.toString() } });
      },
    );
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.waitForURL((url) => url.origin === h.baseUrl && url.pathname === '/login');
    await textContaining(page.getByRole('alert'), 'hoort niet bij een aanmelding uit deze browser');
    expect(await page.getByTestId('current-user').count()).toBe(0);
  });

  it('shows only the provider buttons when local passwords are switched off', async () => {
    const page = await h.newPage();
    await page.goto(`${h.baseUrl}/login`);
    await seen(page.getByLabel('Wachtwoord'));
    h.t.app.config.localLogin = false;
    try {
      const other = await h.newPage();
      await other.goto(`${h.baseUrl}/login`);
      await seen(other.getByRole('link', { name: 'Aanmelden met Test-IdP' }));
      expect(await other.getByLabel('Wachtwoord').count()).toBe(0);
    } finally {
      h.t.app.config.localLogin = true;
    }
  });
});
