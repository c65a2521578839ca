import type { FastifyInstance } from 'fastify';
import { allow } from '../../http/access';
import { contextOf } from '../../http/request-context';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';

/**
 * A consistent snapshot of the embedded database, taken inside the server process while it keeps
 * serving (PGlite runs one statement at a time, so the dump falls between two; transactions
 * still open then are rolled back on restore). Uploaded files and the audit chain live in the
 * database and come along. On PostgreSQL use pg_dump (`speerpunt backup` runs it).
 */
export default async function backupRoutes(app: FastifyInstance): Promise<void> {
  app.post(
    '/api/admin/backup',
    {
      config: { access: allow('admin'), download: ['gzip'] },
      schema: { tags: ['admin'], summary: 'A snapshot of the embedded database (tar.gz); PGlite only' },
    },
    async (request, reply) => {
      const dump = app.dumpDatabase;
      if (!dump) throw new AppError('BACKUP_NOT_AVAILABLE');
      const ctx = contextOf(request);
      await ctx.db
        .transaction()
        .execute((tx) =>
          recordAudit(
            tx,
            ctx.auditActor,
            { action: 'database.backup', entityType: 'database' },
            ctx.requestId,
          ),
        );
      const blob = await dump();
      return reply
        .header('content-type', 'application/gzip')
        .header('content-disposition', 'attachment; filename="speerpunt-backup.tar.gz"')
        .header('cache-control', 'no-store')
        .send(Buffer.from(await blob.arrayBuffer()));
    },
  );
}
