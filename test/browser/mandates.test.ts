import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeBrowser,
  loginInBrowser,
  seen,
  startBrowserHarness,
  type BrowserHarness,
} from '../helpers/browser';

/**
 * The OpenID Connect sign-in stores a session's mandates (tested with its provider); here the
 * applicant signs in with a password and the mandate is set on that session row, which is what
 * the consortium editor reads.
 */
describeBrowser('mandates: the applicant sees whom they represent and the confirmation', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(() => h?.close());

  it('marks the partner of the mandate, and confirms it at the next save; the other stays only named', async () => {
    const db = h.t.database.db;
    const call = await db
      .selectFrom('calls')
      .select('id')
      .where('code', '=', 'VB-2027-THEMA')
      .executeTakeFirstOrThrow();
    const partners = await db
      .selectFrom('organisations')
      .select(['enterprise_number', 'name'])
      .where('helix', '=', 'company')
      .where('enterprise_number', 'is not', null)
      .orderBy('enterprise_number')
      .limit(2)
      .execute();
    const api = await h.t.loginAs('applicant');
    const started = await api.post(`/api/calls/${call.id}/proposals`, { title: 'Mandaat (voorbeeld)' });
    expect(started.statusCode, started.body).toBe(201);
    const proposalId = started.json().data.id as string;
    const saved = await api.put(`/api/proposals/${proposalId}`, {
      draftVersion: 1,
      title: 'Mandaat (voorbeeld)',
      summary: 'Voorbeeld.',
      consortium: partners.map((p, i) => ({
        enterpriseNumber: p.enterprise_number,
        role: i === 0 ? 'lead' : 'partner',
        budgetShareCents: 1_000_000,
      })),
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const page = await h.newPage();
    await loginInBrowser(page, h.baseUrl, 'applicant');
    const represented = partners[0].enterprise_number as string;
    // What an identity provider's mandate claim would have stored with this sign-in.
    await db
      .updateTable('sessions')
      .set({ mandates: [represented] })
      .where('user_id', '=', api.userId!)
      .execute();
    await page.goto(`${h.baseUrl}/proposals/${proposalId}`);
    const members = page.getByTestId('consortium-member');
    await seen(members);
    expect(await members.count()).toBe(2);
    await seen(
      members.nth(0).getByTestId('mandate-badge').filter({ hasText: 'U vertegenwoordigt deze partner' }),
    );
    expect(await members.nth(1).getByTestId('mandate-badge').count()).toBe(0);
    await seen(members.nth(0).getByTestId('representation-badge').filter({ hasText: 'Enkel vermeld' }));

    // Any save under the mandate confirms the applicant as the partner's representative.
    await page.getByLabel('Samenvatting').fill('Voorbeeld, bewaard onder mandaat.');
    await seen(
      members.nth(0).getByTestId('representation-badge').filter({ hasText: 'Bevestigde vertegenwoordiger' }),
    );
    await seen(members.nth(1).getByTestId('representation-badge').filter({ hasText: 'Enkel vermeld' }));
    const rows = await db
      .selectFrom('proposal_representatives')
      .select('enterprise_number')
      .where('proposal_id', '=', proposalId)
      .execute();
    expect(rows).toEqual([{ enterprise_number: represented }]);
  });
});
