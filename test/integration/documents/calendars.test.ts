import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';

/**
 * The iCalendar feeds, parsed by ical.js (a full RFC 5545 parser, as Thunderbird uses): call and
 * review deadlines in the feeds of the people they concern, UIDs under the configured domain,
 * absolute links under PUBLIC_URL.
 */
interface ParsedEvent {
  uid: string;
  summary: string;
  start: Date;
  end: Date;
  url: string;
}

function parseFeed(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      url: String(component.getFirstPropertyValue('url') ?? ''),
    };
  });
}

const PUBLIC_URL = 'https://speerpunt.example.be/platform';

describe('calendar feeds (ical.js)', () => {
  let t: TestApp;
  let officer: TestClient;

  async function feedOf(client: TestClient): Promise<ParsedEvent[]> {
    const created = await client.post('/api/partnership/calendar-token');
    expect(created.statusCode, created.body).toBe(201);
    const url = new URL(created.json().data.url);
    expect(url.origin + url.pathname).toMatch(
      /^https:\/\/speerpunt\.example\.be\/platform\/api\/partnership\//,
    );
    const feed = await t.anonymous.get(url.pathname.replace(/^\/platform/, ''));
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    return parseFeed(feed.body);
  }

  beforeAll(async () => {
    t = await createTestApp({ config: { publicUrl: PUBLIC_URL, calendarDomain: 'agenda.example.be' } });
    officer = await t.loginAs('officer');
  });
  afterAll(() => t?.close());

  it("puts the submission deadline of an applicant's calls in the applicant's feed", async () => {
    const applicant = await t.loginAs('applicant');
    const proposals = await t.database.db
      .selectFrom('proposals as p')
      .innerJoin('calls as c', 'c.id', 'p.call_id')
      .select(['c.id', 'c.code', 'c.closes_at', 'p.id as proposal_id'])
      .where('p.owner_user_id', '=', applicant.userId!)
      .where('p.status', '!=', 'withdrawn')
      .where('c.closes_at', 'is not', null)
      .execute();
    expect(proposals.length).toBeGreaterThan(0);
    const events = await feedOf(applicant);
    for (const call of proposals) {
      const event = events.find((e) => e.uid === `call-deadline-${call.id}@agenda.example.be`);
      expect(event, call.code).toBeDefined();
      // iCalendar instants have whole seconds.
      const closes = new Date(call.closes_at!).getTime();
      expect(event!.start.getTime()).toBe(closes - (closes % 1000));
      // A point in time: no DTEND, so the end is the start.
      expect(event!.end.toISOString()).toBe(event!.start.toISOString());
      expect(event!.summary).toContain(`${call.code}: indieningsdeadline`);
      expect(event!.url).toMatch(/^https:\/\/speerpunt\.example\.be\/platform\/proposals\/[0-9a-f-]{36}$/);
    }
    // Calls in which the applicant has no proposal stay out.
    const others = await t.database.db
      .selectFrom('calls')
      .select('id')
      .where('id', 'not in', [...new Set(proposals.map((p) => p.id))])
      .execute();
    for (const call of others) expect(events.some((e) => e.uid.includes(call.id))).toBe(false);
    expect(events.every((e) => e.uid.endsWith('@agenda.example.be'))).toBe(true);
    expect(events.some((e) => e.uid.includes('review-deadline'))).toBe(false);
  });

  it("puts the review deadline of an expert's calls in the expert's feed, in the expert's language", async () => {
    const expert = await t.loginAs('expert');
    const assigned = await t.database.db
      .selectFrom('review_assignments as a')
      .innerJoin('calls as c', 'c.id', 'a.call_id')
      .select(['c.id', 'c.code'])
      .where('a.expert_user_id', '=', expert.userId!)
      .where('c.status', '!=', 'decided')
      .executeTakeFirst();
    expect(assigned).toBeDefined();
    const deadline = '2027-01-20T17:00:00+01:00';
    const saved = await officer.put(`/api/review/calls/${assigned!.id}/settings`, {
      reviewDeadline: deadline,
      showReviewerIdentities: false,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await t.database.db.updateTable('users').set({ locale: 'en' }).where('id', '=', expert.userId!).execute();
    try {
      const events = await feedOf(expert);
      const event = events.find((e) => e.uid === `review-deadline-${assigned!.id}@agenda.example.be`);
      expect(event).toBeDefined();
      expect(event!.start.toISOString()).toBe('2027-01-20T16:00:00.000Z');
      expect(event!.summary).toContain(`${assigned!.code}: review deadline`);
      expect(event!.url).toBe(`${PUBLIC_URL}/review/my`);
      expect(events.some((e) => e.uid.startsWith('call-deadline-'))).toBe(false);

      // The officer sees both deadlines of the call (and of every published, undecided call).
      const officerEvents = await feedOf(officer);
      expect(officerEvents.map((e) => e.uid)).toContain(`review-deadline-${assigned!.id}@agenda.example.be`);
      const open = await t.database.db
        .selectFrom('calls')
        .select(['id', 'closes_at'])
        .where('status', 'in', ['open', 'closed', 'in_evaluation'])
        .where('closes_at', 'is not', null)
        .execute();
      expect(open.length).toBeGreaterThan(0);
      for (const call of open)
        expect(officerEvents.map((e) => e.uid)).toContain(`call-deadline-${call.id}@agenda.example.be`);
      expect(officerEvents.every((e) => e.url.startsWith(`${PUBLIC_URL}/`))).toBe(true);
    } finally {
      await t.database.db
        .updateTable('users')
        .set({ locale: 'nl' })
        .where('id', '=', expert.userId!)
        .execute();
    }
  });

  it('keeps the partnership items, with UIDs under the domain and no "@speerpunt"', async () => {
    const manager = await t.loginAs('manager');
    const events = await feedOf(manager);
    expect(events.some((e) => e.uid.startsWith('meeting-'))).toBe(true);
    expect(events.every((e) => /^[a-z-]+-[0-9a-f-]{36}@agenda\.example\.be$/.test(e.uid))).toBe(true);
    // A manager without proposals or assignments gets no call deadlines.
    expect(events.some((e) => e.uid.startsWith('call-deadline-'))).toBe(false);
  });

  it('takes the UID domain from PUBLIC_URL without CALENDAR_DOMAIN', async () => {
    const { loadConfig } = await import('../../../src/config');
    const config = loadConfig({ PUBLIC_URL: 'https://innovatie.vlaanderen.be/speerpunt/' });
    expect(config.publicUrl).toBe('https://innovatie.vlaanderen.be/speerpunt');
    expect(config.calendarDomain).toBe('innovatie.vlaanderen.be');
    expect(
      loadConfig({ PUBLIC_URL: 'https://a.example', CALENDAR_DOMAIN: 'cal.example' }).calendarDomain,
    ).toBe('cal.example');
    expect(() => loadConfig({ PUBLIC_URL: 'speerpunt.example' })).toThrow(/PUBLIC_URL/);
  });
});
