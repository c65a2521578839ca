import { recordAudit } from '../audit/record-audit';
import type { Helix } from '../db/core.tables';
import { enterpriseNumberFrom } from '../../shared/enterprise-number';
import type { DemoSeed } from './seed-context';

/** The six spearhead clusters of 2024 with their public domains; missions paraphrase their public remit. */
export const SPEARHEAD_CLUSTERS = [
  {
    short: 'Catalisti',
    name: 'Catalisti',
    mission:
      'Duurzame chemie en kunststoffen: innovatie in de chemische en kunststofindustrie naar een ' +
      'circulaire, koolstofarme economie.',
  },
  {
    short: 'VIL',
    name: 'Vlaams Instituut voor de Logistiek',
    mission: 'Logistiek: innovatieve, duurzame en efficiënte logistieke ketens voor Vlaamse bedrijven.',
  },
  {
    short: 'Flux50',
    name: 'Flux50',
    mission:
      'Energie: een slim, koolstofarm en betaalbaar energiesysteem, met bedrijven, kennisinstellingen en overheden.',
  },
  {
    short: 'FlandersFOOD',
    name: "Flanders' FOOD",
    mission: 'Agrovoeding: innovatie in de voedingsindustrie voor gezonde, duurzame en veilige voeding.',
  },
  {
    short: 'DeBlauweCluster',
    name: 'De Blauwe Cluster',
    mission: 'Blauwe economie: innovatie op zee en aan de kust, van offshore energie tot aquacultuur.',
  },
  {
    short: 'MEDVIA',
    name: 'MEDVIA',
    mission: 'Gezondheidstechnologie: innovatie in medische technologie, digitale gezondheid en zorg.',
  },
] as const;

/** Invented business networks, labelled as examples. */
export const EXAMPLE_BUSINESS_NETWORKS = [
  {
    short: 'IBN-Waterstof',
    name: 'IBN Waterstofvallei Kempen (voorbeeld)',
    mission: 'Voorbeeld: een netwerk van bedrijven rond groene waterstof in de industrie.',
  },
  {
    short: 'IBN-DigiBouw',
    name: 'IBN Digitale Bouw (voorbeeld)',
    mission: 'Voorbeeld: een netwerk rond digitalisering van de bouwsector (BIM, digitale tweelingen).',
  },
] as const;

const COMPANY_STEMS = [
  'Polymeer',
  'Logistiek',
  'Energie',
  'Voeding',
  'Zeewind',
  'Medtech',
  'Bio',
  'Data',
  'Circulair',
  'Robot',
  'Aqua',
  'Sensor',
  'Batterij',
  'Coating',
  'Vezel',
  'Koel',
  'Haven',
  'Zorg',
  'Bouw',
  'Chip',
];
const COMPANY_SUFFIXES = ['Solutions', 'Industries', 'Works', 'Lab', 'Systems', 'Tech'];
const KNOWLEDGE = [
  'Voorbeeldhogeschool West',
  'Onderzoekscentrum Materialen (voorbeeld)',
  'Universiteit Noord (voorbeeld)',
  'Instituut Digitale Zorg (voorbeeld)',
  'Kenniscentrum Zee (voorbeeld)',
  'Labo Voeding Oost (voorbeeld)',
];
const GOVERNMENT = [
  'Stad Voorbeeldstad',
  'Provincie Voorbeeldland',
  'Havenbedrijf Voorbeeldhaven',
  'Intercommunale Energie (voorbeeld)',
];
const CIVIL = [
  'Vereniging Circulair Wonen (voorbeeld)',
  'Patiëntenplatform Voorbeeld',
  'Burgercoöperatie Zonnestroom (voorbeeld)',
  'Natuurpunt Voorbeeldregio',
];

/** A fixed pseudo-random sequence, so the demo is the same on every machine. */
function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export const portfolioSeed: DemoSeed = {
  name: 'portfolio',
  async run(ctx) {
    const random = sequence(2024);
    const organisations: { name: string; helix: Helix; number: string }[] = [];
    let serial = 7_000_101;
    for (const stem of COMPANY_STEMS) {
      for (const suffix of COMPANY_SUFFIXES.slice(0, 3)) {
        organisations.push({
          name: `${stem} ${suffix} NV (voorbeeld)`,
          helix: 'company',
          number: enterpriseNumberFrom(serial++),
        });
      }
    }
    for (const name of KNOWLEDGE)
      organisations.push({ name, helix: 'knowledge_institution', number: enterpriseNumberFrom(serial++) });
    for (const name of GOVERNMENT)
      organisations.push({ name, helix: 'government', number: enterpriseNumberFrom(serial++) });
    for (const name of CIVIL)
      organisations.push({ name, helix: 'civil_society', number: enterpriseNumberFrom(serial++) });

    await ctx.db.transaction().execute(async (tx) => {
      const orgRows = await tx
        .insertInto('organisations')
        .values(
          organisations.map((o) => ({
            name: o.name,
            helix: o.helix,
            enterprise_number: o.number,
            is_example: true,
          })),
        )
        .returning(['id', 'name'])
        .execute();
      orgRows.forEach((row, index) => ctx.ids.set(`org:${index}`, row.id));

      const clusters = [
        ...SPEARHEAD_CLUSTERS.map((c) => ({
          ...c,
          kind: 'spearhead' as const,
          status: 'active' as const,
          start: '2022-01-01',
          end: '2027-12-31',
          example: false,
        })),
        ...EXAMPLE_BUSINESS_NETWORKS.map((c) => ({
          ...c,
          kind: 'business_network' as const,
          status: 'active' as const,
          start: '2024-01-01',
          end: '2026-12-31',
          example: true,
        })),
      ];
      const clusterRows = await tx
        .insertInto('clusters')
        .values(
          clusters.map((c) => ({
            name: c.name,
            short_name: c.short,
            kind: c.kind,
            status: c.status,
            economic_mission: c.mission,
            mandate_start: c.start,
            mandate_end: c.end,
            is_example: c.example,
          })),
        )
        .returning(['id', 'short_name'])
        .execute();
      for (const row of clusterRows) ctx.ids.set(`cluster:${row.short_name}`, row.id);

      const memberships: {
        organisation_id: string;
        cluster_id: string;
        valid_from: string;
        membership_type: string;
      }[] = [];
      for (const cluster of clusterRows) {
        for (const org of orgRows) {
          if (random() < 0.22) {
            const year = 2019 + Math.floor(random() * 6);
            memberships.push({
              organisation_id: org.id,
              cluster_id: cluster.id,
              valid_from: `${year}-01-01`,
              membership_type: random() < 0.1 ? 'strategic_partner' : 'member',
            });
          }
        }
      }
      await tx.insertInto('memberships').values(memberships).execute();
      await recordAudit(
        tx,
        ctx.auditActor,
        {
          action: 'demo.portfolio_loaded',
          entityType: 'demo',
          after: {
            organisations: orgRows.length,
            clusters: clusterRows.length,
            memberships: memberships.length,
          },
        },
        ctx.requestId,
      );
    });
    ctx.log(
      `portfolio: ${organisations.length} example ` +
        `organisations, ${SPEARHEAD_CLUSTERS.length + EXAMPLE_BUSINESS_NETWORKS.length} clusters`,
    );
  },
};
