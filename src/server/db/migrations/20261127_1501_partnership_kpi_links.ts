import { sql, type Kysely } from 'kysely';

/** Frozen: links partnership objectives to the KPI definitions (issue 6) that measure them. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table partnership_objective_kpis (
      objective_id uuid not null references partnership_objectives(id) on delete cascade,
      kpi_definition_id uuid not null references kpi_definitions(id),
      primary key (objective_id, kpi_definition_id)
    );
    create index partnership_objective_kpis_kpi_idx on partnership_objective_kpis (kpi_definition_id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
