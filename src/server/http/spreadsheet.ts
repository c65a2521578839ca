import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export interface SheetColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | Date | null | undefined;
  /** Excel number format, e.g. '#,##0.00 "€"' for euros or '0.0%' for shares. */
  numberFormat?: string;
  width?: number;
}

/** Money in integer cents → a decimal euro string, exact (no floating point on the way). */
export function centsToEuroString(cents: string | number | bigint): string {
  const value = BigInt(cents);
  const sign = value < 0n ? '-' : '';
  const absolute = value < 0n ? -value : value;
  return `${sign}${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`;
}

/** Builds one worksheet; every table in the app has such an export. */
export async function buildXlsx<T>(sheetName: string, columns: SheetColumn<T>[], rows: T[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Speerpunt';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(12, c.header.length + 2),
    style: c.numberFormat ? { numFmt: c.numberFormat } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  // A leading = + - @ (or tab/CR) would make a spreadsheet run it as a formula; only a cell that is
  // wholly a number keeps its minus sign (`-2+3+cmd|…` is a formula, not a number).
  const isNumber = typeof value === 'number' || typeof value === 'bigint' || /^-?\d+(\.\d+)?$/.test(text);
  const safe = /^[=+\-@\t\r]/.test(text) && !isNumber ? `'${text}` : text;
  return /[",;\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function buildCsv<T>(columns: SheetColumn<T>[], rows: T[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Sends a file as a download (never inline). */
export function sendDownload(
  reply: FastifyReply,
  filename: string,
  contentType: string,
  body: Buffer | string,
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
