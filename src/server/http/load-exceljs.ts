import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

/**
 * ExcelJS, loaded on the first spreadsheet the process reads or writes rather than when the
 * server starts (loading it takes about 0.3 s of CPU, and most starts never make a spreadsheet).
 */
export function loadExcelJS(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((module) => module.default);
  return loading;
}
