/**
 * The enterprise register's (KBO/BCE) open-data files: comma separated, every field quoted,
 * dates `dd-mm-yyyy`, enterprise numbers `0200.065.765`. Each file maps to one table; the
 * loader turns every record into a line of PostgreSQL's COPY text format.
 */
export type KboTable =
  'kbo_codes' | 'kbo_enterprises' | 'kbo_denominations' | 'kbo_addresses' | 'kbo_activities';

type Transform = 'text' | 'entity' | 'date' | 'required';

export interface KboFileSpec {
  /** The base name: `enterprise` reads enterprise.csv (full) or enterprise_delete/_insert.csv (update). */
  name: string;
  table: KboTable;
  header: string[];
  columns: string[];
  transforms: Transform[];
  /** The column that names the entity in a `_delete` file. */
  keyColumn: string;
}

/** In load order: codes first (labels), then enterprises and what hangs on them. */
export const KBO_FILES: KboFileSpec[] = [
  {
    name: 'code',
    table: 'kbo_codes',
    header: ['Category', 'Code', 'Language', 'Description'],
    columns: ['category', 'code', 'language', 'description'],
    transforms: ['required', 'required', 'required', 'text'],
    keyColumn: 'category',
  },
  {
    name: 'enterprise',
    table: 'kbo_enterprises',
    header: [
      'EnterpriseNumber',
      'Status',
      'JuridicalSituation',
      'TypeOfEnterprise',
      'JuridicalForm',
      'JuridicalFormCAC',
      'StartDate',
    ],
    columns: [
      'enterprise_number',
      'status',
      'juridical_situation',
      'type_of_enterprise',
      'juridical_form',
      'juridical_form_cac',
      'start_date',
    ],
    transforms: ['entity', 'required', 'text', 'text', 'text', 'text', 'date'],
    keyColumn: 'enterprise_number',
  },
  {
    name: 'denomination',
    table: 'kbo_denominations',
    header: ['EntityNumber', 'Language', 'TypeOfDenomination', 'Denomination'],
    columns: ['entity_number', 'language', 'type_of_denomination', 'denomination'],
    transforms: ['entity', 'required', 'required', 'required'],
    keyColumn: 'entity_number',
  },
  {
    name: 'address',
    table: 'kbo_addresses',
    header: [
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
    ],
    columns: [
      'entity_number',
      'type_of_address',
      'country_nl',
      'country_fr',
      'zipcode',
      'municipality_nl',
      'municipality_fr',
      'street_nl',
      'street_fr',
      'house_number',
      'box',
      'extra_address_info',
      'date_striking_off',
    ],
    transforms: [
      'entity',
      'required',
      'text',
      'text',
      'text',
      'text',
      'text',
      'text',
      'text',
      'text',
      'text',
      'text',
      'date',
    ],
    keyColumn: 'entity_number',
  },
  {
    name: 'activity',
    table: 'kbo_activities',
    header: ['EntityNumber', 'ActivityGroup', 'NaceVersion', 'NaceCode', 'Classification'],
    columns: ['entity_number', 'activity_group', 'nace_version', 'nace_code', 'classification'],
    transforms: ['entity', 'required', 'required', 'required', 'required'],
    keyColumn: 'entity_number',
  },
];

/** Secondary indexes of the register tables: dropped before a full load and rebuilt after it. */
export const KBO_INDEXES: { name: string; sql: string }[] = [
  {
    name: 'kbo_denominations_entity_idx',
    sql: 'create index kbo_denominations_entity_idx on kbo_denominations (entity_number)',
  },
  {
    name: 'kbo_addresses_entity_idx',
    sql: 'create index kbo_addresses_entity_idx on kbo_addresses (entity_number)',
  },
  {
    name: 'kbo_addresses_zipcode_idx',
    sql: 'create index kbo_addresses_zipcode_idx on kbo_addresses (zipcode)',
  },
  {
    name: 'kbo_activities_entity_idx',
    sql: 'create index kbo_activities_entity_idx on kbo_activities (entity_number)',
  },
  {
    name: 'kbo_activities_nace_idx',
    sql: 'create index kbo_activities_nace_idx on kbo_activities (nace_version, nace_code)',
  },
];

export class MalformedLine extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** `0200.065.765` or `2.000.000.339` → ten digits without dots. */
function entityNumber(value: string): string {
  const digits = value.replace(/\./g, '');
  if (!/^\d{9,10}$/.test(digits)) throw new MalformedLine(`invalid entity number "${value.slice(0, 20)}"`);
  return digits.length === 9 ? `0${digits}` : digits;
}

/** `dd-mm-yyyy` → `yyyy-mm-dd` (checked by shape, month and day ranges). */
function isoDate(value: string): string {
  const d = value.charCodeAt(2) === 45 && value.charCodeAt(5) === 45 && value.length === 10;
  if (!d) throw new MalformedLine(`invalid date "${value.slice(0, 20)}" (expected dd-mm-yyyy)`);
  const day = value.slice(0, 2);
  const month = value.slice(3, 5);
  const year = value.slice(6);
  if (
    !/^\d{2}$/.test(day) ||
    !/^\d{2}$/.test(month) ||
    !/^\d{4}$/.test(year) ||
    Number(month) < 1 ||
    Number(month) > 12 ||
    Number(day) < 1 ||
    Number(day) > 31
  ) {
    throw new MalformedLine(`invalid date "${value}" (expected dd-mm-yyyy)`);
  }
  return `${year}-${month}-${day}`;
}

function copyEscape(value: string): string {
  if (!/[\\\t\n\r]/.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** One record → one COPY text line (tab separated, `\N` for empty optional fields). */
export function toCopyLine(spec: KboFileSpec, fields: string[]): string {
  if (fields.length !== spec.header.length)
    throw new MalformedLine(`expected ${spec.header.length} fields, found ${fields.length}`);
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    const raw = fields[i];
    const transform = spec.transforms[i];
    let value: string;
    if (transform === 'entity') value = entityNumber(raw);
    else if (raw === '') {
      if (transform === 'required') throw new MalformedLine(`${spec.header[i]} is empty`);
      value = '\\N';
    } else if (transform === 'date') value = isoDate(raw);
    else value = copyEscape(raw);
    line += i === 0 ? value : `\t${value}`;
  }
  return `${line}\n`;
}

/** The key of a `_delete` record (its first field), as stored. */
export function deleteKey(spec: KboFileSpec, fields: string[]): string {
  if (fields.length < 1 || fields[0] === '') throw new MalformedLine('missing entity number');
  return spec.keyColumn === 'category' ? copyEscape(fields[0]) : entityNumber(fields[0]);
}

/**
 * A streaming parser of the register's CSV dialect (RFC 4180: quoted fields, doubled quotes,
 * CRLF or LF, newlines inside quotes). Feed it text chunks; it calls `onRecord` with the fields
 * and the number of the line the record started on.
 */
/** A record longer than the limit (usually a quote that is never closed): the read stops, it cannot resync. */
export class KboRecordTooLongError extends Error {
  constructor(
    readonly line: number,
    readonly limit: number,
  ) {
    super(
      `a record starting on line ${line} is longer than ${limit} characters ` +
        '(an unterminated quoted field?); the file cannot be read past it',
    );
  }
}

/** The default longest record of a register file; real ones stay under 1,000 characters. */
export const KBO_MAX_RECORD_CHARS = 65_536;

export class KboCsvParser {
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  private quoteSeen = false;
  private line = 1;
  private recordLine = 1;
  private fieldTouched = false;
  private problem: string | null = null;
  private recordChars = 0;

  constructor(
    private readonly onRecord: (fields: string[], line: number, problem: string | null) => void,
    private readonly maxRecordChars = KBO_MAX_RECORD_CHARS,
  ) {}

  private grow(added: number): void {
    this.recordChars += added;
    if (this.recordChars > this.maxRecordChars)
      throw new KboRecordTooLongError(this.recordLine, this.maxRecordChars);
  }

  private bad(reason: string): void {
    if (this.problem === null) this.problem = reason;
  }

  push(text: string): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (this.inQuotes) {
        const next = text.indexOf('"', i);
        if (next === -1) {
          this.grow(n - i);
          this.field += text.slice(i);
          for (let j = i; j < n; j++) if (text.charCodeAt(j) === 10) this.line++;
          return;
        }
        const part = text.slice(i, next);
        this.grow(part.length);
        if (part.includes('\n'))
          for (let j = 0; j < part.length; j++) if (part.charCodeAt(j) === 10) this.line++;
        this.field += part;
        this.inQuotes = false;
        this.quoteSeen = true;
        i = next + 1;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === 34) {
        // A quote right after a closing quote is an escaped quote.
        if (this.quoteSeen) this.field += '"';
        else if (this.fieldTouched) this.bad('quote inside an unquoted field');
        this.inQuotes = true;
        this.quoteSeen = false;
        this.fieldTouched = true;
        i++;
      } else if (c === 44) {
        this.fields.push(this.field);
        this.field = '';
        this.quoteSeen = false;
        this.fieldTouched = false;
        i++;
      } else if (c === 10) {
        this.endRecord();
        this.line++;
        this.recordLine = this.line;
        i++;
      } else if (c === 13) {
        i++;
      } else {
        if (this.quoteSeen) this.bad('text after a closing quote');
        // Copy a run of plain characters at once.
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === 34 || d === 44 || d === 10 || d === 13) break;
          j++;
        }
        this.grow(j - i);
        this.field += text.slice(i, j);
        this.fieldTouched = true;
        this.quoteSeen = false;
        i = j;
      }
    }
  }

  private endRecord(): void {
    if (this.fields.length === 0 && this.field === '' && !this.fieldTouched) return;
    this.fields.push(this.field);
    const fields = this.fields;
    const problem = this.problem;
    this.fields = [];
    this.field = '';
    this.quoteSeen = false;
    this.fieldTouched = false;
    this.problem = null;
    this.recordChars = 0;
    this.onRecord(fields, this.recordLine, problem);
  }

  /** Ends the input: a record without a final newline is emitted; an open quote is malformed. */
  end(): void {
    if (this.inQuotes) {
      this.inQuotes = false;
      this.bad('unterminated quoted field at the end of the file');
      this.fieldTouched = true;
    }
    this.endRecord();
  }
}
