import { sql } from 'kysely';
import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import { enterpriseNumberFrom } from '../../../shared/enterprise-number';

/**
 * Fills an EMPTY enterprise register with invented, deterministic example data, so the economic
 * footprint can be shown and tested without the real KBO extract: every organisation that has an
 * enterprise number (placed in Flanders, with a sector that fits its cluster) plus `enterprises`
 * invented ones spread over sectors and regions (about 70 % Flemish, 13 % Brussels, 14 % Wallonia,
 * 3 % without an address). Invented numbers start at 0900000000-ish and never clash with real ones
 * loaded later: the generator refuses a register that holds data.
 */
export interface GenerateRegisterOptions {
  enterprises: number;
  seed?: number;
}

const SECTORS: [string, number, string][] = [
  ['01110', 4, 'Teelt van granen'],
  ['03210', 1, 'Kweken van vis en schaaldieren in zee'],
  ['10890', 4, 'Vervaardiging van andere voedingsmiddelen'],
  ['20160', 3, 'Vervaardiging van kunststoffen in primaire vormen'],
  ['22290', 2, 'Vervaardiging van andere producten van kunststof'],
  ['26110', 1, 'Vervaardiging van elektronische componenten'],
  ['28990', 2, 'Vervaardiging van andere machines'],
  ['32500', 2, 'Vervaardiging van medische instrumenten'],
  ['35110', 2, 'Productie van elektriciteit'],
  ['38320', 1, 'Terugwinning van gesorteerd afval'],
  ['41201', 8, 'Algemene bouw van residentiële gebouwen'],
  ['43210', 6, 'Elektrische installatiewerken'],
  ['46900', 8, 'Niet-gespecialiseerde groothandel'],
  ['47110', 9, 'Detailhandel in niet-gespecialiseerde winkels'],
  ['49410', 4, 'Goederenvervoer over de weg'],
  ['52100', 2, 'Opslag in warenhuizen'],
  ['56101', 9, 'Eetgelegenheden met volledige bediening'],
  ['62010', 6, 'Ontwerpen en programmeren van computerprogramma’s'],
  ['68201', 7, 'Verhuur en exploitatie van eigen onroerend goed'],
  ['71121', 4, 'Ingenieurs en technisch advies'],
  ['72190', 2, 'Ander speur- en ontwikkelingswerk op natuurwetenschappelijk gebied'],
  ['84110', 1, 'Algemeen overheidsbestuur'],
  ['85420', 1, 'Tertiair onderwijs'],
  ['86210', 5, 'Praktijken van huisartsen'],
  ['94999', 3, 'Overige verenigingen'],
];
const CLUSTER_SECTOR: Record<string, string> = {
  Catalisti: '20160',
  VIL: '52100',
  Flux50: '35110',
  FlandersFOOD: '10890',
  DeBlauweCluster: '03210',
  MEDVIA: '32500',
  'IBN-Waterstof': '35110',
  'IBN-DigiBouw': '41201',
};
const HELIX_SECTOR: Record<string, string> = {
  knowledge_institution: '85420',
  government: '84110',
  civil_society: '94999',
};
const DIVISION_LABELS: Record<string, string> = {
  '01': 'Teelt van gewassen, veeteelt, jacht (voorbeeldlabel)',
  '03': 'Visserij en aquacultuur',
  '10': 'Vervaardiging van voedingsmiddelen',
  '20': 'Vervaardiging van chemische producten',
  '22': 'Vervaardiging van producten van rubber of kunststof',
  '26': 'Vervaardiging van informaticaproducten en elektronica',
  '28': 'Vervaardiging van machines',
  '32': 'Overige industrie',
  '35': 'Productie en distributie van elektriciteit en gas',
  '38': 'Inzameling en verwerking van afval; terugwinning',
  '41': 'Bouw van gebouwen',
  '43': 'Gespecialiseerde bouwwerkzaamheden',
  '46': 'Groothandel',
  '47': 'Detailhandel',
  '49': 'Vervoer te land',
  '52': 'Opslag en vervoerondersteunende activiteiten',
  '56': 'Eet- en drinkgelegenheden',
  '62': 'Informaticadiensten',
  '68': 'Exploitatie van en handel in onroerend goed',
  '71': 'Architecten en ingenieurs',
  '72': 'Speur- en ontwikkelingswerk',
  '84': 'Openbaar bestuur en defensie',
  '85': 'Onderwijs',
  '86': 'Menselijke gezondheidszorg',
  '94': 'Verenigingen',
};

function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function flemishPostcode(random: () => number): string {
  return String(random() < 0.5 ? 1500 + Math.floor(random() * 2500) : 8000 + Math.floor(random() * 2000));
}

export async function generateRegister(
  ctx: StepContext,
  options: GenerateRegisterOptions,
): Promise<{ enterprises: number; fromOrganisations: number }> {
  const existing = await ctx.db
    .selectFrom('kbo_enterprises')
    .select('enterprise_number')
    .limit(1)
    .executeTakeFirst();
  if (existing) throw new AppError('POLICY_REGISTER_NOT_EMPTY');
  const random = sequence(options.seed ?? 9);
  const organisations = await sql<{ enterprise_number: string; helix: string; cluster: string | null }>`
    select o.enterprise_number, o.helix,
      (select c.short_name from memberships m join clusters c on c.id = m.cluster_id where m.organisation_id
        = o.id order by m.valid_from, c.short_name limit 1) as cluster
    from organisations o where o.enterprise_number is not null order by o.enterprise_number`.execute(ctx.db);
  const enterprises: {
    enterprise_number: string;
    status: string;
    type_of_enterprise: string;
    juridical_form: string;
    start_date: string;
  }[] = [];
  const addresses: {
    entity_number: string;
    type_of_address: string;
    country_nl: string;
    zipcode: string;
    municipality_nl: string;
    street_nl: string;
    house_number: string;
  }[] = [];
  const activities: {
    entity_number: string;
    activity_group: string;
    nace_version: string;
    nace_code: string;
    classification: string;
  }[] = [];
  const add = (number: string, nace: string, zipcode: string | null) => {
    enterprises.push({
      enterprise_number: number,
      status: 'AC',
      type_of_enterprise: '2',
      juridical_form: '014',
      start_date: `${1980 + Math.floor(random() * 44)}-01-01`,
    });
    if (zipcode)
      addresses.push({
        entity_number: number,
        type_of_address: 'REGO',
        country_nl: 'België',
        zipcode,
        municipality_nl: 'Voorbeeldgemeente',
        street_nl: 'Voorbeeldstraat',
        house_number: String(1 + Math.floor(random() * 200)),
      });
    activities.push({
      entity_number: number,
      activity_group: '001',
      nace_version: '2008',
      nace_code: nace,
      classification: 'MAIN',
    });
  };
  const known = new Set<string>();
  for (const o of organisations.rows) {
    known.add(o.enterprise_number);
    add(
      o.enterprise_number,
      (o.cluster && CLUSTER_SECTOR[o.cluster]) || HELIX_SECTOR[o.helix] || '71121',
      flemishPostcode(random),
    );
  }
  const totalWeight = SECTORS.reduce((sum, [, weight]) => sum + weight, 0);
  for (let i = 0; enterprises.length < organisations.rows.length + options.enterprises; i++) {
    const number = enterpriseNumberFrom(90_000_000 + i);
    if (known.has(number)) continue;
    let pick = random() * totalWeight;
    const sector = SECTORS.find(([, weight]) => (pick -= weight) < 0) ?? SECTORS[0];
    const region = random();
    const zipcode =
      region < 0.7
        ? flemishPostcode(random)
        : region < 0.83
          ? String(1000 + Math.floor(random() * 300))
          : region < 0.97
            ? String(4000 + Math.floor(random() * 4000))
            : null;
    add(number, sector[0], zipcode);
  }
  const codes = [
    ...Object.entries(DIVISION_LABELS).map(([code, description]) => ({
      category: 'Nace2008',
      code,
      language: 'NL',
      description,
    })),
    ...SECTORS.map(([code, , description]) => ({ category: 'Nace2008', code, language: 'NL', description })),
    ...SECTORS.map(([code, , description]) => ({
      category: 'Nace2008',
      code: code.slice(0, 3),
      language: 'NL',
      description: `${description} (groep)`,
    })),
  ];
  await ctx.db.transaction().execute(async (tx) => {
    for (let i = 0; i < enterprises.length; i += 500)
      await tx
        .insertInto('kbo_enterprises')
        .values(enterprises.slice(i, i + 500))
        .execute();
    for (let i = 0; i < addresses.length; i += 500)
      await tx
        .insertInto('kbo_addresses')
        .values(addresses.slice(i, i + 500))
        .execute();
    for (let i = 0; i < activities.length; i += 500)
      await tx
        .insertInto('kbo_activities')
        .values(activities.slice(i, i + 500))
        .execute();
    await tx
      .insertInto('kbo_codes')
      .values(codes)
      .onConflict((oc) => oc.doNothing())
      .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: 'policy.register_generated',
        entityType: 'kbo_register',
        after: {
          enterprises: enterprises.length,
          fromOrganisations: organisations.rows.length,
          isExample: true,
        },
      },
      ctx.requestId,
    );
  });
  // Fresh statistics, or the planner treats the new tables as nearly empty.
  await sql`analyze kbo_enterprises, kbo_addresses, kbo_activities`.execute(ctx.db);
  return { enterprises: enterprises.length, fromOrganisations: organisations.rows.length };
}
