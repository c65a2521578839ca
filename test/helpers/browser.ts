import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, vi } from 'vitest';
import type { Role } from '../../src/server/db/core.tables';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.seed';
import type { Config } from '../../src/config';
import { createTestApp, demoEmail, type TestApp } from './test-app';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM_PATH);

if (!hasChromium) {
  process.stdout.write(
    `Browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium).\n`,
  );
}

// A journey drives a real Chromium through many pages; on a loaded 2-core CI machine one takes
// minutes, not the 60 s an integration test gets. Applies to every file that imports this one.
vi.setConfig({ testTimeout: 180_000 });

/** `describe` that skips, with a message, where Chromium is absent. */
export const describeBrowser: typeof describe = (hasChromium ? describe : describe.skip) as typeof describe;

const webDist = path.resolve('dist/web');

/** Builds the web app once when dist/web is missing (CI builds it before the tests). */
function ensureWebBuild(): void {
  if (fs.existsSync(path.join(webDist, 'index.html'))) return;
  execFileSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { stdio: 'inherit' });
}

export interface BrowserHarness {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A fresh page (own cookies) per call. */
  newPage(): Promise<Page>;
  /** A fresh page signed in as the demo account of a role. */
  pageAs(role: Role): Promise<Page>;
  close(): Promise<void>;
}

/** A port nobody listens on now, for a server whose configuration must know its own address. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A real server on a random port with the built web app, and a headless Chromium. `config` may
 * set configuration that depends on the server's address (e.g. an identity provider's redirect URL).
 */
export async function startBrowserHarness(
  options: {
    clock?: () => Date;
    config?: (baseUrl: string) => Promise<Partial<Config>>;
  } = {},
): Promise<BrowserHarness> {
  ensureWebBuild();
  const chosen = options.config ? await freePort() : 0;
  const extra = options.config ? await options.config(`http://127.0.0.1:${chosen}`) : {};
  const t = await createTestApp({ config: { webDistDir: webDist, ...extra }, clock: options.clock });
  await t.app.listen({ port: chosen, host: '127.0.0.1' });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const newPage = async () => {
    const context = await browser.newContext({ locale: 'nl-BE', timezoneId: 'Europe/Brussels' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  };
  return {
    t,
    baseUrl,
    browser,
    newPage,
    pageAs: async (role) => {
      const page = await newPage();
      await loginInBrowser(page, baseUrl, role);
      return page;
    },
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/**
 * The harness of a test file: started before its tests, closed after them. The returned object
 * reads through to the running harness, so tests use it like the one `startBrowserHarness` gives.
 */
export function useBrowserHarness(options: { clock?: () => Date } = {}): BrowserHarness {
  let harness: BrowserHarness | undefined;
  beforeAll(async () => {
    harness = await startBrowserHarness(options);
  });
  afterAll(() => harness?.close());
  const current = () => {
    if (!harness) throw new Error('The browser harness is not started (use it inside a test)');
    return harness;
  };
  return {
    get t() {
      return current().t;
    },
    get baseUrl() {
      return current().baseUrl;
    },
    get browser() {
      return current().browser;
    },
    newPage: () => current().newPage(),
    pageAs: (role) => current().pageAs(role),
    close: () => current().close(),
  };
}

/** Signs in through the login form as a demo role and waits for the app shell. */
export async function loginInBrowser(page: Page, baseUrl: string, role: Role): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/E-mailadres|E-mail address/).fill(demoEmail(role));
  await page.getByLabel(/^Wachtwoord|^Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /Aanmelden|Sign in/ }).click();
  await page.getByTestId('current-user').waitFor();
}

/**
 * playwright-core has no web-first assertions (those live in @playwright/test): wait for the
 * locator to be visible, which fails the test with a timeout if it never is.
 */
export async function seen(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible' });
}

/** Waits until the locator's text contains `text` (polling), then returns the text. */
export async function textContaining(locator: Locator, text: string, timeoutMs = 15_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    if ((await locator.count()) > 0) {
      last = (await locator.first().innerText()).trim();
      if (last.includes(text)) return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Expected text containing "${text}", last seen "${last}"`);
}
