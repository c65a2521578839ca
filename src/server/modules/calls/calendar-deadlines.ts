import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types';
import type { IcsTimedEvent } from '../partnership/ics';

type Db = Kysely<DB> | Transaction<DB>;

export interface FeedPerson {
  id: string;
  role: string;
  locale: 'nl' | 'en';
}

export interface FeedAddresses {
  /** PUBLIC_URL, without a trailing slash: the base of each event's URL. */
  publicUrl: string;
  /** The domain of the UIDs (CALENDAR_DOMAIN or PUBLIC_URL's host). */
  domain: string;
}

interface CallRow {
  id: string;
  code: string;
  title_nl: string;
  title_en: string | null;
}

const titleOf = (call: CallRow, locale: 'nl' | 'en') =>
  locale === 'en' ? (call.title_en ?? call.title_nl) : call.title_nl;

function submissionDeadline(
  call: CallRow & { closes_at: Date },
  person: FeedPerson,
  to: FeedAddresses,
  path: string,
): IcsTimedEvent {
  return {
    uid: `call-deadline-${call.id}@${to.domain}`,
    summary:
      person.locale === 'en'
        ? `${call.code}: submission deadline – ${titleOf(call, 'en')}`
        : `${call.code}: indieningsdeadline – ${titleOf(call, 'nl')}`,
    start: new Date(call.closes_at),
    url: `${to.publicUrl}${path}`,
  };
}

function reviewDeadline(
  call: CallRow & { review_deadline: Date },
  person: FeedPerson,
  to: FeedAddresses,
  path: string,
): IcsTimedEvent {
  return {
    uid: `review-deadline-${call.id}@${to.domain}`,
    summary:
      person.locale === 'en'
        ? `${call.code}: review deadline – ${titleOf(call, 'en')}`
        : `${call.code}: deadline beoordelingen – ${titleOf(call, 'nl')}`,
    start: new Date(call.review_deadline),
    url: `${to.publicUrl}${path}`,
  };
}

/**
 * The call and review deadlines that concern a person, as point-in-time events (a DTSTART, no
 * DTEND): an applicant's calls in which they own or share a proposal that is not withdrawn (the
 * submission deadline), an expert's calls with assignments (the review deadline), and for an
 * officer every call that is published and not yet decided (both deadlines).
 */
export async function deadlineEvents(
  db: Db,
  person: FeedPerson,
  to: FeedAddresses,
): Promise<IcsTimedEvent[]> {
  const events: IcsTimedEvent[] = [];
  const callColumns = ['c.id', 'c.code', 'c.title_nl', 'c.title_en'] as const;
  if (person.role === 'officer') {
    const calls = await db
      .selectFrom('calls as c')
      .leftJoin('call_review_settings as s', 's.call_id', 'c.id')
      .select([...callColumns, 'c.closes_at', 's.review_deadline'])
      .where('c.status', 'in', ['open', 'closed', 'in_evaluation'])
      .orderBy('c.code')
      .execute();
    for (const call of calls) {
      if (call.closes_at)
        events.push(
          submissionDeadline({ ...call, closes_at: call.closes_at }, person, to, `/calls/${call.id}`),
        );
      if (call.review_deadline)
        events.push(
          reviewDeadline(
            { ...call, review_deadline: call.review_deadline },
            person,
            to,
            `/review/calls/${call.id}`,
          ),
        );
    }
    return events;
  }
  const proposals = await db
    .selectFrom('proposals as p')
    .innerJoin('calls as c', 'c.id', 'p.call_id')
    .select([...callColumns, 'c.closes_at', 'p.id as proposal_id'])
    .where('p.status', '!=', 'withdrawn')
    .where('c.closes_at', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('p.owner_user_id', '=', person.id),
        eb(
          'p.id',
          'in',
          eb.selectFrom('proposal_collaborators').select('proposal_id').where('user_id', '=', person.id),
        ),
      ]),
    )
    .orderBy('c.code')
    .orderBy('p.reference')
    .execute();
  const seen = new Set<string>();
  for (const row of proposals) {
    if (seen.has(row.id) || !row.closes_at) continue;
    seen.add(row.id);
    events.push(
      submissionDeadline({ ...row, closes_at: row.closes_at }, person, to, `/proposals/${row.proposal_id}`),
    );
  }
  const reviews = await db
    .selectFrom('call_review_settings as s')
    .innerJoin('calls as c', 'c.id', 's.call_id')
    .select([...callColumns, 's.review_deadline'])
    .where('s.review_deadline', 'is not', null)
    .where('c.status', '!=', 'decided')
    .where('c.id', 'in', (eb) =>
      eb.selectFrom('review_assignments').select('call_id').where('expert_user_id', '=', person.id),
    )
    .orderBy('c.code')
    .execute();
  for (const call of reviews)
    if (call.review_deadline)
      events.push(
        reviewDeadline({ ...call, review_deadline: call.review_deadline }, person, to, '/review/my'),
      );
  return events;
}
