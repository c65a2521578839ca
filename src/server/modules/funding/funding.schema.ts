import { z } from 'zod';
import { CalendarDate } from '../../http/input-schemas';

/** Money in the API is integer cents: fractional cents and negative amounts are refused. */
export const Cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const PositiveCents = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
export { CalendarDate };
export const Purpose = z.enum(['base_operations', 'cluster_projects', 'inter_cluster_projects', 'call']);
export const Regime = z.enum(['de_minimis', 'block_exemption', 'other']);
export const ProjectKind = z.enum(['cluster_project', 'inter_cluster_project']);
const Motivation = z.string().trim().min(10).max(2000);

export const IdParams = z.strictObject({ id: z.uuid() });
/**
 * The funding lines: `q` searches code and name (accents and case aside); `usableFor=base_operations`
 * keeps the lines a base-operations grant may draw on (that purpose, or not ring-fenced).
 */
export const LineListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  usableFor: z.enum(['base_operations']).optional(),
});
export const ProjectItemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });

export const CreateLineBody = z.strictObject({
  code: z.string().trim().min(2).max(40),
  name: z.string().trim().min(2).max(200),
  purpose: Purpose,
  callId: z.uuid().nullable().optional(),
  periodStart: CalendarDate,
  periodEnd: CalendarDate,
  amountCents: Cents,
  isRingFenced: z.boolean(),
  /** Company euros required per euro of subsidy, e.g. "1" or "0.5" (at most four decimals). */
  ownContributionRatio: z
    .string()
    .regex(/^\d{1,4}(\.\d{1,4})?$/)
    .default('1'),
  clusterIds: z.array(z.uuid()).max(50).default([]),
});

export const ReallocateBody = z.strictObject({
  fromLineId: z.uuid(),
  toLineId: z.uuid(),
  amountCents: PositiveCents,
  motivation: Motivation,
});

export const BaseOperationsBody = z.strictObject({
  clusterId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  lineId: z.uuid(),
  subsidyCents: PositiveCents,
  decidedOn: CalendarDate.optional(),
});

export const CommitBody = z.strictObject({
  projectId: z.uuid(),
  lineId: z.uuid(),
  decidedOn: CalendarDate.optional(),
  motivation: z.string().trim().max(2000).default(''),
  deMinimisOverride: Motivation.optional(),
});
export const PreviewQuery = z.strictObject({
  projectId: z.uuid(),
  lineId: z.uuid(),
  decidedOn: CalendarDate.optional(),
});

export const PlanPaymentBody = z.strictObject({
  commitmentId: z.uuid(),
  tranche: z.enum(['advance', 'interim', 'balance']),
  amountCents: PositiveCents,
  milestoneId: z.uuid().nullable().optional(),
  reportId: z.uuid().nullable().optional(),
  plannedOn: CalendarDate,
});

export const CreateProjectBody = z.strictObject({
  code: z.string().trim().min(2).max(40),
  title: z.string().trim().min(2).max(300),
  kind: ProjectKind,
  leadClusterId: z.uuid(),
  clusterIds: z.array(z.uuid()).max(20).default([]),
  startsOn: CalendarDate,
  endsOn: CalendarDate,
  isBottomUp: z.boolean().default(true),
  callId: z.uuid().nullable().optional(),
  sourceProposalId: z.uuid().nullable().optional(),
  aidRegime: Regime,
  aidLegalBasis: z.string().trim().max(200).default(''),
  participants: z
    .array(
      z.strictObject({
        organisationId: z.uuid(),
        role: z.string().trim().min(1).max(40).default('partner'),
        budgetCents: Cents,
        aidCents: Cents,
      }),
    )
    .min(1)
    .max(100),
  themeIds: z.array(z.uuid()).max(50).default([]),
  milestones: z
    .array(z.strictObject({ title: z.string().trim().min(1).max(200), dueOn: CalendarDate }))
    .max(50)
    .default([]),
  deliverables: z
    .array(z.strictObject({ title: z.string().trim().min(1).max(200), dueOn: CalendarDate }))
    .max(100)
    .default([]),
});

export const ProjectItemBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  dueOn: CalendarDate,
  milestoneId: z.uuid().nullable().optional(),
});
export const DecisionBody = z.strictObject({
  decision: z.enum(['accepted', 'returned']),
  comment: z.string().trim().max(2000).default(''),
});
export const DeliverableStatusBody = z.strictObject({ status: z.enum(['delivered', 'accepted']) });
export const ProjectReportBody = z.strictObject({
  kind: z.enum(['progress', 'final']),
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(10_000).default(''),
});
export const CostsReportBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(10_000).default(''),
  reportedCostsCents: Cents,
  reportedOwnContributionCents: Cents,
});

export const RecordAidBody = z.strictObject({
  organisationId: z.uuid(),
  regime: Regime,
  legalBasis: z.string().trim().max(200).default(''),
  amountCents: PositiveCents,
  grantedOn: CalendarDate,
  grantedByAuthority: z.string().trim().min(1).max(200).default('VLAIO'),
  description: z.string().trim().max(1000).default(''),
  overrideMotivation: Motivation.optional(),
});
export const HeadroomQuery = z.strictObject({ on: CalendarDate.optional() });
export const DeMinimisSettingsBody = z.strictObject({
  ceilingCents: PositiveCents,
  windowYears: z.number().int().min(1).max(10),
});
export const DashboardXlsxQuery = z.strictObject({
  view: z.enum(['line', 'cluster', 'year']).default('line'),
});

const Figures = {
  budgetCents: z.number(),
  committedCents: z.number(),
  paidCents: z.number(),
  remainingCents: z.number(),
  interClusterCommittedCents: z.number(),
  cofundingCents: z.number(),
  interClusterShare: z.number().nullable(),
  cofundingRatio: z.number().nullable(),
};
export const DashboardSchema = z.object({
  totals: z.object(Figures),
  byLine: z.array(
    z.object({
      lineId: z.string(),
      code: z.string(),
      name: z.string(),
      purpose: z.string(),
      isRingFenced: z.boolean(),
      year: z.number(),
      ...Figures,
    }),
  ),
  byCluster: z.array(z.object({ clusterId: z.string().nullable(), clusterName: z.string(), ...Figures })),
  byYear: z.array(z.object({ year: z.number(), ...Figures })),
});

export const LineSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  purpose: Purpose,
  callId: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  amountCents: z.number(),
  isRingFenced: z.boolean(),
  ownContributionRatio: z.string(),
  clusterIds: z.array(z.string()),
  isExample: z.boolean(),
  budgetCents: z.number(),
  committedCents: z.number(),
  plannedCents: z.number(),
  paidCents: z.number(),
  remainingCents: z.number(),
  reallocatedInCents: z.number(),
  reallocatedOutCents: z.number(),
});

export const CommitmentSchema = z.object({
  id: z.string(),
  lineId: z.string(),
  lineCode: z.string(),
  projectId: z.string().nullable(),
  projectCode: z.string().nullable(),
  baseOperationId: z.string().nullable(),
  baseOperationLabel: z.string().nullable(),
  amountCents: z.number(),
  cofundingCents: z.number(),
  decidedOn: z.string(),
  motivation: z.string(),
  deMinimisOverride: z.string().nullable(),
  plannedCents: z.number(),
  paidCents: z.number(),
});

export const PaymentSchema = z.object({
  id: z.string(),
  commitmentId: z.string(),
  lineId: z.string(),
  lineCode: z.string(),
  projectId: z.string().nullable(),
  projectCode: z.string().nullable(),
  baseOperationId: z.string().nullable(),
  tranche: z.string(),
  amountCents: z.number(),
  condition: z.object({
    kind: z.enum(['none', 'milestone', 'report']),
    id: z.string().nullable(),
    title: z.string().nullable(),
    status: z.string().nullable(),
  }),
  plannedOn: z.string(),
  status: z.string(),
  releasedAt: z.string().nullable(),
  isReleasable: z.boolean(),
});

export const BaseOperationSchema = z.object({
  id: z.string(),
  clusterId: z.string(),
  clusterName: z.string(),
  year: z.number(),
  lineId: z.string(),
  lineCode: z.string(),
  subsidyCents: z.number(),
  ownContributionRatio: z.string(),
  requiredOwnContributionCents: z.number(),
  reportedCostsCents: z.number().nullable(),
  reportedOwnContributionCents: z.number().nullable(),
  meetsOwnContribution: z.boolean().nullable(),
  paidCents: z.number(),
  commitmentId: z.string().nullable(),
});

export const ReallocationSchema = z.object({
  id: z.string(),
  fromLineCode: z.string(),
  toLineCode: z.string(),
  amountCents: z.number(),
  motivation: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string(),
});

export const ProjectSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  kind: ProjectKind,
  status: z.string(),
  leadClusterId: z.string(),
  clusterIds: z.array(z.string()),
  startsOn: z.string(),
  endsOn: z.string(),
  totalBudgetCents: z.number(),
  aidCents: z.number(),
  committedCents: z.number(),
  paidCents: z.number(),
  aidRegime: Regime,
  aidLegalBasis: z.string(),
  callId: z.string().nullable(),
  sourceProposalId: z.string().nullable(),
  isBottomUp: z.boolean(),
  isExample: z.boolean(),
});

const DecisionFields = { status: z.string(), decidedAt: z.string().nullable(), decisionComment: z.string() };
export const ReportSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  summary: z.string(),
  reportedCostsCents: z.number().nullable(),
  reportedOwnContributionCents: z.number().nullable(),
  submittedAt: z.string(),
  ...DecisionFields,
});
ReportSchema.register(z.globalRegistry, {
  id: 'FundingReport',
  description: 'A report on a base operation.',
});

export const ProjectDetailSchema = ProjectSummarySchema.extend({
  participants: z.array(
    z.object({
      organisationId: z.string(),
      name: z.string(),
      enterpriseNumber: z.string().nullable(),
      helix: z.string(),
      sizeClass: z.string(),
      role: z.string(),
      budgetCents: z.number(),
      aidCents: z.number(),
    }),
  ),
  themes: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      code: z.string(),
      labelNl: z.string(),
      labelEn: z.string(),
    }),
  ),
  milestones: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      dueOn: z.string(),
      reportedAt: z.string().nullable(),
      ...DecisionFields,
    }),
  ),
  deliverables: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      dueOn: z.string(),
      status: z.string(),
      milestoneId: z.string().nullable(),
    }),
  ),
  reports: z.array(ReportSchema),
  commitments: z.array(CommitmentSchema),
  payments: z.array(PaymentSchema),
});

export const HeadroomSchema = z.object({
  organisationId: z.string(),
  organisationName: z.string(),
  undertakingOrganisationIds: z.array(z.string()),
  requestedCents: z.number(),
  usedCents: z.number(),
  headroomCents: z.number(),
  ceilingCents: z.number(),
  windowYears: z.number(),
  breaches: z.boolean(),
});

export const PreviewSchema = z.object({
  amountCents: z.number(),
  cofundingCents: z.number(),
  decidedOn: z.string(),
  lineRemainingCents: z.number(),
  fitsPurpose: z.boolean(),
  isAlreadyCommitted: z.boolean(),
  deMinimis: z.array(HeadroomSchema),
  refusals: z.array(z.string()),
});

export const AidAwardSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  enterpriseNumber: z.string().nullable(),
  regime: Regime,
  legalBasis: z.string(),
  amountCents: z.number(),
  grantedOn: z.string(),
  grantedByAuthority: z.string(),
  description: z.string(),
  projectId: z.string().nullable(),
  projectCode: z.string().nullable(),
  overrideMotivation: z.string().nullable(),
});

export const OrganisationAidSchema = z.object({
  organisation: z.object({ id: z.string(), name: z.string(), enterpriseNumber: z.string().nullable() }),
  awards: z.array(AidAwardSchema),
  deMinimis: z.object({
    on: z.string(),
    ceilingCents: z.number(),
    windowYears: z.number(),
    usedCents: z.number(),
    headroomCents: z.number(),
    undertakingOrganisationIds: z.array(z.string()),
    linkedEnterprisesKnown: z.boolean(),
  }),
});
