import { z } from 'zod';
import { PageInfoSchema } from '../../http/paging';

export const IdParams = z.strictObject({ id: z.uuid() });

export const UpdateScenarioBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000),
});

export const SetWeightsBody = z.strictObject({
  weights: z
    .array(z.strictObject({ criterionId: z.uuid(), weight: z.number().min(0).max(1000) }))
    .min(1)
    .max(50),
});

export const CreateStakeholderBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  organisationId: z.uuid().nullable().optional(),
});

export const SaveScoresBody = z.strictObject({
  scores: z
    .array(
      z.strictObject({
        scenarioId: z.uuid(),
        criterionId: z.uuid(),
        score: z.number().int().min(1).max(5).nullable(),
        comment: z.string().trim().max(2000).default(''),
      }),
    )
    .min(1)
    .max(500),
});

export const ExportParams = z.strictObject({
  table: z.enum([
    'ranking',
    'sensitivity',
    'scores',
    'coverage',
    'themes',
    'overlap',
    'network',
    'organisations',
    'footprint',
  ]),
});
export const ExportQuery = z.strictObject({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  lang: z.enum(['nl', 'en']).optional(),
  level: z.enum(['section', 'division', 'group']).default('division'),
  naceVersion: z.enum(['2003', '2008', '2025']).default('2008'),
});
export const FootprintQuery = z.strictObject({
  level: z.enum(['section', 'division', 'group']).default('division'),
  naceVersion: z.enum(['2003', '2008', '2025']).default('2008'),
});

const Sensitivity = z
  .object({ weight: z.number(), delta: z.number(), exact: z.string(), newTopScenarioId: z.string() })
  .nullable();

export const ComparisonSchema = z.object({
  scenarios: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      description: z.string(),
      isPlaceholder: z.boolean(),
      isPreferredDirection: z.boolean(),
      isExample: z.boolean(),
      status: z.enum(['complete', 'incomplete', 'no_scores']),
      stakeholderCount: z.number(),
      total: z.number().nullable(),
      totalExact: z.string().nullable(),
      medianOfStakeholderTotals: z.number().nullable(),
      rank: z.number().nullable(),
      isTied: z.boolean(),
      medians: z.record(z.string(), z.number().nullable()),
    }),
  ),
  criteria: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      nameNl: z.string(),
      nameEn: z.string(),
      descriptionNl: z.string(),
      descriptionEn: z.string(),
      rawWeight: z.number(),
      weight: z.number(),
    }),
  ),
  weightNote: z.object({ kind: z.enum(['normalised', 'all_zero_equalised']), rawSum: z.number() }).nullable(),
  ranking: z.array(z.string()),
  sensitivity: z.array(
    z.object({
      criterionId: z.string(),
      currentWeight: z.number(),
      topScenarioId: z.string(),
      up: Sensitivity,
      down: Sensitivity,
    }),
  ),
  sensitivityNote: z.enum(['too_few_ranked', 'single_criterion']).nullable(),
  stakeholders: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['organisation', 'account']),
      label: z.string(),
      organisationId: z.string().nullable(),
      isExample: z.boolean(),
      isMine: z.boolean(),
    }),
  ),
  scores: z.array(
    z.object({
      stakeholderId: z.string(),
      stakeholder: z.string(),
      scenarioId: z.string(),
      criterionId: z.string(),
      score: z.number(),
      comment: z.string(),
    }),
  ),
  myStakeholderId: z.string().nullable(),
});

const ThemeRef = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.string(),
  labelNl: z.string(),
  labelEn: z.string(),
  isExample: z.boolean(),
});
const ThemeCoverageRow = ThemeRef.extend({
  coverage: z.number(),
  clustersLinked: z.number(),
  clustersActive: z.number(),
  projects: z.number(),
  proposals: z.number(),
  isUncovered: z.boolean(),
  isCandidate: z.boolean(),
  strongest: z.array(z.object({ id: z.string(), shortName: z.string(), strength: z.number() })),
});
export const CoverageSchema = z.object({
  themes: z.array(ThemeRef),
  /** One page of cluster columns, the strongest first. */
  clusters: z.array(
    z.object({ id: z.string(), shortName: z.string(), name: z.string(), strength: z.number() }),
  ),
  /** The cells of those clusters that carry something (strength > 0). */
  cells: z.array(
    z.object({
      themeId: z.string(),
      clusterId: z.string(),
      linked: z.boolean(),
      members: z.number(),
      projects: z.number(),
      budgetCents: z.number(),
      strength: z.number(),
    }),
  ),
  /** Every theme, the weakest first. */
  ranking: z.array(ThemeCoverageRow),
  weakest: z.array(ThemeCoverageRow),
  proposalsAvailable: z.boolean(),
  page: PageInfoSchema,
});

const Pair = z.object({
  clusterA: z.object({ id: z.string(), shortName: z.string() }),
  clusterB: z.object({ id: z.string(), shortName: z.string() }),
  sharedMembers: z.number(),
  unionMembers: z.number(),
  memberSimilarity: z.number(),
  sharedThemes: z.array(z.object({ id: z.string(), labelNl: z.string(), labelEn: z.string() })),
  unionThemes: z.number(),
  themeSimilarity: z.number(),
  similarity: z.number(),
  sharedProjects: z.number(),
});
export const OverlapSchema = z.object({
  /** The heatmap's clusters: those of the most similar pairs, at most 30. */
  clusters: z.array(
    z.object({
      id: z.string(),
      shortName: z.string(),
      name: z.string(),
      members: z.number(),
      themes: z.number(),
    }),
  ),
  /** The similarity of every pair of the heatmap's clusters. */
  cells: z.array(z.object({ a: z.string(), b: z.string(), similarity: z.number() })),
  /** One page of the ranked pairs (`page.total` listed; every pair up to 200 clusters, else the 5,000 most similar). */
  pairs: z.array(Pair),
  closest: Pair.nullable(),
  totalPairs: z.number(),
  page: PageInfoSchema,
});

const NodeOut = z.object({
  id: z.string(),
  name: z.string(),
  helix: z.string(),
  sizeClass: z.string(),
  clusters: z.array(z.string()),
  degree: z.number(),
});
export const NetworkSchema = z.object({
  mode: z.enum(['member_pairs', 'bipartite']),
  figures: z.object({
    organisations: z.number(),
    links: z.number(),
    collaborations: z.number(),
    membershipLinks: z.number(),
    crossHelix: z.number(),
    crossCluster: z.number(),
    withSme: z.number(),
    components: z.number(),
    largestComponent: z.number(),
  }),
  helix: z.array(z.object({ a: z.string(), b: z.string(), collaborations: z.number() })),
  bridging: z.array(NodeOut.extend({ collaborations: z.number(), betweenness: z.number() })),
  betweennessIsApproximate: z.boolean(),
  drawing: z.object({
    nodes: z.array(NodeOut),
    /** source and target: positions in `nodes`. */
    edges: z.array(
      z.object({
        source: z.number().int(),
        target: z.number().int(),
        projects: z.number(),
        clusters: z.number(),
      }),
    ),
    note: z.enum(['complete', 'largest_component', 'largest_component_bridging']),
    shownNodes: z.number(),
    totalNodes: z.number(),
    droppedEdges: z.number(),
  }),
});

const FootprintRow = z.object({
  code: z.string(),
  section: z.string(),
  label: z.string(),
  enterprises: z.number(),
  members: z.number(),
  share: z.number(),
});
export const FootprintSchema = z.object({
  level: z.enum(['section', 'division', 'group']),
  naceVersion: z.string(),
  rows: z.array(FootprintRow),
  weakest: z.array(FootprintRow),
  register: z.object({
    enterprises: z.number(),
    activeEnterprises: z.number(),
    withAddress: z.number(),
    flemish: z.number(),
    withoutAddress: z.number(),
    outsideFlanders: z.number(),
    memberOrganisationsNotInRegister: z.number(),
  }),
  note: z.enum(['register_empty', 'register_without_addresses', 'no_activities']).nullable(),
});
