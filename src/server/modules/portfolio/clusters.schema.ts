import { z } from 'zod';
import { PageQueryFields } from '../../http/paging';
import { CalendarDate } from '../../http/input-schemas';
import { HelixSchema, SizeClassSchema } from './organisations.schema';

export const ClusterKindSchema = z.enum(['spearhead', 'business_network']);
export const ClusterStatusSchema = z.enum(['candidate', 'active', 'ended']);
export const ThemeKindSchema = z.enum(['strategic_theme', 'transition', 'technology_domain', 'sector']);

export const ThemeSchema = z.object({
  id: z.string(),
  kind: ThemeKindSchema,
  code: z.string(),
  labelNl: z.string(),
  labelEn: z.string(),
  isExample: z.boolean(),
});

const count = z.number();
export const MemberSummarySchema = z.object({
  members: count,
  byHelix: z.object({
    company: count,
    knowledge_institution: count,
    government: count,
    civil_society: count,
  }),
  companiesBySize: z.object({ micro: count, small: count, medium: count, large: count, unknown: count }),
  smeCount: count,
  smeShare: z.number().nullable(),
  companyShare: z.number().nullable(),
});

export const ClusterSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: ClusterKindSchema,
  status: ClusterStatusSchema,
  economicMission: z.string(),
  legalEntity: z.object({ id: z.string(), name: z.string() }).nullable(),
  officerName: z.string().nullable(),
  mandateStart: z.string().nullable(),
  mandateEnd: z.string().nullable(),
  isExample: z.boolean(),
  transitions: z.array(ThemeSchema),
  themes: z.array(ThemeSchema),
  memberSummary: MemberSummarySchema,
});

export const ClusterDetailSchema = ClusterSchema.extend({
  officerUserId: z.string().nullable(),
  managers: z.array(z.object({ id: z.string(), name: z.string() })),
  goals: z.array(
    z.object({
      id: z.string(),
      position: z.number(),
      title: z.string(),
      description: z.string(),
      targetYear: z.number().nullable(),
    }),
  ),
  history: z.array(
    z.object({
      id: z.string(),
      event: z.enum(['created', 'status_changed', 'promoted']),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      fromKind: z.string().nullable(),
      toKind: z.string(),
      effectiveOn: z.string(),
      motivation: z.string(),
      recordedBy: z.string().nullable(),
      recordedAt: z.string(),
    }),
  ),
});
ClusterDetailSchema.register(z.globalRegistry, {
  id: 'ClusterDetail',
  description: 'A cluster with its details.',
});

const ClusterFilterFields = {
  q: z.string().trim().max(100).optional(),
  kind: ClusterKindSchema.optional(),
  status: ClusterStatusSchema.optional(),
  themeId: z.uuid().optional(),
  transitionId: z.uuid().optional(),
};
/**
 * The orders a person may ask of the cluster list (a minus sorts backwards). `kind` puts
 * spearheads first and `status` follows the lifecycle (candidate, active, ended); each ends on the
 * name and the id, so pages never overlap. Without `sort` the list is spearheads first, then by name.
 */
export const ClusterSortSchema = z.enum(['name', '-name', 'kind', '-kind', 'status', '-status']);
export type ClusterSort = z.infer<typeof ClusterSortSchema>;
const ClusterSortField = { sort: ClusterSortSchema.optional() };
export const ClusterListQuery = z.strictObject({ ...ClusterFilterFields, ...ClusterSortField });
export const ClusterPageQuery = z.strictObject({
  ...ClusterFilterFields,
  ...ClusterSortField,
  ...PageQueryFields,
});

export const ClusterIdParams = z.strictObject({ id: z.uuid() });

const GoalInput = z.strictObject({
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().max(4000).default(''),
  targetYear: z.number().int().min(2000).max(2100).nullable().default(null),
});

export const CreateClusterBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  shortName: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[\p{L}\p{N}._' -]+$/u),
  kind: ClusterKindSchema,
  status: ClusterStatusSchema.default('candidate'),
  economicMission: z.string().trim().max(4000).default(''),
  legalEntityId: z.uuid().nullable().default(null),
  officerUserId: z.uuid().nullable().default(null),
  mandateStart: CalendarDate.nullable().default(null),
  mandateEnd: CalendarDate.nullable().default(null),
  goals: z.array(GoalInput).max(50).default([]),
  themeIds: z.array(z.uuid()).max(100).default([]),
});

/** Managers may change mission, roadmap goals and themes of their own cluster; the rest is for officers. */
export const UpdateClusterBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  shortName: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[\p{L}\p{N}._' -]+$/u)
    .optional(),
  economicMission: z.string().trim().max(4000).optional(),
  legalEntityId: z.uuid().nullable().optional(),
  officerUserId: z.uuid().nullable().optional(),
  mandateStart: CalendarDate.nullable().optional(),
  mandateEnd: CalendarDate.nullable().optional(),
  goals: z.array(GoalInput).max(50).optional(),
  themeIds: z.array(z.uuid()).max(100).optional(),
  managerUserIds: z.array(z.uuid()).max(20).optional(),
});

export const ChangeStatusBody = z.strictObject({
  status: ClusterStatusSchema,
  effectiveOn: CalendarDate,
  motivation: z.string().trim().max(4000).default(''),
});
export const PromoteBody = z.strictObject({
  effectiveOn: CalendarDate,
  motivation: z.string().trim().min(10).max(4000),
  mandateEnd: CalendarDate.nullable().optional(),
});

export const MemberSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: z.string(),
  enterpriseNumber: z.string().nullable(),
  country: z.string(),
  foreignIdentifier: z.string().nullable(),
  helix: HelixSchema,
  sizeClass: SizeClassSchema,
  isPioneer: z.boolean(),
  membershipType: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  isCurrent: z.boolean(),
  isExample: z.boolean(),
});

export const MembershipTypeSchema = z.enum(['member', 'strategic_partner', 'associate']);
export const AddMemberBody = z.strictObject({
  organisationId: z.uuid(),
  membershipType: MembershipTypeSchema.default('member'),
  validFrom: CalendarDate,
  validTo: CalendarDate.nullable().default(null),
});
export const UpdateMemberBody = z.strictObject({
  membershipType: MembershipTypeSchema.optional(),
  validTo: CalendarDate.nullable().optional(),
});
export const MemberParams = z.strictObject({ id: z.uuid(), membershipId: z.uuid() });
