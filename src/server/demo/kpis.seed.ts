import { recordAudit } from '../audit/record-audit';
import { installStandardLibrary } from '../modules/kpis/install-library';
import { importCordis } from '../modules/kpis/import-cordis';
import { closePeriod } from '../modules/kpis/close-period';
import { findPeriods, toNumber } from '../modules/kpis/kpis.repository';
import type { DiffusionKind } from '../modules/kpis/kpis.tables';
import { idOf, type DemoSeed } from './seed-context';

/** A fixed pseudo-random sequence, so the demo is the same on every machine. */
function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const PAST_YEARS = [2023, 2024, 2025];
const SIZE_CYCLE = [
  'micro',
  'small',
  'medium',
  'large',
  'small',
  'micro',
  'medium',
  'large',
  'small',
] as const;
const DIFFUSION_KINDS: DiffusionKind[] = ['event', 'workshop', 'training', 'publication', 'demonstrator'];

/** Invented reported values per KPI: a starting range and a yearly drift (labelled as examples). */
const REPORTED: Record<string, { low: number; high: number; drift: number; decimals: number }> = {
  NEW_PRODUCTS: { low: 3, high: 12, drift: 1, decimals: 0 },
  PRIVATE_RD_INVESTMENT: { low: 500_000, high: 3_000_000, drift: 150_000, decimals: 0 },
  CO2_AVOIDED: { low: 100, high: 5_000, drift: 250, decimals: 1 },
  MEMBER_SATISFACTION: { low: 6.5, high: 8.2, drift: 0.1, decimals: 1 },
  PROJECT_LEAD_TIME: { low: 140, high: 240, drift: -8, decimals: 0 },
};

/** A CORDIS-format sample for the demo: EU projects with example organisations as participants. */
function demoCordisFiles(
  organisations: { name: string; enterprise_number: string | null; size_class: string }[],
  random: () => number,
) {
  const projectLines = [
    'id;acronym;status;title;startDate;endDate;totalCost;ecMaxContribution;frameworkProgramme',
  ];
  const organisationLines = [
    'projectID;projectAcronym;organisationID;vatNumber;name;shortName;SME;activityType;country;role;ecContribution',
  ];
  let serial = 101_000_001;
  for (const year of PAST_YEARS.concat([2026])) {
    for (let n = 0; n < 4; n += 1) {
      const id = String(serial++);
      const acronym = `VOORBEELD${year % 100}${n}`;
      projectLines.push(
        `${id};${acronym};SIGNED;Voorbeeldproject ${acronym} (voorbeeld);${year}-0${1 + n * 2}-01;` +
          `${year + 3}-12-31;${3_000_000 + n * 250_000};${2_500_000 + n * 200_000};HORIZON`,
      );
      const participants = 3 + Math.floor(random() * 3);
      for (let p = 0; p < participants; p += 1) {
        const organisation = organisations[Math.floor(random() * organisations.length)];
        if (!organisation?.enterprise_number) continue;
        const contribution = (150_000 + Math.floor(random() * 600_000)).toFixed(2).replace('.', ',');
        organisationLines.push(
          `${id};${acronym};${900_000 + serial * 10 + p};BE${organisation.enterprise_number};` +
            `${organisation.name};;` +
            `${['micro', 'small', 'medium'].includes(organisation.size_class)};PRC;BE;` +
            `${p === 0 ? 'coordinator' : 'participant'};${contribution}`,
        );
      }
      organisationLines.push(
        `${id};${acronym};${800_000 + serial};DE811234567;Beispiel Forschung GmbH ` +
          `(voorbeeld);;false;REC;DE;participant;210000,00`,
      );
    }
  }
  return { projectCsv: `${projectLines.join('\n')}\n`, organizationCsv: `${organisationLines.join('\n')}\n` };
}

/**
 * KPI demo: the standard library, reporting periods 2023–2025 (closed, computed values frozen)
 * and 2026 (open, for the clusters to report), invented diffusion activities, EU participations
 * (imported through the CORDIS importer), reported values (validated) and targets for every
 * cluster. Runs after the portfolio, accounts and project seeds: computed KPIs read their data.
 */
export const kpisSeed: DemoSeed = {
  name: 'kpis',
  async run(ctx) {
    const random = sequence(6_2026);
    await installStandardLibrary(ctx.db, ctx.auditActor);

    // Example organisations without a size class or founding date get invented ones, so that
    // the SME and pioneer KPIs have something to count (real organisations are never touched).
    const companies = await ctx.db
      .selectFrom('organisations')
      .select(['id', 'size_class', 'founded_on'])
      .where('is_example', '=', true)
      .where('helix', '=', 'company')
      .orderBy('name')
      .execute();
    for (const [index, company] of companies.entries()) {
      const patch: { size_class?: (typeof SIZE_CYCLE)[number]; founded_on?: string } = {};
      if (company.size_class === 'unknown')
        patch.size_class = SIZE_CYCLE[index % SIZE_CYCLE.length] ?? 'small';
      if (company.founded_on === null)
        patch.founded_on =
          index % 4 === 0 ? `${2018 + (index % 7)}-06-01` : `${1975 + ((index * 7) % 40)}-03-15`;
      if (Object.keys(patch).length > 0)
        await ctx.db.updateTable('organisations').set(patch).where('id', '=', company.id).execute();
    }

    const clusters = await ctx.db
      .selectFrom('clusters')
      .select(['id', 'short_name', 'mandate_end'])
      .orderBy('short_name')
      .execute();
    const officerId = idOf(ctx, 'user:officer');
    await ctx.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('reporting_periods')
        .values(
          [2023, 2024, 2025, 2026, 2027].map((year) => ({
            code: String(year),
            label: `Werkjaar ${year}`,
            starts_on: `${year}-01-01`,
            ends_on: `${year}-12-31`,
            status: year <= 2026 ? ('open' as const) : ('planned' as const),
          })),
        )
        .execute();
      const activities = [];
      for (const cluster of clusters) {
        for (const year of [...PAST_YEARS, 2026]) {
          const count = 2 + Math.floor(random() * 4);
          for (let n = 0; n < count; n += 1) {
            const kind = DIFFUSION_KINDS[Math.floor(random() * DIFFUSION_KINDS.length)] ?? 'event';
            const participants = 20 + Math.floor(random() * 180);
            activities.push({
              cluster_id: cluster.id,
              kind,
              title:
                `${kind === 'publication' ? 'Publicatie' : 'Sessie'} ${cluster.short_name} ${year}-` +
                `${n + 1} (voorbeeld)`,
              held_on: `${year}-${String(2 + n * 2).padStart(2, '0')}-15`,
              participants,
              smes_reached: Math.floor(participants * (0.2 + random() * 0.3)),
              non_member_companies_reached: Math.floor(participants * (0.1 + random() * 0.3)),
              is_example: true,
            });
          }
        }
      }
      await tx.insertInto('diffusion_activities').values(activities).execute();
      await recordAudit(
        tx,
        ctx.auditActor,
        {
          action: 'demo.kpis_loaded',
          entityType: 'demo',
          after: { periods: 5, diffusionActivities: activities.length },
        },
        ctx.requestId,
      );
    });

    const organisations = await ctx.db
      .selectFrom('organisations')
      .select(['name', 'enterprise_number', 'size_class'])
      .where('is_example', '=', true)
      .orderBy('name')
      .execute();
    await importCordis(ctx, demoCordisFiles(organisations, random));

    // Reported values for the past years, validated by the demo officer, with evidence where required.
    const periods = await findPeriods(ctx.db);
    const periodByYear = new Map(periods.map((p) => [p.code, p]));
    const reported = await ctx.db
      .selectFrom('kpi_definitions')
      .select(['id', 'code', 'evidence_required'])
      .where('source', '=', 'reported')
      .where('cluster_id', 'is', null)
      .execute();
    await ctx.db.transaction().execute(async (tx) => {
      for (const cluster of clusters) {
        for (const definition of reported) {
          const spec = REPORTED[definition.code];
          if (!spec) continue;
          let value = spec.low + random() * (spec.high - spec.low);
          for (const year of PAST_YEARS) {
            const period = periodByYear.get(String(year));
            if (!period) continue;
            value = Math.max(0, value + spec.drift * (0.4 + random() * 1.4));
            const rounded = Number(value.toFixed(spec.decimals));
            const at = `${year + 1}-02-15T10:00:00Z`;
            const row = await tx
              .insertInto('kpi_measurements')
              .values({
                definition_id: definition.id,
                cluster_id: cluster.id,
                period_id: period.id,
                value: rounded,
                status: 'validated',
                comment: 'Voorbeeldwaarde (demo)',
                reported_at: at,
                reviewed_by: officerId,
                reviewed_at: `${year + 1}-03-01T10:00:00Z`,
                version: 2,
                is_example: true,
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            await tx
              .insertInto('kpi_measurement_history')
              .values([
                {
                  measurement_id: row.id,
                  version: 1,
                  action: 'reported',
                  status: 'reported',
                  value: rounded,
                  comment: 'Voorbeeldwaarde (demo)',
                  occurred_at: at,
                },
                {
                  measurement_id: row.id,
                  version: 2,
                  action: 'validated',
                  status: 'validated',
                  value: rounded,
                  actor_user_id: officerId,
                  occurred_at: `${year + 1}-03-01T10:00:00Z`,
                },
              ])
              .execute();
            if (definition.evidence_required) {
              await tx
                .insertInto('kpi_evidence')
                .values({
                  measurement_id: row.id,
                  kind: 'text',
                  body: `Jaarverslag ${year} van ${cluster.short_name}, bijlage KPI's (voorbeeld).`,
                })
                .execute();
            }
          }
        }
      }
      await recordAudit(
        tx,
        ctx.auditActor,
        {
          action: 'demo.kpis_reported',
          entityType: 'demo',
          after: { clusters: clusters.length, kpis: reported.length, years: PAST_YEARS },
        },
        ctx.requestId,
      );
    });

    // Close the past years: computed and formula values are frozen from the data.
    for (const year of PAST_YEARS) {
      const period = periodByYear.get(String(year));
      if (period) await closePeriod(ctx, period.id);
    }

    // Targets: the earliest known past value as baseline, an end-of-mandate target about 25 % better, and
    // an explicit 2026 target.
    const definitions = await ctx.db
      .selectFrom('kpi_definitions')
      .select(['id', 'code', 'unit', 'direction'])
      .where('cluster_id', 'is', null)
      .execute();
    const period2026 = periodByYear.get('2026');
    const past = await ctx.db
      .selectFrom('kpi_measurements as m')
      .innerJoin('reporting_periods as p', 'p.id', 'm.period_id')
      .select(['m.definition_id', 'm.cluster_id', 'm.value', 'p.ends_on'])
      .where('p.status', '=', 'closed')
      .where('m.value', 'is not', null)
      .orderBy('p.ends_on', 'desc')
      .execute();
    const baselineOf = new Map(
      past.map((m) => [`${m.definition_id}:${m.cluster_id}`, { value: toNumber(m.value), date: m.ends_on }]),
    );
    await ctx.db.transaction().execute(async (tx) => {
      let count = 0;
      for (const cluster of clusters) {
        for (const definition of definitions) {
          const known = baselineOf.get(`${definition.id}:${cluster.id}`);
          const baseline = known?.value ?? null;
          if (!known || baseline === null) continue;
          const better = definition.direction === 'higher' ? 1.25 : 0.8;
          const cap =
            definition.unit === 'percent' ? 100 : definition.unit === 'score' ? 10 : Number.POSITIVE_INFINITY;
          const whole = definition.unit === 'count';
          const round = (v: number) => (whole ? Math.round(v) : Number(v.toFixed(2)));
          const endTarget = round(
            Math.min(
              cap,
              baseline === 0 && definition.direction === 'higher' ? (whole ? 2 : 1) : baseline * better,
            ),
          );
          const target2026 = round(baseline + ((endTarget - baseline) * 3) / 4);
          const row = await tx
            .insertInto('kpi_targets')
            .values({
              definition_id: definition.id,
              cluster_id: cluster.id,
              baseline_value: baseline,
              baseline_date: known.date,
              end_target_value: endTarget,
              end_target_date: cluster.mandate_end ?? '2027-12-31',
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          if (period2026)
            await tx
              .insertInto('kpi_target_periods')
              .values({ target_id: row.id, period_id: period2026.id, target_value: target2026 })
              .execute();
          await tx
            .insertInto('kpi_target_history')
            .values({
              target_id: row.id,
              version: 1,
              after: JSON.stringify({ baselineValue: baseline, endTargetValue: endTarget, target2026 }),
              changed_by: officerId,
              changed_at: '2024-01-15T09:00:00Z',
            })
            .execute();
          count += 1;
        }
      }
      await recordAudit(
        tx,
        ctx.auditActor,
        { action: 'demo.kpi_targets_set', entityType: 'demo', after: { targets: count } },
        ctx.requestId,
      );
    });
    ctx.log(
      `kpis: standard library, periods 2023–2027 (2023–2025 closed), targets and example values ` +
        `for ${clusters.length} clusters`,
    );
  },
};
