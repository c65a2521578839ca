import { sql, type Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { DB } from '../db/types';
import type { MessageParams } from './message-templates';
import { hasTemplate, renderMessage } from './render-message';

const BATCH = 50;
const FROM = process.env.SMTP_FROM ?? 'Speerpunt <no-reply@speerpunt.example>';

/**
 * Sends queued e-mails. Rows are claimed with FOR UPDATE SKIP LOCKED so that several server
 * processes never send the same mail twice. Each message is rendered from its kind's template in
 * the recipient's language with an absolute link under PUBLIC_URL, as a text part and an HTML part
 * (rows from before templates: their stored text only). Without SMTP_URL a mail is written to the
 * log and marked sent (it stays in the outbox table, both parts, for reading).
 */
export async function sendOutbox(
  db: Kysely<DB>,
  config: { smtpUrl: string | undefined; publicUrl: string },
  log: Pick<FastifyBaseLogger, 'info' | 'warn'>,
): Promise<number> {
  // Loaded only when mail is sent through SMTP (not at start-up, not when mail goes to the log).
  const transport = config.smtpUrl
    ? (await import('nodemailer')).default.createTransport(config.smtpUrl)
    : null;
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
        const message =
          row.kind && hasTemplate(row.kind)
            ? renderMessage(
                row.kind,
                (row.params ?? {}) as MessageParams,
                row.locale === 'en' ? 'en' : 'nl',
                {
                  path: row.link,
                  publicUrl: config.publicUrl,
                },
              )
            : null;
        const text = message?.text ?? row.body_text;
        const html = message?.html ?? null;
        if (transport)
          await transport.sendMail({
            from: FROM,
            to: row.to_address,
            subject: row.subject,
            text,
            ...(html ? { html } : {}),
          });
        else
          log.info(
            { outboxId: row.id, to: row.to_address, subject: row.subject },
            'e-mail (no SMTP_URL: logged, not sent)',
          );
        await tx
          .updateTable('outbox_emails')
          .set({
            sent_at: sql`now()`,
            attempts: row.attempts + 1,
            last_error: null,
            body_text: text,
            body_html: html,
          })
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
