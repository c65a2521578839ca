import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import { STANDARD_KPIS } from '../../../src/server/modules/kpis/standard-library';

interface Cell {
  periodId: string;
  value: number | null;
  reason: string | null;
  measurementId: string | null;
  measurementStatus: string | null;
  status: string;
  origin: string;
}
interface Kpi {
  definition: {
    id: string;
    code: string;
    source: string;
    unit: string;
    evidenceRequired: boolean;
    sql: string | null;
  };
  target: { baselineValue: number | null } | null;
  values: Cell[];
}
interface Period {
  id: string;
  code: string;
  status: string;
}

const dataDir = path.resolve('test/data/kpis');

describe('KPI framework: demo, reporting, validation, reports', () => {
  let t: TestApp;
  let manager: TestClient;
  let officer: TestClient;
  let analyst: TestClient;
  let ownClusterId: string;
  let otherClusterId: string;
  let periods: Period[];
  const period = (code: string) => {
    const found = periods.find((p) => p.code === code);
    if (!found) throw new Error(`no period ${code}`);
    return found;
  };
  const dashboard = async (client: TestClient, clusterId: string): Promise<Kpi[]> => {
    const response = await client.get(`/api/kpis/clusters/${clusterId}/dashboard`);
    expect(response.statusCode).toBe(200);
    return response.json().data.kpis;
  };

  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.loginAs('manager');
    officer = await t.loginAs('officer');
    analyst = await t.loginAs('analyst');
    const own = await t.database.db
      .selectFrom('user_clusters')
      .select('cluster_id')
      .where('user_id', '=', manager.userId ?? '')
      .executeTakeFirstOrThrow();
    ownClusterId = own.cluster_id;
    otherClusterId = (
      await t.database.db
        .selectFrom('clusters')
        .select('id')
        .where('id', '!=', ownClusterId)
        .executeTakeFirstOrThrow()
    ).id;
    periods = (await officer.get('/api/kpis/periods')).json().data;
  });
  afterAll(() => t.close());

  it(
    'the demo has every standard KPI for the three past years, for every cluster, computed ones ' +
      'frozen from the data',
    async () => {
      const rows = await t.database.db
        .selectFrom('kpi_measurements as m')
        .innerJoin('kpi_definitions as d', 'd.id', 'm.definition_id')
        .innerJoin('reporting_periods as p', 'p.id', 'm.period_id')
        .select([
          'd.code',
          'd.source',
          'p.code as period',
          'm.cluster_id',
          'm.value',
          'm.not_computable_reason',
          'm.status',
          'm.frozen_at',
        ])
        .where('p.code', 'in', ['2023', '2024', '2025'])
        .execute();
      const clusters = await t.database.db.selectFrom('clusters').select('id').execute();
      for (const kpi of STANDARD_KPIS) {
        for (const year of ['2023', '2024', '2025']) {
          const cells = rows.filter((r) => r.code === kpi.code && r.period === year);
          expect(cells, `${kpi.code} ${year}`).toHaveLength(clusters.length);
          for (const cell of cells) {
            expect(cell.value !== null || cell.not_computable_reason !== null).toBe(true);
            if (kpi.source === 'reported') expect(cell.status).toBe('validated');
            else expect(cell.frozen_at).not.toBeNull();
          }
        }
        // Every past year has real values somewhere in the portfolio (a cluster without projects that
        // year rightly gets "not computable" for project-based shares).
        for (const year of ['2023', '2024', '2025']) {
          expect(
            rows.some((r) => r.code === kpi.code && r.period === year && r.value !== null),
            `${kpi.code} ${year}`,
          ).toBe(true);
        }
      }
      expect(period('2025').status).toBe('closed');
      expect(period('2026').status).toBe('open');
    },
  );

  it(
    'a frozen computed value equals its SQL run on the data, and the SQL is shown to analysts but ' +
      'not to managers',
    async () => {
      const kpis = await dashboard(analyst, ownClusterId);
      const members = kpis.find((k) => k.definition.code === 'MEMBERS');
      expect(members?.definition.sql).toContain('from memberships m');
      const cell = members?.values.find((v) => v.periodId === period('2025').id);
      const count = await t.database.db
        .selectFrom('memberships')
        .select((eb) => eb.fn.count<string>('organisation_id').distinct().as('n'))
        .where('cluster_id', '=', ownClusterId)
        .where('valid_from', '<=', '2025-12-31')
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', '2025-12-31')]))
        .executeTakeFirstOrThrow();
      expect(cell?.value).toBe(Number(count.n));
      expect(cell?.origin).toBe('frozen');
      const managerView = await dashboard(manager, ownClusterId);
      expect(managerView.find((k) => k.definition.code === 'MEMBERS')?.definition.sql).toBeNull();
    },
  );

  it(
    'a manager reports this year’s values, the officer returns one and validates the rest, the ' +
      'manager re-reports',
    async () => {
      const kpis = await dashboard(manager, ownClusterId);
      const reported = kpis.filter((k) => k.definition.source === 'reported');
      expect(reported.length).toBeGreaterThanOrEqual(5);
      const sample: Record<string, number> = {
        count: 14,
        euro: 2_500_000,
        tonnes: 3000.5,
        score: 7.9,
        days: 130,
        percent: 50,
        ratio: 1.2,
        number: 5,
      };
      const ids: string[] = [];
      for (const kpi of reported) {
        const response = await manager.post(`/api/kpis/clusters/${ownClusterId}/measurements`, {
          definitionId: kpi.definition.id,
          periodId: period('2026').id,
          value: sample[kpi.definition.unit] ?? 1,
          comment: 'Jaarrapport 2026',
          evidence: kpi.definition.evidenceRequired
            ? [
                { kind: 'link', url: 'https://example.org/jaarverslag-2026.pdf' },
                {
                  kind: 'file',
                  filename: 'bewijs.txt',
                  contentBase64: Buffer.from('bewijs').toString('base64'),
                },
              ]
            : [],
        });
        expect(response.statusCode, response.body).toBe(201);
        ids.push(response.json().data.id);
      }
      const queue = (await officer.get('/api/kpis/validation-queue')).json().data as {
        measurementId: string;
      }[];
      expect(queue.map((q) => q.measurementId)).toEqual(expect.arrayContaining(ids));

      const [returned, ...rest] = ids;
      expect((await officer.post(`/api/kpis/measurements/${returned}/return`, {})).json().code).toBe(
        'KPI_RETURN_NEEDS_COMMENT',
      );
      expect(
        (
          await officer.post(`/api/kpis/measurements/${returned}/return`, {
            comment: 'Bron ontbreekt voor dit cijfer.',
          })
        ).statusCode,
      ).toBe(204);
      for (const id of rest)
        expect(
          (await officer.post(`/api/kpis/measurements/${id}/validate`, { comment: 'ok' })).statusCode,
        ).toBe(204);
      expect((await officer.post(`/api/kpis/measurements/${rest[0]}/validate`, {})).json().code).toBe(
        'KPI_MEASUREMENT_VALIDATED',
      );

      // The returned value went back to the cluster: a notification, and it no longer counts.
      const notes = (await manager.get('/api/notifications')).json().data as {
        kind?: string;
        title?: string;
        titleNl?: string;
      }[];
      expect(JSON.stringify(notes)).toContain('teruggestuurd');
      const detail = (await manager.get(`/api/kpis/measurements/${returned}`)).json();
      expect(detail.data.status).toBe('returned');
      expect(detail.data.reviewComment).toBe('Bron ontbreekt voor dit cijfer.');
      expect(detail.abilities.report).toBe(true);

      // A validated value is final for the manager.
      const validatedKpi = reported[1];
      const again = await manager.post(`/api/kpis/clusters/${ownClusterId}/measurements`, {
        definitionId: validatedKpi?.definition.id,
        periodId: period('2026').id,
        value: 1,
        evidence: [{ kind: 'text', body: 'x' }],
      });
      expect(again.json().code).toBe('KPI_MEASUREMENT_VALIDATED');

      // Re-report the returned one; the history shows every step.
      const returnedKpi = reported[0];
      const rereport = await manager.post(`/api/kpis/clusters/${ownClusterId}/measurements`, {
        definitionId: returnedKpi?.definition.id,
        periodId: period('2026').id,
        value: sample[returnedKpi?.definition.unit ?? 'count'] ?? 1,
        comment: 'Met bron',
        evidence: [{ kind: 'text', body: 'Bron: ledenbevraging 2026' }],
      });
      expect(rereport.statusCode, rereport.body).toBe(201);
      const history = (await officer.get(`/api/kpis/measurements/${returned}`)).json().data.history as {
        action: string;
      }[];
      expect(history.map((h) => h.action)).toEqual(['reported', 'returned', 'rereported']);
      const audit = await t.database.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', '=', returned ?? '')
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        'kpi.measurement_reported',
        'kpi.measurement_returned',
        'kpi.measurement_rereported',
      ]);

      // The dashboard now shows the validated values with a status.
      const after = await dashboard(officer, ownClusterId);
      const cell = after
        .find((k) => k.definition.id === validatedKpi?.definition.id)
        ?.values.find((v) => v.periodId === period('2026').id);
      expect(cell?.measurementStatus).toBe('validated');
      expect(['on_track', 'at_risk', 'off_track']).toContain(cell?.status);
    },
  );

  it('the portfolio view and both reports show the result', async () => {
    const portfolio = await analyst.get(`/api/kpis/portfolio?periodId=${period('2026').id}`);
    expect(portfolio.statusCode).toBe(200);
    const data = portfolio.json().data as {
      clusters: { id: string; cells: { measurementStatus?: string }[] }[];
      kpis: { code: string }[];
    };
    expect(data.clusters.length).toBeGreaterThanOrEqual(6);
    const own = data.clusters.find((c) => c.id === ownClusterId);
    expect(own?.cells).toHaveLength(data.kpis.length);
    expect(own?.cells.some((c) => c.measurementStatus === 'validated')).toBe(true);
    const transitionOnly = (await analyst.get('/api/kpis/portfolio?lens=transition')).json().data as {
      kpis: { lens: string }[];
    };
    expect(transitionOnly.kpis.every((k) => k.lens !== 'economic')).toBe(true);

    const xlsx = await analyst.get(`/api/kpis/reports/portfolio.xlsx?periodId=${period('2026').id}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const values = workbook.getWorksheet('Evaluatie')?.getSheetValues().flat().map(String) ?? [];
    // The validation status as its label (Dutch by default), not the code.
    expect(values).toContain('Gevalideerd');
    expect(values.some((v) => v.includes('https://example.org/jaarverslag-2026.pdf'))).toBe(true);

    const pdf = await analyst.get(`/api/kpis/reports/portfolio.pdf?periodId=${period('2026').id}`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const clusterPdf = await manager.get(`/api/kpis/reports/clusters/${ownClusterId}/report.pdf`);
    expect(clusterPdf.statusCode).toBe(200);
    expect(clusterPdf.rawPayload.length).toBeGreaterThan(2000);
    const clusterXlsx = await manager.get(
      `/api/kpis/reports/clusters/${ownClusterId}/report.xlsx?periodId=${period('2025').id}`,
    );
    expect(clusterXlsx.statusCode).toBe(200);
  });

  it('reaching for another cluster answers like a missing one', async () => {
    expect((await manager.get(`/api/kpis/clusters/${otherClusterId}/dashboard`)).json().code).toBe(
      'NOT_FOUND',
    );
    const definition = (await dashboard(officer, otherClusterId)).find(
      (k) => k.definition.source === 'reported',
    );
    const response = await manager.post(`/api/kpis/clusters/${otherClusterId}/measurements`, {
      definitionId: definition?.definition.id,
      periodId: period('2026').id,
      value: 1,
      evidence: [{ kind: 'text', body: 'x' }],
    });
    expect(response.statusCode).toBe(404);
    const foreign = await t.database.db
      .selectFrom('kpi_measurements')
      .select('id')
      .where('cluster_id', '=', otherClusterId)
      .executeTakeFirstOrThrow();
    const missing = await manager.get('/api/kpis/measurements/00000000-0000-4000-8000-000000000000');
    const hidden = await manager.get(`/api/kpis/measurements/${foreign.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe(missing.json().code);
    expect((await manager.get(`/api/kpis/reports/clusters/${otherClusterId}/report.xlsx`)).statusCode).toBe(
      404,
    );
    expect((await manager.get(`/api/kpis/diffusion-activities?clusterId=${otherClusterId}`)).statusCode).toBe(
      404,
    );
  });
});

describe('KPI bad input: clear errors, nothing half-written', () => {
  let t: TestApp;
  let manager: TestClient;
  let officer: TestClient;
  let clusterId: string;
  let periods: Period[];
  let kpis: Kpi[];
  const byCode = (code: string) => {
    const found = kpis.find((k) => k.definition.code === code);
    if (!found) throw new Error(code);
    return found.definition;
  };
  const periodId = (code: string) => periods.find((p) => p.code === code)?.id ?? '';
  const countRows = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('kpi_measurements')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.loginAs('manager');
    officer = await t.loginAs('officer');
    clusterId = (
      await t.database.db
        .selectFrom('user_clusters')
        .select('cluster_id')
        .where('user_id', '=', manager.userId ?? '')
        .executeTakeFirstOrThrow()
    ).cluster_id;
    periods = (await officer.get('/api/kpis/periods')).json().data;
    kpis = (await officer.get(`/api/kpis/clusters/${clusterId}/dashboard`)).json().data.kpis;
  });
  afterAll(() => t.close());

  it('a value in the wrong unit or type', async () => {
    const before = await countRows();
    const report = (definitionId: string, value: unknown) =>
      manager.post(`/api/kpis/clusters/${clusterId}/measurements`, {
        definitionId,
        periodId: periodId('2026'),
        value,
        evidence: [{ kind: 'text', body: 'bewijs' }],
      });
    expect((await report(byCode('NEW_PRODUCTS').id, 2.5)).json().code).toBe('KPI_VALUE_INVALID');
    expect((await report(byCode('MEMBER_SATISFACTION').id, 12)).json().code).toBe('KPI_VALUE_INVALID');
    expect((await report(byCode('NEW_PRODUCTS').id, 'veel')).json().code).toBe('VALIDATION_FAILED');
    expect((await report(byCode('MEMBERS').id, 3)).json().code).toBe('KPI_NOT_REPORTABLE');
    expect(await countRows()).toBe(before);
  });

  it('a report after the period closed, or without the required evidence', async () => {
    const before = await countRows();
    const closed = await manager.post(`/api/kpis/clusters/${clusterId}/measurements`, {
      definitionId: byCode('NEW_PRODUCTS').id,
      periodId: periodId('2025'),
      value: 3,
      evidence: [{ kind: 'text', body: 'x' }],
    });
    expect(closed.json().code).toBe('KPI_PERIOD_CLOSED');
    const planned = await manager.post(`/api/kpis/clusters/${clusterId}/measurements`, {
      definitionId: byCode('NEW_PRODUCTS').id,
      periodId: periodId('2027'),
      value: 3,
      evidence: [{ kind: 'text', body: 'x' }],
    });
    expect(planned.json().code).toBe('KPI_PERIOD_NOT_OPEN');
    const noEvidence = await manager.post(`/api/kpis/clusters/${clusterId}/measurements`, {
      definitionId: byCode('NEW_PRODUCTS').id,
      periodId: periodId('2026'),
      value: 3,
    });
    expect(noEvidence.json().code).toBe('KPI_EVIDENCE_REQUIRED');
    expect(await countRows()).toBe(before);
  });

  it('evidence that is too large or of a refused type', async () => {
    const before = await countRows();
    const files = Number(
      (
        await t.database.db
          .selectFrom('stored_files')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 0x41).toString('base64');
    const response = await manager.post(`/api/kpis/clusters/${clusterId}/measurements`, {
      definitionId: byCode('NEW_PRODUCTS').id,
      periodId: periodId('2026'),
      value: 3,
      evidence: [{ kind: 'file', filename: 'groot.txt', contentBase64: big }],
    });
    expect(response.json().code).toBe('FILE_TOO_LARGE');
    const html = await manager.post(`/api/kpis/clusters/${clusterId}/measurements`, {
      definitionId: byCode('NEW_PRODUCTS').id,
      periodId: periodId('2026'),
      value: 3,
      evidence: [
        { kind: 'file', filename: 'x.html', contentBase64: Buffer.from('<html></html>').toString('base64') },
      ],
    });
    expect(html.json().code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await countRows()).toBe(before);
    expect(
      Number(
        (
          await t.database.db
            .selectFrom('stored_files')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(files);
  });

  it(
    'a target changed silently after its period started is refused; an amendment with motivation is ' +
      'kept in history',
    async () => {
      const definition = byCode('NEW_PRODUCTS');
      const url = `/api/kpis/clusters/${clusterId}/targets/${definition.id}`;
      const target = {
        baselineValue: 10,
        baselineDate: '2023-12-31',
        endTargetValue: 20,
        endTargetDate: '2027-12-31',
        periodTargets: [{ periodId: periodId('2026'), value: 99 }],
      };
      const silent = await officer.put(url, target);
      expect(silent.json().code).toBe('KPI_TARGET_NEEDS_MOTIVATION');
      const amended = await officer.put(url, {
        ...target,
        motivation: 'Herziening na tussentijdse evaluatie.',
      });
      expect(amended.statusCode, amended.body).toBe(200);
      const history = (await officer.get(`${url}/history`)).json().data as {
        isAmendment: boolean;
        motivation: string | null;
      }[];
      expect(history.at(-1)).toMatchObject({
        isAmendment: true,
        motivation: 'Herziening na tussentijdse evaluatie.',
      });
      // A target for a period that has not started yet is no amendment.
      const future = await officer.put(url, {
        ...target,
        periodTargets: [
          { periodId: periodId('2026'), value: 99 },
          { periodId: periodId('2027'), value: 25 },
        ],
      });
      expect(future.statusCode).toBe(200);
      expect(
        ((await officer.get(`${url}/history`)).json().data as { isAmendment: boolean }[]).at(-1)?.isAmendment,
      ).toBe(false);
    },
  );

  it(
    'a formula that refers to itself, to a missing KPI or in a loop; a division by zero is "not ' +
      'computable"',
    async () => {
      const body = (code: string, numeratorCode: string, denominatorCode: string) => ({
        code,
        nameNl: code,
        nameEn: code,
        unit: 'ratio',
        direction: 'higher',
        aggregation: 'last',
        lens: 'economic',
        source: 'formula',
        numeratorCode,
        denominatorCode,
        factor: 1,
        clusterId,
      });
      expect(
        (await officer.post('/api/kpis/definitions', body('SELF_REF', 'SELF_REF', 'MEMBERS'))).json().code,
      ).toBe('KPI_FORMULA_SELF_REFERENCE');
      expect(
        (await officer.post('/api/kpis/definitions', body('MISSING_REF', 'MEMBERS', 'NO_SUCH_KPI'))).json()
          .code,
      ).toBe('KPI_FORMULA_UNKNOWN_KPI');
      expect(
        (await officer.post('/api/kpis/definitions', body('MEMBERS_PER_LEAVER', 'MEMBERS', 'MEMBERS_LEFT')))
          .statusCode,
      ).toBe(201);
      // A cycle through an existing formula: insert one referring to a later code, then close the loop.
      expect(
        (await officer.post('/api/kpis/definitions', body('LOOP_A', 'MEMBERS', 'MEMBERS_PER_LEAVER')))
          .statusCode,
      ).toBe(201);
      await t.database.db
        .updateTable('kpi_definitions')
        .set({ denominator_code: 'LOOP_B' })
        .where('code', '=', 'LOOP_A')
        .execute();
      expect(
        (await officer.post('/api/kpis/definitions', body('LOOP_B', 'MEMBERS', 'LOOP_A'))).json().code,
      ).toBe('KPI_FORMULA_CYCLE');
      await t.database.db
        .updateTable('kpi_definitions')
        .set({ is_active: false })
        .where('code', '=', 'LOOP_A')
        .execute();

      const dashboard = (await officer.get(`/api/kpis/clusters/${clusterId}/dashboard`)).json().data
        .kpis as Kpi[];
      const leaver = dashboard.find((k) => k.definition.code === 'MEMBERS_PER_LEAVER');
      const left = dashboard
        .find((k) => k.definition.code === 'MEMBERS_LEFT')
        ?.values.find((v) => v.periodId === periodId('2026'));
      expect(left?.value).toBe(0);
      const cell = leaver?.values.find((v) => v.periodId === periodId('2026'));
      expect(cell).toMatchObject({ value: null, reason: 'division_by_zero', status: 'not_computable' });
    },
  );

  it(
    'a CORDIS file with missing columns is refused; a good one links by VAT and lists the rest for ' +
      'manual linking',
    async () => {
      const projectCsv = fs.readFileSync(path.join(dataDir, 'project.csv'), 'utf8');
      const before = Number(
        (
          await t.database.db
            .selectFrom('eu_participations')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      const refused = await officer.post('/api/kpis/eu-participations/import', {
        projectCsv,
        organizationCsv: fs.readFileSync(path.join(dataDir, 'organization-missing-columns.csv'), 'utf8'),
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().code).toBe('CORDIS_COLUMNS_MISSING');
      expect(refused.json().details.map((d: { path: string }) => d.path)).toEqual([
        'organization.csv.vatNumber',
        'organization.csv.SME',
        'organization.csv.ecContribution',
      ]);
      expect(
        Number(
          (
            await t.database.db
              .selectFrom('eu_participations')
              .select((eb) => eb.fn.countAll<string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ).toBe(before);

      const imported = await officer.post('/api/kpis/eu-participations/import', {
        projectCsv,
        organizationCsv: fs.readFileSync(path.join(dataDir, 'organization.csv'), 'utf8'),
      });
      expect(imported.statusCode, imported.body).toBe(200);
      expect(imported.json().data).toEqual({ projects: 2, participations: 5, linked: 3, unmatched: 2 });
      const unmatched = (await officer.get('/api/kpis/eu-participations?unmatched=true')).json().data as {
        id: string;
        name: string;
        cordisProjectId: string;
        ecContributionCents: number;
      }[];
      const german = unmatched.find(
        (p) => p.cordisProjectId === '190000001' && p.name.startsWith('Beispiel'),
      );
      expect(german?.ecContributionCents).toBe(60_000_000);
      const organisation = await t.database.db
        .selectFrom('organisations')
        .select('id')
        .where('is_example', '=', true)
        .executeTakeFirstOrThrow();
      expect(
        (
          await officer.put(`/api/kpis/eu-participations/${german?.id}/organisation`, {
            organisationId: organisation.id,
          })
        ).statusCode,
      ).toBe(204);
      // A re-import keeps the manual link.
      const again = await officer.post('/api/kpis/eu-participations/import', {
        projectCsv,
        organizationCsv: fs.readFileSync(path.join(dataDir, 'organization.csv'), 'utf8'),
      });
      expect(again.json().data.unmatched).toBe(1);
    },
  );

  it('closing a period freezes computed values: later data does not change them', async () => {
    const members = byCode('DIFFUSION_ACTIVITIES');
    const close = await officer.post(`/api/kpis/periods/${periodId('2026')}/close`, {});
    expect(close.statusCode, close.body).toBe(200);
    const frozen = async () =>
      ((await officer.get(`/api/kpis/clusters/${clusterId}/dashboard`)).json().data.kpis as Kpi[])
        .find((k) => k.definition.id === members.id)
        ?.values.find((v) => v.periodId === periodId('2026'));
    const first = await frozen();
    expect(first?.origin).toBe('frozen');
    const added = await officer.post('/api/kpis/diffusion-activities', {
      clusterId,
      kind: 'workshop',
      title: 'Late workshop (voorbeeld)',
      heldOn: '2026-12-01',
      participants: 10,
      smesReached: 2,
      nonMemberCompaniesReached: 3,
    });
    expect(added.statusCode).toBe(201);
    expect((await frozen())?.value).toBe(first?.value);
    expect((await officer.post(`/api/kpis/periods/${periodId('2026')}/close`, {})).json().code).toBe(
      'KPI_PERIOD_CLOSED',
    );
    const report = await manager.post(`/api/kpis/clusters/${clusterId}/measurements`, {
      definitionId: byCode('MEMBER_SATISFACTION').id,
      periodId: periodId('2026'),
      value: 8,
    });
    expect(report.json().code).toBe('KPI_PERIOD_CLOSED');
  });
});
