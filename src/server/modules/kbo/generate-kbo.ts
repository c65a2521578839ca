import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { enterpriseNumberFrom } from '../../../shared/enterprise-number';

/**
 * Writes register-format files (the KBO open-data layout) of any size, for tests and
 * benchmarks: invented enterprises with names, addresses (mostly Flemish postcodes) and NACE
 * activities. Deterministic for a given seed. Streams to disk, so size is bounded only by disk.
 */
export interface GenerateKboOptions {
  folder: string;
  enterprises: number;
  seed?: number;
  /** 'update' writes *_delete.csv and *_insert.csv touching `enterprises` numbers from `offset`. */
  kind?: 'full' | 'update';
  offset?: number;
  /** Number of deliberately malformed lines spread over activity.csv (tests). */
  malformed?: number;
  extractNumber?: number;
}

export const NACE_2008: [string, string][] = [
  ['01110', 'Teelt van granen'],
  ['10110', 'Verwerking en conservering van vlees'],
  ['10710', 'Vervaardiging van brood'],
  ['20130', 'Vervaardiging van andere anorganische chemische basisproducten'],
  ['20160', 'Vervaardiging van kunststof in primaire vorm'],
  ['22220', 'Vervaardiging van verpakkingsmiddelen van kunststof'],
  ['25110', 'Vervaardiging van metalen constructiewerken'],
  ['26110', 'Vervaardiging van elektronische componenten'],
  ['28290', 'Vervaardiging van andere machines voor algemeen gebruik'],
  ['32500', 'Vervaardiging van medische en tandheelkundige instrumenten'],
  ['35110', 'Productie van elektriciteit'],
  ['38320', 'Terugwinning van gesorteerd afval'],
  ['41201', 'Algemene bouw van residentiële gebouwen'],
  ['43211', 'Elektrotechnische installatiewerken'],
  ['46190', 'Handelsbemiddeling in goederen'],
  ['46900', 'Niet-gespecialiseerde groothandel'],
  ['47111', 'Detailhandel in voedingsmiddelen'],
  ['49410', 'Goederenvervoer over de weg'],
  ['50200', 'Zee- en kustvaart goederenvervoer'],
  ['52100', 'Opslag'],
  ['52290', 'Expediteurs en andere vervoersondersteunende activiteiten'],
  ['56101', 'Eetgelegenheden met volledige bediening'],
  ['62010', 'Ontwerpen en programmeren van computerprogramma’s'],
  ['62020', 'Computerconsultancy'],
  ['63110', 'Gegevensverwerking en webhosting'],
  ['64200', 'Holdings'],
  ['68201', 'Verhuur van residentieel onroerend goed'],
  ['70220', 'Advies op het gebied van bedrijfsbeheer'],
  ['71121', 'Ingenieurs en aanverwante technische adviseurs'],
  ['72190', 'Speur- en ontwikkelingswerk op het gebied van andere natuurwetenschappen'],
  ['72110', 'Speur- en ontwikkelingswerk op het gebied van biotechnologie'],
  ['73110', 'Reclamebureaus'],
  ['85421', 'Universitair onderwijs'],
  ['86210', 'Huisartspraktijken'],
  ['86909', 'Andere menselijke gezondheidszorg'],
  ['88101', 'Thuishulp voor ouderen'],
  ['94120', 'Beroepsorganisaties'],
  ['94991', 'Verenigingen en bewegingen voor volwassenen'],
  ['96021', 'Haarverzorging'],
  ['03210', 'Kweken van vis in zee'],
];

const JURIDICAL_FORMS: [string, string][] = [
  ['014', 'Naamloze vennootschap'],
  ['610', 'Besloten vennootschap'],
  ['017', 'Vereniging zonder winstoogmerk'],
  ['706', 'Coöperatieve vennootschap'],
  ['030', 'Buitenlandse entiteit'],
];
const STREETS = [
  'Stationsstraat',
  'Kerkstraat',
  'Industrieweg',
  'Nijverheidslaan',
  'Havenlaan',
  'Dorpsstraat',
  'Molenstraat',
  'Kouter',
  'Steenweg',
  'Schoolstraat',
];
const TOWNS: [string, string][] = [
  ['9000', 'Gent'],
  ['2000', 'Antwerpen'],
  ['3000', 'Leuven'],
  ['8000', 'Brugge'],
  ['3500', 'Hasselt'],
  ['2800', 'Mechelen'],
  ['8500', 'Kortrijk'],
  ['9300', 'Aalst'],
  ['1000', 'Brussel'],
  ['1050', 'Elsene'],
  ['4000', 'Liège'],
  ['5000', 'Namur'],
  ['6000', 'Charleroi'],
  ['1348', 'Louvain-la-Neuve'],
  ['3600', 'Genk'],
  ['8400', 'Oostende'],
];
const STEMS = [
  'Polymeer',
  'Logistiek',
  'Energie',
  'Voeding',
  'Zeewind',
  'Medtech',
  'Data',
  'Circulair',
  'Robot',
  'Aqua',
  'Sensor',
  'Batterij',
  'Bouw',
  'Chip',
  'Zorg',
];

function sequence(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4_294_967_296;
  };
}

const q = (value: string) => `"${value.replace(/"/g, '""')}"`;
const row = (values: string[]) => `${values.map(q).join(',')}\n`;
const dotted = (n: string) => `${n.slice(0, 4)}.${n.slice(4, 7)}.${n.slice(7)}`;

class CsvWriter {
  private readonly stream: fs.WriteStream;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;
  constructor(file: string, header: string[]) {
    this.stream = fs.createWriteStream(file);
    this.buffer.push(row(header));
  }
  async add(line: string): Promise<void> {
    this.buffer.push(line);
    this.size += line.length;
    this.rows++;
    if (this.size > 1 << 20) await this.flush();
  }
  private async flush(): Promise<void> {
    const text = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

export interface GenerateKboSummary {
  folder: string;
  files: { file: string; rows: number; bytes: number }[];
}

export async function generateKbo(options: GenerateKboOptions): Promise<GenerateKboSummary> {
  const random = sequence(options.seed ?? 2050);
  const kind = options.kind ?? 'full';
  const suffix = kind === 'update' ? '_insert' : '';
  fs.mkdirSync(options.folder, { recursive: true });
  const file = (name: string) => path.join(options.folder, `${name}.csv`);
  const today = new Date();
  const snapshot =
    `${String(today.getUTCDate()).padStart(2, '0')}-` +
    `${String(today.getUTCMonth() + 1).padStart(2, '0')}-${today.getUTCFullYear()}`;
  fs.writeFileSync(
    file('meta'),
    row(['Variable', 'Value']) +
      row(['SnapshotDate', snapshot]) +
      row(['ExtractTimestamp', `${snapshot} 06:00:00`]) +
      row(['ExtractType', kind]) +
      row(['ExtractNumber', String(options.extractNumber ?? 140)]) +
      row(['Version', '1.0.0']),
  );

  const codes = new CsvWriter(file(`code${suffix}`), ['Category', 'Code', 'Language', 'Description']);
  for (const [code, label] of JURIDICAL_FORMS) await codes.add(row(['JuridicalForm', code, 'NL', label]));
  for (const [code, label] of NACE_2008) {
    await codes.add(row(['Nace2008', code, 'NL', label]));
    await codes.add(row(['Nace2025', code, 'NL', label]));
  }
  await codes.add(row(['Status', 'AC', 'NL', 'Actief']));

  const writers = {
    enterprise: new CsvWriter(file(`enterprise${suffix}`), [
      'EnterpriseNumber',
      'Status',
      'JuridicalSituation',
      'TypeOfEnterprise',
      'JuridicalForm',
      'JuridicalFormCAC',
      'StartDate',
    ]),
    denomination: new CsvWriter(file(`denomination${suffix}`), [
      'EntityNumber',
      'Language',
      'TypeOfDenomination',
      'Denomination',
    ]),
    address: new CsvWriter(file(`address${suffix}`), [
      'EntityNumber',
      'TypeOfAddress',
      'CountryNL',
      'CountryFR',
      'Zipcode',
      'MunicipalityNL',
      'MunicipalityFR',
      'StreetNL',
      'StreetFR',
      'HouseNumber',
      'Box',
      'ExtraAddressInfo',
      'DateStrikingOff',
    ]),
    activity: new CsvWriter(file(`activity${suffix}`), [
      'EntityNumber',
      'ActivityGroup',
      'NaceVersion',
      'NaceCode',
      'Classification',
    ]),
  };
  const deletes =
    kind === 'update'
      ? ['enterprise', 'denomination', 'address', 'activity'].map((name) => ({
          name,
          writer: new CsvWriter(file(`${name}_delete`), [
            name === 'enterprise' ? 'EnterpriseNumber' : 'EntityNumber',
          ]),
        }))
      : [];
  const malformedEvery = options.malformed
    ? Math.max(1, Math.floor(options.enterprises / options.malformed))
    : 0;
  let malformedLeft = options.malformed ?? 0;
  const offset = options.offset ?? 0;

  for (let i = 0; i < options.enterprises; i++) {
    const number = dotted(enterpriseNumberFrom(2_000_000 + offset + i));
    for (const d of deletes) await d.writer.add(row([number]));
    const form = JURIDICAL_FORMS[Math.floor(random() * JURIDICAL_FORMS.length)][0];
    const year = 1960 + Math.floor(random() * 65);
    const start =
      `${String(1 + Math.floor(random() * 28)).padStart(2, '0')}-` +
      `${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${year}`;
    await writers.enterprise.add(row([number, 'AC', '000', '2', form, '', start]));
    const name =
      `${STEMS[Math.floor(random() * STEMS.length)]} ${kind === 'update' ? 'Nieuw ' : ''}` +
      `${offset + i} (voorbeeld)`;
    await writers.denomination.add(row([number, '2', '001', name]));
    if (random() < 0.3) await writers.denomination.add(row([number, '2', '002', name.slice(0, 12)]));
    const roll = random();
    const town =
      roll < 0.6
        ? TOWNS[Math.floor(random() * 8)]
        : roll < 0.7
          ? TOWNS[8 + Math.floor(random() * 2)]
          : TOWNS[10 + Math.floor(random() * 6)];
    await writers.address.add(
      row([
        number,
        'REGO',
        'België',
        'Belgique',
        town[0],
        town[1],
        town[1],
        STREETS[Math.floor(random() * STREETS.length)],
        '',
        String(1 + Math.floor(random() * 200)),
        '',
        '',
        '',
      ]),
    );
    const activities = 1 + Math.floor(random() * 5);
    for (let a = 0; a < activities; a++) {
      const nace = NACE_2008[Math.floor(random() * NACE_2008.length)][0];
      const version = a % 2 === 0 ? '2008' : '2025';
      if (malformedEvery > 0 && malformedLeft > 0 && i % malformedEvery === malformedEvery - 1 && a === 0) {
        await writers.activity.add(`"${number}","001","${version}"\n`);
        malformedLeft--;
        continue;
      }
      await writers.activity.add(row([number, '001', version, nace, a === 0 ? 'MAIN' : 'SECO']));
    }
  }
  await codes.close();
  for (const writer of Object.values(writers)) await writer.close();
  for (const d of deletes) await d.writer.close();
  const files = fs
    .readdirSync(options.folder)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => ({ file: f, bytes: fs.statSync(path.join(options.folder, f)).size }));
  const counted = new Map<string, number>([
    [`enterprise${suffix}.csv`, writers.enterprise.rows],
    [`denomination${suffix}.csv`, writers.denomination.rows],
    [`address${suffix}.csv`, writers.address.rows],
    [`activity${suffix}.csv`, writers.activity.rows],
    [`code${suffix}.csv`, codes.rows],
    ...deletes.map((d) => [`${d.name}_delete.csv`, d.writer.rows] as [string, number]),
  ]);
  return { folder: options.folder, files: files.map((f) => ({ ...f, rows: counted.get(f.file) ?? 0 })) };
}
