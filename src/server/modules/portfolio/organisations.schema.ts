import { z } from 'zod';
import { PageQueryFields } from '../../http/paging';
import { HistoricDate } from '../../http/input-schemas';

export const HelixSchema = z.enum(['company', 'knowledge_institution', 'government', 'civil_society']);
export const SizeClassSchema = z.enum(['micro', 'small', 'medium', 'large', 'unknown']);

export const OrganisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  enterpriseNumber: z.string().nullable(),
  enterpriseNumberDisplay: z.string().nullable(),
  country: z.string(),
  foreignIdentifier: z.string().nullable(),
  helix: HelixSchema,
  sizeClass: SizeClassSchema,
  isSme: z.boolean(),
  foundedOn: z.string().nullable(),
  firstParticipationOn: z.string().nullable(),
  isPioneer: z.boolean(),
  isStartUp: z.boolean(),
  isFirstTimer: z.boolean(),
  clusterCount: z.number(),
  isExample: z.boolean(),
});
OrganisationSchema.register(z.globalRegistry, {
  id: 'Organisation',
  description: 'An organisation: enterprise, knowledge institution, government or other.',
});

const OrganisationFilterFields = {
  q: z.string().trim().max(200).optional(),
  helix: HelixSchema.optional(),
  sizeClass: SizeClassSchema.optional(),
  clusterId: z.uuid().optional(),
};
/**
 * The orders a person may ask of the organisation list (a minus sorts backwards), each served by an
 * index at Europe scale and ending on the id, so pages never overlap; organisations without a
 * founding date come last either way. Without `sort` the list is by name (a search keeps its own
 * way to the matches); with it, a search's matches are ordered by that column.
 */
export const OrganisationSortSchema = z.enum(['name', '-name', 'foundedOn', '-foundedOn']);
export type OrganisationSort = z.infer<typeof OrganisationSortSchema>;
const OrganisationSortField = { sort: OrganisationSortSchema.optional() };
export const OrganisationExportQuery = z.strictObject({
  ...OrganisationFilterFields,
  ...OrganisationSortField,
});
export const OrganisationListQuery = z.strictObject({
  ...OrganisationFilterFields,
  ...OrganisationSortField,
  ...PageQueryFields,
});

export const OrganisationIdParams = z.strictObject({ id: z.uuid() });

export const CreateOrganisationBody = z.strictObject({
  name: z.string().trim().min(1).max(300),
  helix: HelixSchema,
  country: z.string().trim().length(2).toUpperCase().default('BE'),
  enterpriseNumber: z.string().trim().max(40).nullish(),
  foreignIdentifier: z.string().trim().min(1).max(100).nullish(),
  foundedOn: HistoricDate.nullish(),
});

export const UpdateOrganisationBody = z.strictObject({
  name: z.string().trim().min(1).max(300).optional(),
  helix: HelixSchema.optional(),
  foundedOn: HistoricDate.nullable().optional(),
});

const Cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Headcount = z.number().min(0).max(10_000_000);
const Share = z.number().min(0).max(100);

export const RelatedEnterpriseInput = z.strictObject({
  name: z.string().trim().min(1).max(300),
  enterpriseNumber: z.string().trim().max(40).nullish(),
  holdingShare: Share.refine((v) => v > 0, 'must be above 0'),
  isControlled: z.boolean().default(false),
  headcount: Headcount.nullable(),
  turnoverCents: Cents.nullable(),
  balanceSheetCents: Cents.nullable(),
});

export const SmeYearInput = z.strictObject({
  referenceYear: z.number().int().min(1990).max(2100),
  headcount: Headcount.nullable(),
  turnoverCents: Cents.nullable(),
  balanceSheetCents: Cents.nullable(),
  publicControlShare: Share.default(0),
  related: z.array(RelatedEnterpriseInput).max(50).default([]),
});

export const SaveSmeFiguresBody = z.strictObject({ years: z.array(SmeYearInput).max(30) });

const LocalisedText = z.object({ nl: z.string(), en: z.string() });

export const SmeClassificationSchema = z.object({
  sizeClass: SizeClassSchema,
  latestYearClass: SizeClassSchema,
  referenceYear: z.number().nullable(),
  keptByTwoYearRule: z.boolean(),
  explanation: LocalisedText,
  years: z.array(
    z.object({
      referenceYear: z.number(),
      sizeClass: SizeClassSchema,
      decidedBy: z.string(),
      aggregated: z.object({
        headcount: z.number().nullable(),
        turnoverCents: z.number().nullable(),
        balanceSheetCents: z.number().nullable(),
      }),
      contributions: z.array(
        z.object({
          name: z.string(),
          relation: z.string(),
          countedPercent: z.number(),
          headcount: z.number().nullable(),
          turnoverCents: z.number().nullable(),
          balanceSheetCents: z.number().nullable(),
        }),
      ),
      checks: z.array(
        z.object({
          sizeClass: z.string(),
          headcountOk: z.boolean(),
          turnoverOk: z.boolean().nullable(),
          balanceSheetOk: z.boolean().nullable(),
          holds: z.boolean().nullable(),
        }),
      ),
      missing: z.array(z.string()),
    }),
  ),
});

export const OrganisationDetailSchema = OrganisationSchema.extend({
  smeInputs: z.array(
    SmeYearInput.extend({
      related: z.array(RelatedEnterpriseInput.extend({ enterpriseNumber: z.string().nullish() })),
    }),
  ),
  smeClassification: SmeClassificationSchema,
  memberships: z.array(
    z.object({
      id: z.string(),
      clusterId: z.string(),
      clusterName: z.string(),
      clusterShortName: z.string(),
      membershipType: z.string(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
    }),
  ),
  projects: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      status: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      role: z.string(),
    }),
  ),
  register: z
    .object({
      status: z.string(),
      juridicalForm: z.string().nullable(),
      legalFormLabel: z.string().nullable(),
      startDate: z.string().nullable(),
      officialNames: z.array(z.object({ language: z.string(), type: z.string(), name: z.string() })),
      addresses: z.array(
        z.object({
          type: z.string(),
          street: z.string().nullable(),
          houseNumber: z.string().nullable(),
          zipcode: z.string().nullable(),
          municipality: z.string().nullable(),
          country: z.string().nullable(),
        }),
      ),
      activities: z.array(
        z.object({
          group: z.string(),
          naceVersion: z.string(),
          naceCode: z.string(),
          classification: z.string(),
          description: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
  pioneerYears: z.number(),
});
