import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { AppError } from '../../errors/app-error';
import type { Actor } from '../../http/actor';
import { evaluateCluster } from './kpi-evaluation';
import { assertSeesCluster, canSeeCluster } from './kpis.policy';
import {
  findClusterById,
  findClusters,
  findEvidence,
  findPeriods,
  readKpiSettings,
  toNumber,
} from './kpis.repository';
import { brusselsDate } from './kpi-values';
import { pickPeriod } from './kpi-views';
import type { EvaluationReport, ReportRow } from './evaluation-report';

async function rowsForCluster(
  db: Kysely<DB>,
  cluster: { id: string; name: string },
  periods: Awaited<ReturnType<typeof findPeriods>>,
  onlyPeriodId: string | null,
  now: Date,
): Promise<ReportRow[]> {
  const evaluation = await evaluateCluster(
    db,
    cluster.id,
    periods,
    await readKpiSettings(db),
    brusselsDate(now),
  );
  const cells = evaluation.cells.filter((c) => onlyPeriodId === null || c.periodId === onlyPeriodId);
  const evidence = await findEvidence(
    db,
    cells.map((c) => c.measurementId).filter((id): id is string => id !== null),
  );
  const periodCode = new Map(periods.map((p) => [p.id, p.code]));
  const targets = new Map(evaluation.targets.map((t) => [t.definition_id, t]));
  return cells.flatMap((cell) => {
    const definition = evaluation.definitions.find((d) => d.id === cell.definitionId);
    if (!definition) return [];
    const target = targets.get(definition.id);
    const links = evidence
      .filter((e) => e.measurement_id === cell.measurementId)
      .map((e) =>
        e.kind === 'link'
          ? e.url
          : e.kind === 'file'
            ? `/api/kpis/evidence/${e.id}/file (${e.filename ?? ''})`
            : (e.body ?? '').slice(0, 120),
      )
      .join('; ');
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
        evidence: links,
      },
    ];
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
    rows: await rowsForCluster(db, cluster, upTo, null, now),
  };
}

/** The portfolio evaluation report: every visible cluster's standard and own KPIs for the chosen period. */
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
  const rows: ReportRow[] = [];
  for (const cluster of clusters) rows.push(...(await rowsForCluster(db, cluster, upTo, period.id, now)));
  return {
    title: 'Evaluatierapport portfolio',
    periodCode: period.code,
    generatedAt: now.toISOString(),
    rows,
  };
}
