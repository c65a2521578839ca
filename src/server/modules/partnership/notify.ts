import { queueNotification, type NotificationInput } from '../../notifications/queue-notification';
import type { Db } from './partnership.repository';

export interface Preference {
  inApp: boolean;
  email: boolean;
}

/** A person's choice for one kind; without a stored choice both channels are on. */
export async function preferenceOf(db: Db, userId: string, kind: string): Promise<Preference> {
  const row = await db
    .selectFrom('partnership_notification_preferences')
    .select(['in_app', 'email'])
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row ? { inApp: row.in_app, email: row.email } : { inApp: true, email: true };
}

export async function wantsWeeklyDigest(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('partnership_notification_settings')
    .select('weekly_digest')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.weekly_digest ?? false;
}

/**
 * Queues a partnership notification as the person chose: in the app, by e-mail, both or neither.
 * With the weekly digest on, e-mails wait for the digest. E-mail without the in-app message is not
 * possible with `queueNotification`, so an e-mail-only choice still leaves a (read) in-app trace.
 * Returns whether anything was queued.
 */
export async function notifyPerson(
  tx: Db,
  input: NotificationInput & { kind: string },
  options: { now: Date },
): Promise<boolean> {
  const preference = await preferenceOf(tx, input.userId, input.kind);
  const digest = await wantsWeeklyDigest(tx, input.userId);
  const email = preference.email && !digest;
  if (!preference.inApp && !email) return false;
  const id = await queueNotification(tx, { ...input, email });
  if (!preference.inApp)
    await tx.updateTable('notifications').set({ read_at: options.now }).where('id', '=', id).execute();
  return true;
}
