import { centsToEuroNumber } from '../../../shared/money';
import { brusselsToday } from '../../../shared/brussels-time';
import type { StepContext } from '../../http/request-context';
import { actorOf } from '../../http/request-context';
import { AppError } from '../../errors/app-error';
import { buildCsv, buildXlsx, type SheetColumn } from '../../http/spreadsheet';
import { policyPolicy } from './policy.policy';
import { loadScenarioData } from './scenarios.repository';
import { presentComparison } from './scenarios.presenter';
import { computeCoverage } from './coverage';
import { computeOverlap } from './overlap';
import { buildNetwork, presentNetwork } from './network';
import { computeFootprint, type FootprintLevel } from './footprint';

export type ExportTable =
  | 'ranking'
  | 'sensitivity'
  | 'scores'
  | 'coverage'
  | 'themes'
  | 'overlap'
  | 'network'
  | 'organisations'
  | 'footprint';

/** A table whose row type is erased: each case of `sheetFor` checks its columns against its rows. */
interface Sheet {
  name: string;
  columns: SheetColumn<never>[];
  rows: unknown[];
}

const PERCENT = '0.0%';

/** Builds one of the module's tables as XLSX or CSV: the same rows as the page shows. */
export async function exportPolicyTable(
  ctx: StepContext,
  options: { table: ExportTable; format: 'xlsx' | 'csv'; level: FootprintLevel; naceVersion: string },
): Promise<{ filename: string; body: Buffer | string }> {
  const actor = actorOf(ctx);
  const isScenarioTable =
    options.table === 'ranking' || options.table === 'sensitivity' || options.table === 'scores';
  if (!isScenarioTable && !policyPolicy.readsAnalytics(actor)) throw new AppError('FORBIDDEN');
  const sheet = await sheetFor(ctx, options);
  const filename = `speerpunt-policy-${options.table}.${options.format}`;
  if (options.format === 'csv')
    return { filename, body: buildCsv(sheet.columns as SheetColumn<unknown>[], sheet.rows) };
  return {
    filename,
    body: await buildXlsx(sheet.name, sheet.columns as SheetColumn<unknown>[], sheet.rows),
  };
}

async function sheetFor(
  ctx: StepContext,
  options: { table: ExportTable; level: FootprintLevel; naceVersion: string },
): Promise<Sheet> {
  const actor = actorOf(ctx);
  const today = brusselsToday(ctx.now());
  switch (options.table) {
    case 'ranking':
    case 'sensitivity':
    case 'scores': {
      const c = presentComparison(await loadScenarioData(ctx.db), actor);
      const scenario = new Map(c.scenarios.map((s) => [s.id, s.name]));
      const criterion = new Map(c.criteria.map((x) => [x.id, x.nameNl]));
      if (options.table === 'ranking') {
        type Row = (typeof c.scenarios)[number];
        return {
          name: 'Ranking',
          rows: [...c.scenarios].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99)),
          columns: [
            { header: 'rank', value: (r: Row) => r.rank },
            { header: 'scenario', value: (r: Row) => r.name, width: 50 },
            { header: 'status', value: (r: Row) => r.status },
            { header: 'placeholder', value: (r: Row) => r.isPlaceholder },
            { header: 'preferred_direction', value: (r: Row) => r.isPreferredDirection },
            { header: 'total', value: (r: Row) => r.total, numberFormat: '0.000' },
            {
              header: 'median_of_stakeholder_totals',
              value: (r: Row) => r.medianOfStakeholderTotals,
              numberFormat: '0.000',
            },
            { header: 'stakeholders', value: (r: Row) => r.stakeholderCount },
            ...c.criteria.map((x) => ({
              header: `median_${x.code}`,
              value: (r: Row) => r.medians[x.id] ?? null,
            })),
          ],
        };
      }
      if (options.table === 'sensitivity') {
        type Row = (typeof c.sensitivity)[number];
        return {
          name: 'Sensitivity',
          rows: c.sensitivity,
          columns: [
            { header: 'criterion', value: (r: Row) => criterion.get(r.criterionId), width: 30 },
            { header: 'weight', value: (r: Row) => r.currentWeight, numberFormat: PERCENT },
            { header: 'top_scenario', value: (r: Row) => scenario.get(r.topScenarioId), width: 40 },
            { header: 'up_to_weight', value: (r: Row) => r.up?.weight ?? null, numberFormat: PERCENT },
            { header: 'up_delta', value: (r: Row) => r.up?.delta ?? null, numberFormat: PERCENT },
            {
              header: 'up_new_top',
              value: (r: Row) => (r.up ? scenario.get(r.up.newTopScenarioId) : null),
              width: 40,
            },
            { header: 'down_to_weight', value: (r: Row) => r.down?.weight ?? null, numberFormat: PERCENT },
            { header: 'down_delta', value: (r: Row) => r.down?.delta ?? null, numberFormat: PERCENT },
            {
              header: 'down_new_top',
              value: (r: Row) => (r.down ? scenario.get(r.down.newTopScenarioId) : null),
              width: 40,
            },
          ],
        };
      }
      type Row = (typeof c.scores)[number];
      return {
        name: 'Scores',
        rows: c.scores,
        columns: [
          { header: 'stakeholder', value: (r: Row) => r.stakeholder, width: 36 },
          { header: 'scenario', value: (r: Row) => scenario.get(r.scenarioId), width: 40 },
          { header: 'criterion', value: (r: Row) => criterion.get(r.criterionId), width: 30 },
          { header: 'score', value: (r: Row) => r.score },
          { header: 'comment', value: (r: Row) => r.comment, width: 60 },
        ],
      };
    }
    case 'coverage':
    case 'themes': {
      const coverage = await computeCoverage(ctx.db, today);
      if (options.table === 'themes') {
        type Row = (typeof coverage.ranking)[number];
        return {
          name: 'Themes',
          rows: coverage.ranking,
          columns: [
            { header: 'code', value: (r: Row) => r.code },
            { header: 'kind', value: (r: Row) => r.kind },
            { header: 'theme', value: (r: Row) => r.labelNl, width: 40 },
            { header: 'coverage', value: (r: Row) => r.coverage, numberFormat: '0.000' },
            { header: 'clusters_linked', value: (r: Row) => r.clustersLinked },
            { header: 'clusters_active', value: (r: Row) => r.clustersActive },
            { header: 'projects', value: (r: Row) => r.projects },
            { header: 'proposals', value: (r: Row) => r.proposals },
            { header: 'uncovered', value: (r: Row) => r.isUncovered },
          ],
        };
      }
      const theme = new Map(coverage.themes.map((t) => [t.id, t]));
      const cluster = new Map(coverage.clusters.map((x) => [x.id, x.shortName]));
      type Row = (typeof coverage.cells)[number];
      return {
        name: 'Coverage',
        rows: coverage.cells,
        columns: [
          { header: 'theme_code', value: (r: Row) => theme.get(r.themeId)?.code },
          { header: 'theme', value: (r: Row) => theme.get(r.themeId)?.labelNl, width: 40 },
          { header: 'cluster', value: (r: Row) => cluster.get(r.clusterId), width: 20 },
          { header: 'linked', value: (r: Row) => r.linked },
          { header: 'members', value: (r: Row) => r.members },
          { header: 'projects', value: (r: Row) => r.projects },
          {
            header: 'budget_eur',
            value: (r: Row) => centsToEuroNumber(r.budgetCents),
            numberFormat: '#,##0.00 "€"',
            width: 16,
          },
          { header: 'strength', value: (r: Row) => r.strength, numberFormat: '0.000' },
        ],
      };
    }
    case 'overlap': {
      const overlap = await computeOverlap(ctx.db, today);
      type Row = (typeof overlap.pairs)[number];
      return {
        name: 'Overlap',
        rows: overlap.pairs,
        columns: [
          { header: 'cluster_a', value: (r: Row) => r.clusterA.shortName, width: 18 },
          { header: 'cluster_b', value: (r: Row) => r.clusterB.shortName, width: 18 },
          { header: 'shared_members', value: (r: Row) => r.sharedMembers },
          { header: 'member_similarity', value: (r: Row) => r.memberSimilarity, numberFormat: '0.000' },
          {
            header: 'shared_themes',
            value: (r: Row) => r.sharedThemes.map((t) => t.labelNl).join('; '),
            width: 50,
          },
          { header: 'theme_similarity', value: (r: Row) => r.themeSimilarity, numberFormat: '0.000' },
          { header: 'similarity', value: (r: Row) => r.similarity, numberFormat: '0.000' },
          { header: 'shared_projects', value: (r: Row) => r.sharedProjects },
        ],
      };
    }
    case 'network':
    case 'organisations': {
      const view = presentNetwork(await buildNetwork(ctx.db, today));
      if (options.table === 'network') {
        const figures: Record<string, unknown> = { ...view.figures };
        const rows = Object.entries(figures).map(([figure, value]) => ({ figure, value }));
        return {
          name: 'Network',
          rows,
          columns: [
            { header: 'figure', value: (r: { figure: string }) => r.figure, width: 24 },
            { header: 'value', value: (r: { value: number }) => r.value },
          ],
        };
      }
      type Row = (typeof view.bridging)[number];
      return {
        name: 'Bridging organisations',
        rows: view.bridging,
        columns: [
          { header: 'organisation', value: (r: Row) => r.name, width: 40 },
          { header: 'helix', value: (r: Row) => r.helix },
          { header: 'size_class', value: (r: Row) => r.sizeClass },
          { header: 'clusters', value: (r: Row) => r.clusters.join(', '), width: 30 },
          { header: 'links', value: (r: Row) => r.degree },
          { header: 'collaborations', value: (r: Row) => r.collaborations },
          { header: 'betweenness', value: (r: Row) => r.betweenness, numberFormat: '0.0000' },
        ],
      };
    }
    case 'footprint': {
      const footprint = await computeFootprint(ctx.db, {
        level: options.level,
        naceVersion: options.naceVersion,
        today,
      });
      type Row = (typeof footprint.rows)[number];
      return {
        name: 'Footprint',
        rows: footprint.rows,
        columns: [
          { header: 'section', value: (r: Row) => r.section },
          { header: 'code', value: (r: Row) => r.code },
          { header: 'sector', value: (r: Row) => r.label, width: 50 },
          { header: 'enterprises_flanders', value: (r: Row) => r.enterprises },
          { header: 'cluster_members', value: (r: Row) => r.members },
          { header: 'member_share', value: (r: Row) => r.share, numberFormat: PERCENT },
        ],
      };
    }
  }
}
