import { z } from 'zod';
import { isLocalDateTime } from '../../../shared/brussels-time';
import { CalendarDate, hasSaneYear, saneYear } from '../../http/input-schemas';

export const CallKindSchema = z.enum([
  'new_strategic_theme',
  'business_network',
  'cluster_project',
  'inter_cluster_project',
]);
export const CallStatusSchema = z.enum(['draft', 'open', 'closed', 'in_evaluation', 'decided']);
export const ProposalStatusSchema = z.enum([
  'draft',
  'submitted',
  'eligible',
  'ineligible',
  'under_review',
  'ranked',
  'funded',
  'reserve',
  'rejected',
  'withdrawn',
]);
export const EligibilityRuleKindSchema = z.enum([
  'min_companies',
  'min_smes',
  'min_helix_categories',
  'max_requested_aid',
  'max_aid_share',
  'min_clusters',
  'required_kpis_proposed',
  'no_new_legal_entity',
  'themes_within_call',
]);
export const TieBreakKindSchema = z.enum([
  'criterion_score',
  'sme_budget_share',
  'requested_aid',
  'submitted_at',
]);
export const KpiDirectionSchema = z.enum(['higher_is_better', 'lower_is_better']);
export const QuestionKindSchema = z.enum(['short_text', 'long_text', 'number', 'yes_no', 'choice']);

/**
 * 'YYYY-MM-DDTHH:mm' in Europe/Brussels; in the autumn hour that occurs twice, with the offset
 * that says which ('2026-10-25T02:30+01:00'). Whether the time exists is checked on conversion.
 */
export const BrusselsLocal = z
  .string()
  .refine((value) => isLocalDateTime(value) && !value.endsWith('Z'), {
    message: 'Expected a local date-time YYYY-MM-DDTHH:mm[+HH:MM] (Europe/Brussels)',
  })
  .refine(hasSaneYear, saneYear);
const Cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/);
const OptionalText = (max: number) => z.string().max(max).nullable().default(null);

export const CriterionInput = z.strictObject({
  code: Code,
  nameNl: z.string().trim().min(1).max(200),
  nameEn: OptionalText(200),
  descriptionNl: z.string().max(4000).default(''),
  descriptionEn: OptionalText(4000),
  scaleMin: z.number().min(0).max(100).default(0),
  scaleMax: z.number().min(1).max(100),
  allowsHalfPoints: z.boolean().default(false),
  weight: z.number().positive().max(100),
  threshold: z.number().min(0).max(100).nullable().default(null),
});

export const TieBreakInput = z.strictObject({
  kind: TieBreakKindSchema,
  /** For `criterion_score`: the code of one of the call's criteria. */
  criterionCode: Code.nullable().default(null),
  direction: z.enum(['desc', 'asc']).default('desc'),
  explanationNl: z.string().max(1000).default(''),
  explanationEn: OptionalText(1000),
});

export const EligibilityRuleInput = z.strictObject({
  kind: EligibilityRuleKindSchema,
  /** Count; cents for max_requested_aid; percent (0–100) for max_aid_share; null for yes/no rules. */
  parameter: z.number().min(0).max(Number.MAX_SAFE_INTEGER).nullable().default(null),
  explanationNl: z.string().max(1000).default(''),
  explanationEn: OptionalText(1000),
});

export const RequiredKpiInput = z.strictObject({
  id: z.uuid().optional(),
  kpiCode: z.string().trim().max(60).nullable().default(null),
  nameNl: z.string().trim().min(1).max(200),
  nameEn: OptionalText(200),
  unit: z.string().trim().min(1).max(40),
  direction: KpiDirectionSchema,
});

export const QuestionInput = z.strictObject({
  code: Code,
  kind: QuestionKindSchema,
  labelNl: z.string().trim().min(1).max(500),
  labelEn: OptionalText(500),
  helpNl: z.string().max(2000).default(''),
  helpEn: OptionalText(2000),
  isRequired: z.boolean().default(false),
  maxWords: z.number().int().positive().max(100_000).nullable().default(null),
  maxChars: z.number().int().positive().max(1_000_000).nullable().default(null),
  options: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  conditionQuestionCode: Code.nullable().default(null),
  conditionValue: z.string().max(200).nullable().default(null),
});

/** How the call spends its budget down the ranking. */
export const BudgetRuleSchema = z.enum(['stop_at_first_misfit', 'skip_to_next_fit']);

/** The whole editable definition of a call; the editor sends it in one piece. */
export const CallDefinitionBody = z.strictObject({
  code: Code,
  kind: CallKindSchema,
  titleNl: z.string().trim().min(1).max(300),
  titleEn: OptionalText(300),
  summaryNl: z.string().max(2000).default(''),
  summaryEn: OptionalText(2000),
  descriptionNl: z.string().max(20000).default(''),
  descriptionEn: OptionalText(20000),
  budgetEnvelopeCents: Cents,
  opensAtLocal: BrusselsLocal.nullable().default(null),
  closesAtLocal: BrusselsLocal.nullable().default(null),
  evaluationStartsAtLocal: BrusselsLocal.nullable().default(null),
  decisionAtLocal: BrusselsLocal.nullable().default(null),
  overallThreshold: z.number().min(0).max(10_000).nullable().default(null),
  budgetRule: BudgetRuleSchema.default('stop_at_first_misfit'),
  reviewsPerProposal: z.number().int().min(1).max(10).default(3),
  themeIds: z.array(z.uuid()).max(100).default([]),
  criteria: z.array(CriterionInput).max(30).default([]),
  tieBreakRules: z.array(TieBreakInput).max(10).default([]),
  eligibilityRules: z.array(EligibilityRuleInput).max(20).default([]),
  requiredKpis: z.array(RequiredKpiInput).max(30).default([]),
  questions: z.array(QuestionInput).max(100).default([]),
});
export type CallDefinition = z.infer<typeof CallDefinitionBody>;

export const AmendCallBody = z.strictObject({
  motivation: z.string().trim().min(5).max(4000),
  definition: CallDefinitionBody,
});
export const MoveCallBody = z.strictObject({
  status: z.enum(['closed', 'in_evaluation', 'decided']),
  motivation: z.string().trim().max(2000).default(''),
});
export const CallIdParams = z.strictObject({ id: z.uuid() });
export const CallListQuery = z.strictObject({ status: CallStatusSchema.optional() });
/** The public calls: all published ones, or with `open=true` only those accepting proposals now. */
export const PublicCallListQuery = z.strictObject({
  status: CallStatusSchema.exclude(['draft']).optional(),
  open: z.enum(['true', 'false']).optional().meta({
    description:
      'true: only the calls accepting proposals now, the first to close first; false or absent: all published calls',
  }),
});

const Localised = z.object({ nl: z.string(), en: z.string() });

export const CallSchema = z.object({
  id: z.string(),
  code: z.string(),
  kind: CallKindSchema,
  status: CallStatusSchema,
  titleNl: z.string(),
  titleEn: z.string().nullable(),
  summaryNl: z.string(),
  summaryEn: z.string().nullable(),
  descriptionNl: z.string(),
  descriptionEn: z.string().nullable(),
  budgetEnvelopeCents: z.number(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  evaluationStartsAt: z.string().nullable(),
  decisionAt: z.string().nullable(),
  opensAtLocal: z.string().nullable(),
  closesAtLocal: z.string().nullable(),
  evaluationStartsAtLocal: z.string().nullable(),
  decisionAtLocal: z.string().nullable(),
  isAcceptingProposals: z.boolean(),
  overallThreshold: z.number().nullable(),
  budgetRule: BudgetRuleSchema,
  reviewsPerProposal: z.number(),
  publishedAt: z.string().nullable(),
  amendmentCount: z.number(),
  themes: z.array(z.object({ id: z.string(), code: z.string(), labelNl: z.string(), labelEn: z.string() })),
  criteria: z.array(CriterionInput.extend({ id: z.string() })),
  tieBreakRules: z.array(TieBreakInput.extend({ id: z.string() })),
  eligibilityRules: z.array(EligibilityRuleInput.extend({ id: z.string() })),
  requiredKpis: z.array(RequiredKpiInput.extend({ id: z.string() })),
  questions: z.array(QuestionInput.extend({ id: z.string() })),
  amendments: z.array(z.object({ number: z.number(), motivation: z.string(), amendedAt: z.string() })),
});
CallSchema.register(z.globalRegistry, { id: 'Call', description: 'A call for proposals.' });

/** The list view: a subset of the call, derived rather than copied, plus the number of proposals. */
export const CallSummarySchema = CallSchema.pick({
  id: true,
  code: true,
  kind: true,
  status: true,
  titleNl: true,
  titleEn: true,
  summaryNl: true,
  summaryEn: true,
  budgetEnvelopeCents: true,
  opensAt: true,
  closesAt: true,
  isAcceptingProposals: true,
}).extend({ proposalCount: z.number().nullable() });

// ---------- proposals ----------

export const ConsortiumMemberInput = z.strictObject({
  enterpriseNumber: z.string().trim().min(1).max(30),
  /** Only needed for an organisation the platform does not know yet. */
  name: z.string().trim().max(300).nullable().default(null),
  helix: z.enum(['company', 'knowledge_institution', 'government', 'civil_society']).nullable().default(null),
  sizeClass: z.enum(['micro', 'small', 'medium', 'large', 'unknown']).nullable().default(null),
  role: z.enum(['lead', 'partner', 'associated']),
  budgetShareCents: Cents,
});

export const BudgetLineInput = z.strictObject({
  /** Enterprise number of the consortium member the line belongs to. */
  enterpriseNumber: z.string().trim().max(30).nullable().default(null),
  category: z.enum(['personnel', 'equipment', 'subcontracting', 'operating', 'overhead', 'other']),
  description: z.string().max(500).default(''),
  costCents: Cents,
  requestedAidCents: Cents,
  ownContributionCents: Cents,
});

export const ProposalKpiInput = z.strictObject({
  requiredKpiId: z.uuid().nullable().default(null),
  kpiCode: z.string().trim().max(60).nullable().default(null),
  name: z.string().trim().min(1).max(200),
  unit: z.string().trim().min(1).max(40),
  direction: KpiDirectionSchema,
  baselineValue: z.number(),
  baselineDate: CalendarDate.nullable().default(null),
  targetValue: z.number(),
  targetPeriod: z.string().trim().min(1).max(40),
});

export const ProposalContentBody = z.strictObject({
  title: z.string().trim().max(300),
  summary: z.string().max(5000).default(''),
  themeIds: z.array(z.uuid()).max(30).default([]),
  clusterIds: z.array(z.uuid()).max(20).default([]),
  requiresNewLegalEntity: z.boolean().default(false),
  answers: z
    .record(z.string().max(40), z.union([z.string().max(1_000_000), z.number(), z.boolean(), z.null()]))
    .default({}),
  consortium: z.array(ConsortiumMemberInput).max(60).default([]),
  budgetLines: z.array(BudgetLineInput).max(300).default([]),
  kpis: z.array(ProposalKpiInput).max(50).default([]),
});
export type ProposalContent = z.infer<typeof ProposalContentBody>;

export const StartProposalBody = z.strictObject({ title: z.string().trim().min(1).max(300) });
export const SaveProposalBody = ProposalContentBody.extend({ draftVersion: z.number().int().min(1) });
export const ProposalIdParams = z.strictObject({ id: z.uuid() });
export const ProposalFileParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });
export const ProposalRuleParams = z.strictObject({ id: z.uuid(), ruleId: z.uuid() });
export const ProposalClarificationParams = z.strictObject({ id: z.uuid(), clarificationId: z.uuid() });
export const SubmitProposalBody = z.strictObject({ draftVersion: z.number().int().min(1) });
export const WithdrawProposalBody = z.strictObject({ reason: z.string().trim().max(2000).default('') });
export const CollaboratorBody = z.strictObject({
  email: z.email().max(254),
  access: z.enum(['edit', 'view']),
});
export const CollaboratorParams = z.strictObject({ id: z.uuid(), userId: z.uuid() });
export const ReviewRuleBody = z.strictObject({
  outcome: z.enum(['passed', 'failed']),
  motivation: z.string().trim().min(3).max(4000),
});
export const EligibilityDecisionBody = z.strictObject({
  eligible: z.boolean(),
  motivation: z.string().trim().min(3).max(4000),
});
export const AskClarificationBody = z.strictObject({
  question: z.string().trim().min(3).max(4000),
  dueAtLocal: BrusselsLocal,
});
export const AnswerClarificationBody = z.strictObject({ answer: z.string().trim().min(1).max(20000) });
export const BreakGlassBody = z.strictObject({ motivation: z.string().trim().min(10).max(4000) });

export const EligibilityResultSchema = z.object({
  ruleId: z.string(),
  kind: EligibilityRuleKindSchema,
  ruleExplanation: Localised,
  versionNumber: z.number(),
  autoOutcome: z.enum(['passed', 'failed']),
  observed: z.string(),
  explanation: Localised,
  officerOutcome: z.enum(['passed', 'failed']).nullable(),
  officerMotivation: z.string().nullable(),
  outcome: z.enum(['passed', 'failed']),
  reviewedAt: z.string().nullable(),
});

export const ProposalSummarySchema = z.object({
  id: z.string(),
  callId: z.string(),
  reference: z.string(),
  status: ProposalStatusSchema,
  isSealed: z.boolean(),
  title: z.string().nullable(),
  leadOrganisation: z.string().nullable(),
  memberCount: z.number().nullable(),
  requestedAidCents: z.number().nullable(),
  totalCostCents: z.number().nullable(),
  submittedVersion: z.number().nullable(),
  submittedAt: z.string().nullable(),
  eligibilityPassed: z.number().nullable(),
  eligibilityFailed: z.number().nullable(),
  eligibilityToReview: z.number().nullable(),
  myAccess: z.enum(['owner', 'edit', 'view']).nullable(),
});

const ConsortiumMemberSchema = z.object({
  /** Null in a draft for a partner the platform does not know yet (created at submission). */
  organisationId: z.string().nullable(),
  enterpriseNumber: z.string().nullable(),
  name: z.string(),
  helix: z.string(),
  sizeClass: z.string(),
  role: z.enum(['lead', 'partner', 'associated']),
  budgetShareCents: z.number(),
});

export const ProposalContentSchema = z.object({
  title: z.string(),
  summary: z.string(),
  themeIds: z.array(z.string()),
  clusterIds: z.array(z.string()),
  requiresNewLegalEntity: z.boolean(),
  answers: z.record(z.string(), z.unknown()),
  consortium: z.array(ConsortiumMemberSchema),
  budgetLines: z.array(BudgetLineInput.extend({ organisationId: z.string().nullable() })),
  kpis: z.array(ProposalKpiInput),
});
export type ProposalSnapshot = z.infer<typeof ProposalContentSchema>;

/** Per consortium partner (in its order): a confirmed representative (by a mandate), or only named. */
const PartnerRepresentationSchema = z.object({
  enterpriseNumber: z.string().nullable(),
  confirmed: z.boolean(),
  /** The first confirmation; null when only named. */
  confirmedAt: z.string().nullable(),
  /** Who confirmed it, when and through which identity provider. */
  representatives: z
    .array(z.object({ name: z.string(), confirmedAt: z.string(), provider: z.string().nullable() }))
    .nullable(),
});

export const ProposalSchema = z.object({
  id: z.string(),
  callId: z.string(),
  callCode: z.string(),
  callTitleNl: z.string(),
  reference: z.string(),
  status: ProposalStatusSchema,
  isSealed: z.boolean(),
  draftVersion: z.number().nullable(),
  submittedVersion: z.number().nullable(),
  submittedAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  /** The working copy (applicants) or the latest submitted version (agency); null while sealed. */
  content: ProposalContentSchema.nullable(),
  contentSource: z.enum(['draft', 'submitted_version']).nullable(),
  progress: z
    .array(
      z.object({
        part: z.string(),
        done: z.boolean(),
        problems: z.array(z.object({ path: z.string(), message: Localised })),
      }),
    )
    .nullable(),
  attachments: z
    .array(
      z.object({
        id: z.string(),
        filename: z.string(),
        contentType: z.string(),
        sizeBytes: z.number(),
        sha256: z.string(),
        kind: z.string(),
        createdAt: z.string(),
      }),
    )
    .nullable(),
  collaborators: z
    .array(
      z.object({
        userId: z.string(),
        name: z.string(),
        email: z.string().nullable(),
        access: z.enum(['owner', 'edit', 'view']),
      }),
    )
    .nullable(),
  versions: z.array(
    z.object({ versionNumber: z.number(), submittedAt: z.string(), contentSha256: z.string() }),
  ),
  eligibility: z.array(EligibilityResultSchema).nullable(),
  eligibilityMotivation: z.string().nullable(),
  clarifications: z
    .array(
      z.object({
        id: z.string(),
        question: z.string(),
        askedAt: z.string(),
        dueAt: z.string(),
        dueAtLocal: z.string(),
        answer: z.string().nullable(),
        answeredAt: z.string().nullable(),
        isOverdue: z.boolean(),
      }),
    )
    .nullable(),
  themeOverlap: z
    .array(
      z.object({
        clusterId: z.string(),
        clusterName: z.string(),
        sharedThemes: z.number(),
        share: z.number(),
      }),
    )
    .nullable(),
  /** Per partner of `content.consortium`; null while the content is sealed. */
  representation: z.array(PartnerRepresentationSchema).nullable(),
  myAccess: z.enum(['owner', 'edit', 'view']).nullable(),
});

export const ReceiptSchema = z.object({
  reference: z.string(),
  versionNumber: z.number(),
  submittedAt: z.string(),
  submittedAtLocal: z.string(),
  contentSha256: z.string(),
  callCode: z.string(),
  title: z.string(),
});
