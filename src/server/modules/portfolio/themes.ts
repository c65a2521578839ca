import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { ThemeKind } from '../../db/shared.tables';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors/app-error';
import type { StepContext } from '../../http/request-context';

export interface ThemeRow {
  id: string;
  parent_id: string | null;
  kind: ThemeKind;
  code: string;
  label_nl: string;
  label_en: string;
  is_example: boolean;
}

/** Which themes: of one kind, matching `q` (code or either label, accents aside), or these ids. */
export interface ThemeFilters {
  kind?: ThemeKind;
  q?: string;
  ids?: readonly string[];
}

/** The themes matching the filters, by kind and code (and id, so pages are stable). */
export function themesQuery(db: Kysely<DB>, filters: ThemeFilters = {}) {
  let query = db
    .selectFrom('themes')
    .select(['id', 'parent_id', 'kind', 'code', 'label_nl', 'label_en', 'is_example']);
  if (filters.kind) query = query.where('kind', '=', filters.kind);
  if (filters.ids) query = query.where('id', 'in', [...filters.ids]);
  if (filters.q) {
    const like = sql`sp_fold(${`%${filters.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`})`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`sp_fold(code)`, 'like', like),
        eb(sql`sp_fold(label_nl)`, 'like', like),
        eb(sql`sp_fold(label_en)`, 'like', like),
      ]),
    );
  }
  return query.orderBy('kind').orderBy('code').orderBy('id');
}

export function findThemes(db: Kysely<DB>, kind?: ThemeKind): Promise<ThemeRow[]> {
  return themesQuery(db, { kind }).execute();
}

export function presentThemeRow(row: ThemeRow) {
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind,
    code: row.code,
    labelNl: row.label_nl,
    labelEn: row.label_en,
    isExample: row.is_example,
  };
}

/** The parent must exist, have the same kind, and not be the theme or one of its descendants. */
async function assertParent(
  db: Kysely<DB>,
  kind: ThemeKind,
  parentId: string | null,
  selfId?: string,
): Promise<void> {
  if (!parentId) return;
  let cursor: string | null = parentId;
  for (let depth = 0; cursor && depth < 20; depth++) {
    if (cursor === selfId) throw new AppError('THEME_PARENT_INVALID');
    const parent: { kind: ThemeKind; parent_id: string | null } | undefined = await db
      .selectFrom('themes')
      .select(['kind', 'parent_id'])
      .where('id', '=', cursor)
      .executeTakeFirst();
    if (!parent || parent.kind !== kind) throw new AppError('THEME_PARENT_INVALID');
    cursor = parent.parent_id;
  }
}

export interface SaveThemeOptions {
  kind: ThemeKind;
  code: string;
  labelNl: string;
  labelEn: string;
  parentId: string | null;
  isExample: boolean;
}

/** Adds a theme to the taxonomy (admins). */
export async function createTheme(ctx: StepContext, options: SaveThemeOptions): Promise<ThemeRow> {
  await assertParent(ctx.db, options.kind, options.parentId);
  const taken = await ctx.db
    .selectFrom('themes')
    .select('id')
    .where('kind', '=', options.kind)
    .where('code', '=', options.code)
    .executeTakeFirst();
  if (taken) throw new AppError('THEME_CODE_TAKEN');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('themes')
      .values({
        kind: options.kind,
        code: options.code,
        label_nl: options.labelNl,
        label_en: options.labelEn,
        parent_id: options.parentId,
        is_example: options.isExample,
      })
      .returning(['id', 'parent_id', 'kind', 'code', 'label_nl', 'label_en', 'is_example'])
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      ctx.auditActor,
      { action: 'theme.created', entityType: 'theme', entityId: row.id, after: presentThemeRow(row) },
      ctx.requestId,
    );
    return row;
  });
}

/** Changes a theme's labels, code, parent or example flag (admins); its kind stays. */
export async function updateTheme(
  ctx: StepContext,
  id: string,
  changes: Partial<Omit<SaveThemeOptions, 'kind'>>,
): Promise<ThemeRow> {
  const before = await ctx.db
    .selectFrom('themes')
    .select(['id', 'parent_id', 'kind', 'code', 'label_nl', 'label_en', 'is_example'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!before) throw new AppError('NOT_FOUND');
  if (changes.parentId !== undefined) await assertParent(ctx.db, before.kind, changes.parentId, id);
  if (changes.code && changes.code !== before.code) {
    const taken = await ctx.db
      .selectFrom('themes')
      .select('id')
      .where('kind', '=', before.kind)
      .where('code', '=', changes.code)
      .executeTakeFirst();
    if (taken) throw new AppError('THEME_CODE_TAKEN');
  }
  const set = {
    ...(changes.code !== undefined ? { code: changes.code } : {}),
    ...(changes.labelNl !== undefined ? { label_nl: changes.labelNl } : {}),
    ...(changes.labelEn !== undefined ? { label_en: changes.labelEn } : {}),
    ...(changes.parentId !== undefined ? { parent_id: changes.parentId } : {}),
    ...(changes.isExample !== undefined ? { is_example: changes.isExample } : {}),
  };
  // An empty change changes nothing (and writes no audit row).
  if (Object.keys(set).length === 0) return before;
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('themes')
      .set(set)
      .where('id', '=', id)
      .returning(['id', 'parent_id', 'kind', 'code', 'label_nl', 'label_en', 'is_example'])
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'theme.updated',
        entityType: 'theme',
        entityId: id,
        before: presentThemeRow(before),
        after: presentThemeRow(row),
      },
      ctx.requestId,
    );
    return row;
  });
}
