import { z } from 'zod';
import { PageInfoSchema, PageQueryFields } from '../../http/paging';
import { CalendarDate } from '../../http/input-schemas';

const code = z.string().regex(/^[A-Z][A-Z0-9_]{1,47}$/, 'UPPER_CASE code');
const date = CalendarDate;
const finite = z.number().finite();

export const UnitSchema = z.enum(['count', 'percent', 'ratio', 'euro', 'number', 'tonnes', 'days', 'score']);
export const LensSchema = z.enum(['economic', 'transition', 'both']);
export const StatusSchema = z.enum([
  'on_track',
  'at_risk',
  'off_track',
  'no_target',
  'no_data',
  'not_computable',
]);

export const IdParams = z.strictObject({ id: z.uuid() });
export const ClusterParams = z.strictObject({ clusterId: z.uuid() });
export const ClusterDefinitionParams = z.strictObject({ clusterId: z.uuid(), definitionId: z.uuid() });

export const DefinitionSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  nameNl: z.string(),
  nameEn: z.string(),
  definitionNl: z.string(),
  definitionEn: z.string(),
  unit: UnitSchema,
  direction: z.enum(['higher', 'lower']),
  aggregation: z.enum(['sum', 'average', 'last']),
  lens: LensSchema,
  evidenceRequired: z.boolean(),
  source: z.enum(['computed', 'reported', 'formula']),
  numeratorCode: z.string().nullable(),
  denominatorCode: z.string().nullable(),
  factor: z.number(),
  computedKey: z.string().nullable(),
  sql: z.string().nullable(),
  clusterId: z.string().nullable(),
  approvalStatus: z.enum(['proposed', 'approved', 'rejected']),
  decisionComment: z.string().nullable(),
});
DefinitionSchema.register(z.globalRegistry, { id: 'KpiDefinition', description: 'A KPI definition.' });

export const CreateDefinitionBody = z.strictObject({
  code,
  nameNl: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  definitionNl: z.string().max(4000).default(''),
  definitionEn: z.string().max(4000).default(''),
  unit: UnitSchema,
  direction: z.enum(['higher', 'lower']),
  aggregation: z.enum(['sum', 'average', 'last']),
  lens: LensSchema,
  evidenceRequired: z.boolean().default(false),
  source: z.enum(['computed', 'reported', 'formula']),
  numeratorCode: code.nullable().optional(),
  denominatorCode: code.nullable().optional(),
  factor: finite.positive().max(1e9).default(1),
  computedKey: z.string().max(100).nullable().optional(),
  clusterId: z.uuid().nullable().optional(),
});

export const DecideDefinitionBody = z.strictObject({
  decision: z.enum(['approved', 'rejected']),
  comment: z.string().max(2000).optional(),
});

export const PeriodSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  label: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(['planned', 'open', 'closed']),
  closedAt: z.string().nullable(),
});
PeriodSchema.register(z.globalRegistry, { id: 'KpiPeriod', description: 'A KPI measurement period.' });
export const CreatePeriodBody = z.strictObject({
  code: z.string().trim().min(1).max(40),
  label: z.string().trim().min(1).max(200),
  startsOn: date,
  endsOn: date,
});

export const TargetSchema = z.object({
  baselineValue: z.number().nullable(),
  baselineDate: z.string().nullable(),
  endTargetValue: z.number().nullable(),
  endTargetDate: z.string().nullable(),
  periodTargets: z.record(z.string(), z.number()),
  version: z.number(),
});

export const SetTargetBody = z.strictObject({
  baselineValue: finite.nullable(),
  baselineDate: date.nullable(),
  endTargetValue: finite.nullable(),
  endTargetDate: date.nullable(),
  periodTargets: z
    .array(z.strictObject({ periodId: z.uuid(), value: finite }))
    .max(50)
    .default([]),
  motivation: z.string().max(4000).optional(),
});

export const CellSchema = z.object({
  periodId: z.string(),
  value: z.number().nullable(),
  reason: z.string().nullable(),
  origin: z.enum(['frozen', 'live', 'reported', 'none']),
  measurementId: z.string().nullable(),
  measurementStatus: z.enum(['reported', 'validated', 'returned', 'computed']).nullable(),
  expected: z.number().nullable(),
  status: StatusSchema,
  zScore: z.number().nullable(),
  isOutlier: z.boolean(),
});

export const ClusterSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.string(),
});

export const DashboardSchema = z.object({
  cluster: ClusterSummarySchema,
  periods: z.array(PeriodSchema),
  kpis: z.array(
    z.object({ definition: DefinitionSchema, target: TargetSchema.nullable(), values: z.array(CellSchema) }),
  ),
});

/**
 * Clusters per page of the KPI portfolio: every cluster on a page is evaluated over every period
 * up to the chosen one (its computed KPIs run live where no value is frozen), so pages stay small.
 */
export const PORTFOLIO_PAGE_SIZE = 25;
export const PORTFOLIO_MAX_PAGE_SIZE = 100;

export const PortfolioQuery = z.strictObject({
  periodId: z.uuid().optional(),
  lens: LensSchema.optional(),
  kind: z.enum(['spearhead', 'business_network']).optional(),
  transitionId: z.uuid().optional(),
  page: PageQueryFields.page,
  pageSize: z.coerce.number().int().min(1).max(PORTFOLIO_MAX_PAGE_SIZE).default(PORTFOLIO_PAGE_SIZE),
});

/** A KPI column of the portfolio: named once here, its cells refer to it by position. */
export const PortfolioKpiSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  nameNl: z.string(),
  nameEn: z.string(),
  unit: UnitSchema,
  lens: LensSchema,
  source: z.enum(['computed', 'reported', 'formula']),
});

/**
 * One cell (a cluster's value of a KPI in the period): its status and only the fields that have
 * a value (a missing field is null or false).
 */
export const PortfolioCellSchema = z.object({
  status: StatusSchema,
  value: z.number().optional(),
  /** Why there is no value (e.g. a division by zero). */
  reason: z.string().optional(),
  /** The value expected on the trajectory to the target. */
  expected: z.number().optional(),
  /** The stored value (reported, or frozen at the period's close) behind the cell. */
  measurementId: z.uuid().optional(),
  measurementStatus: z.enum(['reported', 'validated', 'returned', 'computed']).optional(),
  isOutlier: z.literal(true).optional(),
});

export const PortfolioSchema = z.object({
  period: PeriodSchema.nullable(),
  periods: z.array(PeriodSchema),
  /** The KPI columns (the standard KPIs of the lens), in order. */
  kpis: z.array(PortfolioKpiSchema),
  /** One page of clusters; `cells[i]` is the cell of `kpis[i]` (empty without a period). */
  clusters: z.array(ClusterSummarySchema.extend({ cells: z.array(PortfolioCellSchema) })),
  transitions: z.array(z.object({ id: z.string(), labelNl: z.string(), labelEn: z.string() })),
  /** The page of clusters this answer holds and how many clusters match in all. */
  page: PageInfoSchema,
});

export const EvidenceInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('link'), url: z.url({ protocol: /^https?$/ }).max(2000) }),
  z.strictObject({ kind: z.literal('text'), body: z.string().trim().min(1).max(10_000) }),
  z.strictObject({
    kind: z.literal('file'),
    filename: z.string().min(1).max(200),
    contentBase64: z.base64().max(12_000_000),
  }),
]);

export const ReportBody = z.strictObject({
  definitionId: z.uuid(),
  periodId: z.uuid(),
  value: finite,
  comment: z.string().max(4000).optional(),
  evidence: z.array(EvidenceInputSchema).max(10).default([]),
});

export const ReviewBody = z.strictObject({ comment: z.string().max(4000).optional() });

export const MeasurementDetailSchema = z.object({
  id: z.string(),
  clusterId: z.string().nullable(),
  clusterName: z.string().nullable(),
  definition: DefinitionSchema,
  period: PeriodSchema,
  value: z.number().nullable(),
  reason: z.string().nullable(),
  status: z.enum(['reported', 'validated', 'returned', 'computed']),
  comment: z.string(),
  reviewComment: z.string().nullable(),
  frozenAt: z.string().nullable(),
  version: z.number(),
  evidence: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['file', 'link', 'text']),
      url: z.string().nullable(),
      body: z.string().nullable(),
      filename: z.string().nullable(),
      sizeBytes: z.number().nullable(),
    }),
  ),
  history: z.array(
    z.object({
      version: z.number(),
      action: z.string(),
      status: z.string(),
      value: z.number().nullable(),
      comment: z.string().nullable(),
      actorName: z.string().nullable(),
      occurredAt: z.string(),
    }),
  ),
});

export const QueueItemSchema = z.object({
  measurementId: z.string(),
  clusterId: z.string(),
  clusterName: z.string(),
  code: z.string(),
  nameNl: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  periodCode: z.string(),
  value: z.number().nullable(),
  comment: z.string(),
  evidenceCount: z.number(),
  reportedAt: z.string().nullable(),
});

export const DiffusionSchema = z.object({
  id: z.string(),
  clusterId: z.string(),
  clusterName: z.string(),
  kind: z.enum(['event', 'workshop', 'training', 'publication', 'demonstrator']),
  title: z.string(),
  heldOn: z.string(),
  participants: z.number(),
  smesReached: z.number(),
  nonMemberCompaniesReached: z.number(),
  link: z.string().nullable(),
});

export const DiffusionQuery = z.strictObject({ clusterId: z.uuid().optional() });

export const DiffusionBody = z.strictObject({
  clusterId: z.uuid(),
  kind: z.enum(['event', 'workshop', 'training', 'publication', 'demonstrator']),
  title: z.string().trim().min(1).max(300),
  heldOn: date,
  participants: z.number().int().min(0).max(1_000_000),
  smesReached: z.number().int().min(0).max(1_000_000),
  nonMemberCompaniesReached: z.number().int().min(0).max(1_000_000),
  link: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .optional(),
});

export const EuParticipationSchema = z.object({
  id: z.string(),
  cordisProjectId: z.string(),
  acronym: z.string(),
  frameworkProgramme: z.string(),
  startsOn: z.string().nullable(),
  name: z.string(),
  vatNumber: z.string().nullable(),
  country: z.string().nullable(),
  role: z.string(),
  isSme: z.boolean().nullable(),
  ecContributionCents: z.number(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  linkMethod: z.enum(['vat', 'manual']).nullable(),
});

export const EuQuery = z.strictObject({ unmatched: z.enum(['true', 'false']).optional() });
export const CordisImportBody = z.strictObject({
  projectCsv: z.string().min(1).max(5_000_000),
  organizationCsv: z.string().min(1).max(5_000_000),
});
export const LinkBody = z.strictObject({ organisationId: z.uuid().nullable() });

export const SettingsSchema = z.object({
  tolerance: z.number(),
  zScoreThreshold: z.number(),
  evidenceMaxBytes: z.number(),
});
export const SettingsBody = z.strictObject({
  tolerance: z.number().min(0).max(1),
  zScoreThreshold: z.number().min(0.5).max(10),
});

export const ReportQuery = z.strictObject({ periodId: z.uuid().optional() });
