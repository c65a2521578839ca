import { textOf } from '../../shared/text-of';
import type ExcelJS from 'exceljs';
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { instantToBrusselsLocal } from '../../shared/brussels-time';
import { centsToDecimalString, centsToEuroNumber } from '../../shared/money';
import { SHEET_HEADERS, type HeaderKey } from './spreadsheet-headers';
import { YES_NO, type LabelSet } from './spreadsheet-labels';
import { loadExcelJS } from './load-exceljs';

/**
 * The conventions every spreadsheet of the platform follows (one place, so every export is alike):
 * - headers and sheet names in the requester's language (Dutch unless `?lang=en`, the account's
 *   language or the browser's Accept-Language says English), never snake_case;
 * - calendar dates and instants are real date cells, instants as Brussels wall-clock time, shown
 *   dd/mm/yyyy and dd/mm/yyyy hh:mm (the Belgian order);
 * - money is a number of euros (from integer cents, exact) in the format € #.##0,00;
 * - codes are shown as their label (the code gets its own column where a machine needs it);
 * - every sheet has a bold, frozen header row and an autofilter;
 * - import templates carry drop-down lists (data validation) for closed lists.
 */
export type SheetLanguage = 'nl' | 'en';
export interface Bilingual {
  nl: string;
  en: string;
}

/** How a column's values are written. */
export type CellKind = 'text' | 'integer' | 'number' | 'percent' | 'money' | 'date' | 'datetime' | 'boolean';

export type CellInput = string | number | bigint | boolean | Date | null | undefined;

export interface SheetColumn<T> {
  /** A key of the header dictionary, or a bilingual header for columns named by data (a KPI, a criterion). */
  header: HeaderKey | Bilingual;
  value: (row: T, lang: SheetLanguage) => CellInput;
  /** Defaults to text for strings and number for numbers. */
  kind?: CellKind;
  /** Excel number format for 'number' columns, e.g. '0.000'. */
  numberFormat?: string;
  /** Codes shown as labels in the requester's language. */
  labels?: LabelSet;
  /** With labels: the code also in a column of its own, right after the label (for machines). */
  withCode?: boolean;
  /** A drop-down list of allowed values in rows below the header (import templates). */
  choices?: (lang: SheetLanguage) => string[];
  width?: number;
}

export interface SheetSpec<T> {
  name: Bilingual;
  columns: SheetColumn<T>[];
  rows: T[];
}

export const EURO_FORMAT = '"€ "#,##0.00';
export const DATE_FORMAT = 'dd/mm/yyyy';
export const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';
export const PERCENT_FORMAT = '0.0%';
const VALIDATION_ROWS = 1000;

/** The language of a download: `?lang=`, else the signed-in account's, else Accept-Language, else Dutch. */
export function sheetLanguage(request: FastifyRequest): SheetLanguage {
  const query = request.query as { lang?: unknown } | undefined;
  if (query?.lang === 'en' || query?.lang === 'nl') return query.lang;
  const actor = (request as { actor?: { locale?: unknown } | null }).actor;
  if (actor?.locale === 'en' || actor?.locale === 'nl') return actor.locale;
  const accept = request.headers['accept-language'];
  if (typeof accept === 'string') {
    const first = accept
      .split(',')
      .map((part) => part.trim().slice(0, 2).toLowerCase())
      .find((code) => code === 'nl' || code === 'en');
    if (first === 'en' || first === 'nl') return first;
  }
  return 'nl';
}

/** The `lang` query parameter of every download (optional; see sheetLanguage). */
export const LangQuery = z.object({ lang: z.enum(['nl', 'en']).optional() });

export function headerText(header: HeaderKey | Bilingual, lang: SheetLanguage): string {
  if (typeof header === 'string') {
    const [nl, en] = SHEET_HEADERS[header];
    return lang === 'en' ? en : nl;
  }
  return header[lang];
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' (a calendar date) → a date cell value (midnight, no time zone shift). */
function calendarDate(value: CellInput): Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date)
    return new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
  const text = String(value);
  const match = DATE_ONLY.exec(text.slice(0, 10));
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** A UTC instant → a date-time cell showing the Brussels wall-clock time (spreadsheets have no zones). */
function brusselsDateTime(value: CellInput): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const instant = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(instant.getTime())) return null;
  return new Date(`${instantToBrusselsLocal(instant)}:00.000Z`);
}

function cellValue<T>(column: SheetColumn<T>, raw: CellInput, lang: SheetLanguage): ExcelJS.CellValue {
  if (raw === null || raw === undefined) return null;
  if (column.labels) {
    const label = column.labels[String(raw)];
    return label ? label[lang === 'en' ? 1 : 0] : String(raw);
  }
  switch (column.kind) {
    case 'date':
      return calendarDate(raw);
    case 'datetime':
      return brusselsDateTime(raw);
    case 'money':
      return typeof raw === 'boolean' || raw instanceof Date || raw === '' ? null : centsToEuroNumber(raw);
    case 'integer':
    case 'number':
    case 'percent':
      return raw === '' ? null : Number(raw);
    case 'boolean':
      return YES_NO[raw ? 'yes' : 'no'][lang === 'en' ? 1 : 0];
    default:
      if (typeof raw === 'boolean') return YES_NO[raw ? 'yes' : 'no'][lang === 'en' ? 1 : 0];
      if (typeof raw === 'bigint') return Number(raw);
      return raw;
  }
}

function numberFormatOf<T>(column: SheetColumn<T>): string | undefined {
  if (column.labels) return undefined;
  switch (column.kind) {
    case 'date':
      return DATE_FORMAT;
    case 'datetime':
      return DATE_TIME_FORMAT;
    case 'money':
      return EURO_FORMAT;
    case 'percent':
      return column.numberFormat ?? PERCENT_FORMAT;
    case 'integer':
      return '0';
    default:
      return column.numberFormat;
  }
}

function defaultWidth<T>(column: SheetColumn<T>, header: string): number {
  const byKind =
    column.kind === 'datetime' ? 17 : column.kind === 'money' ? 16 : column.kind === 'date' ? 12 : 10;
  return column.width ?? Math.max(byKind, Math.min(40, header.length + 3));
}

interface WrittenColumn<T> {
  header: string;
  width: number;
  numFmt?: string;
  value: (row: T) => ExcelJS.CellValue;
  choices?: string[];
}

function writtenColumns<T>(columns: SheetColumn<T>[], lang: SheetLanguage): WrittenColumn<T>[] {
  return columns.flatMap((column) => {
    const header = headerText(column.header, lang);
    const main: WrittenColumn<T> = {
      header,
      width: defaultWidth(column, header),
      numFmt: numberFormatOf(column),
      value: (row) => cellValue(column, column.value(row, lang), lang),
      choices: column.choices?.(lang),
    };
    if (!column.labels || !column.withCode) return [main];
    const codeHeader = `${header} (${lang === 'en' ? 'code' : 'code'})`;
    return [
      main,
      {
        header: codeHeader,
        width: Math.max(12, codeHeader.length + 2),
        value: (row) => {
          const raw = column.value(row, lang);
          return raw === null || raw === undefined ? null : String(raw);
        },
      },
    ];
  });
}

function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

interface RangeValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

const FROZEN_HEADER: Partial<ExcelJS.WorksheetView> = { state: 'frozen', ySplit: 1 };

function sheetName(name: Bilingual, lang: SheetLanguage): string {
  return name[lang].replace(/[*?:\\/[\]]/g, '-').slice(0, 31);
}

/** Columns with their header, width and format; a bold header row with an autofilter (frozen by the view). */
function dressHeader<T>(sheet: ExcelJS.Worksheet, columns: WrittenColumn<T>[]): void {
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  const headerRow = sheet.getRow(1);
  headerRow.font = { bold: true };
  headerRow.alignment = { vertical: 'middle', wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, columns.length) } };
}

/** Adds one worksheet following the conventions above to a workbook. */
export function addSheet<T>(
  workbook: ExcelJS.Workbook,
  lang: SheetLanguage,
  spec: SheetSpec<T>,
): ExcelJS.Worksheet {
  const columns = writtenColumns(spec.columns, lang);
  const sheet = workbook.addWorksheet(sheetName(spec.name, lang), { views: [FROZEN_HEADER] });
  dressHeader(sheet, columns);
  for (const row of spec.rows) sheet.addRow(columns.map((c) => c.value(row) ?? null));
  columns.forEach((column, index) => {
    if (!column.choices || column.choices.length === 0) return;
    const letter = columnLetter(index + 1);
    (sheet as unknown as { dataValidations: RangeValidations }).dataValidations.add(
      `${letter}2:${letter}${VALIDATION_ROWS}`,
      {
        type: 'list',
        allowBlank: true,
        formulae: [`"${column.choices.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'error',
        errorTitle: column.header,
        error: column.choices.join(', '),
      },
    );
  });
  return sheet;
}

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { Workbook } = await loadExcelJS();
  const workbook = new Workbook();
  workbook.creator = 'Speerpunt';
  workbook.created = new Date(0);
  return workbook;
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Builds a workbook with one worksheet; every table in the app has such an export. */
export async function buildXlsx<T>(lang: SheetLanguage, spec: SheetSpec<T>): Promise<Buffer> {
  const workbook = await newWorkbook();
  addSheet(workbook, lang, spec);
  return workbookBuffer(workbook);
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = textOf(value);
  // A leading = + - @ (or tab/CR) would make a spreadsheet run it as a formula; only a cell that is
  // wholly a number keeps its minus sign (`-2+3+cmd|…` is a formula, not a number).
  const isNumber = typeof value === 'number' || typeof value === 'bigint' || /^-?\d+(\.\d+)?$/.test(text);
  const safe = /^[=+\-@\t\r]/.test(text) && !isNumber ? `'${text}` : text;
  return /[",;\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * CSV for machines (open data, re-import): the header dictionary's keys as headers, codes as
 * codes, dates as ISO 8601, money as a decimal euro amount with a point.
 */
export function buildCsv<T>(columns: SheetColumn<T>[], rows: T[]): string {
  return csvHeader(columns) + csvLines(columns, rows);
}

function csvHeader<T>(columns: SheetColumn<T>[]): string {
  const header = (c: SheetColumn<T>) => (typeof c.header === 'string' ? c.header : c.header.en);
  return `${columns.map((c) => csvCell(header(c))).join(',')}\r\n`;
}

function csvLines<T>(columns: SheetColumn<T>[], rows: readonly T[]): string {
  const plain = (c: SheetColumn<T>, row: T) => {
    const raw = c.value(row, 'en');
    if (raw === null || raw === undefined) return raw;
    if (c.kind === 'money' && typeof raw !== 'boolean' && !(raw instanceof Date))
      return centsToDecimalString(raw);
    return raw;
  };
  let text = '';
  for (const row of rows) text += `${columns.map((c) => csvCell(plain(c, row))).join(',')}\r\n`;
  return text;
}

/**
 * The text of a CSV whose rows arrive in batches: the header (after `prefix`, e.g. a byte-order
 * mark) goes out with the first batch, so a failure before it is still a catalogued error answer.
 */
export async function* csvChunks<T>(
  columns: SheetColumn<T>[],
  batches: AsyncIterable<T[]>,
  prefix = '',
): AsyncGenerator<string> {
  let head = `${prefix}${csvHeader(columns)}`;
  for await (const rows of batches) {
    yield head + csvLines(columns, rows);
    head = '';
  }
  if (head) yield head;
}

/**
 * Sends a text download (CSV, JSON) whose parts are produced as the client reads: the parts are
 * pulled one at a time (back-pressure), so memory stays bounded whatever the size. The first part
 * is produced before anything is sent, so an error there is still a catalogued error answer; a
 * later error ends the download early (and is logged).
 */
export async function sendTextStream(
  request: FastifyRequest,
  reply: FastifyReply,
  filename: string,
  contentType: string,
  parts: AsyncIterable<string>,
) {
  const iterator = parts[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* all(): AsyncGenerator<string> {
    for (let next = first; !next.done; next = await iterator.next()) yield next.value;
  }
  const body = Readable.from(all(), { objectMode: false });
  body.on('error', (error) => request.log.error({ err: error }, 'streamed download failed'));
  return sendDownload(reply, filename, contentType, body);
}

/** Sends one table as an XLSX download, in the requester's language (`?lang=en`, else Dutch). */
export async function sendXlsx<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  filename: string,
  spec: SheetSpec<T>,
) {
  return sendDownload(reply, filename, XLSX_TYPE, await buildXlsx(sheetLanguage(request), spec));
}

/** A sheet whose rows arrive in batches (read from the database a batch at a time). */
export interface StreamedSheetSpec<T> {
  name: Bilingual;
  columns: SheetColumn<T>[];
  batches: AsyncIterable<T[]>;
}

/** How much written XLSX may wait for a slow reader before the next batch is read. */
const STREAM_HIGH_WATER = 1 << 20;

/**
 * Sends a large table as an XLSX download that streams: exceljs' streaming writer puts each row
 * into the zip as it arrives and the zip flows into the reply, while the rows are read a batch at
 * a time, so memory stays bounded whatever the number of rows. The conventions are those of
 * `addSheet` (language, date and money cells, bold frozen header, autofilter). The first batch is
 * read before anything is sent, so an error there is still a catalogued error answer.
 */
export async function sendXlsxStream<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  filename: string,
  spec: StreamedSheetSpec<T>,
) {
  const lang = sheetLanguage(request);
  const batches = spec.batches[Symbol.asyncIterator]();
  const first = await batches.next();
  const body = new PassThrough({ highWaterMark: STREAM_HIGH_WATER });
  const { stream } = await loadExcelJS();
  const workbook = new stream.xlsx.WorkbookWriter({
    stream: body,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Speerpunt';
  workbook.created = new Date(0);
  const columns = writtenColumns(spec.columns, lang);
  const sheet = workbook.addWorksheet(sheetName(spec.name, lang), { views: [FROZEN_HEADER] });
  dressHeader(sheet, columns);
  sheet.getRow(1).commit();
  const write = async () => {
    for (let next = first; !next.done; next = await batches.next()) {
      for (const row of next.value) sheet.addRow(columns.map((c) => c.value(row) ?? null)).commit();
      // Wait for the reader before reading more rows (a closed reply ends the export).
      if (body.writableNeedDrain) await Promise.race([once(body, 'drain'), once(body, 'close')]);
      if (body.destroyed) return void (await batches.return?.());
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => {
    request.log.error({ err: error }, 'streamed XLSX export failed');
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return sendDownload(reply, filename, XLSX_TYPE, body);
}

/** Sends a file as a download (never inline). */
export function sendDownload(
  reply: FastifyReply,
  filename: string,
  contentType: string,
  body: Buffer | string | NodeJS.ReadableStream,
) {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
    .header('x-content-type-options', 'nosniff')
    .send(body);
}

/**
 * Sends a stored attachment: a PDF asked for inline is shown in a same-origin frame of the app
 * (frame-ancestors 'self', nothing else may load inside it); everything else stays a download.
 */
export function sendAttachment(
  reply: FastifyReply,
  file: { filename: string; contentType: string; content: Buffer },
  inline: boolean,
) {
  if (!inline || file.contentType !== 'application/pdf')
    return sendDownload(reply, file.filename, file.contentType, file.content);
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'SAMEORIGIN')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
    )
    .send(file.content);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
