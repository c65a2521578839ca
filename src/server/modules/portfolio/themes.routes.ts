import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anyUser } from '../../http/access';
import { envelope, ok } from '../../http/envelope';
import { pagedAnswer, pagedEnvelope, pagedQuery, selectPage } from '../../http/paging';
import { contextOf } from '../../http/request-context';
import { LangQuery, sendXlsx, type SheetColumn } from '../../http/spreadsheet';
import { THEME_KIND } from '../../http/spreadsheet-labels';
import { ThemeKindSchema } from './clusters.schema';
import { admins } from './portfolio.policy';
import { createTheme, findThemes, presentThemeRow, themesQuery, updateTheme } from './themes';

const tags = ['themes'];
const ThemeNodeSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: ThemeKindSchema,
  code: z.string(),
  labelNl: z.string(),
  labelEn: z.string(),
  isExample: z.boolean(),
});
const ThemeQuery = z.strictObject({ kind: ThemeKindSchema.optional() });
const UUID = '[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}';
const ThemeListQuery = ThemeQuery.extend({
  q: z.string().trim().max(100).optional(),
  /** Comma-separated ids (at most 100): the labels of the themes a form has chosen already. */
  ids: z
    .string()
    .regex(new RegExp(`^${UUID}(,${UUID}){0,99}$`, 'i'))
    .optional(),
});
const Code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/);
const CreateThemeBody = z.strictObject({
  kind: ThemeKindSchema,
  code: Code,
  labelNl: z.string().trim().min(1).max(200),
  labelEn: z.string().trim().min(1).max(200),
  parentId: z.uuid().nullable().default(null),
  isExample: z.boolean().default(false),
});
const UpdateThemeBody = z.strictObject({
  code: Code.optional(),
  labelNl: z.string().trim().min(1).max(200).optional(),
  labelEn: z.string().trim().min(1).max(200).optional(),
  parentId: z.uuid().nullable().optional(),
  isExample: z.boolean().optional(),
});

type ThemeNode = ReturnType<typeof presentThemeRow>;
const columns: SheetColumn<ThemeNode>[] = [
  { header: 'kind', value: (t) => t.kind, labels: THEME_KIND, withCode: true, width: 20 },
  { header: 'code', value: (t) => t.code },
  { header: 'label_nl', value: (t) => t.labelNl, width: 40 },
  { header: 'label_en', value: (t) => t.labelEn, width: 40 },
  { header: 'parent_id', value: (t) => t.parentId, width: 38 },
  { header: 'is_example', value: (t) => t.isExample, kind: 'boolean' },
];

/** The theme taxonomy: every signed-in user reads it (calls and proposals use it); admins edit it. */
export default async function themesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/themes',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary:
          'The theme taxonomy (flat, with parent ids), one page; `q` searches code and labels, `ids` names chosen ones',
        querystring: pagedQuery(ThemeListQuery.shape),
        response: { 200: pagedEnvelope(ThemeNodeSchema) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { kind, q, ids } = request.query;
      const themes = await selectPage(themesQuery(ctx.db, { kind, q, ids: ids?.split(',') }), request.query);
      return pagedAnswer(themes, request.query, presentThemeRow, { edit: ctx.actor?.role === 'admin' });
    },
  );
  r.get(
    '/api/themes.xlsx',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'The theme taxonomy as XLSX',
        querystring: ThemeQuery.extend(LangQuery.shape),
      },
    },
    async (request, reply) => {
      const rows = (await findThemes(contextOf(request).db, request.query.kind)).map(presentThemeRow);
      return sendXlsx(request, reply, 'speerpunt-themas.xlsx', {
        name: { nl: 'Thema’s', en: 'Themes' },
        columns: columns,
        rows: rows,
      });
    },
  );
  r.post(
    '/api/themes',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Add a theme',
        body: CreateThemeBody,
        response: { 201: envelope(ThemeNodeSchema) },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(ok(presentThemeRow(await createTheme(contextOf(request), request.body))));
    },
  );
  r.patch(
    '/api/themes/:id',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Change a theme',
        params: z.strictObject({ id: z.uuid() }),
        body: UpdateThemeBody,
        response: { 200: envelope(ThemeNodeSchema) },
      },
    },
    async (request) => {
      return ok(presentThemeRow(await updateTheme(contextOf(request), request.params.id, request.body)));
    },
  );
}
