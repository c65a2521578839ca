import type ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { AppError, detail, type ErrorDetail } from '../../errors/app-error';
import { headerKeyOf } from '../../http/spreadsheet-headers';
import { loadExcelJS } from '../../http/load-exceljs';
import { checkZipExpansion, type ArchiveLimits } from '../../files/archive-limits';

/** Bounds on reading one member list (from the config): expansion of an XLSX, length of a CSV record. */
export interface MemberFileLimits extends ArchiveLimits {
  maxRecordChars: number;
}

/** The columns of the member list (template, import and export share them). */
export const MEMBER_COLUMNS = [
  'name',
  'enterprise_number',
  'country',
  'foreign_identifier',
  'helix',
  'membership_type',
  'valid_from',
  'valid_to',
  'founded_on',
] as const;
export type MemberColumn = (typeof MEMBER_COLUMNS)[number];
const REQUIRED: MemberColumn[] = ['name', 'enterprise_number', 'helix', 'valid_from'];
/** Columns the member export adds after the template's; an exported list imports again unchanged. */
const EXPORT_ONLY = ['size_class', 'is_pioneer', 'is_current'];
export const MAX_IMPORT_ROWS = 5000;

export interface RawMemberRow {
  /** The line in the spreadsheet (the header is line 1). */
  line: number;
  values: Partial<Record<MemberColumn, string>>;
}

const unreadable = (details: ErrorDetail[]) => new AppError('IMPORT_FILE_UNREADABLE', { details });

function headerOf(cells: string[]): MemberColumn[] {
  // Machine names (name, valid_from) or the human headers of the template and the export, in Dutch or English.
  const names = cells.map((c) => headerKeyOf(c) ?? c.trim().toLowerCase().replace(/\s+/g, '_'));
  const unknown = names.filter(
    (n) => n !== '' && !(MEMBER_COLUMNS as readonly string[]).includes(n) && !EXPORT_ONLY.includes(n),
  );
  const problems: ErrorDetail[] = [];
  if (unknown.length > 0) {
    problems.push(
      detail(
        'header',
        'unknown_columns',
        `Onbekende kolommen: ${unknown.join(', ')}. Gebruik het sjabloon.`,
        `Unknown columns: ${unknown.join(', ')}. Use the template.`,
      ),
    );
  }
  const missing = REQUIRED.filter((r) => !names.includes(r));
  if (missing.length > 0) {
    problems.push(
      detail(
        'header',
        'missing_columns',
        `Verplichte kolommen ontbreken: ${missing.join(', ')} (regel 1).`,
        `Required columns missing: ${missing.join(', ')} (line 1).`,
      ),
    );
  }
  if (problems.length > 0) throw unreadable(problems);
  return names.map((n) => (EXPORT_ONLY.includes(n) ? '' : n)) as MemberColumn[];
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value && value.result !== undefined) return cellText(value.result);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    return '';
  }
  return String(value).trim();
}

async function readXlsx(buffer: Buffer, limits: MemberFileLimits): Promise<RawMemberRow[]> {
  if (buffer[0] !== 0x50 || buffer[1] !== 0x4b)
    throw unreadable([
      detail('file', 'not_xlsx', 'Dit is geen geldig XLSX-bestand.', 'This is not a valid XLSX file.'),
    ]);
  await checkZipExpansion(buffer, limits);
  const { Workbook } = await loadExcelJS();
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw unreadable([
      detail(
        'file',
        'damaged',
        `Het XLSX-bestand is beschadigd of onvolledig (${(error as Error).message.slice(0, 120)}).`,
        `The XLSX file is damaged or truncated (${(error as Error).message.slice(0, 120)}).`,
      ),
    ]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0)
    throw unreadable([detail('file', 'empty', 'Het werkblad is leeg.', 'The worksheet is empty.')]);
  const headerCells: string[] = [];
  sheet
    .getRow(1)
    .eachCell({ includeEmpty: true }, (cell, col) => (headerCells[col - 1] = cellText(cell.value)));
  const header = headerOf(headerCells);
  const rows: RawMemberRow[] = [];
  sheet.eachRow((row, line) => {
    if (line === 1) return;
    const values: Partial<Record<MemberColumn, string>> = {};
    header.forEach((column, index) => {
      if (column) values[column] = cellText(row.getCell(index + 1).value);
    });
    if (Object.values(values).some((v) => v !== '')) rows.push({ line, values });
  });
  return rows;
}

function readCsv(buffer: Buffer, limits: MemberFileLimits): RawMemberRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    const bad = buffer.findIndex((b) => b >= 0x80);
    const line = buffer.subarray(0, Math.max(bad, 0)).toString('latin1').split('\n').length;
    throw unreadable([
      detail(
        `line ${line}`,
        'encoding',
        `Het bestand is niet in UTF-8 (eerste fout op regel ${line}). Bewaar het als "CSV UTF-8".`,
        `The file is not UTF-8 (first bad byte on line ${line}). Save it as "CSV UTF-8".`,
      ),
    ]);
  }
  text = text.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  // Excel in Belgium writes semicolons; accept both, decided on the header line.
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      // An unterminated quote would otherwise swallow the rest of the file into one field.
      max_record_size: limits.maxRecordChars,
    });
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw unreadable([
      detail(
        `line ${e.lines ?? '?'}`,
        'csv_syntax',
        `CSV-fout op regel ${e.lines ?? '?'}: ${e.message.slice(0, 150)}`,
        `CSV error on line ${e.lines ?? '?'}: ${e.message.slice(0, 150)}`,
      ),
    ]);
  }
  if (records.length === 0)
    throw unreadable([detail('file', 'empty', 'Het bestand is leeg.', 'The file is empty.')]);
  if (records[0].length === 1 && /[\t|]/.test(records[0][0])) {
    throw unreadable([
      detail(
        'line 1',
        'delimiter',
        'Scheidingsteken niet herkend: gebruik een komma of puntkomma.',
        'Delimiter not recognised: use a comma or a semicolon.',
      ),
    ]);
  }
  const header = headerOf(records[0]);
  return records
    .slice(1)
    .map((cells, index) => {
      const values: Partial<Record<MemberColumn, string>> = {};
      header.forEach((column, i) => {
        if (column) values[column] = (cells[i] ?? '').trim();
      });
      return { line: index + 2, values };
    })
    .filter((r) => Object.values(r.values).some((v) => v !== ''));
}

/** Reads a member list (XLSX or CSV) into raw rows, or refuses the whole file with located reasons. */
export async function readMemberFile(
  filename: string,
  buffer: Buffer,
  limits: MemberFileLimits,
): Promise<RawMemberRow[]> {
  if (buffer.length === 0)
    throw unreadable([
      detail('file', 'empty', 'Het bestand is leeg (0 bytes).', 'The file is empty (0 bytes).'),
    ]);
  const extension = filename.toLowerCase().split('.').pop();
  let rows: RawMemberRow[];
  if (extension === 'xlsx') rows = await readXlsx(buffer, limits);
  else if (extension === 'csv' || extension === 'txt') rows = readCsv(buffer, limits);
  else throw unreadable([detail('file', 'type', 'Alleen XLSX of CSV.', 'XLSX or CSV only.')]);
  if (rows.length === 0)
    throw unreadable([
      detail(
        'file',
        'no_rows',
        'Het bestand bevat geen rijen onder de kopregel.',
        'The file has no rows below the header.',
      ),
    ]);
  if (rows.length > MAX_IMPORT_ROWS)
    throw unreadable([
      detail(
        'file',
        'too_many_rows',
        `Hoogstens ${MAX_IMPORT_ROWS} rijen per bestand.`,
        `At most ${MAX_IMPORT_ROWS} rows per file.`,
      ),
    ]);
  return rows;
}
