import { recordAudit } from '../audit/record-audit';
import { refreshSizeClass } from '../modules/portfolio/save-sme-figures';
import { idOf, type DemoSeed } from './seed-context';

/** Invented strategic themes and technology domains, marked as examples. */
const EXAMPLE_THEMES: {
  kind: 'strategic_theme' | 'technology_domain';
  code: string;
  nl: string;
  en: string;
  parent?: string;
}[] = [
  {
    kind: 'strategic_theme',
    code: 'ST-H2',
    nl: 'Groene waterstof in de industrie (voorbeeld)',
    en: 'Green hydrogen in industry (example)',
  },
  {
    kind: 'strategic_theme',
    code: 'ST-BIO',
    nl: 'Biogebaseerde materialen (voorbeeld)',
    en: 'Bio-based materials (example)',
  },
  {
    kind: 'strategic_theme',
    code: 'ST-DIGIHEALTH',
    nl: 'Digitale gezondheid (voorbeeld)',
    en: 'Digital health (example)',
  },
  {
    kind: 'strategic_theme',
    code: 'ST-SPACE',
    nl: 'Ruimtevaarttechnologie (voorbeeld)',
    en: 'Space technology (example)',
  },
  {
    kind: 'strategic_theme',
    code: 'ST-CLIMATE',
    nl: 'Klimaatadaptatie (voorbeeld)',
    en: 'Climate adaptation (example)',
  },
  {
    kind: 'strategic_theme',
    code: 'ST-SEMI',
    nl: 'Halfgeleiders en chipontwerp (voorbeeld)',
    en: 'Semiconductors and chip design (example)',
  },
  {
    kind: 'technology_domain',
    code: 'TD-AI',
    nl: 'Artificiële intelligentie (voorbeeld)',
    en: 'Artificial intelligence (example)',
  },
  {
    kind: 'technology_domain',
    code: 'TD-AI-VISION',
    nl: 'Beeldherkenning (voorbeeld)',
    en: 'Computer vision (example)',
    parent: 'TD-AI',
  },
  {
    kind: 'technology_domain',
    code: 'TD-BATTERY',
    nl: 'Batterijtechnologie (voorbeeld)',
    en: 'Battery technology (example)',
  },
  { kind: 'technology_domain', code: 'TD-PHOTONICS', nl: 'Fotonica (voorbeeld)', en: 'Photonics (example)' },
];

const CLUSTER_THEMES: Record<string, string[]> = {
  Catalisti: ['circular_economy', 'industry_4_0', 'NACE-C', 'ST-BIO'],
  VIL: ['transport_mobility', 'NACE-H', 'TD-AI'],
  Flux50: ['energy', 'smart_living', 'NACE-D', 'TD-BATTERY'],
  FlandersFOOD: ['circular_economy', 'care_living_together', 'NACE-C', 'NACE-A'],
  DeBlauweCluster: ['energy', 'circular_economy', 'NACE-A', 'NACE-H', 'ST-CLIMATE'],
  MEDVIA: ['care_living_together', 'NACE-Q', 'NACE-C', 'ST-DIGIHEALTH', 'TD-AI-VISION'],
  'IBN-Waterstof': ['energy', 'industry_4_0', 'ST-H2'],
  'IBN-DigiBouw': ['smart_living', 'industry_4_0', 'NACE-F'],
};

const GOALS = [
  {
    title: 'Meer kmo-leden in O&O-projecten (voorbeeld)',
    description: 'Voorbeeld: het aandeel kmo’s in clusterprojecten stijgt elk jaar.',
    targetYear: 2027,
  },
  {
    title: 'Bijdrage aan de transitie (voorbeeld)',
    description: 'Voorbeeld: elk project benoemt zijn bijdrage aan een transitieprioriteit.',
    targetYear: 2026,
  },
  {
    title: 'Europese hefboom (voorbeeld)',
    description: 'Voorbeeld: leden halen Europese middelen binnen via Horizon Europe.',
    targetYear: 2028,
  },
];

function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const M = 1_000_000_00;

/** Extra portfolio facts for the demo: example themes, cluster links, roadmaps, history, SME inputs. */
export const portfolioExtraSeed: DemoSeed = {
  name: 'portfolio-extra',
  async run(ctx) {
    const random = sequence(361);
    const companies = Array.from({ length: 60 }, (_, i) => idOf(ctx, `org:${i}`));
    await ctx.db.transaction().execute(async (tx) => {
      const codeToId = new Map<string, string>();
      for (const theme of EXAMPLE_THEMES) {
        const row = await tx
          .insertInto('themes')
          .values({
            kind: theme.kind,
            code: theme.code,
            label_nl: theme.nl,
            label_en: theme.en,
            is_example: true,
            parent_id: theme.parent ? (codeToId.get(theme.parent) ?? null) : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        codeToId.set(theme.code, row.id);
      }
      for (const t of await tx.selectFrom('themes').select(['id', 'code']).execute())
        codeToId.set(t.code, t.id);

      const clusters = await tx
        .selectFrom('clusters')
        .select(['id', 'short_name', 'kind', 'status', 'mandate_start'])
        .execute();
      for (const cluster of clusters) {
        const codes = CLUSTER_THEMES[cluster.short_name] ?? [];
        const links = codes.map((c) => codeToId.get(c)).filter((id): id is string => id !== undefined);
        if (links.length > 0)
          await tx
            .insertInto('cluster_themes')
            .values(links.map((themeId) => ({ cluster_id: cluster.id, theme_id: themeId })))
            .onConflict((oc) => oc.doNothing())
            .execute();
        await tx
          .insertInto('cluster_goals')
          .values(
            GOALS.map((g, i) => ({
              cluster_id: cluster.id,
              position: i + 1,
              title: g.title,
              description: g.description,
              target_year: g.targetYear,
            })),
          )
          .execute();
        await tx
          .insertInto('cluster_events')
          .values({
            cluster_id: cluster.id,
            event: 'created',
            to_status: cluster.status,
            to_kind: cluster.kind,
            effective_on: cluster.mandate_start ?? '2022-01-01',
            motivation: 'Opgenomen in het portfolio (voorbeeldgeschiedenis).',
          })
          .execute();
      }

      // SME inputs: two reference years for most companies; a few without figures (unknown),
      // a few with a partner or a parent, one under public control, some start-ups.
      for (const [index, organisationId] of companies.entries()) {
        if (index % 11 === 10) continue;
        const scale = [5, 30, 120, 400][index % 4];
        const headcount = Math.max(1, Math.round(scale * (0.6 + random() * 0.7)));
        const turnover = Math.round(headcount * (0.08 + random() * 0.2) * M);
        const balance = Math.round(turnover * (0.5 + random()));
        for (const year of [2023, 2024]) {
          const drift = year === 2024 ? 1.05 : 1;
          await tx
            .insertInto('organisation_sme_figures')
            .values({
              organisation_id: organisationId,
              reference_year: year,
              headcount: Math.round(headcount * drift),
              turnover_cents: Math.round(turnover * drift),
              balance_sheet_cents: index % 7 === 3 ? null : balance,
              public_control_share: index === 13 ? 30 : 0,
            })
            .execute();
          if (index % 9 === 4) {
            await tx
              .insertInto('organisation_related_enterprises')
              .values({
                organisation_id: organisationId,
                reference_year: year,
                name: 'Moedervennootschap Holding (voorbeeld)',
                holding_share: index % 2 === 0 ? 60 : 35,
                headcount: 80,
                turnover_cents: 12 * M,
                balance_sheet_cents: 9 * M,
              })
              .execute();
          }
        }
        if (index % 6 === 1) {
          await tx
            .updateTable('organisations')
            .set({ founded_on: `${2021 + (index % 4)}-0${1 + (index % 9)}-15` })
            .where('id', '=', organisationId)
            .execute();
        }
        await refreshSizeClass(tx, organisationId);
      }
      await recordAudit(
        tx,
        ctx.auditActor,
        {
          action: 'demo.portfolio_extra_loaded',
          entityType: 'demo',
          after: {
            exampleThemes: EXAMPLE_THEMES.length,
            clusters: clusters.length,
            companiesWithFigures: companies.length,
          },
        },
        ctx.requestId,
      );
    });
    ctx.log(
      `portfolio-extra: ${EXAMPLE_THEMES.length} example themes, cluster links, roadmaps and SME inputs`,
    );
  },
};
