import { brusselsToday } from '../../../shared/brussels-time';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { allow } from '../../http/access';
import { envelope, ok } from '../../http/envelope';
import { actorOf, contextOf } from '../../http/request-context';
import { sendDownload, sheetLanguage, XLSX_TYPE } from '../../http/spreadsheet';
import {
  ComparisonSchema,
  CoverageSchema,
  CreateStakeholderBody,
  ExportParams,
  ExportQuery,
  FootprintQuery,
  FootprintSchema,
  IdParams,
  NetworkSchema,
  OverlapSchema,
  SaveScoresBody,
  SetWeightsBody,
  UpdateScenarioBody,
} from './policy.schema';
import { scenarioAbilities } from './policy.policy';
import { loadScenarioData } from './scenarios.repository';
import { presentComparison } from './scenarios.presenter';
import { updateScenario } from './update-scenario';
import { setCriterionWeights } from './set-criterion-weights';
import { createStakeholder } from './create-stakeholder';
import { saveScores } from './save-scores';
import { buildScenarioSummaryPdf } from './scenario-summary-pdf';
import { cachedCoverage, COVERAGE_REVISIONS, presentCoveragePage } from './coverage';
import { cachedOverlap, presentOverlapPage } from './overlap';
import { isUsualPage, PageQuery } from '../../http/paging';
import { sendCachedJson } from '../../db/revision-cache';
import { networkView } from './network.presenter';
import { computeFootprint } from './footprint';
import { exportPolicyTable } from './policy-exports';

const tags = ['policy'];
/** Analytics: officers, analysts (no personal data) and admins. */
const ANALYTICS = { access: allow('officer', 'analyst', 'admin') };
/** The scenario comparison is also open to cluster managers, who may score it. */
const SCENARIO_READERS = { access: allow('officer', 'analyst', 'admin', 'manager') };
const SCENARIO_EDITORS = { access: allow('officer', 'admin') };
const OFFICER = { access: allow('officer') };
const SELF_SCORERS = { access: allow('officer', 'analyst', 'manager') };

export default async function policyRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const comparisonFor = async (ctx: ReturnType<typeof contextOf>) => {
    const actor = actorOf(ctx);
    return ok(presentComparison(await loadScenarioData(ctx.db), actor), scenarioAbilities(actor));
  };

  r.get(
    '/api/policy/scenarios',
    {
      config: SCENARIO_READERS,
      schema: {
        tags,
        summary: 'Scenario comparison: ranking, sensitivity, scores',
        response: { 200: envelope(ComparisonSchema) },
      },
    },
    async (request) => comparisonFor(contextOf(request)),
  );

  r.get(
    '/api/policy/scenarios/summary.pdf',
    { config: SCENARIO_READERS, schema: { tags, summary: 'Printable summary of the comparison (PDF)' } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const comparison = presentComparison(await loadScenarioData(ctx.db), actorOf(ctx));
      return sendDownload(
        reply,
        'speerpunt-scenarios.pdf',
        'application/pdf',
        await buildScenarioSummaryPdf(comparison, ctx.now()),
      );
    },
  );

  r.put(
    '/api/policy/scenarios/:id',
    {
      config: SCENARIO_EDITORS,
      schema: {
        tags,
        summary: 'Edit a scenario',
        params: IdParams,
        body: UpdateScenarioBody,
        response: { 200: envelope(ComparisonSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await updateScenario(ctx, { scenarioId: request.params.id, ...request.body });
      return comparisonFor(ctx);
    },
  );

  r.put(
    '/api/policy/criteria/weights',
    {
      config: SCENARIO_EDITORS,
      schema: {
        tags,
        summary: 'Set the criteria weights',
        body: SetWeightsBody,
        response: { 200: envelope(ComparisonSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await setCriterionWeights(ctx, request.body);
      return comparisonFor(ctx);
    },
  );

  r.post(
    '/api/policy/stakeholders',
    {
      config: OFFICER,
      schema: {
        tags,
        summary: 'Name a stakeholder organisation',
        body: CreateStakeholderBody,
        response: { 201: envelope(ComparisonSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await createStakeholder(ctx, request.body);
      return reply.status(201).send(await comparisonFor(ctx));
    },
  );

  r.put(
    '/api/policy/stakeholders/:id/scores',
    {
      config: OFFICER,
      schema: {
        tags,
        summary: "Enter a stakeholder organisation's scores",
        params: IdParams,
        body: SaveScoresBody,
        response: { 200: envelope(ComparisonSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await saveScores(ctx, { stakeholderId: request.params.id, scores: request.body.scores });
      return comparisonFor(ctx);
    },
  );

  r.put(
    '/api/policy/my-scores',
    {
      config: SELF_SCORERS,
      schema: {
        tags,
        summary: 'Score the scenarios as yourself',
        body: SaveScoresBody,
        response: { 200: envelope(ComparisonSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await saveScores(ctx, { scores: request.body.scores });
      return comparisonFor(ctx);
    },
  );

  r.get(
    '/api/policy/coverage',
    {
      config: ANALYTICS,
      schema: {
        tags,
        summary: 'Theme coverage: every theme ranked, the heatmap for a page of clusters (strongest first)',
        querystring: PageQuery,
        response: { 200: envelope(CoverageSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const today = brusselsToday(ctx.now());
      const { page, pageSize } = request.query;
      const answer = async () =>
        ok(presentCoveragePage(await cachedCoverage(ctx.db, today), { page, pageSize }));
      // Computed once per portfolio and proposals revision; the usual pages' answers serialised once.
      if (!isUsualPage({ page, pageSize })) return answer();
      return sendCachedJson(request, reply, {
        db: ctx.db,
        name: `coverage:${page}:${pageSize}`,
        day: today,
        revisions: COVERAGE_REVISIONS,
        schema: envelope(CoverageSchema),
        answer,
      });
    },
  );

  r.get(
    '/api/policy/overlap',
    {
      config: ANALYTICS,
      schema: {
        tags,
        summary:
          'Overlap between clusters (members and themes): the closest pair, a page of pairs, a heatmap',
        querystring: PageQuery,
        response: { 200: envelope(OverlapSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const today = brusselsToday(ctx.now());
      const { page, pageSize } = request.query;
      const answer = async () =>
        ok(presentOverlapPage(await cachedOverlap(ctx.db, today), { page, pageSize }));
      if (!isUsualPage({ page, pageSize })) return answer();
      return sendCachedJson(request, reply, {
        db: ctx.db,
        name: `overlap:${page}:${pageSize}`,
        day: today,
        schema: envelope(OverlapSchema),
        answer,
      });
    },
  );

  r.get(
    '/api/policy/network',
    {
      config: ANALYTICS,
      schema: {
        tags,
        summary: 'Collaboration network: figures, bridging organisations, drawing',
        response: { 200: envelope(NetworkSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const today = brusselsToday(ctx.now());
      // Rebuilt and serialised only after the portfolio changed (or on a new day); see db/revision-cache.ts.
      return sendCachedJson(request, reply, {
        db: ctx.db,
        name: 'network',
        day: today,
        schema: envelope(NetworkSchema),
        answer: async () => ok(await networkView(ctx.db, today)),
      });
    },
  );

  r.get(
    '/api/policy/footprint',
    {
      config: ANALYTICS,
      schema: {
        tags,
        summary: 'Economic footprint per NACE sector (Flemish Region)',
        querystring: FootprintQuery,
        response: { 200: envelope(FootprintSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return ok(await computeFootprint(ctx.db, { ...request.query, today: brusselsToday(ctx.now()) }));
    },
  );

  r.get(
    '/api/policy/exports/:table',
    {
      config: { ...SCENARIO_READERS, download: ['xlsx', 'csv'] },
      schema: {
        tags,
        summary: 'Any policy table as XLSX or CSV',
        params: ExportParams,
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const file = await exportPolicyTable(contextOf(request), {
        table: request.params.table,
        ...request.query,
        lang: sheetLanguage(request),
      });
      const type = request.query.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE;
      return sendDownload(reply, file.filename, type, file.body);
    },
  );
}
