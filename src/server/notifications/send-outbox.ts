import nodemailer from 'nodemailer';
import { sql, type Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { DB } from '../db/types';

const BATCH = 50;
const FROM = process.env.SMTP_FROM ?? 'Speerpunt <no-reply@speerpunt.example>';

/**
 * Sends queued e-mails. Rows are claimed with FOR UPDATE SKIP LOCKED so that several server
 * processes never send the same mail twice. Without SMTP_URL a mail is written to the log and
 * marked sent (it stays in the outbox table for reading).
 */
export async function sendOutbox(
  db: Kysely<DB>,
  smtpUrl: string | undefined,
  log: Pick<FastifyBaseLogger, 'info' | 'warn'>,
): Promise<number> {
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  return db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom('outbox_emails')
      .selectAll()
      .where('sent_at', 'is', null)
      .where('attempts', '<', 5)
      .orderBy('created_at')
      .limit(BATCH)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const row of rows) {
      try {
        if (transport)
          await transport.sendMail({
            from: FROM,
            to: row.to_address,
            subject: row.subject,
            text: row.body_text,
          });
        else
          log.info(
            { outboxId: row.id, to: row.to_address, subject: row.subject },
            'e-mail (no SMTP_URL: logged, not sent)',
          );
        await tx
          .updateTable('outbox_emails')
          .set({ sent_at: sql`now()`, attempts: row.attempts + 1, last_error: null })
          .where('id', '=', row.id)
          .execute();
      } catch (error) {
        log.warn({ outboxId: row.id, err: error }, 'e-mail failed');
        await tx
          .updateTable('outbox_emails')
          .set({ attempts: row.attempts + 1, last_error: String(error).slice(0, 500) })
          .where('id', '=', row.id)
          .execute();
      }
    }
    return rows.length;
  });
}
