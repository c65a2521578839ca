import { brusselsDate } from '../../../shared/brussels-time';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { AppError } from '../../errors/app-error';
import type { Actor } from '../../http/actor';
import { chunksOf, evaluateClusters, type ClusterEvaluation } from './kpi-evaluation';
import { assertSeesCluster, canSeeCluster } from './kpis.policy';
import {
  findClusterById,
  findClusters,
  findEvidence,
  findPeriods,
  readKpiSettings,
  toNumber,
  type KpiSettings,
  type PeriodRow,
} from './kpis.repository';
import { pickPeriod } from './kpi-views';
import type { EvaluationReport, ReportRow } from './evaluation-report';

/** The report rows of some clusters: their cells (those of `onlyPeriodId`, or all) with the evidence as text. */
async function rowsForClusters(
  db: Kysely<DB>,
  clusters: { id: string; name: string }[],
  periods: PeriodRow[],
  onlyPeriodId: string | null,
  settings: KpiSettings,
  now: Date,
): Promise<ReportRow[]> {
  const evaluations = await evaluateClusters(
    db,
    clusters.map((c) => c.id),
    periods,
    settings,
    brusselsDate(now),
  );
  const cellsOf = (evaluation: ClusterEvaluation | undefined) =>
    (evaluation?.cells ?? []).filter((c) => onlyPeriodId === null || c.periodId === onlyPeriodId);
  const evidence = await findEvidence(
    db,
    clusters.flatMap((cluster) =>
      cellsOf(evaluations.get(cluster.id))
        .map((c) => c.measurementId)
        .filter((id): id is string => id !== null),
    ),
  );
  const evidenceText = new Map<string, string[]>();
  for (const e of evidence) {
    const text =
      e.kind === 'link'
        ? e.url
        : e.kind === 'file'
          ? `/api/kpis/evidence/${e.id}/file (${e.filename ?? ''})`
          : (e.body ?? '').slice(0, 120);
    evidenceText.set(e.measurement_id, [...(evidenceText.get(e.measurement_id) ?? []), text ?? '']);
  }
  const periodCode = new Map(periods.map((p) => [p.id, p.code]));
  return clusters.flatMap((cluster) => {
    const evaluation = evaluations.get(cluster.id);
    if (!evaluation) return [];
    const definitions = new Map(evaluation.definitions.map((d) => [d.id, d]));
    const targets = new Map(evaluation.targets.map((t) => [t.definition_id, t]));
    return cellsOf(evaluation).flatMap((cell): ReportRow[] => {
      const definition = definitions.get(cell.definitionId);
      if (!definition) return [];
      const target = targets.get(definition.id);
      return [
        {
          clusterName: cluster.name,
          code: definition.code,
          name: definition.name_nl,
          lens: definition.lens,
          unit: definition.unit,
          direction: definition.direction,
          source: definition.source,
          periodCode: periodCode.get(cell.periodId) ?? '',
          value: cell.value,
          reason: cell.reason,
          expected: cell.expected,
          baselineValue: target ? toNumber(target.baseline_value) : null,
          endTargetValue: target ? toNumber(target.end_target_value) : null,
          status: cell.status,
          measurementStatus: cell.measurementStatus,
          isOutlier: cell.isOutlier,
          evidence: (cell.measurementId ? (evidenceText.get(cell.measurementId) ?? []) : []).join('; '),
        },
      ];
    });
  });
}

/** The evaluation report of one cluster: every period up to and including the chosen one. */
export async function buildClusterReport(
  db: Kysely<DB>,
  actor: Actor,
  clusterId: string,
  periodId: string | undefined,
  now: Date,
): Promise<EvaluationReport> {
  assertSeesCluster(actor, clusterId);
  const cluster = await findClusterById(db, clusterId);
  if (!cluster) throw new AppError('NOT_FOUND');
  const periods = await findPeriods(db);
  const period = pickPeriod(periods, periodId);
  if (!period) throw new AppError('NOT_FOUND');
  const upTo = periods.filter((p) => p.starts_on <= period.starts_on);
  return {
    title: `Evaluatierapport ${cluster.name}`,
    periodCode: period.code,
    generatedAt: now.toISOString(),
    rows: await rowsForClusters(db, [cluster], upTo, null, await readKpiSettings(db), now),
  };
}

/**
 * The portfolio evaluation report: every visible cluster's standard and own KPIs for the chosen
 * period, evaluated `CLUSTERS_PER_CHUNK` clusters at a time (a fixed number of statements each).
 */
export async function buildPortfolioReport(
  db: Kysely<DB>,
  actor: Actor,
  periodId: string | undefined,
  now: Date,
): Promise<EvaluationReport> {
  const periods = await findPeriods(db);
  const period = pickPeriod(periods, periodId);
  if (!period) throw new AppError('NOT_FOUND');
  const upTo = periods.filter((p) => p.starts_on <= period.starts_on);
  const clusters = (await findClusters(db, 'all')).filter((c) => canSeeCluster(actor, c.id));
  const settings = await readKpiSettings(db);
  const rows: ReportRow[] = [];
  for (const chunk of chunksOf(clusters))
    rows.push(...(await rowsForClusters(db, chunk, upTo, period.id, settings, now)));
  return {
    title: 'Evaluatierapport portfolio',
    periodCode: period.code,
    generatedAt: now.toISOString(),
    rows,
  };
}
