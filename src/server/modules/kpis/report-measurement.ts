import { AppError, detail } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { storeFile } from '../../files/store-file';
import { actorOf, type StepContext } from '../../http/request-context';
import { assertSeesCluster, canReport } from './kpis.policy';
import { findDefinitionById, findPeriodById, readKpiSettings } from './kpis.repository';
import { assertValueFitsUnit } from './kpi-values';
import { auditMeasurement } from './kpis.presenter';

export type EvidenceInput =
  | { kind: 'link'; url: string }
  | { kind: 'text'; body: string }
  | { kind: 'file'; filename: string; contentBase64: string };

export interface ReportMeasurementOptions {
  clusterId: string;
  definitionId: string;
  periodId: string;
  value: number;
  comment?: string;
  evidence?: EvidenceInput[];
}

/**
 * A cluster manager reports (or re-reports after a return) the value of a reported KPI for an
 * open period, with evidence. A validated value is final; a closed period refuses reports.
 * The value, its evidence, a history row and the audit row are written in one transaction.
 */
export async function reportMeasurement(
  ctx: StepContext,
  options: ReportMeasurementOptions,
): Promise<string> {
  const actor = actorOf(ctx);
  assertSeesCluster(actor, options.clusterId);
  const definition = await findDefinitionById(ctx.db, options.definitionId);
  if (
    !definition ||
    (definition.cluster_id !== null && definition.cluster_id !== options.clusterId) ||
    definition.approval_status !== 'approved'
  )
    throw new AppError('NOT_FOUND');
  if (!canReport(actor, options.clusterId)) throw new AppError('FORBIDDEN');
  if (definition.source !== 'reported') throw new AppError('KPI_NOT_REPORTABLE');
  const period = await findPeriodById(ctx.db, options.periodId);
  if (!period) throw new AppError('NOT_FOUND');
  if (period.status === 'closed') throw new AppError('KPI_PERIOD_CLOSED');
  if (period.status !== 'open') throw new AppError('KPI_PERIOD_NOT_OPEN');
  assertValueFitsUnit(definition.unit, options.value);
  const settings = await readKpiSettings(ctx.db);
  const evidence = options.evidence ?? [];
  const files = evidence.map((item, index) => {
    if (item.kind !== 'file') return null;
    const buffer = Buffer.from(item.contentBase64, 'base64');
    if (buffer.length === 0)
      throw new AppError('VALIDATION_FAILED', {
        details: [
          detail(`evidence.${index}.contentBase64`, 'empty', 'Het bestand is leeg.', 'The file is empty.'),
        ],
      });
    return buffer;
  });

  return ctx.db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('kpi_measurements')
      .selectAll()
      .where('definition_id', '=', definition.id)
      .where('cluster_id', '=', options.clusterId)
      .where('period_id', '=', period.id)
      .forUpdate()
      .executeTakeFirst();
    if (before?.status === 'validated') throw new AppError('KPI_MEASUREMENT_VALIDATED');
    const now = ctx.now();
    const values = {
      value: options.value,
      comment: options.comment ?? '',
      status: 'reported' as const,
      reported_by: actor.userId,
      reported_at: now,
      updated_at: now,
    };
    const row = before
      ? await tx
          .updateTable('kpi_measurements')
          .set({ ...values, version: before.version + 1, not_computable_reason: null })
          .where('id', '=', before.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await tx
          .insertInto('kpi_measurements')
          .values({
            ...values,
            definition_id: definition.id,
            cluster_id: options.clusterId,
            period_id: period.id,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
    for (const [index, item] of evidence.entries()) {
      if (item.kind === 'link')
        await tx
          .insertInto('kpi_evidence')
          .values({ measurement_id: row.id, kind: 'link', url: item.url, created_by: actor.userId })
          .execute();
      else if (item.kind === 'text')
        await tx
          .insertInto('kpi_evidence')
          .values({ measurement_id: row.id, kind: 'text', body: item.body, created_by: actor.userId })
          .execute();
      else {
        const buffer = files[index];
        if (!buffer) continue;
        const stored = await storeFile(tx, {
          purpose: 'kpi_evidence',
          filename: item.filename,
          buffer,
          uploadedBy: actor.userId,
          maxBytes: settings.evidenceMaxBytes,
        });
        await tx
          .insertInto('kpi_evidence')
          .values({ measurement_id: row.id, kind: 'file', file_id: stored.id, created_by: actor.userId })
          .execute();
      }
    }
    if (definition.evidence_required) {
      const count = await tx
        .selectFrom('kpi_evidence')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('measurement_id', '=', row.id)
        .executeTakeFirstOrThrow();
      if (Number(count.n) === 0) throw new AppError('KPI_EVIDENCE_REQUIRED');
    }
    await tx
      .insertInto('kpi_measurement_history')
      .values({
        measurement_id: row.id,
        version: row.version,
        action: before ? 'rereported' : 'reported',
        status: 'reported',
        value: options.value,
        comment: options.comment ?? '',
        actor_user_id: actor.userId,
      })
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: before ? 'kpi.measurement_rereported' : 'kpi.measurement_reported',
        entityType: 'kpi_measurement',
        entityId: row.id,
        before: before ? auditMeasurement(before) : undefined,
        after: {
          ...auditMeasurement(row),
          code: definition.code,
          periodCode: period.code,
          clusterId: options.clusterId,
          evidenceAdded: evidence.length,
        },
      },
      ctx.requestId,
    );
    return row.id;
  });
}
