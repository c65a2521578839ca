import { sql, type Kysely } from 'kysely';

/**
 * Frozen: reference data of the theme taxonomy that every installation needs: the seven
 * transition priorities of the Flemish long-term vision (Visie 2050) and the NACE sections
 * (NACE Rev. 2 / NACE-BEL 2008). Admins can edit labels later; example themes are demo data.
 */
const TRANSITIONS: [string, string, string][] = [
  ['circular_economy', 'Circulaire economie', 'Circular economy'],
  ['smart_living', 'Slim wonen en leven', 'Smart living'],
  ['industry_4_0', 'Industrie 4.0', 'Industry 4.0'],
  [
    'lifelong_learning',
    'Levenslang leren en een dynamische levensloop',
    'Lifelong learning and a dynamic life course',
  ],
  ['care_living_together', 'Zorg en samenleven', 'Care and living together'],
  ['transport_mobility', 'Vervoer en mobiliteit', 'Transport and mobility'],
  ['energy', 'Energie', 'Energy'],
];

const NACE_SECTIONS: [string, string, string][] = [
  ['A', 'Landbouw, bosbouw en visserij', 'Agriculture, forestry and fishing'],
  ['B', 'Winning van delfstoffen', 'Mining and quarrying'],
  ['C', 'Industrie', 'Manufacturing'],
  [
    'D',
    'Productie en distributie van elektriciteit, gas, stoom en gekoelde lucht',
    'Electricity, gas, steam and air conditioning supply',
  ],
  [
    'E',
    'Distributie van water; afval- en afvalwaterbeheer en sanering',
    'Water supply; sewerage, waste management and remediation activities',
  ],
  ['F', 'Bouwnijverheid', 'Construction'],
  [
    'G',
    "Groot- en detailhandel; reparatie van auto's en motorfietsen",
    'Wholesale and retail trade; repair of motor vehicles and motorcycles',
  ],
  ['H', 'Vervoer en opslag', 'Transportation and storage'],
  ['I', 'Verschaffen van accommodatie en maaltijden', 'Accommodation and food service activities'],
  ['J', 'Informatie en communicatie', 'Information and communication'],
  ['K', 'Financiële activiteiten en verzekeringen', 'Financial and insurance activities'],
  ['L', 'Exploitatie van en handel in onroerend goed', 'Real estate activities'],
  [
    'M',
    'Vrije beroepen en wetenschappelijke en technische activiteiten',
    'Professional, scientific and technical activities',
  ],
  ['N', 'Administratieve en ondersteunende diensten', 'Administrative and support service activities'],
  [
    'O',
    'Openbaar bestuur en defensie; verplichte sociale verzekeringen',
    'Public administration and defence; compulsory social security',
  ],
  ['P', 'Onderwijs', 'Education'],
  [
    'Q',
    'Menselijke gezondheidszorg en maatschappelijke dienstverlening',
    'Human health and social work activities',
  ],
  ['R', 'Kunst, amusement en recreatie', 'Arts, entertainment and recreation'],
  ['S', 'Overige diensten', 'Other service activities'],
  [
    'T',
    'Huishoudens als werkgever; productie voor eigen gebruik',
    'Activities of households as employers; production for own use',
  ],
  [
    'U',
    'Extraterritoriale organisaties en lichamen',
    'Activities of extraterritorial organisations and bodies',
  ],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [code, nl, en] of TRANSITIONS) {
    await sql`insert into themes (kind, code, label_nl, label_en) values ('transition', ${code}, ${nl}, ${en}) on conflict (kind, code) do nothing`.execute(
      db,
    );
  }
  for (const [code, nl, en] of NACE_SECTIONS) {
    await sql`insert into themes (kind, code, label_nl, label_en) values ('sector', ${`NACE-${code}`}, ${nl}, ${en}) on conflict (kind, code) do nothing`.execute(
      db,
    );
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are frozen; restore from a backup instead of migrating down.');
}
