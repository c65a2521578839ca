import type { StepContext } from '../../http/request-context';
import { actorOf } from '../../http/request-context';
import { AppError } from '../../errors/app-error';
import {
  buildCsv,
  buildXlsx,
  type SheetColumn,
  type SheetLanguage,
  type SheetSpec,
} from '../../http/spreadsheet';
import { HELIX, SCENARIO_STATUS, SIZE_CLASS, THEME_KIND, type LabelSet } from '../../http/spreadsheet-labels';
import { policyPolicy } from './policy.policy';
import { loadScenarioData } from './scenarios.repository';
import { presentComparison } from './scenarios.presenter';
import { cachedCoverage } from './coverage';
import { cachedOverlap } from './overlap';
import { networkView } from './network.presenter';
import { computeFootprint, type FootprintLevel } from './footprint';
import { brusselsToday } from '../../../shared/brussels-time';

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

const NETWORK_FIGURES = {
  organisations: ['Organisaties', 'Organisations'],
  links: ['Verbindingen', 'Links'],
  collaborations: ['Samenwerkingen', 'Collaborations'],
  membershipLinks: ['Verbindingen via lidmaatschap', 'Links through membership'],
  crossHelix: ['Over de helix heen', 'Across the helix'],
  crossCluster: ['Over clusters heen', 'Across clusters'],
  withSme: ['Met een kmo', 'With an SME'],
  components: ['Deelnetwerken', 'Components'],
  largestComponent: ['Grootste deelnetwerk', 'Largest component'],
} as const satisfies LabelSet;

/** Builds one of the module's tables as XLSX or CSV: the same rows as the page shows. */
export async function exportPolicyTable(
  ctx: StepContext,
  options: {
    table: ExportTable;
    format: 'xlsx' | 'csv';
    level: FootprintLevel;
    naceVersion: string;
    lang: SheetLanguage;
  },
): Promise<{ filename: string; body: Buffer | string }> {
  const actor = actorOf(ctx);
  const isScenarioTable =
    options.table === 'ranking' || options.table === 'sensitivity' || options.table === 'scores';
  if (!isScenarioTable && !policyPolicy.readsAnalytics(actor)) throw new AppError('FORBIDDEN');
  const sheet = await sheetFor(ctx, options);
  const filename = `speerpunt-policy-${options.table}.${options.format}`;
  if (options.format === 'csv')
    return { filename, body: buildCsv(sheet.columns as SheetColumn<unknown>[], sheet.rows as unknown[]) };
  return {
    filename,
    body: await buildXlsx(options.lang, sheet as SheetSpec<unknown>),
  };
}

async function sheetFor(
  ctx: StepContext,
  options: { table: ExportTable; level: FootprintLevel; naceVersion: string },
  // Each case returns its own row type, checked against its columns there.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<SheetSpec<any>> {
  const actor = actorOf(ctx);
  const today = brusselsToday(ctx.now());
  switch (options.table) {
    case 'ranking':
    case 'sensitivity':
    case 'scores': {
      const c = presentComparison(await loadScenarioData(ctx.db), actor);
      const scenario = new Map(c.scenarios.map((s) => [s.id, s.name]));
      const criterion = new Map(c.criteria.map((x) => [x.id, x.nameNl]));
      const criterionIn = (id: string, lang: SheetLanguage) => {
        const found = c.criteria.find((x) => x.id === id);
        return found ? (lang === 'en' ? found.nameEn || found.nameNl : found.nameNl) : criterion.get(id);
      };
      if (options.table === 'ranking') {
        type Row = (typeof c.scenarios)[number];
        return {
          name: { nl: 'Rangschikking', en: 'Ranking' },
          rows: [...c.scenarios].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99)),
          columns: [
            { header: 'rank', value: (r: Row) => r.rank, kind: 'integer' },
            { header: 'scenario', value: (r: Row) => r.name, width: 50 },
            { header: 'status', value: (r: Row) => r.status, labels: SCENARIO_STATUS },
            { header: 'placeholder', value: (r: Row) => r.isPlaceholder, kind: 'boolean' },
            { header: 'preferred_direction', value: (r: Row) => r.isPreferredDirection, kind: 'boolean' },
            { header: 'total', value: (r: Row) => r.total, kind: 'number', numberFormat: '0.000' },
            {
              header: 'median_of_stakeholder_totals',
              value: (r: Row) => r.medianOfStakeholderTotals,
              kind: 'number',
              numberFormat: '0.000',
            },
            { header: 'stakeholders', value: (r: Row) => r.stakeholderCount, kind: 'integer' },
            ...c.criteria.map((x): SheetColumn<Row> => ({
              header: { nl: `Mediaan ${x.nameNl}`, en: `Median ${x.nameEn || x.nameNl}` },
              value: (r: Row) => r.medians[x.id] ?? null,
              kind: 'number',
              numberFormat: '0.0',
            })),
          ],
        };
      }
      if (options.table === 'sensitivity') {
        type Row = (typeof c.sensitivity)[number];
        return {
          name: { nl: 'Gevoeligheid', en: 'Sensitivity' },
          rows: c.sensitivity,
          columns: [
            { header: 'criterion', value: (r: Row, lang) => criterionIn(r.criterionId, lang), width: 30 },
            { header: 'weight', value: (r: Row) => r.currentWeight, kind: 'percent' },
            { header: 'top_scenario', value: (r: Row) => scenario.get(r.topScenarioId), width: 40 },
            { header: 'up_to_weight', value: (r: Row) => r.up?.weight ?? null, kind: 'percent' },
            { header: 'up_delta', value: (r: Row) => r.up?.delta ?? null, kind: 'percent' },
            {
              header: 'up_new_top',
              value: (r: Row) => (r.up ? scenario.get(r.up.newTopScenarioId) : null),
              width: 40,
            },
            { header: 'down_to_weight', value: (r: Row) => r.down?.weight ?? null, kind: 'percent' },
            { header: 'down_delta', value: (r: Row) => r.down?.delta ?? null, kind: 'percent' },
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
        name: { nl: 'Scores', en: 'Scores' },
        rows: c.scores,
        columns: [
          { header: 'stakeholder', value: (r: Row) => r.stakeholder, width: 36 },
          { header: 'scenario', value: (r: Row) => scenario.get(r.scenarioId), width: 40 },
          { header: 'criterion', value: (r: Row, lang) => criterionIn(r.criterionId, lang), width: 30 },
          { header: 'score', value: (r: Row) => r.score, kind: 'integer' },
          { header: 'comment', value: (r: Row) => r.comment, width: 60 },
        ],
      };
    }
    case 'coverage':
    case 'themes': {
      const coverage = await cachedCoverage(ctx.db, today);
      if (options.table === 'themes') {
        type Row = (typeof coverage.ranking)[number];
        return {
          name: { nl: 'Thema’s', en: 'Themes' },
          rows: coverage.ranking,
          columns: [
            { header: 'code', value: (r: Row) => r.code },
            { header: 'kind', value: (r: Row) => r.kind, labels: THEME_KIND, width: 20 },
            { header: 'theme', value: (r: Row, lang) => (lang === 'en' ? r.labelEn : r.labelNl), width: 40 },
            { header: 'coverage', value: (r: Row) => r.coverage, kind: 'number', numberFormat: '0.000' },
            { header: 'clusters_linked', value: (r: Row) => r.clustersLinked, kind: 'integer' },
            { header: 'clusters_active', value: (r: Row) => r.clustersActive, kind: 'integer' },
            { header: 'projects', value: (r: Row) => r.projects, kind: 'integer' },
            { header: 'proposals', value: (r: Row) => r.proposals, kind: 'integer' },
            { header: 'uncovered', value: (r: Row) => r.isUncovered, kind: 'boolean' },
          ],
        };
      }
      const theme = new Map(coverage.themes.map((t) => [t.id, t]));
      const cluster = new Map(coverage.clusters.map((x) => [x.id, x.shortName]));
      type Row = (typeof coverage.cells)[number];
      return {
        name: { nl: 'Dekking', en: 'Coverage' },
        rows: coverage.cells,
        columns: [
          { header: 'theme_code', value: (r: Row) => theme.get(r.themeId)?.code },
          {
            header: 'theme',
            value: (r: Row, lang) =>
              lang === 'en' ? theme.get(r.themeId)?.labelEn : theme.get(r.themeId)?.labelNl,
            width: 40,
          },
          { header: 'cluster', value: (r: Row) => cluster.get(r.clusterId), width: 20 },
          { header: 'linked', value: (r: Row) => r.linked, kind: 'boolean' },
          { header: 'members', value: (r: Row) => r.members, kind: 'integer' },
          { header: 'projects', value: (r: Row) => r.projects, kind: 'integer' },
          { header: 'budget_eur', value: (r: Row) => r.budgetCents, kind: 'money' },
          { header: 'strength', value: (r: Row) => r.strength, kind: 'number', numberFormat: '0.000' },
        ],
      };
    }
    case 'overlap': {
      const overlap = await cachedOverlap(ctx.db, today);
      type Row = (typeof overlap.pairs)[number];
      return {
        name: { nl: 'Overlap', en: 'Overlap' },
        rows: overlap.pairs,
        columns: [
          { header: 'cluster_a', value: (r: Row) => r.clusterA.shortName, width: 18 },
          { header: 'cluster_b', value: (r: Row) => r.clusterB.shortName, width: 18 },
          { header: 'shared_members', value: (r: Row) => r.sharedMembers, kind: 'integer' },
          {
            header: 'member_similarity',
            value: (r: Row) => r.memberSimilarity,
            kind: 'number',
            numberFormat: '0.000',
          },
          {
            header: 'shared_themes',
            value: (r: Row, lang) =>
              r.sharedThemes.map((t) => (lang === 'en' ? t.labelEn : t.labelNl)).join('; '),
            width: 50,
          },
          {
            header: 'theme_similarity',
            value: (r: Row) => r.themeSimilarity,
            kind: 'number',
            numberFormat: '0.000',
          },
          { header: 'similarity', value: (r: Row) => r.similarity, kind: 'number', numberFormat: '0.000' },
          { header: 'shared_projects', value: (r: Row) => r.sharedProjects, kind: 'integer' },
        ],
      };
    }
    case 'network':
    case 'organisations': {
      const view = await networkView(ctx.db, today);
      if (options.table === 'network') {
        const figures: Record<string, unknown> = { ...view.figures };
        const rows = Object.entries(figures).map(([figure, value]) => ({ figure, value }));
        return {
          name: { nl: 'Netwerk', en: 'Network' },
          rows,
          columns: [
            {
              header: 'figure',
              value: (r: { figure: string }) => r.figure,
              labels: NETWORK_FIGURES,
              width: 30,
            },
            { header: 'value', value: (r: { value: number }) => r.value, kind: 'integer' },
          ],
        };
      }
      type Row = (typeof view.bridging)[number];
      return {
        name: { nl: 'Brugorganisaties', en: 'Bridging organisations' },
        rows: view.bridging,
        columns: [
          { header: 'organisation', value: (r: Row) => r.name, width: 40 },
          { header: 'helix', value: (r: Row) => r.helix, labels: HELIX },
          { header: 'size_class', value: (r: Row) => r.sizeClass, labels: SIZE_CLASS },
          { header: 'clusters', value: (r: Row) => r.clusters.join(', '), width: 30 },
          { header: 'links', value: (r: Row) => r.degree, kind: 'integer' },
          { header: 'collaborations', value: (r: Row) => r.collaborations, kind: 'integer' },
          { header: 'betweenness', value: (r: Row) => r.betweenness, kind: 'number', numberFormat: '0.0000' },
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
        name: { nl: 'Voetafdruk', en: 'Footprint' },
        rows: footprint.rows,
        columns: [
          { header: 'section', value: (r: Row) => r.section },
          { header: 'code', value: (r: Row) => r.code },
          { header: 'sector', value: (r: Row) => r.label, width: 50 },
          { header: 'enterprises_flanders', value: (r: Row) => r.enterprises, kind: 'integer' },
          { header: 'cluster_members', value: (r: Row) => r.members, kind: 'integer' },
          { header: 'member_share', value: (r: Row) => r.share, kind: 'percent' },
        ],
      };
    }
  }
}
