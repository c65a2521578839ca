import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';

const EUR = 100;

describe('funding: lines, commitments, payments, state aid', () => {
  let t: TestApp;
  let officer: TestClient;
  let manager: TestClient;
  let analyst: TestClient;
  const lineId = async (code: string) =>
    (
      await t.database.db
        .selectFrom('funding_lines')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).id;
  const projectId = async (code: string) =>
    (
      await t.database.db
        .selectFrom('projects')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).id;
  const clusterId = async (short: string) =>
    (
      await t.database.db
        .selectFrom('clusters')
        .select('id')
        .where('short_name', '=', short)
        .executeTakeFirstOrThrow()
    ).id;
  const orgIds = async (n: number) =>
    (
      await t.database.db
        .selectFrom('organisations')
        .select('id')
        .where('helix', '=', 'company')
        .orderBy('enterprise_number', 'desc')
        .limit(n)
        .execute()
    ).map((o) => o.id);
  const counts = async () => {
    const row = await sql<{
      c: number;
      a: number;
      p: number;
    }>`select (select count(*) from funding_commitments)::int as c, (select count(*) from
      state_aid_awards)::int as a, (select count(*) from funding_payments)::int as p`.execute(t.database.db);
    return row.rows[0];
  };

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.loginAs('officer');
    manager = await t.loginAs('manager');
    analyst = await t.loginAs('analyst');
  });
  afterAll(() => t.close());

  describe('the demo company near the de minimis ceiling', () => {
    it('shows its headroom before the commitment and refuses the next aid, writing nothing', async () => {
      const project = await projectId('CP-2026-14');
      const line = await lineId('CP-2024-2026');
      const preview = await officer.get(
        `/api/funding/commitments/preview?projectId=${project}&lineId=${line}&decidedOn=2026-11-27`,
      );
      expect(preview.statusCode).toBe(200);
      const data = preview.json().data;
      const breach = data.deMinimis.find((c: { breaches: boolean }) => c.breaches);
      expect(breach.usedCents).toBe(272_000 * EUR);
      expect(breach.headroomCents).toBe(28_000 * EUR);
      expect(breach.requestedCents).toBe(45_000 * EUR);
      expect(data.refusals).toEqual(['DE_MINIMIS_CEILING_EXCEEDED']);

      const before = await counts();
      const refused = await officer.post('/api/funding/commitments', {
        projectId: project,
        lineId: line,
        decidedOn: '2026-11-27',
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('DE_MINIMIS_CEILING_EXCEEDED');
      expect(refused.json().context.organisations[0].headroomCents).toBe(28_000 * EUR);
      expect(await counts()).toEqual(before);

      const register = await analyst.get(
        `/api/state-aid/organisations/${breach.organisationId}?on=2026-11-27`,
      );
      expect(register.json().data.deMinimis).toMatchObject({
        usedCents: 272_000 * EUR,
        headroomCents: 28_000 * EUR,
        ceilingCents: 300_000 * EUR,
        windowYears: 3,
      });

      const direct = await officer.post('/api/state-aid/awards', {
        organisationId: breach.organisationId,
        regime: 'de_minimis',
        amountCents: 28_000 * EUR + 1,
        grantedOn: '2026-11-27',
      });
      expect(direct.json().code).toBe('DE_MINIMIS_CEILING_EXCEEDED');
    });

    it(
      'lets an authorised officer override with a motivation, recorded in the register and the ' +
        'audit trail',
      async () => {
        const project = await projectId('CP-2026-14');
        const line = await lineId('CP-2024-2026');
        const response = await officer.post('/api/funding/commitments', {
          projectId: project,
          lineId: line,
          decidedOn: '2026-11-27',
          deMinimisOverride: 'Aanvullende steun goedgekeurd door de raad van bestuur (test).',
        });
        expect(response.statusCode).toBe(201);
        const awards = await t.database.db
          .selectFrom('state_aid_awards')
          .select(['override_motivation'])
          .where('project_id', '=', project)
          .execute();
        expect(awards.filter((a) => a.override_motivation !== null)).toHaveLength(1);
        const audit = await t.database.db
          .selectFrom('audit_events')
          .select('action')
          .where('entity_id', '=', response.json().data.id)
          .execute();
        expect(audit.map((a) => a.action)).toEqual(['commitment.created_with_de_minimis_override']);
        const again = await officer.post('/api/funding/commitments', { projectId: project, lineId: line });
        expect(again.json().code).toBe('PROJECT_ALREADY_COMMITTED');
      },
    );
  });

  describe('linked enterprises', () => {
    it('counts de minimis aid of an enterprise linked to the undertaking (over 50 %), in both directions', async () => {
      const db = t.database.db;
      const near = (
        await db
          .selectFrom('state_aid_awards')
          .select('organisation_id')
          .where('description', 'like', 'Groeisubsidie%')
          .executeTakeFirstOrThrow()
      ).organisation_id;
      const [daughter] = await db
        .selectFrom('organisations')
        .select(['id', 'enterprise_number'])
        .where('helix', '=', 'company')
        .where('id', '!=', near)
        .orderBy('name', 'desc')
        .limit(1)
        .execute();
      await officer.post('/api/state-aid/awards', {
        organisationId: daughter.id,
        regime: 'de_minimis',
        legalBasis: 'Verordening (EU) 2023/2831',
        amountCents: 20_000 * EUR,
        grantedOn: '2026-01-15',
        grantedByAuthority: 'Test',
      });
      const before = (await analyst.get(`/api/state-aid/organisations/${near}?on=2026-11-27`)).json().data
        .deMinimis;
      await sql`insert into organisation_sme_figures (organisation_id, reference_year) values (${near},
        2025) on conflict do nothing`.execute(db);
      await sql`insert into organisation_related_enterprises (organisation_id, reference_year, name,
        enterprise_number, holding_share) values (${near}, 2025, 'Dochter (test)',
        ${daughter.enterprise_number}, 60)`.execute(db);
      const after = (await analyst.get(`/api/state-aid/organisations/${near}?on=2026-11-27`)).json().data
        .deMinimis;
      expect(after.usedCents).toBe(before.usedCents + 20_000 * EUR);
      expect(after.linkedEnterprisesKnown).toBe(true);
      const fromDaughter = (
        await analyst.get(`/api/state-aid/organisations/${daughter.id}?on=2026-11-27`)
      ).json().data.deMinimis;
      expect(fromDaughter.usedCents).toBe(after.usedCents);
      await sql`delete from organisation_related_enterprises where organisation_id = ${near} and name =
        'Dochter (test)'`.execute(db);
    });
  });

  describe('bad input', () => {
    it('refuses negative and fractional-cent amounts', async () => {
      const base = {
        code: 'X-1',
        name: 'Test',
        purpose: 'cluster_projects',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        isRingFenced: true,
      };
      for (const amountCents of [-1, 10.5, 0.01]) {
        const response = await officer.post('/api/funding/lines', { ...base, amountCents });
        expect(response.statusCode).toBe(400);
        expect(response.json().code).toBe('VALIDATION_FAILED');
        expect(response.json().details[0].path).toBe('body.amountCents');
      }
      const payment = await officer.post('/api/funding/payments', {
        commitmentId: '00000000-0000-4000-8000-000000000000',
        tranche: 'advance',
        amountCents: 99.99,
        plannedOn: '2026-01-01',
      });
      expect(payment.json().code).toBe('VALIDATION_FAILED');
      const realloc = await officer.post('/api/funding/reallocations', {
        fromLineId: await lineId('RES-2025'),
        toLineId: await lineId('CP-2024-2026'),
        amountCents: -100,
        motivation: 'Een motivering van voldoende lengte.',
      });
      expect(realloc.json().code).toBe('VALIDATION_FAILED');
      expect(
        await t.database.db
          .selectFrom('funding_lines')
          .select('id')
          .where('code', '=', 'X-1')
          .executeTakeFirst(),
      ).toBeUndefined();
    });

    it('refuses a payment before its milestone is accepted, and releases it after', async () => {
      const project = await projectId('CP-2025-04'); // interim milestone reported, not yet accepted
      const detail = (await officer.get(`/api/projects/${project}`)).json().data;
      const interim = detail.payments.find((p: { tranche: string }) => p.tranche === 'interim');
      expect(interim.condition.status).toBe('reported');
      expect(interim.isReleasable).toBe(false);
      const refused = await officer.post(`/api/funding/payments/${interim.id}/release`, {});
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('PAYMENT_CONDITION_NOT_MET');
      expect(
        (
          await t.database.db
            .selectFrom('funding_payments')
            .select('status')
            .where('id', '=', interim.id)
            .executeTakeFirstOrThrow()
        ).status,
      ).toBe('planned');

      const accept = await officer.post(
        `/api/projects/${project}/milestones/${interim.condition.id}/decision`,
        { decision: 'accepted', comment: 'In orde' },
      );
      expect(accept.statusCode).toBe(204);
      const released = await officer.post(`/api/funding/payments/${interim.id}/release`, {});
      expect(released.statusCode).toBe(200);
      const twice = await officer.post(`/api/funding/payments/${interim.id}/release`, {});
      expect(twice.json().code).toBe('PAYMENT_ALREADY_RELEASED');
    });

    it('refuses a tranche without condition (other than an advance) and tranches beyond the commitment', async () => {
      const project = await projectId('CP-2025-06');
      const detail = (await officer.get(`/api/projects/${project}`)).json().data;
      const commitment = detail.commitments[0];
      const noCondition = await officer.post('/api/funding/payments', {
        commitmentId: commitment.id,
        tranche: 'interim',
        amountCents: 100,
        plannedOn: '2026-06-01',
      });
      expect(noCondition.json().code).toBe('PAYMENT_CONDITION_INVALID');
      const tooMuch = await officer.post('/api/funding/payments', {
        commitmentId: commitment.id,
        tranche: 'advance',
        amountCents: 1,
        plannedOn: '2026-06-01',
      });
      expect(tooMuch.json().code).toBe('PAYMENT_EXCEEDS_COMMITMENT');
    });

    it('refuses ring-fenced money for another purpose', async () => {
      const before = await counts();
      const clusterProject = await projectId('CP-2026-13');
      const toInter = await officer.post('/api/funding/commitments', {
        projectId: clusterProject,
        lineId: await lineId('ICP-2024-2026'),
      });
      expect(toInter.statusCode).toBe(409);
      expect(toInter.json().code).toBe('FUNDING_PURPOSE_MISMATCH');
      const toBase = await officer.post('/api/funding/commitments', {
        projectId: clusterProject,
        lineId: await lineId('BW-2026'),
      });
      expect(toBase.json().code).toBe('FUNDING_PURPOSE_MISMATCH');
      const baseOnProjectLine = await officer.post('/api/funding/base-operations', {
        clusterId: await clusterId('VIL'),
        year: 2027,
        lineId: await lineId('CP-2024-2026'),
        subsidyCents: 1000,
      });
      expect(baseOnProjectLine.json().code).toBe('FUNDING_PURPOSE_MISMATCH');
      expect(await counts()).toEqual(before);
    });

    it('refuses an inter-cluster project with one cluster, and aid above budget', async () => {
      const flux = await clusterId('Flux50');
      const [org] = await orgIds(1);
      const body = {
        code: 'ICP-T-1',
        title: 'Test',
        kind: 'inter_cluster_project',
        leadClusterId: flux,
        clusterIds: [flux],
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        aidRegime: 'block_exemption',
        participants: [{ organisationId: org, budgetCents: 1000, aidCents: 500 }],
      };
      const one = await officer.post('/api/projects', body);
      expect(one.statusCode).toBe(400);
      expect(one.json().code).toBe('INTER_CLUSTER_NEEDS_TWO_CLUSTERS');
      const aidTooHigh = await officer.post('/api/projects', {
        ...body,
        clusterIds: [flux, await clusterId('VIL')],
        participants: [{ organisationId: org, budgetCents: 1000, aidCents: 1001 }],
      });
      expect(aidTooHigh.json().code).toBe('AID_EXCEEDS_BUDGET');
      expect(
        await t.database.db
          .selectFrom('projects')
          .select('id')
          .where('code', '=', 'ICP-T-1')
          .executeTakeFirst(),
      ).toBeUndefined();
    });

    it('reallocates only with a motivation and within what is uncommitted, and audits it', async () => {
      const from = await lineId('RES-2025');
      const to = await lineId('CP-2024-2026');
      const short = await officer.post('/api/funding/reallocations', {
        fromLineId: from,
        toLineId: to,
        amountCents: 100,
        motivation: 'kort',
      });
      expect(short.json().code).toBe('VALIDATION_FAILED');
      const tooMuch = await officer.post('/api/funding/reallocations', {
        fromLineId: from,
        toLineId: to,
        amountCents: 900_000 * EUR + 1,
        motivation: 'Herverdeling wegens onderbenutting (test).',
      });
      expect(tooMuch.json().code).toBe('FUNDING_LINE_INSUFFICIENT');
      expect(tooMuch.json().context.remainingCents).toBe(900_000 * EUR);
      const done = await officer.post('/api/funding/reallocations', {
        fromLineId: from,
        toLineId: to,
        amountCents: 100_000 * EUR,
        motivation: 'Herverdeling wegens onderbenutting (test).',
      });
      expect(done.statusCode).toBe(201);
      const audit = await t.database.db
        .selectFrom('audit_events')
        .select(['action', 'actor_label'])
        .where('entity_id', '=', done.json().data.id)
        .executeTakeFirstOrThrow();
      expect(audit).toEqual({ action: 'funding.reallocated', actor_label: 'officer@speerpunt.example' });
      const lines = (await officer.get('/api/funding/lines')).json().data;
      expect(lines.find((l: { code: string }) => l.code === 'RES-2025').budgetCents).toBe(800_000 * EUR);
    });
  });

  describe('concurrent commitments', () => {
    async function projectsOnFreshLine(code: string, lineAmount: number, projectAid: number, n: number) {
      const created = await officer.post('/api/funding/lines', {
        code,
        name: `Concurrency ${code}`,
        purpose: 'cluster_projects',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        amountCents: lineAmount,
        isRingFenced: true,
        ownContributionRatio: '0.5',
        clusterIds: [],
      });
      expect(created.statusCode).toBe(201);
      const flux = await clusterId('Flux50');
      const orgs = await orgIds(n);
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const project = await officer.post('/api/projects', {
          code: `${code}-P${i}`,
          title: `Concurrency ${i}`,
          kind: 'cluster_project',
          leadClusterId: flux,
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
          aidRegime: 'block_exemption',
          participants: [{ organisationId: orgs[i], budgetCents: projectAid * 2, aidCents: projectAid }],
        });
        expect(project.statusCode).toBe(201);
        ids.push(project.json().data.id);
      }
      return { lineId: created.json().data.id as string, projectIds: ids };
    }

    it('two officers committing at the same moment cannot overdraw a line', async () => {
      const { lineId: line, projectIds } = await projectsOnFreshLine('CONC-2', 1_000_000, 600_000, 2);
      const second = await t.loginAs('officer');
      const results = await Promise.all([
        officer.post('/api/funding/commitments', { projectId: projectIds[0], lineId: line }),
        second.post('/api/funding/commitments', { projectId: projectIds[1], lineId: line }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.statusCode === 409)?.json().code).toBe('FUNDING_LINE_INSUFFICIENT');
      const committed = await sql<{
        total: number;
      }>`select coalesce(sum(amount_cents), 0)::bigint as total from funding_commitments where line_id =
        ${line}`.execute(t.database.db);
      expect(Number(committed.rows[0].total)).toBe(600_000);
    });

    it('a burst of ten concurrent commitments fills the line exactly to its budget', async () => {
      const { lineId: line, projectIds } = await projectsOnFreshLine('CONC-10', 1_000_000, 250_000, 10);
      const results = await Promise.all(
        projectIds.map((projectId) => officer.post('/api/funding/commitments', { projectId, lineId: line })),
      );
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(4);
      expect(
        results
          .filter((r) => r.statusCode === 409)
          .every((r) => r.json().code === 'FUNDING_LINE_INSUFFICIENT'),
      ).toBe(true);
      const detail = (await officer.get(`/api/funding/lines/${line}`)).json().data;
      expect(detail.line.committedCents).toBe(1_000_000);
      expect(detail.line.remainingCents).toBe(0);
      expect(
        await t.database.db
          .selectFrom('state_aid_awards')
          .select('id')
          .where(
            'commitment_id',
            'in',
            detail.commitments.map((c: { id: string }) => c.id),
          )
          .execute(),
      ).toHaveLength(4);
    });
  });

  describe('reports, settings and the full tranche path', () => {
    it('lets a manager report costs for their own cluster only; the accepted report unlocks the balance', async () => {
      const db = t.database.db;
      const flux = await clusterId('Flux50');
      const own = await db
        .selectFrom('base_operation_grants')
        .select('id')
        .where('cluster_id', '=', flux)
        .where('year', '=', 2026)
        .executeTakeFirstOrThrow();
      const other = await db
        .selectFrom('base_operation_grants')
        .select('id')
        .where('cluster_id', '=', await clusterId('VIL'))
        .where('year', '=', 2026)
        .executeTakeFirstOrThrow();
      const body = {
        title: 'Kostenstaat 2026',
        summary: 'Test',
        reportedCostsCents: 400_000_000,
        reportedOwnContributionCents: 200_000_000,
      };
      expect((await manager.post(`/api/funding/base-operations/${other.id}/reports`, body)).statusCode).toBe(
        404,
      );
      const submitted = await manager.post(`/api/funding/base-operations/${own.id}/reports`, body);
      expect(submitted.statusCode).toBe(201);
      const reportId = submitted.json().data.id;
      const commitment = await db
        .selectFrom('funding_commitments')
        .select(['id', 'amount_cents'])
        .where('base_operation_id', '=', own.id)
        .executeTakeFirstOrThrow();
      const planned = await db
        .selectFrom('funding_payments')
        .select((eb) => eb.fn.sum<number>('amount_cents').as('s'))
        .where('commitment_id', '=', commitment.id)
        .executeTakeFirstOrThrow();
      const balance = await officer.post('/api/funding/payments', {
        commitmentId: commitment.id,
        tranche: 'balance',
        amountCents: Number(commitment.amount_cents) - Number(planned.s),
        reportId,
        plannedOn: '2027-04-30',
      });
      expect(balance.statusCode).toBe(201);
      expect(
        (await officer.post(`/api/funding/payments/${balance.json().data.id}/release`, {})).json().code,
      ).toBe('PAYMENT_CONDITION_NOT_MET');
      expect(
        (await manager.post(`/api/funding/reports/${reportId}/decision`, { decision: 'accepted' }))
          .statusCode,
      ).toBe(403);
      expect(
        (
          await officer.post(`/api/funding/reports/${reportId}/decision`, {
            decision: 'accepted',
            comment: 'ok',
          })
        ).statusCode,
      ).toBe(204);
      const [first, second] = await Promise.all([
        officer.post(`/api/funding/payments/${balance.json().data.id}/release`, {}),
        officer.post(`/api/funding/payments/${balance.json().data.id}/release`, {}),
      ]);
      expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
      const base = (await manager.get('/api/funding/base-operations'))
        .json()
        .data.find((b: { id: string }) => b.id === own.id);
      expect(base.paidCents).toBe(Number(commitment.amount_cents));
      expect(base.reportedOwnContributionCents).toBe(200_000_000);
      expect(base.meetsOwnContribution).toBe(true);
    });

    it('uses the de minimis settings an admin sets, and refuses others', async () => {
      const admin = await t.loginAs('admin');
      expect(
        (await officer.put('/api/state-aid/settings', { ceilingCents: 1, windowYears: 3 })).statusCode,
      ).toBe(403);
      expect(
        (await admin.put('/api/state-aid/settings', { ceilingCents: 200_000.5, windowYears: 3 })).json().code,
      ).toBe('VALIDATION_FAILED');
      expect(
        (await admin.put('/api/state-aid/settings', { ceilingCents: 200_000 * EUR, windowYears: 2 }))
          .statusCode,
      ).toBe(200);
      const org = (
        await t.database.db
          .selectFrom('state_aid_awards')
          .select('organisation_id')
          .where('description', 'like', 'Groeisubsidie%')
          .executeTakeFirstOrThrow()
      ).organisation_id;
      const register = (await analyst.get(`/api/state-aid/organisations/${org}?on=2026-11-27`)).json().data
        .deMinimis;
      expect(register).toMatchObject({ ceilingCents: 200_000 * EUR, windowYears: 2 });
      await admin.put('/api/state-aid/settings', { ceilingCents: 300_000 * EUR, windowYears: 3 });
    });

    it('commits a line for one call only to projects of that call', async () => {
      const callId = '11111111-1111-4111-8111-111111111111';
      const line = await officer.post('/api/funding/lines', {
        code: 'CALL-T',
        name: 'Oproep test',
        purpose: 'call',
        callId,
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        amountCents: 10_000_000,
        isRingFenced: true,
      });
      expect(line.statusCode).toBe(201);
      expect(
        (
          await officer.post('/api/funding/lines', {
            code: 'CALL-U',
            name: 'Zonder oproep',
            purpose: 'call',
            periodStart: '2026-01-01',
            periodEnd: '2026-12-31',
            amountCents: 1,
            isRingFenced: true,
          })
        ).json().code,
      ).toBe('FUNDING_LINE_CALL_MISMATCH');
      const flux = await clusterId('Flux50');
      const [org] = await orgIds(1);
      const make = async (code: string, withCall: boolean) =>
        (
          await officer.post('/api/projects', {
            code,
            title: code,
            kind: 'cluster_project',
            leadClusterId: flux,
            startsOn: '2026-01-01',
            endsOn: '2026-12-31',
            aidRegime: 'block_exemption',
            ...(withCall ? { callId } : {}),
            participants: [{ organisationId: org, budgetCents: 200_000, aidCents: 100_000 }],
          })
        ).json().data.id;
      const outside = await make('CALL-P-OUT', false);
      const inside = await make('CALL-P-IN', true);
      expect(
        (
          await officer.post('/api/funding/commitments', { projectId: outside, lineId: line.json().data.id })
        ).json().code,
      ).toBe('FUNDING_PURPOSE_MISMATCH');
      expect(
        (await officer.post('/api/funding/commitments', { projectId: inside, lineId: line.json().data.id }))
          .statusCode,
      ).toBe(201);
    });
  });

  describe('visibility', () => {
    it(
      "a manager sees only projects of their own clusters; another cluster's project answers like a " +
        'missing one',
      async () => {
        const flux = await clusterId('Flux50');
        const list = (await manager.get('/api/projects')).json().data as {
          code: string;
          clusterIds: string[];
        }[];
        expect(list.length).toBeGreaterThan(0);
        expect(list.every((p) => p.clusterIds.includes(flux))).toBe(true);
        const other = await projectId('CP-2024-03'); // VIL
        const missing = await manager.get('/api/projects/00000000-0000-4000-8000-000000000000');
        const hidden = await manager.get(`/api/projects/${other}`);
        expect(hidden.statusCode).toBe(404);
        expect(hidden.json().code).toBe(missing.json().code);
        const milestone = await t.database.db
          .selectFrom('project_milestones')
          .select('id')
          .where('project_id', '=', other)
          .executeTakeFirstOrThrow();
        const report = await manager.post(`/api/projects/${other}/milestones/${milestone.id}/report`, {});
        expect(report.statusCode).toBe(404);
        const own = await projectId('CP-2025-06');
        const mine = await manager.get(`/api/projects/${own}`);
        expect(mine.statusCode).toBe(200);
        expect(mine.json().abilities).toMatchObject({ report: true, commit: false });
        const base = (await manager.get('/api/funding/base-operations')).json().data as {
          clusterId: string;
        }[];
        expect(base.length).toBe(3);
        expect(base.every((b) => b.clusterId === flux)).toBe(true);
      },
    );

    it('exports every table as XLSX', async () => {
      const project = await projectId('CP-2024-01');
      for (const url of [
        '/api/funding/lines.xlsx',
        '/api/funding/commitments.xlsx',
        '/api/funding/payments.xlsx',
        '/api/funding/base-operations.xlsx',
        '/api/funding/dashboard.xlsx?view=year',
        '/api/state-aid/awards.xlsx',
        '/api/projects.xlsx',
        `/api/projects/${project}/export.xlsx?table=milestones`,
      ]) {
        const response = await analyst.get(url);
        expect(response.statusCode, url).toBe(200);
        expect(response.headers['content-type']).toContain('spreadsheetml');
        expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
      }
    });
  });
});
