import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow } from '../../http/access';
import { envelope, ok } from '../../http/envelope';
import { pagedAnswer, pagedEnvelope, PageQuery, selectPage } from '../../http/paging';
import { actorOf, contextOf } from '../../http/request-context';
import { AppError } from '../../errors/app-error';
import { LangQuery, sendDownload, sheetLanguage, XLSX_TYPE } from '../../http/spreadsheet';
import { buildAidExport } from './aid-export';
import {
  AidAwardSchema,
  DeMinimisSettingsBody,
  HeadroomQuery,
  IdParams,
  OrganisationAidSchema,
  RecordAidBody,
} from './funding.schema';
import {
  aidAwardsQuery,
  findDeMinimisAids,
  findUndertakingIds,
  getDeMinimisSettings,
} from './funding.repository';
import { presentAidAward } from './funding.presenter';
import { deMinimisHeadroom } from './funding-rules';
import { recordStateAid } from './record-state-aid';
import { brusselsDate } from '../../../shared/brussels-time';
import { fundingPolicy } from './funding.policy';
import { setDeMinimisSettings } from './set-de-minimis-settings';

const tags = ['state-aid'];
const READERS = allow('officer', 'admin', 'analyst');
const OFFICER = allow('officer');
export default async function stateAidRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const loadAwards = async (request: Parameters<typeof contextOf>[0]) =>
    (await aidAwardsQuery(contextOf(request).db).execute()).map(presentAidAward);

  r.get(
    '/api/state-aid/awards',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'The state-aid register, one page',
        querystring: PageQuery,
        response: { 200: pagedEnvelope(AidAwardSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const awards = await selectPage(aidAwardsQuery(ctx.db).orderBy('a.id'), request.query);
      return pagedAnswer(awards, request.query, presentAidAward, {
        create: fundingPolicy.manages(actorOf(ctx)),
      });
    },
  );
  r.get(
    '/api/state-aid/awards.xlsx',
    {
      config: { access: READERS },
      schema: { tags, summary: 'The state-aid register as XLSX (aid export)', querystring: LangQuery },
    },
    async (request, reply) => {
      return sendDownload(
        reply,
        'speerpunt-staatssteun.xlsx',
        XLSX_TYPE,
        await buildAidExport(await loadAwards(request), sheetLanguage(request)),
      );
    },
  );
  r.post(
    '/api/state-aid/awards',
    {
      config: { access: OFFICER },
      schema: {
        tags,
        summary: 'Record aid to an organisation (de minimis checked)',
        body: RecordAidBody,
        response: { 201: envelope(z.object({ id: z.string() })) },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(ok(await recordStateAid(contextOf(request), request.body)));
    },
  );
  r.get(
    '/api/state-aid/organisations/:id',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: "An organisation's aid register and de minimis headroom",
        params: IdParams,
        querystring: HeadroomQuery,
        response: { 200: envelope(OrganisationAidSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const organisation = await ctx.db
        .selectFrom('organisations')
        .select(['id', 'name', 'enterprise_number'])
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!organisation) throw new AppError('NOT_FOUND');
      const on = request.query.on ?? brusselsDate(ctx.now());
      const settings = await getDeMinimisSettings(ctx.db);
      const undertaking = await findUndertakingIds(ctx.db, organisation.id);
      const headroom = deMinimisHeadroom(
        await findDeMinimisAids(ctx.db, undertaking),
        on,
        settings.ceilingCents,
        settings.windowYears,
      );
      const awards = (
        await aidAwardsQuery(ctx.db).where('a.organisation_id', 'in', undertaking).execute()
      ).map(presentAidAward);
      return ok(
        {
          organisation: {
            id: organisation.id,
            name: organisation.name,
            enterpriseNumber: organisation.enterprise_number,
          },
          awards,
          deMinimis: {
            on,
            ...headroom,
            undertakingOrganisationIds: undertaking,
            linkedEnterprisesKnown: undertaking.length > 1,
          },
        },
        { create: fundingPolicy.manages(actorOf(ctx)) },
      );
    },
  );
  r.get(
    '/api/state-aid/settings',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'De minimis ceiling and window',
        response: { 200: envelope(z.object({ ceilingCents: z.number(), windowYears: z.number() })) },
      },
    },
    async (request) => {
      return ok(await getDeMinimisSettings(contextOf(request).db), {
        edit: actorOf(contextOf(request)).role === 'admin',
      });
    },
  );
  r.put(
    '/api/state-aid/settings',
    {
      config: { access: allow('admin') },
      schema: {
        tags,
        summary: 'Set the de minimis ceiling and window',
        body: DeMinimisSettingsBody,
        response: { 200: envelope(z.object({ ceilingCents: z.number(), windowYears: z.number() })) },
      },
    },
    async (request) => {
      return ok(await setDeMinimisSettings(contextOf(request), request.body));
    },
  );
}
