import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Role } from '../../src/server/db/core.tables';
import {
  describeBrowser,
  loginInBrowser,
  startBrowserHarness,
  type BrowserHarness,
} from '../helpers/browser';
import { axeProblems } from '../helpers/axe';

/**
 * WCAG 2.1 AA on every page of every role: axe-core runs in Chromium on each page a role can
 * reach from its navigation, on the pages no menu links to, and on one detail page of each
 * kind (demo ids). The test fails on any serious or critical violation and on a page without
 * exactly one h1. The page list is derived from the routes of the web app, so a new page that
 * nobody visits fails the coverage check.
 */

const ROLES: Role[] = ['officer', 'manager', 'applicant', 'expert', 'analyst', 'admin'];

/** Route patterns of the web app, read from each feature's routes.tsx (signed-in and public). */
function routePatterns(): { signedIn: string[]; public: string[] } {
  const dir = path.resolve('src/web/features');
  const signedIn = new Set<string>();
  const publicOnes = new Set<string>();
  for (const feature of fs.readdirSync(dir)) {
    const file = path.join(dir, feature, 'routes.tsx');
    if (!fs.existsSync(file)) continue;
    const source = fs.readFileSync(file, 'utf8');
    const split = source.indexOf('publicRoutes:');
    const own = split === -1 ? source : source.slice(0, split);
    const pub = split === -1 ? '' : source.slice(split);
    for (const match of own.matchAll(/path:\s*'([^']*)'/g)) signedIn.add(`/${match[1]}`);
    for (const match of pub.matchAll(/path:\s*'([^']*)'/g)) publicOnes.add(`/public/${match[1]}`);
  }
  return { signedIn: [...signedIn], public: [...publicOnes] };
}

const matches = (pattern: string, url: string) =>
  new RegExp(`^${pattern.replace(/:[A-Za-z]+/g, '[^/]+').replace(/\/$/, '')}/?$`).test(url.split('?')[0]);

/** Counts the app's requests in flight, so a page counts as rendered when none is left. */
const TRACK_FETCHES = `(() => {
  const original = window.fetch.bind(window);
  window.__inflight = 0;
  window.fetch = (...args) => {
    window.__inflight += 1;
    return original(...args).finally(() => { window.__inflight -= 1; });
  };
})();`;

/** Waits until the page has rendered: no request in flight and no loader, twice 100 ms apart. */
async function settle(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const w = window as unknown as { __inflight?: number; __quietSince?: number };
        const quiet =
          (w.__inflight ?? 0) === 0 && document.querySelectorAll('.mantine-Loader-root').length === 0;
        if (!quiet) {
          w.__quietSince = undefined;
          return false;
        }
        w.__quietSince ??= performance.now();
        return performance.now() - w.__quietSince > 150;
      },
      undefined,
      { timeout: 30_000, polling: 50 },
    )
    .catch(() => undefined);
}

/**
 * Opens a page of the single-page app without reloading it (as a click on a link would), so the
 * app and axe-core are loaded once per role.
 */
async function open(page: Page, baseUrl: string, url: string): Promise<void> {
  if (!page.url().startsWith(baseUrl) || url === '/login' || url.startsWith('/public')) {
    await page.goto(`${baseUrl}${url}`);
  } else {
    await page.evaluate((target) => {
      window.history.pushState(null, '', target);
      window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    }, url);
  }
  await page.waitForFunction((target) => window.location.pathname === target.split('?')[0], url);
  await settle(page);
}

/**
 * Runs axe on the page. The shell (header, navigation) is the same on every page of a role:
 * the whole document is checked on the first page, the main region on the others.
 */
async function check(page: Page, url: string, wholeDocument: boolean): Promise<string[]> {
  // A page whose data arrives after a quiet moment (a lazily loaded chunk, then its query) shows its
  // heading late: wait for it (up to 30 s on a loaded machine), so that axe checks the page, not its
  // loading state.
  await page
    .locator('h1')
    .first()
    .waitFor({ timeout: 30_000 })
    .catch(() => {});
  await settle(page);
  const problems = await axeProblems(page, url, wholeDocument);
  const headings = await page.locator('h1').count();
  if (headings !== 1) problems.push(`${url}: ${headings} h1 elements (one expected)`);
  return problems;
}

/**
 * Opens the page and checks it. A page a loaded machine has not finished rendering (a loader, no
 * heading yet) is loaded afresh and checked once more: what it shows then is what counts.
 */
async function audit(page: Page, baseUrl: string, url: string, wholeDocument: boolean): Promise<string[]> {
  await open(page, baseUrl, url);
  const problems = await check(page, url, wholeDocument);
  if (problems.length === 0) return problems;
  await page.goto(`${baseUrl}${url}`);
  await page.waitForFunction((target) => window.location.pathname === target.split('?')[0], url);
  await settle(page);
  return check(page, url, true);
}

describeBrowser('accessibility (axe-core, WCAG 2.1 AA) on every page of every role', () => {
  let h: BrowserHarness;
  const details = new Map<string, { roles: Role[]; url: string }>();

  beforeAll(async () => {
    h = await startBrowserHarness();
    const db = h.t.database.db;
    const one = async <T>(query: Promise<T | undefined>, what: string): Promise<T> => {
      const row = await query;
      if (!row) throw new Error(`The demo has no ${what}`);
      return row;
    };
    const flux = await one(
      db.selectFrom('clusters').select('id').where('short_name', '=', 'Flux50').executeTakeFirst(),
      'Flux50',
    );
    const organisation = await one(
      db.selectFrom('organisations').select('id').orderBy('name').executeTakeFirst(),
      'organisation',
    );
    const reviewCall = await one(
      db.selectFrom('calls').select('id').where('code', '=', 'VB-2026-BEOORDELING').executeTakeFirst(),
      'call in review',
    );
    const openCall = await one(
      db.selectFrom('calls').select('id').where('status', '=', 'open').orderBy('code').executeTakeFirst(),
      'open call',
    );
    const applicant = await one(
      db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'applicant@speerpunt.example')
        .executeTakeFirst(),
      'applicant',
    );
    const submitted = await one(
      db
        .selectFrom('proposals')
        .select('id')
        .where('owner_user_id', '=', applicant.id)
        .where('submitted_version', 'is not', null)
        .orderBy('reference')
        .executeTakeFirst(),
      'submitted proposal',
    );
    const line = await one(db.selectFrom('funding_lines').select('id').executeTakeFirst(), 'funding line');
    const project = await one(
      db.selectFrom('projects').select('id').where('lead_cluster_id', '=', flux.id).executeTakeFirst(),
      'project',
    );
    const aid = await one(
      db.selectFrom('state_aid_awards').select('organisation_id').executeTakeFirst(),
      'state-aid award',
    );
    // The demo expert gets work: the officer runs the assignment (as on the call's review page).
    const officer = await h.t.loginAs('officer');
    expect((await officer.post(`/api/review/calls/${reviewCall.id}/assign`, {})).statusCode).toBe(200);
    const expertUser = await one(
      db.selectFrom('users').select('id').where('email', '=', 'expert@speerpunt.example').executeTakeFirst(),
      'expert',
    );
    const assigned = await one(
      db
        .selectFrom('review_assignments as a')
        .innerJoin('call_experts as ce', (join) =>
          join.onRef('ce.call_id', '=', 'a.call_id').onRef('ce.user_id', '=', 'a.expert_user_id'),
        )
        .select('a.proposal_id')
        .where('a.expert_user_id', '=', expertUser.id)
        .where('ce.declaration_accepted_at', 'is not', null)
        .executeTakeFirst(),
      'assignment of the demo expert',
    );
    const decided = await db.selectFrom('review_decisions').select('proposal_id').executeTakeFirst();
    const staff: Role[] = ['officer', 'admin'];
    const readers: Role[] = ['officer', 'analyst'];
    const add = (pattern: string, roles: Role[], url: string) => details.set(pattern, { roles, url });
    add('/portfolio/clusters/:id', ['officer', 'manager'], `/portfolio/clusters/${flux.id}`);
    add('/portfolio/clusters/:id/import', ['manager'], `/portfolio/clusters/${flux.id}/import`);
    add('/portfolio/organisations/:id', readers, `/portfolio/organisations/${organisation.id}`);
    add('/calls/:id', ['officer', 'applicant'], `/calls/${openCall.id}`);
    add('/calls/:id/edit', ['officer'], `/calls/${openCall.id}/edit`);
    add('/calls/:id/proposals', ['officer'], `/calls/${reviewCall.id}/proposals`);
    add('/proposals/:id', ['officer', 'applicant'], `/proposals/${submitted.id}`);
    add('/proposals/:id/receipt', ['applicant'], `/proposals/${submitted.id}/receipt`);
    add('/review/calls/:callId', staff, `/review/calls/${reviewCall.id}`);
    add('/review/proposals/:proposalId', ['expert', 'officer'], `/review/proposals/${assigned.proposal_id}`);
    add(
      '/review/summaries/:proposalId',
      ['applicant', 'officer'],
      `/review/summaries/${decided?.proposal_id ?? submitted.id}`,
    );
    add('/funding/lines/:id', readers, `/funding/lines/${line.id}`);
    add('/funding/projects/:id', ['officer', 'manager'], `/funding/projects/${project.id}`);
    add('/funding/state-aid/:id', readers, `/funding/state-aid/${aid.organisation_id}`);
    add('/kpis/clusters/:clusterId', ['officer', 'manager', 'analyst'], `/kpis/clusters/${flux.id}`);
    add('/partnership/clusters/:clusterId', ['officer', 'manager'], `/partnership/clusters/${flux.id}`);
    add('/public/calls/:id', [], `/public/calls/${openCall.id}`);
  }, 120_000);
  afterAll(() => h?.close());

  it('finds no serious or critical violation and one h1 on each page', async () => {
    const patterns = routePatterns();
    const visited: string[] = [];
    const problems: string[] = [];
    const context = await h.browser.newContext({ locale: 'nl-BE', timezoneId: 'Europe/Brussels' });

    // Anonymous: the login page and every public page.
    await context.addInitScript(TRACK_FETCHES);
    const anonymous = await context.newPage();
    anonymous.setDefaultTimeout(15_000);
    const publicUrls = [
      '/login',
      ...patterns.public.filter((p) => !p.includes(':')),
      ...[...details.entries()].filter(([p]) => p.startsWith('/public/')).map(([, d]) => d.url),
    ];
    for (const url of publicUrls) {
      problems.push(...(await audit(anonymous, h.baseUrl, url, true)));
      visited.push(url);
    }
    await anonymous.close();
    await context.close();

    const navLinks = new Map<Role, string[]>();
    const pages = new Map<Role, Page>();
    for (const role of ROLES) {
      const roleContext = await h.browser.newContext({ locale: 'nl-BE', timezoneId: 'Europe/Brussels' });
      await roleContext.addInitScript(TRACK_FETCHES);
      const page = await roleContext.newPage();
      page.setDefaultTimeout(15_000);
      await loginInBrowser(page, h.baseUrl, role);
      pages.set(role, page);
      const links = await page.$$eval('nav a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
      navLinks.set(role, [...new Set(links.filter((l) => l.startsWith('/')))]);
    }
    const inSomeNav = (pattern: string) =>
      [...navLinks.values()].some((links) => links.some((l) => matches(pattern, l)));
    // Pages without parameters that no menu links to (account, notifications, …): every role.
    const unlinked = patterns.signedIn.filter((p) => !p.includes(':') && !inSomeNav(p));
    for (const role of ROLES) {
      const page = pages.get(role);
      if (!page) continue;
      const urls = new Set([
        '/',
        ...(navLinks.get(role) ?? []),
        ...unlinked,
        ...[...details.values()].filter((d) => d.roles.includes(role)).map((d) => d.url),
      ]);
      let first = true;
      for (const url of urls) {
        problems.push(...(await audit(page, h.baseUrl, url, first)).map((p) => `[${role}] ${p}`));
        first = false;
        visited.push(url);
      }
      await page.context().close();
    }

    const uncovered = [...patterns.signedIn, ...patterns.public].filter(
      (p) => !visited.some((url) => matches(p, url)),
    );
    expect(uncovered, 'pages no role visited: add a demo URL for them').toEqual([]);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 600_000);
});
