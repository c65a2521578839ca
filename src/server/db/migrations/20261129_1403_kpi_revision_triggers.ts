import { sql, type Kysely } from 'kysely';

/**
 * Frozen: the portfolio revision (20261129_1401) also rises when anything a KPI value is
 * computed from changes — projects and their themes, diffusion activities, EU participations —
 * and when KPI definitions, targets, measurements, reporting periods or settings change, so the KPI
 * portfolio can be cached under it like the other portfolio analytics.
 */
const TABLES = [
  'projects',
  'project_themes',
  'diffusion_activities',
  'eu_participations',
  'eu_projects',
  'kpi_definitions',
  'kpi_targets',
  'kpi_target_periods',
  'kpi_measurements',
  'reporting_periods',
  // KPI tolerance and outlier threshold live here (written rarely).
  'settings',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES)
    await sql
      .raw(
        `create trigger ${table}_revision after insert or update or delete or truncate on ${table}
           for each statement execute function bump_portfolio_revision()`,
      )
      .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
