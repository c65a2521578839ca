import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/types';
import type { MessageKind, MessageParams } from './message-templates';
import { renderMessage } from './render-message';

export interface NotificationInput {
  userId: string;
  /** The message kind (its template in `message-templates.ts`); users choose per kind what they get. */
  kind: MessageKind;
  /** The template's parameters: texts, numbers, ISO instants or dates, cents, `count`, `context`, `items`. */
  params?: MessageParams;
  /** Path in the web app, e.g. '/calls/…'; e-mails link to it under PUBLIC_URL. */
  link?: string;
  /** Also send an e-mail through the outbox (default true). */
  email?: boolean;
}

/**
 * Queues an in-app notification and, if asked, an e-mail in the outbox, inside the caller's
 * transaction: the message exists exactly when the change that caused it committed. Both come
 * from the kind's one template: the notification in Dutch and English, the e-mail in the
 * recipient's language. The outbox keeps the kind, parameters and path; `sendOutbox` renders the
 * HTML and text parts with PUBLIC_URL after commit (SMTP, or the log without SMTP_URL).
 */
export async function queueNotification(
  tx: Transaction<DB> | Kysely<DB>,
  input: NotificationInput,
): Promise<string> {
  const params = input.params ?? {};
  const nl = renderMessage(input.kind, params, 'nl', { path: null, publicUrl: null });
  const en = renderMessage(input.kind, params, 'en', { path: null, publicUrl: null });
  const notification = await tx
    .insertInto('notifications')
    .values({
      user_id: input.userId,
      kind: input.kind,
      title_nl: nl.subject,
      title_en: en.subject,
      body_nl: nl.body,
      body_en: en.body,
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
    const locale = user.locale === 'en' ? 'en' : 'nl';
    const message = locale === 'en' ? en : nl;
    await tx
      .insertInto('outbox_emails')
      .values({
        notification_id: notification.id,
        to_address: user.email,
        subject: `[Speerpunt] ${message.subject}`,
        body_text: message.text,
        kind: input.kind,
        locale,
        params: JSON.stringify(params),
        link: input.link ?? null,
      })
      .execute();
  }
  return notification.id;
}
