import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { Helix } from '../../db/core.tables';
import { recordAudit } from '../../audit/record-audit';
import { AppError, detail, type ErrorDetail } from '../../errors/app-error';
import type { StepContext } from '../../http/request-context';
import { parseEnterpriseNumber } from '../../../shared/enterprise-number';
import { findClusterById } from './clusters.repository';
import { assertMayEditCluster } from './portfolio.policy';
import { enterpriseNumberProblem } from './organisation-identity';
import { readMemberFile, type RawMemberRow } from './member-file';
import { hasUnsafeCharacter } from '../../http/input-boundary';
import { MAX_YEAR, MIN_YEAR } from '../../http/input-schemas';

const HELIX_WORDS: Record<string, Helix> = {
  company: 'company',
  bedrijf: 'company',
  onderneming: 'company',
  knowledge_institution: 'knowledge_institution',
  kennisinstelling: 'knowledge_institution',
  government: 'government',
  overheid: 'government',
  civil_society: 'civil_society',
  middenveld: 'civil_society',
  maatschappelijk_middenveld: 'civil_society',
};
const TYPES = ['member', 'strategic_partner', 'associate'];
const TYPE_WORDS: Record<string, string> = {
  lid: 'member',
  strategische_partner: 'strategic_partner',
  geassocieerd: 'associate',
};

export interface PreviewRow {
  line: number;
  name: string;
  enterpriseNumber: string | null;
  country: string;
  foreignIdentifier: string | null;
  helix: Helix | null;
  membershipType: string;
  validFrom: string | null;
  validTo: string | null;
  foundedOn: string | null;
  /** What a commit would do with the row. */
  action: 'link_existing' | 'create_organisation' | 'skip';
  organisationId: string | null;
  problems: ErrorDetail[];
}

export interface ImportPreview {
  rows: PreviewRow[];
  total: number;
  good: number;
  bad: number;
}

/** dd/mm/yyyy, dd-mm-yyyy or yyyy-mm-dd → yyyy-mm-dd; null when not a real date or outside minYear–2200. */
export function parseDate(text: string, minYear = MIN_YEAR): string | null {
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text)))
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  if (y < minYear || y > MAX_YEAR) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const key = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

async function checkRows(db: Kysely<DB>, clusterId: string, raw: RawMemberRow[]): Promise<PreviewRow[]> {
  const seen = new Map<string, number>();
  const numbers = new Set<string>();
  const rows: PreviewRow[] = raw.map((r) => {
    const v = r.values;
    const problems: ErrorDetail[] = [];
    const at = (field: string) => `line ${r.line}: ${field}`;
    for (const [column, value] of Object.entries(v)) {
      if (typeof value === 'string' && hasUnsafeCharacter(value))
        problems.push(
          detail(
            at(column),
            'invalid_characters',
            'Deze cel bevat een niet-toegelaten teken (een nulteken of een onvolledig Unicode-teken).',
            'This cell holds a character that is not allowed (a NUL or an incomplete Unicode character).',
          ),
        );
    }
    const name = (v.name ?? '').trim();
    if (!name) problems.push(detail(at('name'), 'missing', 'Naam ontbreekt.', 'Name is missing.'));
    const country = ((v.country ?? '').trim() || 'BE').toUpperCase();
    if (!/^[A-Z]{2}$/.test(country))
      problems.push(
        detail(
          at('country'),
          'invalid',
          `Onbekende landcode "${v.country}" (verwacht bv. BE, NL).`,
          `Unknown country code "${v.country}" (expected e.g. BE, NL).`,
        ),
      );
    let enterpriseNumber: string | null = null;
    const rawNumber = (v.enterprise_number ?? '').trim();
    if (rawNumber) {
      const parsed = parseEnterpriseNumber(rawNumber);
      if (parsed.ok) enterpriseNumber = parsed.value;
      else {
        const reason = enterpriseNumberProblem(rawNumber);
        problems.push(
          detail(
            at('enterprise_number'),
            'invalid',
            `Ongeldig ondernemingsnummer "${rawNumber}": ${reason?.nl}.`,
            `Invalid enterprise number "${rawNumber}": ${reason?.en}.`,
          ),
        );
      }
    }
    const foreignIdentifier = country !== 'BE' ? (v.foreign_identifier ?? '').trim() || null : null;
    if (country === 'BE' && !rawNumber)
      problems.push(
        detail(
          at('enterprise_number'),
          'missing',
          'Ondernemingsnummer ontbreekt (verplicht voor Belgische organisaties).',
          'Enterprise number missing (required for Belgian organisations).',
        ),
      );
    if (country !== 'BE' && !rawNumber && !foreignIdentifier)
      problems.push(
        detail(
          at('foreign_identifier'),
          'missing',
          'Buitenlandse organisatie zonder eigen identificatie.',
          'Foreign organisation without its own identifier.',
        ),
      );
    const helixText = key(v.helix ?? '');
    const helix = HELIX_WORDS[helixText] ?? null;
    if (!helix)
      problems.push(
        detail(
          at('helix'),
          'unknown',
          `Onbekende categorie "${v.helix ?? ''}" (bedrijf, kennisinstelling, overheid, middenveld).`,
          `Unknown category "${v.helix ?? ''}" (company, knowledge_institution, government, civil_society).`,
        ),
      );
    const typeText = key(v.membership_type ?? '') || 'member';
    const membershipType = TYPE_WORDS[typeText] ?? typeText;
    if (!TYPES.includes(membershipType))
      problems.push(
        detail(
          at('membership_type'),
          'unknown',
          `Onbekend lidmaatschapstype "${v.membership_type}".`,
          `Unknown membership type "${v.membership_type}".`,
        ),
      );
    const validFrom = v.valid_from ? parseDate(v.valid_from) : null;
    if (!validFrom)
      problems.push(
        detail(
          at('valid_from'),
          v.valid_from ? 'invalid' : 'missing',
          v.valid_from ? `Ongeldige datum "${v.valid_from}".` : 'Begindatum ontbreekt.',
          v.valid_from ? `Invalid date "${v.valid_from}".` : 'Start date is missing.',
        ),
      );
    const validTo = v.valid_to ? parseDate(v.valid_to) : null;
    if (v.valid_to && !validTo)
      problems.push(
        detail(
          at('valid_to'),
          'invalid',
          `Ongeldige datum "${v.valid_to}".`,
          `Invalid date "${v.valid_to}".`,
        ),
      );
    if (validFrom && validTo && validTo < validFrom)
      problems.push(
        detail(
          at('valid_to'),
          'before_start',
          'De einddatum ligt vóór de begindatum.',
          'The end date is before the start date.',
        ),
      );
    const foundedOn = v.founded_on ? parseDate(v.founded_on, 1000) : null;
    if (v.founded_on && !foundedOn)
      problems.push(
        detail(
          at('founded_on'),
          'invalid',
          `Ongeldige datum "${v.founded_on}".`,
          `Invalid date "${v.founded_on}".`,
        ),
      );
    const identity = enterpriseNumber
      ? `be:${enterpriseNumber}`
      : foreignIdentifier
        ? `${country}:${foreignIdentifier.toLowerCase()}`
        : null;
    if (identity) {
      const first = seen.get(identity);
      if (first !== undefined)
        problems.push(
          detail(
            at('enterprise_number'),
            'duplicate',
            `Dubbel: dezelfde organisatie staat al op regel ${first}.`,
            `Duplicate: the same organisation is already on line ${first}.`,
          ),
        );
      else seen.set(identity, r.line);
    }
    if (enterpriseNumber) numbers.add(enterpriseNumber);
    return {
      line: r.line,
      name,
      enterpriseNumber,
      country,
      foreignIdentifier,
      helix,
      membershipType,
      validFrom,
      validTo,
      foundedOn,
      action: 'skip',
      organisationId: null,
      problems,
    };
  });

  const existing =
    numbers.size > 0
      ? await db
          .selectFrom('organisations')
          .select(['id', 'enterprise_number'])
          .where('enterprise_number', 'in', [...numbers])
          .execute()
      : [];
  const byNumber = new Map(existing.map((o) => [o.enterprise_number, o.id]));
  const foreign = rows
    .filter((r) => !r.enterpriseNumber && r.foreignIdentifier)
    .map((r) => r.foreignIdentifier as string);
  const foreignRows =
    foreign.length > 0
      ? await db
          .selectFrom('organisations')
          .select(['id', 'country', 'foreign_identifier'])
          .where('foreign_identifier', 'in', foreign)
          .execute()
      : [];
  for (const row of rows) {
    row.organisationId = row.enterpriseNumber
      ? (byNumber.get(row.enterpriseNumber) ?? null)
      : (foreignRows.find((o) => o.country === row.country && o.foreign_identifier === row.foreignIdentifier)
          ?.id ?? null);
  }
  const orgIds = [...new Set(rows.map((r) => r.organisationId).filter((id): id is string => id !== null))];
  const current =
    orgIds.length > 0
      ? await db
          .selectFrom('memberships')
          .select(['organisation_id', 'valid_from', 'valid_to'])
          .where('cluster_id', '=', clusterId)
          .where('organisation_id', 'in', orgIds)
          .execute()
      : [];
  for (const row of rows) {
    const overlaps = current.some(
      (m) =>
        m.organisation_id === row.organisationId &&
        row.validFrom !== null &&
        (m.valid_to === null || m.valid_to >= row.validFrom) &&
        (row.validTo === null || m.valid_from <= row.validTo),
    );
    if (row.organisationId && row.problems.length === 0 && overlaps) {
      row.problems.push(
        detail(
          `line ${row.line}: enterprise_number`,
          'already_member',
          'Dubbel: deze organisatie is in die periode al lid van de cluster.',
          'Duplicate: this organisation is already a member of the cluster in that period.',
        ),
      );
    }
    row.action =
      row.problems.length > 0 ? 'skip' : row.organisationId ? 'link_existing' : 'create_organisation';
  }
  return rows;
}

function summary(rows: PreviewRow[]): ImportPreview {
  const bad = rows.filter((r) => r.problems.length > 0).length;
  return { rows, total: rows.length, good: rows.length - bad, bad };
}

export interface ImportMembersOptions {
  clusterId: string;
  filename: string;
  content: Buffer;
}

async function loadChecked(ctx: StepContext, options: ImportMembersOptions) {
  const cluster = await findClusterById(ctx.db, options.clusterId);
  if (!cluster) throw new AppError('NOT_FOUND');
  assertMayEditCluster(ctx, cluster.id);
  const raw = await readMemberFile(options.filename, options.content, {
    maxUncompressedBytes: ctx.config.uploadMaxUncompressedBytes,
    maxEntries: ctx.config.uploadMaxZipEntries,
    maxRecordChars: ctx.config.importMaxRecordChars,
  });
  return { cluster, rows: await checkRows(ctx.db, cluster.id, raw) };
}

/** Reads a member list and explains every row's problems; writes nothing. */
export async function previewMemberImport(
  ctx: StepContext,
  options: ImportMembersOptions,
): Promise<ImportPreview> {
  const { rows } = await loadChecked(ctx, options);
  return summary(rows);
}

/**
 * Writes all good rows of a member list in one transaction (new organisations, then
 * memberships) with one audit row; bad rows are skipped and returned with their problems.
 */
export async function commitMemberImport(
  ctx: StepContext,
  options: ImportMembersOptions,
): Promise<ImportPreview & { createdOrganisations: number; createdMemberships: number }> {
  const { cluster, rows } = await loadChecked(ctx, options);
  const good = rows.filter((r) => r.problems.length === 0);
  if (good.length === 0)
    throw new AppError('IMPORT_NOTHING_TO_COMMIT', { details: rows.flatMap((r) => r.problems).slice(0, 50) });
  return ctx.db.transaction().execute(async (tx) => {
    const toCreate = good.filter((r) => r.action === 'create_organisation');
    if (toCreate.length > 0) {
      const created = await tx
        .insertInto('organisations')
        .values(
          toCreate.map((r) => ({
            name: r.name,
            helix: r.helix ?? 'company',
            country: r.country,
            enterprise_number: r.enterpriseNumber,
            foreign_identifier: r.foreignIdentifier,
            founded_on: r.foundedOn,
          })),
        )
        .returning('id')
        .execute();
      created.forEach((c, i) => (toCreate[i].organisationId = c.id));
    }
    const memberships = await tx
      .insertInto('memberships')
      .values(
        good.map((r) => ({
          cluster_id: cluster.id,
          organisation_id: r.organisationId as string,
          membership_type: r.membershipType,
          valid_from: r.validFrom as string,
          valid_to: r.validTo,
        })),
      )
      .returning('id')
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'membership.imported',
        entityType: 'cluster',
        entityId: cluster.id,
        after: {
          filename: options.filename,
          rows: rows.length,
          committed: good.length,
          skipped: rows.length - good.length,
          createdOrganisationIds: toCreate.map((r) => r.organisationId),
          membershipIds: memberships.map((m) => m.id),
        },
      },
      ctx.requestId,
    );
    return {
      ...summary(rows),
      createdOrganisations: toCreate.length,
      createdMemberships: memberships.length,
    };
  });
}
