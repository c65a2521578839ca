import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueNotification } from '../../../src/server/notifications/queue-notification';
import { sendOutbox } from '../../../src/server/notifications/send-outbox';
import { createTestApp, type TestApp } from '../../helpers/test-app';

/**
 * E-mails as a mail client receives them: a real SMTP server (smtp-server) in the suite, the
 * messages parsed by mailparser. Both parts, absolute links under PUBLIC_URL, the recipient's
 * language, Brussels times, plural forms and escaped values.
 */
const PUBLIC_URL = 'https://speerpunt.example.be';
const silent = { info: () => undefined, warn: () => undefined };

describe('e-mail through a real SMTP server', () => {
  let t: TestApp;
  let server: SMTPServer;
  const received: ParsedMail[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push(mail);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    t = await createTestApp({ config: { publicUrl: PUBLIC_URL, smtpUrl: `smtp://127.0.0.1:${port}` } });
    // Only this test's messages: what the demo left in the outbox counts as sent.
    await t.database.db
      .updateTable('outbox_emails')
      .set({ sent_at: new Date() })
      .where('sent_at', 'is', null)
      .execute();
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function deliver(): Promise<ParsedMail[]> {
    const before = received.length;
    const pending = await t.database.db
      .selectFrom('outbox_emails')
      .select('id')
      .where('sent_at', 'is', null)
      .execute();
    expect(await sendOutbox(t.database.db, t.config, silent)).toBe(pending.length);
    const failed = await t.database.db
      .selectFrom('outbox_emails')
      .select('last_error')
      .where('last_error', 'is not', null)
      .where('sent_at', 'is', null)
      .execute();
    expect(failed).toEqual([]);
    // smtp-server answers after parsing, so every message is in by the time sendMail resolved.
    expect(received.length - before).toBe(pending.length);
    return received.slice(before);
  }

  it('sends the review reminder with both parts, an absolute link, Brussels time, in Dutch and English', async () => {
    const officer = await t.loginAs('officer');
    const open = await t.database.db
      .selectFrom('review_assignments as a')
      .innerJoin('calls as c', 'c.id', 'a.call_id')
      .leftJoin('reviews as r', 'r.assignment_id', 'a.id')
      .select(['c.id', 'c.code', 'a.expert_user_id'])
      .where('c.status', '!=', 'decided')
      .where((eb) => eb.or([eb('r.status', 'is', null), eb('r.status', '=', 'draft')]))
      .execute();
    expect(open.length).toBeGreaterThan(0);
    const call = open[0];
    const expert = call.expert_user_id;
    const settings = await officer.put(`/api/review/calls/${call.id}/settings`, {
      reviewDeadline: '2027-01-20T16:00:00Z',
      showReviewerIdentities: false,
    });
    expect(settings.statusCode, settings.body).toBe(200);
    for (const language of ['nl', 'en'] as const) {
      await t.database.db.updateTable('users').set({ locale: language }).where('id', '=', expert).execute();
      const reminded = await officer.post(`/api/review/calls/${call.id}/remind`);
      expect(reminded.statusCode, reminded.body).toBe(200);
      const mails = await deliver();
      expect(mails).toHaveLength(reminded.json().data.reminded);
      const mail = mails.find((m) => m.subject?.includes(call.code))!;
      expect(mail).toBeDefined();
      expect(mail.text, mail.subject).toBeTruthy();
      expect(mail.html, mail.subject).toBeTruthy();
      const html = String(mail.html);
      // An absolute deep link in both parts.
      expect(mail.text).toContain(`${PUBLIC_URL}/review/my`);
      expect(html).toContain(`href="${PUBLIC_URL}/review/my"`);
      expect(html).not.toMatch(/href="\//);
      // The deadline on the Brussels clock (16:00 UTC is 17:00 in January), in the reader's format.
      const count = Number(/: (\d+) /.exec(mail.subject ?? '')?.[1]);
      expect(count).toBeGreaterThan(0);
      if (language === 'en') {
        expect(html).toContain('<html lang="en">');
        expect(mail.subject).toBe(
          `[Speerpunt] Reminder: ${count} ${count === 1 ? 'review' : 'reviews'} open for ${call.code}`,
        );
        expect(mail.text).toContain('20 January 2027 at 17:00 (Brussels time)');
      } else {
        expect(html).toContain('<html lang="nl-BE">');
        expect(mail.subject).toBe(
          `[Speerpunt] Herinnering: ${count} ${count === 1 ? 'beoordeling' : 'beoordelingen'} open voor ${call.code}`,
        );
        expect(mail.text).toContain('20 januari 2027 om 17:00 (Brusselse tijd)');
        expect(html).toContain('20 januari 2027 om 17:00 (Brusselse tijd)');
      }
      expect(mail.subject).not.toMatch(/\((en|s)\)/);
    }
  });

  it('words one and several items with the plural keys, and escapes values in the HTML part', async () => {
    const expert = await t.loginAs('expert');
    await t.database.db.updateTable('users').set({ locale: 'nl' }).where('id', '=', expert.userId!).execute();
    await t.database.db.transaction().execute(async (tx) => {
      await queueNotification(tx, {
        userId: expert.userId!,
        kind: 'review.assigned',
        params: { count: 1, call: 'OPR-1' },
        link: '/review/my',
      });
      await queueNotification(tx, {
        userId: expert.userId!,
        kind: 'review.assigned',
        params: { count: 1234, call: 'OPR-2' },
        link: '/review/my',
      });
      await queueNotification(tx, {
        userId: expert.userId!,
        kind: 'proposal.shared',
        params: { reference: '<b>P&1</b>' },
        link: '/proposals/00000000-0000-4000-8000-000000000001',
      });
    });
    const mails = await deliver();
    const subjects = mails.map((m) => m.subject);
    expect(subjects).toContain('[Speerpunt] 1 voorstel toegewezen ter beoordeling');
    expect(subjects).toContain('[Speerpunt] 1.234 voorstellen toegewezen ter beoordeling');
    const one = mails.find((m) => m.subject?.startsWith('[Speerpunt] 1 voorstel'))!;
    expect(one.text).toContain('Voor oproep OPR-1 werd je 1 voorstel toegewezen.');
    const shared = mails.find((m) => m.subject?.includes('toegevoegd aan voorstel'))!;
    expect(shared.text).toContain('<b>P&1</b>');
    expect(String(shared.html)).toContain('&lt;b&gt;P&amp;1&lt;/b&gt;');
    expect(String(shared.html)).not.toContain('<b>P&1');
    expect(String(shared.html)).toContain(
      `href="${PUBLIC_URL}/proposals/00000000-0000-4000-8000-000000000001"`,
    );
    // The in-app notification comes from the same template, in both languages.
    const note = await t.database.db
      .selectFrom('notifications')
      .select(['title_nl', 'title_en'])
      .where('user_id', '=', expert.userId!)
      .where('title_nl', '=', '1.234 voorstellen toegewezen ter beoordeling')
      .executeTakeFirstOrThrow();
    expect(note.title_en).toBe('1,234 proposals assigned for review');
  });

  it('sends the weekly digest as a list, and "no open actions" for none', async () => {
    const manager = await t.loginAs('manager');
    await t.database.db
      .updateTable('users')
      .set({ locale: 'en' })
      .where('id', '=', manager.userId!)
      .execute();
    await t.database.db.transaction().execute(async (tx) => {
      await queueNotification(tx, {
        userId: manager.userId!,
        kind: 'partnership.digest',
        params: {
          count: 2,
          overdue: 1,
          items: [
            { due: '2026-11-20', title: 'Roadmap', context: 'overdue' },
            { due: '2026-12-03', title: 'Budget', context: null },
          ],
        },
        link: '/partnership/my-actions',
      });
      await queueNotification(tx, {
        userId: manager.userId!,
        kind: 'partnership.digest',
        params: { count: 0, overdue: 0, items: [] },
        link: '/partnership/my-actions',
      });
    });
    const mails = await deliver();
    const list = mails.find((m) => m.subject?.includes('2 open actions'))!;
    expect(list.subject).toBe('[Speerpunt] Weekly digest: 2 open actions, 1 overdue');
    expect(list.text).toContain('- 20 November 2026 (overdue): Roadmap');
    expect(list.text).toContain('- 3 December 2026: Budget');
    expect(String(list.html)).toContain('<li>3 December 2026: Budget</li>');
    expect(list.text).toContain(`Go to my actions: ${PUBLIC_URL}/partnership/my-actions`);
    const none = mails.find((m) => m.subject?.includes('0 open actions'))!;
    expect(none.text).toContain('No open actions.');
  });
});
