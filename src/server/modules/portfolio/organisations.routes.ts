import { z } from 'zod';
import { brusselsToday } from '../../../shared/brussels-time';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { envelope, ok } from '../../http/envelope';
import { keysetBatches, offsetOf, okPage, pagedAnswer, pagedEnvelope, PageQuery } from '../../http/paging';
import { contextOf, type StepContext } from '../../http/request-context';
import { AppError } from '../../errors/app-error';
import { LangQuery, sendXlsxStream, type SheetColumn } from '../../http/spreadsheet';
import { HELIX, SIZE_CLASS } from '../../http/spreadsheet-labels';
import {
  CreateOrganisationBody,
  OrganisationDetailSchema,
  OrganisationIdParams,
  OrganisationExportQuery,
  OrganisationListQuery,
  OrganisationSchema,
  SaveSmeFiguresBody,
  SmeClassificationSchema,
  UpdateOrganisationBody,
} from './organisations.schema';
import {
  findMembershipsOfOrganisation,
  findOrganisationById,
  findOrganisations,
  findOrganisationsAfter,
  findPioneerYears,
  findProjectsOfOrganisation,
  findRegisterProfile,
  findSmeYears,
  type OrganisationFilters,
  type OrganisationRow,
} from './organisations.repository';
import { presentOrganisation, type PresentedOrganisation } from './organisations.presenter';
import { createOrganisation } from './create-organisation';
import { updateOrganisation } from './update-organisation';
import { saveSmeFigures } from './save-sme-figures';
import { findFiguresHistory } from './figures-history';
import { classifySme } from './sme-classification';
import {
  isOfficer,
  mayEditOrganisation,
  officers,
  portfolioEditors,
  portfolioReaders,
} from './portfolio.policy';

const tags = ['organisations'];

const exportColumns: SheetColumn<PresentedOrganisation>[] = [
  { header: 'name', value: (o) => o.name, width: 40 },
  { header: 'enterprise_number', value: (o) => o.enterpriseNumberDisplay, width: 16 },
  { header: 'country', value: (o) => o.country },
  { header: 'foreign_identifier', value: (o) => o.foreignIdentifier },
  { header: 'helix', value: (o) => o.helix, labels: HELIX, width: 22 },
  { header: 'size_class', value: (o) => o.sizeClass, labels: SIZE_CLASS },
  { header: 'is_sme', value: (o) => o.isSme, kind: 'boolean' },
  { header: 'is_pioneer', value: (o) => o.isPioneer, kind: 'boolean' },
  { header: 'founded_on', value: (o) => o.foundedOn, kind: 'date' },
  { header: 'clusters', value: (o) => o.clusterCount, kind: 'integer' },
  { header: 'is_example', value: (o) => o.isExample, kind: 'boolean' },
];

/** Every matching organisation for an export, read a batch at a time (keyset), never all at once. */
async function* organisationBatches(
  ctx: StepContext,
  filters: OrganisationFilters,
): AsyncGenerator<PresentedOrganisation[]> {
  const years = await findPioneerYears(ctx.db);
  const today = brusselsToday(ctx.now());
  const read = (after: OrganisationRow | null, limit: number) =>
    findOrganisationsAfter(ctx.db, filters, after, limit);
  for await (const rows of keysetBatches(read)) yield rows.map((r) => presentOrganisation(r, today, years));
}

async function listOrganisations(
  ctx: StepContext,
  filters: OrganisationFilters,
  paging: { offset: number; limit: number },
): Promise<{ rows: PresentedOrganisation[]; total: number }> {
  const [found, years] = await Promise.all([
    findOrganisations(ctx.db, { ...filters, ...paging }),
    findPioneerYears(ctx.db),
  ]);
  const today = brusselsToday(ctx.now());
  return { rows: found.rows.map((r) => presentOrganisation(r, today, years)), total: found.total };
}

async function organisationDetail(ctx: StepContext, id: string) {
  const row = await findOrganisationById(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const [years, memberships, projects, register, pioneerYears] = await Promise.all([
    findSmeYears(ctx.db, id),
    findMembershipsOfOrganisation(ctx.db, id),
    findProjectsOfOrganisation(ctx.db, id),
    row.enterprise_number ? findRegisterProfile(ctx.db, row.enterprise_number) : Promise.resolve(null),
    findPioneerYears(ctx.db),
  ]);
  const classification = classifySme(row.helix === 'company' ? years : []);
  return {
    ...presentOrganisation(row, brusselsToday(ctx.now()), pioneerYears),
    pioneerYears,
    smeInputs: years.map((y) => ({
      ...y,
      publicControlShare: y.publicControlShare ?? 0,
      related: (y.related ?? []).map((r) => ({ ...r, isControlled: r.isControlled ?? false })),
    })),
    smeClassification: classification,
    memberships: memberships.map((m) => ({
      id: m.id,
      clusterId: m.cluster_id,
      clusterName: m.cluster_name,
      clusterShortName: m.cluster_short_name,
      membershipType: m.membership_type,
      validFrom: m.valid_from,
      validTo: m.valid_to,
    })),
    projects: projects.map((p) => ({
      id: p.id,
      code: p.code,
      title: p.title,
      status: p.status,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      role: p.role,
    })),
    register: register
      ? {
          status: register.enterprise.status,
          juridicalForm: register.enterprise.juridical_form,
          legalFormLabel: register.legalFormLabel,
          startDate: register.enterprise.start_date,
          officialNames: register.names.map((n) => ({
            language: n.language,
            type: n.type_of_denomination,
            name: n.denomination,
          })),
          addresses: register.addresses.map((a) => ({
            type: a.type_of_address,
            street: a.street_nl ?? a.street_fr,
            houseNumber: a.house_number,
            zipcode: a.zipcode,
            municipality: a.municipality_nl ?? a.municipality_fr,
            country: a.country_nl,
          })),
          activities: register.activities.map((a) => ({
            group: a.activity_group,
            naceVersion: a.nace_version,
            naceCode: a.nace_code,
            classification: a.classification,
            description: a.description ?? null,
          })),
        }
      : null,
  };
}

export default async function organisationsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/organisations',
    {
      config: { access: portfolioReaders },
      schema: {
        tags,
        summary: 'Organisations with helix, size class and pioneer status',
        querystring: OrganisationListQuery,
        response: { 200: pagedEnvelope(OrganisationSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { page, pageSize, ...filters } = request.query;
      const { rows, total } = await listOrganisations(ctx, filters, {
        offset: offsetOf({ page, pageSize }),
        limit: pageSize,
      });
      return okPage(rows, { page, pageSize, total }, { create: ctx.actor?.role !== 'analyst' });
    },
  );

  r.get(
    '/api/organisations.xlsx',
    {
      config: { access: portfolioReaders },
      schema: {
        tags,
        summary: 'Organisations as XLSX',
        querystring: OrganisationExportQuery.extend(LangQuery.shape),
      },
    },
    async (request, reply) => {
      const { lang: _lang, ...filters } = request.query;
      return sendXlsxStream(request, reply, 'speerpunt-organisaties.xlsx', {
        name: { nl: 'Organisaties', en: 'Organisations' },
        columns: exportColumns,
        batches: organisationBatches(contextOf(request), filters),
      });
    },
  );

  r.get(
    '/api/organisations/:id',
    {
      config: { access: portfolioReaders },
      schema: {
        tags,
        summary: 'One organisation: SME inputs and reasoning, memberships, projects, register data',
        params: OrganisationIdParams,
        response: { 200: envelope(OrganisationDetailSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const data = await organisationDetail(ctx, request.params.id);
      return ok(data, {
        edit: isOfficer(ctx.actor),
        editSme: data.helix === 'company' && (await mayEditOrganisation(ctx, data.id)),
      });
    },
  );

  r.get(
    '/api/organisations/:id/figures-history',
    {
      config: { access: portfolioReaders },
      schema: {
        tags,
        summary:
          'Every change of the SME figures: when, by whom (analysts: the role), size class before and after',
        params: OrganisationIdParams,
        querystring: PageQuery,
        response: {
          200: pagedEnvelope(
            z.object({
              occurredAt: z.string(),
              changedBy: z.string(),
              sizeClassBefore: z.string().nullable(),
              sizeClassAfter: z.string().nullable(),
            }),
          ),
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await organisationDetail(ctx, request.params.id);
      const history = await findFiguresHistory(ctx, request.params.id, request.query);
      return pagedAnswer(history, request.query, (x) => x);
    },
  );

  r.post(
    '/api/organisations',
    {
      config: { access: portfolioEditors },
      schema: {
        tags,
        summary: 'Register an organisation',
        body: CreateOrganisationBody,
        response: { 201: envelope(OrganisationSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const row = await createOrganisation(ctx, request.body);
      return reply
        .status(201)
        .send(ok(presentOrganisation(row, brusselsToday(ctx.now()), await findPioneerYears(ctx.db))));
    },
  );

  r.patch(
    '/api/organisations/:id',
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'Change name, helix or founding date',
        params: OrganisationIdParams,
        body: UpdateOrganisationBody,
        response: { 200: envelope(OrganisationSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const row = await updateOrganisation(ctx, { organisationId: request.params.id, ...request.body });
      return ok(presentOrganisation(row, brusselsToday(ctx.now()), await findPioneerYears(ctx.db)));
    },
  );

  r.put(
    '/api/organisations/:id/sme-figures',
    {
      config: { access: portfolioEditors },
      schema: {
        tags,
        summary: 'Replace the SME inputs and recompute the size class',
        params: OrganisationIdParams,
        body: SaveSmeFiguresBody,
        response: { 200: envelope(SmeClassificationSchema) },
      },
    },
    async (request) => {
      const classification = await saveSmeFigures(contextOf(request), {
        organisationId: request.params.id,
        years: request.body.years,
      });
      return ok(classification);
    },
  );

  r.post(
    '/api/organisations/sme-preview',
    {
      config: { access: portfolioReaders },
      schema: {
        tags,
        summary: 'Classify SME inputs without saving them (form preview)',
        body: SaveSmeFiguresBody,
        response: { 200: envelope(SmeClassificationSchema) },
      },
    },
    async (request) => ok(classifySme(request.body.years)),
  );
}
