import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/types';

export interface NotificationInput {
  userId: string;
  /** A stable kind, e.g. 'proposal.submitted', 'action.overdue'; users choose per kind what they get. */
  kind: string;
  title: { nl: string; en: string };
  body?: { nl: string; en: string };
  /** Path in the web app, e.g. '/calls/…'. */
  link?: string;
  /** Also send an e-mail through the outbox (default true). */
  email?: boolean;
}

/**
 * Queues an in-app notification and, if asked, an e-mail in the outbox, inside the caller's
 * transaction: the message exists exactly when the change that caused it committed. The outbox
 * is sent after commit by `sendOutbox` (SMTP, or the log without SMTP_URL).
 */
export async function queueNotification(
  tx: Transaction<DB> | Kysely<DB>,
  input: NotificationInput,
): Promise<string> {
  const notification = await tx
    .insertInto('notifications')
    .values({
      user_id: input.userId,
      kind: input.kind,
      title_nl: input.title.nl,
      title_en: input.title.en,
      body_nl: input.body?.nl ?? '',
      body_en: input.body?.en ?? '',
      link: input.link ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.email !== false) {
    const user = await tx
      .selectFrom('users')
      .select(['email', 'locale'])
      .where('id', '=', input.userId)
      .executeTakeFirstOrThrow();
    const english = user.locale === 'en';
    const title = english ? input.title.en : input.title.nl;
    const body = (english ? input.body?.en : input.body?.nl) ?? '';
    await tx
      .insertInto('outbox_emails')
      .values({
        notification_id: notification.id,
        to_address: user.email,
        subject: `[Speerpunt] ${title}`,
        body_text: `${body}${input.link ? `\n\n${input.link}` : ''}`,
      })
      .execute();
  }
  return notification.id;
}
