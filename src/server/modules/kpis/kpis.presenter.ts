import { COMPUTED_QUERIES } from './kpi-queries';
import type { KpiDefinitionRow, PeriodRow } from './kpis.repository';
import { toNumber } from './kpis.repository';

/** A KPI definition; the SQL of computed ones only for viewers allowed to read it (officers, analysts, admins). */
export function presentDefinition(row: KpiDefinitionRow, options: { showSql: boolean }) {
  return {
    id: row.id,
    code: row.code,
    nameNl: row.name_nl,
    nameEn: row.name_en,
    definitionNl: row.definition_nl,
    definitionEn: row.definition_en,
    unit: row.unit,
    direction: row.direction,
    aggregation: row.aggregation,
    lens: row.lens,
    evidenceRequired: row.evidence_required,
    source: row.source,
    numeratorCode: row.numerator_code,
    denominatorCode: row.denominator_code,
    factor: Number(row.factor),
    computedKey: row.computed_key,
    sql:
      options.showSql && row.computed_key
        ? ((COMPUTED_QUERIES[row.computed_key] ?? null)?.trim() ?? null)
        : null,
    clusterId: row.cluster_id,
    approvalStatus: row.approval_status,
    decisionComment: row.decision_comment,
  };
}

export function presentPeriod(row: PeriodRow) {
  return {
    id: row.id,
    code: row.code,
    label: row.label,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
    closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
  };
}

export function auditMeasurement(row: {
  value: string | null;
  status: string;
  comment: string;
  review_comment: string | null;
  version: number;
}) {
  return {
    value: toNumber(row.value),
    status: row.status,
    comment: row.comment,
    reviewComment: row.review_comment,
    version: row.version,
  };
}
