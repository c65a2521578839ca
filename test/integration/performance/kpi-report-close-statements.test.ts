import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { brusselsDate } from '../../../src/shared/brussels-time';
import type { Database } from '../../../src/server/db/database';
import type { DB } from '../../../src/server/db/types';
import { generatePortfolio } from '../../../src/server/demo/generate-portfolio';
import type { Actor } from '../../../src/server/http/actor';
import { evaluateCluster, valuesForPeriod } from '../../../src/server/modules/kpis/kpi-evaluation';
import {
  findApplicableDefinitions,
  findClusters,
  findEvidence,
  findMeasurements,
  findPeriods,
  readKpiSettings,
  toNumber,
} from '../../../src/server/modules/kpis/kpis.repository';
import { buildPortfolioReport } from '../../../src/server/modules/kpis/report-data';
import { countedApp, QueryCounter } from '../../helpers/counted-app';
import type { TestClient } from '../../helpers/test-app';
import { createTestDatabase } from '../../helpers/test-database';

/**
 * Issue 14 (no N+1): the portfolio evaluation report and closing a period evaluate the clusters in
 * chunks with a fixed number of statements each, so the demo and the demo with a generated
 * portfolio on top send the same number of statements. What they produce is compared with the
 * per-cluster evaluation (`evaluateCluster` without preloaded inputs, and the close's former loop:
 * applicable definitions, measurements, `valuesForPeriod` per cluster).
 */
const today = '2026-11-29';
const now = new Date(`${today}T10:00:00Z`);

interface Side {
  database: Database;
  app: FastifyInstance;
  officer: TestClient;
  counter: QueryCounter;
}
let demo: Side;
let grown: Side;
let demoClusters = 0;
let grownClusters = 0;

async function open(): Promise<Side> {
  const database = await createTestDatabase('demo');
  const counter = new QueryCounter();
  const { app, officer } = await countedApp(database, counter, now.toISOString());
  return { database, app, officer, counter };
}

async function statements(side: Side, send: (officer: TestClient) => Promise<{ statusCode: number }>) {
  side.counter.reset();
  const response = await send(side.officer);
  expect(response.statusCode).toBe(200);
  return side.counter.statements;
}

const officerActor = (userId: string): Actor => ({
  userId,
  email: 'officer@example.test',
  name: 'Officer',
  role: 'officer',
  locale: 'nl',
  clusterIds: [],
  via: 'session',
});

async function openPeriod(db: Kysely<DB>) {
  const period = (await findPeriods(db)).find((p) => p.status === 'open');
  if (!period) throw new Error('the demo has an open period');
  return period;
}

/** A reported value with a link and a note as evidence in the open period (the demo has none there). */
async function addEvidence(db: Kysely<DB>) {
  const period = await openPeriod(db);
  const [cluster] = await findClusters(db, 'all');
  const definition = await db
    .selectFrom('kpi_definitions as d')
    .select('d.id')
    .where('d.source', '=', 'reported')
    .where('d.cluster_id', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('kpi_measurements as m')
            .select('m.id')
            .whereRef('m.definition_id', '=', 'd.id')
            .where('m.cluster_id', '=', cluster?.id ?? '')
            .where('m.period_id', '=', period.id),
        ),
      ),
    )
    .orderBy('d.code')
    .executeTakeFirstOrThrow();
  const measurement = await db
    .insertInto('kpi_measurements')
    .values({
      definition_id: definition.id,
      cluster_id: cluster?.id,
      period_id: period.id,
      value: 3,
      status: 'reported',
      reported_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('kpi_evidence')
    .values([
      { measurement_id: measurement.id, kind: 'link', url: 'https://example.org/verslag' },
      { measurement_id: measurement.id, kind: 'text', body: 'Aanwezigheidslijst (voorbeeld)' },
    ])
    .execute();
}

beforeAll(async () => {
  demo = await open();
  grown = await open();
  await addEvidence(demo.database.db);
  await addEvidence(grown.database.db);
  const generated = await generatePortfolio(grown.database.db, { scale: 1, seed: 11, today });
  demoClusters = (await findClusters(demo.database.db, 'all')).length;
  grownClusters = (await findClusters(grown.database.db, 'all')).length;
  expect(grownClusters).toBe(demoClusters + generated.clusters);
  expect(generated.clusters).toBeGreaterThanOrEqual(4 * demoClusters);
}, 300_000);

afterAll(async () => {
  for (const side of [demo, grown]) {
    await side?.app.close();
    await side?.database.close();
  }
});

describe('the portfolio evaluation report and closing a period, set-based', () => {
  it('the portfolio report sends as many statements for the generated portfolio as for the demo', async () => {
    const report = (officer: TestClient) => officer.get('/api/kpis/reports/portfolio.xlsx');
    const onDemo = await statements(demo, report);
    const onGrown = await statements(grown, report);
    expect(onGrown).toBe(onDemo);
    expect(onGrown).toBeLessThan(40);
  });

  it('the portfolio report has exactly the rows of the per-cluster evaluation', async () => {
    const db = grown.database.db;
    const periods = await findPeriods(db);
    const period = await openPeriod(db);
    const upTo = periods.filter((p) => p.starts_on <= period.starts_on);
    const settings = await readKpiSettings(db);
    const expected = [];
    for (const cluster of await findClusters(db, 'all')) {
      const evaluation = await evaluateCluster(db, cluster.id, upTo, settings, brusselsDate(now));
      const cells = evaluation.cells.filter((c) => c.periodId === period.id);
      const evidence = await findEvidence(
        db,
        cells.flatMap((c) => (c.measurementId ? [c.measurementId] : [])),
      );
      for (const cell of cells) {
        const definition = evaluation.definitions.find((d) => d.id === cell.definitionId);
        const target = evaluation.targets.find((t) => t.definition_id === cell.definitionId);
        expected.push({
          clusterName: cluster.name,
          code: definition?.code,
          name: definition?.name_nl,
          lens: definition?.lens,
          unit: definition?.unit,
          direction: definition?.direction,
          source: definition?.source,
          periodCode: period.code,
          value: cell.value,
          reason: cell.reason,
          expected: cell.expected,
          baselineValue: target ? toNumber(target.baseline_value) : null,
          endTargetValue: target ? toNumber(target.end_target_value) : null,
          status: cell.status,
          measurementStatus: cell.measurementStatus,
          isOutlier: cell.isOutlier,
          evidence: evidence
            .filter((e) => e.measurement_id === cell.measurementId)
            .map((e) =>
              e.kind === 'link'
                ? e.url
                : e.kind === 'file'
                  ? `/api/kpis/evidence/${e.id}/file (${e.filename ?? ''})`
                  : (e.body ?? '').slice(0, 120),
            )
            .join('; '),
        });
      }
    }
    const officer = await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'officer')
      .executeTakeFirstOrThrow();
    const report = await buildPortfolioReport(db, officerActor(officer.id), undefined, now);
    expect(report.periodCode).toBe(period.code);
    expect(report.rows).toEqual(expected);
    // The comparison covers every kind of cell: computed live, reported with evidence, targets.
    expect(new Set(report.rows.map((r) => r.clusterName)).size).toBe(grownClusters);
    expect(report.rows.some((r) => r.source === 'computed' && r.value !== null)).toBe(true);
    expect(report.rows.some((r) => r.source === 'formula' && r.value !== null)).toBe(true);
    expect(report.rows.some((r) => r.evidence !== '')).toBe(true);
    expect(report.rows.some((r) => r.expected !== null)).toBe(true);
  }, 120_000);

  it('closing a period freezes exactly the per-cluster values, in as many statements as on the demo', async () => {
    const db = grown.database.db;
    const period = await openPeriod(db);
    // The close's former loop, one cluster at a time.
    const expected: string[] = [];
    for (const cluster of await findClusters(db, 'all')) {
      const definitions = await findApplicableDefinitions(db, cluster.id);
      const measurements = (await findMeasurements(db, [cluster.id])).filter(
        (m) => m.period_id === period.id,
      );
      const values = await valuesForPeriod(db, cluster.id, period, definitions, measurements);
      for (const definition of definitions) {
        if (definition.source === 'reported') continue;
        const entry = values.get(definition.code);
        if (!entry || entry.origin === 'frozen') continue;
        const reason = entry.value.value === null ? (entry.value.reason ?? 'no_data') : null;
        expected.push(`${definition.id}|${cluster.id}|${entry.value.value}|${reason}`);
      }
    }
    const close = (side: Side) => async (officer: TestClient) => {
      const id = (await openPeriod(side.database.db)).id;
      side.counter.reset();
      return officer.post(`/api/kpis/periods/${id}/close`, {});
    };
    const onDemo = await statements(demo, close(demo));
    const onGrown = await statements(grown, close(grown));
    expect(onGrown).toBe(onDemo);
    expect(onGrown).toBeLessThan(50);
    const frozen = await db
      .selectFrom('kpi_measurements')
      .select(['definition_id', 'cluster_id', 'value', 'not_computable_reason', 'status'])
      .where('period_id', '=', period.id)
      .where('frozen_at', '=', now)
      .execute();
    expect(frozen.every((m) => m.status === 'computed')).toBe(true);
    expect(
      frozen
        .map((m) => `${m.definition_id}|${m.cluster_id}|${toNumber(m.value)}|${m.not_computable_reason}`)
        .sort(),
    ).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(grownClusters * 5);
    const audit = await db
      .selectFrom('audit_events')
      .select('after')
      .where('action', '=', 'kpi.period_closed')
      .where('entity_id', '=', period.id)
      .executeTakeFirstOrThrow();
    expect((audit.after as { frozenValues: number }).frozenValues).toBe(expected.length);
  }, 120_000);
});
