import { AppError, detail } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { actorOf, type StepContext } from '../../http/request-context';
import { findFormulaProblem } from './kpi-formula';
import { formulaOf } from './kpi-evaluation';
import { canReport } from './kpis.policy';
import { findDefinitions } from './kpis.repository';
import { COMPUTED_QUERIES } from './kpi-queries';
import type { KpiAggregation, KpiDirection, KpiLens, KpiSource, KpiUnit } from './kpis.tables';

export interface CreateDefinitionOptions {
  code: string;
  nameNl: string;
  nameEn: string;
  definitionNl?: string;
  definitionEn?: string;
  unit: KpiUnit;
  direction: KpiDirection;
  aggregation: KpiAggregation;
  lens: KpiLens;
  evidenceRequired?: boolean;
  source: KpiSource;
  numeratorCode?: string | null;
  denominatorCode?: string | null;
  factor?: number;
  computedKey?: string | null;
  /** Null: an addition to the standard library (officers only). */
  clusterId?: string | null;
}

/**
 * Adds a KPI definition. Officers add standard or cluster-specific KPIs (approved at once);
 * a cluster manager proposes one for their own cluster (approval by an officer). A formula must
 * refer to existing KPIs visible to the same cluster, never to itself, and never in a loop.
 */
export async function createDefinition(ctx: StepContext, options: CreateDefinitionOptions) {
  const actor = actorOf(ctx);
  const clusterId = options.clusterId ?? null;
  const isOfficer = actor.role === 'officer';
  if (!isOfficer) {
    if (clusterId === null || !canReport(actor, clusterId))
      throw new AppError(clusterId && actor.role === 'manager' ? 'NOT_FOUND' : 'FORBIDDEN');
  }
  if (options.source === 'computed' && (!options.computedKey || !COMPUTED_QUERIES[options.computedKey])) {
    throw new AppError('VALIDATION_FAILED', {
      details: [detail('computedKey', 'unknown', 'Onbekende berekening.', 'Unknown computation.')],
    });
  }
  const library = await findDefinitions(ctx.db, { clusterIds: clusterId ? [clusterId] : [] });
  if (
    library.some((d) => d.code === options.code) ||
    (await ctx.db
      .selectFrom('kpi_definitions')
      .select('id')
      .where('code', '=', options.code)
      .executeTakeFirst())
  ) {
    throw new AppError('KPI_CODE_TAKEN');
  }
  if (options.source === 'formula') {
    const problem = findFormulaProblem(
      {
        code: options.code,
        source: 'formula',
        numeratorCode: options.numeratorCode ?? null,
        denominatorCode: options.denominatorCode ?? null,
        factor: options.factor ?? 1,
      },
      library.map(formulaOf),
    );
    if (problem?.kind === 'self_reference') throw new AppError('KPI_FORMULA_SELF_REFERENCE');
    if (problem?.kind === 'missing_kpi')
      throw new AppError('KPI_FORMULA_UNKNOWN_KPI', { context: { missing: problem.missing } });
    if (problem?.kind === 'cycle')
      throw new AppError('KPI_FORMULA_CYCLE', { context: { path: problem.path } });
  }
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('kpi_definitions')
      .values({
        code: options.code,
        name_nl: options.nameNl,
        name_en: options.nameEn,
        definition_nl: options.definitionNl ?? '',
        definition_en: options.definitionEn ?? '',
        unit: options.unit,
        direction: options.direction,
        aggregation: options.aggregation,
        lens: options.lens,
        evidence_required: options.evidenceRequired ?? false,
        source: options.source,
        numerator_code: options.source === 'formula' ? (options.numeratorCode ?? null) : null,
        denominator_code: options.source === 'formula' ? (options.denominatorCode ?? null) : null,
        factor: options.factor ?? 1,
        computed_key: options.source === 'computed' ? (options.computedKey ?? null) : null,
        cluster_id: clusterId,
        approval_status: isOfficer ? 'approved' : 'proposed',
        proposed_by: actor.userId,
        decided_by: isOfficer ? actor.userId : null,
        decided_at: isOfficer ? ctx.now() : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: isOfficer ? 'kpi.definition_created' : 'kpi.definition_proposed',
        entityType: 'kpi_definition',
        entityId: row.id,
        after: { ...options, approvalStatus: row.approval_status },
      },
      ctx.requestId,
    );
    return row;
  });
}
