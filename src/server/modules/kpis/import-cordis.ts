import { parse } from 'csv-parse/sync';
import { AppError, detail, type ErrorDetail } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import { parseEnterpriseNumber } from '../../../shared/enterprise-number';

/** Columns the import needs; CORDIS names the project id `id` in project.csv (older dumps: `projectID`). */
const PROJECT_COLUMNS = [['id', 'projectID'], ['acronym'], ['frameworkProgramme'], ['startDate']] as const;
const ORGANISATION_COLUMNS = [
  ['projectID'],
  ['organisationID'],
  ['name'],
  ['vatNumber'],
  ['role'],
  ['SME'],
  ['ecContribution'],
] as const;

type Row = Record<string, string>;

function readCsv(text: string, file: string): Row[] {
  try {
    return parse(text.replace(/^\uFEFF/, ''), {
      delimiter: ';',
      columns: true,
      skip_empty_lines: true,
      relax_quotes: true,
      trim: true,
      // Bounded records: an unterminated quote stops with an error instead of swallowing the file.
      max_record_size: 1 << 20,
    }) as Row[];
  } catch (error) {
    throw new AppError('CORDIS_FILE_INVALID', {
      details: [
        detail(
          file,
          'parse',
          `Niet leesbaar: ${(error as Error).message}`,
          `Not readable: ${(error as Error).message}`,
        ),
      ],
    });
  }
}

function missingColumns(
  rows: Row[],
  text: string,
  file: string,
  columns: readonly (readonly string[])[],
): ErrorDetail[] {
  const header = rows[0]
    ? Object.keys(rows[0])
    : (text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '')
        .split(';')
        .map((h) => h.trim().replace(/^"|"$/g, ''));
  return columns
    .filter((alternatives) => !alternatives.some((name) => header.includes(name)))
    .map((alternatives) =>
      detail(
        `${file}.${alternatives[0]}`,
        'missing_column',
        `Kolom ${alternatives.join(' of ')} ontbreekt.`,
        `Column ${alternatives.join(' or ')} is missing.`,
      ),
    );
}

/** CORDIS amounts use a dot or a decimal comma; returns integer cents or null. */
export function amountToCents(text: string | undefined): number | null {
  if (!text) return null;
  const normalised = text
    .replace(/\s/g, '')
    .replace(/,(\d{1,2})$/, '.$1')
    .replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(normalised)) return null;
  const [whole, fraction = ''] = normalised.split('.');
  return Number(whole) * 100 + Number(`${fraction}00`.slice(0, 2));
}

function dateOrNull(text: string | undefined): string | null {
  return text && /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : null;
}

function smeFlag(text: string | undefined): boolean | null {
  const value = (text ?? '').trim().toLowerCase();
  if (['true', '1', 'yes', 'y'].includes(value)) return true;
  if (['false', '0', 'no', 'n'].includes(value)) return false;
  return null;
}

export interface CordisImportResult {
  projects: number;
  participations: number;
  linked: number;
  unmatched: number;
}

/**
 * Imports the EU open-data files (CORDIS `project.csv` and `organization.csv`, semicolon
 * separated). Projects and participations are upserted by their CORDIS ids; Belgian participants
 * are linked to organisations by VAT / enterprise number; the rest stay unmatched for manual
 * linking (manual links survive a re-import). Missing columns refuse the whole import; all or nothing.
 */
export async function importCordis(
  ctx: StepContext,
  input: { projectCsv: string; organizationCsv: string },
): Promise<CordisImportResult> {
  const projects = readCsv(input.projectCsv, 'project.csv');
  const organisations = readCsv(input.organizationCsv, 'organization.csv');
  const problems = [
    ...missingColumns(projects, input.projectCsv, 'project.csv', PROJECT_COLUMNS),
    ...missingColumns(organisations, input.organizationCsv, 'organization.csv', ORGANISATION_COLUMNS),
  ];
  if (problems.length > 0) throw new AppError('CORDIS_COLUMNS_MISSING', { details: problems });
  const projectIdOf = (row: Row) => row.id ?? row.projectID ?? '';
  const known = new Set(projects.map(projectIdOf));
  const badRows: ErrorDetail[] = [];
  projects.forEach((row, index) => {
    if (!projectIdOf(row) || !row.acronym)
      badRows.push(
        detail(
          `project.csv.${index + 2}`,
          'row',
          'Projectnummer of acroniem ontbreekt.',
          'Project id or acronym is missing.',
        ),
      );
  });
  organisations.forEach((row, index) => {
    if (!known.has(row.projectID ?? ''))
      badRows.push(
        detail(
          `organization.csv.${index + 2}`,
          'row',
          `Onbekend project ${row.projectID ?? ''}.`,
          `Unknown project ${row.projectID ?? ''}.`,
        ),
      );
    else if (!row.organisationID || !row.name)
      badRows.push(
        detail(
          `organization.csv.${index + 2}`,
          'row',
          'Organisatienummer of naam ontbreekt.',
          'Organisation id or name is missing.',
        ),
      );
    else if (row.ecContribution && amountToCents(row.ecContribution) === null)
      badRows.push(
        detail(
          `organization.csv.${index + 2}`,
          'row',
          'Ongeldig bedrag in ecContribution.',
          'Invalid amount in ecContribution.',
        ),
      );
  });
  if (badRows.length > 0) throw new AppError('CORDIS_FILE_INVALID', { details: badRows.slice(0, 50) });

  const byNumber = new Map(
    (
      await ctx.db
        .selectFrom('organisations')
        .select(['id', 'enterprise_number'])
        .where('enterprise_number', 'is not', null)
        .execute()
    ).map((o) => [o.enterprise_number ?? '', o.id]),
  );
  return ctx.db.transaction().execute(async (tx) => {
    const projectIds = new Map<string, string>();
    for (const row of projects) {
      const values = {
        acronym: row.acronym ?? '',
        title: row.title ?? '',
        framework_programme: row.frameworkProgramme ?? '',
        starts_on: dateOrNull(row.startDate),
        ends_on: dateOrNull(row.endDate),
        total_cost_cents: amountToCents(row.totalCost),
        ec_max_contribution_cents: amountToCents(row.ecMaxContribution),
      };
      const saved = await tx
        .insertInto('eu_projects')
        .values({ cordis_project_id: projectIdOf(row), ...values })
        .onConflict((oc) => oc.column('cordis_project_id').doUpdateSet({ ...values, imported_at: ctx.now() }))
        .returning('id')
        .executeTakeFirstOrThrow();
      projectIds.set(projectIdOf(row), saved.id);
    }
    let linked = 0;
    let unmatched = 0;
    for (const row of organisations) {
      const vat = row.vatNumber?.trim() || null;
      const country = row.country?.trim() || null;
      const parsed =
        vat && (vat.toUpperCase().startsWith('BE') || country === 'BE') ? parseEnterpriseNumber(vat) : null;
      const organisationId = parsed?.ok ? (byNumber.get(parsed.value) ?? null) : null;
      const values = {
        name: row.name ?? '',
        vat_number: vat,
        country,
        role: (row.role ?? 'participant').toLowerCase(),
        is_sme: smeFlag(row.SME),
        ec_contribution_cents: amountToCents(row.ecContribution) ?? 0,
      };
      const projectId = projectIds.get(row.projectID ?? '');
      if (!projectId) continue;
      const existing = await tx
        .selectFrom('eu_participations')
        .select(['id', 'link_method', 'organisation_id'])
        .where('eu_project_id', '=', projectId)
        .where('cordis_organisation_id', '=', row.organisationID ?? '')
        .executeTakeFirst();
      const keepManual = existing?.link_method === 'manual';
      const link = keepManual
        ? {}
        : {
            organisation_id: organisationId,
            link_method: organisationId ? ('vat' as const) : null,
            linked_at: organisationId ? ctx.now() : null,
          };
      if (existing)
        await tx
          .updateTable('eu_participations')
          .set({ ...values, ...link })
          .where('id', '=', existing.id)
          .execute();
      else
        await tx
          .insertInto('eu_participations')
          .values({
            eu_project_id: projectId,
            cordis_organisation_id: row.organisationID ?? '',
            ...values,
            ...link,
          })
          .execute();
      if (keepManual ? existing?.organisation_id : organisationId) linked += 1;
      else unmatched += 1;
    }
    const result = { projects: projects.length, participations: organisations.length, linked, unmatched };
    await recordAudit(
      tx,
      ctx.auditActor,
      { action: 'kpi.cordis_imported', entityType: 'eu_import', after: result },
      ctx.requestId,
    );
    return result;
  });
}
