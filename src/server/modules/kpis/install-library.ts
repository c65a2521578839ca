import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types';
import { recordAudit, type AuditActor } from '../../audit/record-audit';
import { STANDARD_KPIS } from './standard-library';

/**
 * Installs the standard KPI library: adds the definitions whose code is missing and leaves
 * existing ones (possibly edited by officers) alone. Returns the codes added.
 */
export async function installStandardLibrary(
  db: Kysely<DB> | Transaction<DB>,
  actor: AuditActor,
  requestId: string | null = null,
): Promise<string[]> {
  const existing = new Set(
    (await db.selectFrom('kpi_definitions').select('code').execute()).map((r) => r.code),
  );
  const missing = STANDARD_KPIS.map((kpi, index) => ({ kpi, index })).filter(
    ({ kpi }) => !existing.has(kpi.code),
  );
  if (missing.length === 0) return [];
  await db
    .insertInto('kpi_definitions')
    .values(
      missing.map(({ kpi, index }) => ({
        code: kpi.code,
        name_nl: kpi.nl,
        name_en: kpi.en,
        definition_nl: kpi.definitionNl,
        definition_en: kpi.definitionEn,
        unit: kpi.unit,
        direction: kpi.direction,
        aggregation: kpi.aggregation,
        lens: kpi.lens,
        evidence_required: kpi.evidenceRequired ?? false,
        source: kpi.source,
        computed_key: kpi.computedKey ?? null,
        numerator_code: kpi.numerator ?? null,
        denominator_code: kpi.denominator ?? null,
        factor: kpi.factor ?? 1,
        sort_order: (index + 1) * 10,
      })),
    )
    .execute();
  const added = missing.map(({ kpi }) => kpi.code);
  await recordAudit(
    db,
    actor,
    { action: 'kpi.library_installed', entityType: 'kpi_definition', after: { added } },
    requestId,
  );
  return added;
}
