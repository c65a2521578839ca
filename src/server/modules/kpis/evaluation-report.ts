import type { KpiStatus } from './kpi-status';
import { formatDateTime } from '../../../shared/brussels-time';
import { formatNumber } from '../../../shared/money';
import { PdfReport } from '../../http/pdf-document';
import {
  addSheet,
  newWorkbook,
  workbookBuffer,
  type SheetColumn,
  type SheetLanguage,
} from '../../http/spreadsheet';
import {
  KPI_DIRECTION,
  KPI_LENS,
  KPI_SOURCE,
  KPI_STATUS,
  KPI_UNIT,
  MEASUREMENT_STATUS,
  labelOf,
} from '../../http/spreadsheet-labels';

export interface ReportRow {
  clusterName: string;
  code: string;
  name: string;
  lens: string;
  unit: string;
  direction: string;
  source: string;
  periodCode: string;
  value: number | null;
  reason: string | null;
  expected: number | null;
  baselineValue: number | null;
  endTargetValue: number | null;
  status: KpiStatus;
  measurementStatus: string | null;
  isOutlier: boolean;
  evidence: string;
}

export interface EvaluationReport {
  title: string;
  periodCode: string;
  generatedAt: string;
  rows: ReportRow[];
}

export const STATUS_COLOURS: Record<KpiStatus, string> = {
  on_track: '#2f9e44',
  at_risk: '#f59f00',
  off_track: '#e03131',
  no_target: '#adb5bd',
  no_data: '#dee2e6',
  not_computable: '#7048e8',
};

/**
 * The evaluation report as XLSX: one row per cluster × KPI × period with values, targets, status and
 * evidence links.
 */
export async function buildReportXlsx(report: EvaluationReport, lang: SheetLanguage = 'nl'): Promise<Buffer> {
  const workbook = await newWorkbook();
  const columns: SheetColumn<ReportRow>[] = [
    { header: 'cluster', value: (r) => r.clusterName, width: 28 },
    { header: 'kpi', value: (r) => r.code, width: 26 },
    { header: 'name', value: (r) => r.name, width: 44 },
    { header: 'lens', value: (r) => r.lens, labels: KPI_LENS, width: 24 },
    { header: 'unit', value: (r) => r.unit, labels: KPI_UNIT },
    { header: 'direction', value: (r) => r.direction, labels: KPI_DIRECTION, width: 16 },
    { header: 'source', value: (r) => r.source, labels: KPI_SOURCE },
    { header: 'period', value: (r) => r.periodCode },
    { header: 'value', value: (r) => r.value, kind: 'number', numberFormat: '#,##0.##' },
    { header: 'not_computable', value: (r) => r.reason, width: 18 },
    {
      header: 'expected',
      value: (r) => (r.expected === null ? null : Math.round(r.expected * 100) / 100),
      kind: 'number',
      numberFormat: '#,##0.##',
    },
    { header: 'baseline', value: (r) => r.baselineValue, kind: 'number', numberFormat: '#,##0.##' },
    { header: 'end_target', value: (r) => r.endTargetValue, kind: 'number', numberFormat: '#,##0.##' },
    { header: 'status', value: (r) => r.status, labels: KPI_STATUS, withCode: true, width: 16 },
    { header: 'measurement_status', value: (r) => r.measurementStatus, labels: MEASUREMENT_STATUS },
    { header: 'is_outlier', value: (r) => r.isOutlier, kind: 'boolean' },
    { header: 'evidence', value: (r) => r.evidence, width: 60 },
  ];
  const sheet = addSheet(workbook, lang, {
    name: { nl: 'Evaluatie', en: 'Evaluation' },
    columns,
    rows: report.rows,
  });
  const statusColumn = columns.findIndex((c) => c.header === 'status') + 1;
  report.rows.forEach((row, index) => {
    sheet.getRow(index + 2).getCell(statusColumn).fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: `FF${STATUS_COLOURS[row.status].slice(1)}` },
    };
  });
  const en = lang === 'en';
  addSheet(workbook, lang, {
    name: { nl: 'Over', en: 'About' },
    columns: [
      { header: 'figure', value: (r: [string, string]) => r[0], width: 24 },
      { header: 'value', value: (r: [string, string]) => r[1], width: 90 },
    ],
    rows: [
      [en ? 'Title' : 'Titel', report.title],
      [en ? 'Period' : 'Periode', report.periodCode],
      [
        en ? 'Created (Brussels time)' : 'Aangemaakt (Brusselse tijd)',
        formatDateTime(report.generatedAt, lang, 'numeric'),
      ],
      [
        'Status',
        en
          ? 'Direction-aware, against the trajectory from baseline to target.'
          : 'Rekening houdend met de richting, ten opzichte van het traject van basiswaarde naar doel.',
      ],
    ],
  });
  return workbookBuffer(workbook);
}

/** Light fills for the status grid (the symbol and the label carry the meaning; colour helps). */
const STATUS_FILLS: Record<KpiStatus, string> = {
  on_track: '#b2f2bb',
  at_risk: '#ffec99',
  off_track: '#ffc9c9',
  no_target: '#e9ecef',
  no_data: '#f8f9fa',
  not_computable: '#d0bfff',
};

/** A symbol per status, so the grid reads without colour (and in black and white). */
export const STATUS_SYMBOLS: Record<KpiStatus, string> = {
  on_track: '✓',
  at_risk: '!',
  off_track: '✗',
  no_target: '○',
  no_data: '–',
  not_computable: '?',
};

const STATUS_ORDER: KpiStatus[] = [
  'on_track',
  'at_risk',
  'off_track',
  'not_computable',
  'no_target',
  'no_data',
];
const status = (code: KpiStatus) => labelOf(KPI_STATUS, code, 'nl').toLowerCase();
const number = (value: number | null) => formatNumber(value, 'nl');

function displayValue(row: { value: number | null; reason: string | null }): string {
  if (row.value !== null) return number(row.value);
  return row.reason ? 'niet berekenbaar' : '–';
}

function legend(pdf: PdfReport): void {
  pdf.table(
    [
      { header: 'Symbool', width: 1.6, align: 'center' },
      { header: 'Status', width: 3 },
      { header: 'Betekenis', width: 8 },
    ],
    STATUS_ORDER.map((code) => [STATUS_SYMBOLS[code], labelOf(KPI_STATUS, code, 'nl'), STATUS_MEANING[code]]),
    { fill: (row, column) => (column === 0 ? STATUS_FILLS[STATUS_ORDER[row]] : undefined) },
  );
}

const STATUS_MEANING: Record<KpiStatus, string> = {
  on_track: 'De waarde ligt op of voorbij het traject van basiswaarde naar doel.',
  at_risk: 'De waarde ligt iets achter op het traject.',
  off_track: 'De waarde ligt duidelijk achter op het traject.',
  no_target: 'Voor deze KPI is (nog) geen doel vastgelegd.',
  no_data: 'Er is voor deze periode geen waarde.',
  not_computable: 'De waarde kan niet berekend worden (bv. deling door nul).',
};

/** Clusters × KPIs with a symbol and a fill per cell; KPIs numbered, with a key below (no rotated text). */
function statusGrid(pdf: PdfReport, report: EvaluationReport): void {
  const clusters = [...new Set(report.rows.map((r) => r.clusterName))];
  const codes = [...new Set(report.rows.map((r) => r.code))];
  const tables = Math.ceil(codes.length / 12);
  const perTable = Math.ceil(codes.length / Math.max(1, tables));
  for (let start = 0; start < codes.length; start += perTable) {
    const part = codes.slice(start, start + perTable);
    const cells = clusters.map((cluster) =>
      part.map(
        (code) => report.rows.find((r) => r.clusterName === cluster && r.code === code)?.status ?? 'no_data',
      ),
    );
    pdf.table(
      [
        { header: 'Cluster', width: 8 },
        ...part.map((_code, i) => ({ header: String(start + i + 1), width: 1.4, align: 'center' as const })),
      ],
      clusters.map((cluster, row) => [cluster, ...cells[row].map((code) => STATUS_SYMBOLS[code])]),
      {
        fontSize: 8,
        fill: (row, column) => (column === 0 ? undefined : STATUS_FILLS[cells[row][column - 1]]),
      },
    );
  }
  pdf.paragraph('KPI’s in de kolommen:', { size: 9, bold: true });
  pdf.table(
    [
      { header: 'Nr.', width: 1, align: 'right' },
      { header: 'Code', width: 5 },
      { header: 'KPI', width: 10 },
    ],
    codes.map((code, i) => [String(i + 1), code, report.rows.find((r) => r.code === code)?.name ?? '']),
  );
}

/** Per cluster the number of KPIs in each status, as a stacked bar chart with labelled axes. */
function statusChartHeight(report: EvaluationReport): number {
  return Math.max(180, 90 + new Set(report.rows.map((r) => r.clusterName)).size * 26);
}

function statusChart(pdf: PdfReport, report: EvaluationReport): void {
  const clusters = [...new Set(report.rows.map((r) => r.clusterName))];
  pdf.chart(
    {
      legend: { top: 0, left: 0, textStyle: { fontSize: 9 }, itemWidth: 14, itemHeight: 9 },
      grid: { left: 4, right: 24, top: 52, bottom: 36, containLabel: true },
      xAxis: {
        type: 'value',
        name: 'Aantal KPI’s',
        nameLocation: 'middle',
        nameGap: 22,
        nameTextStyle: { fontSize: 9 },
        minInterval: 1,
        axisLabel: { fontSize: 9, formatter: (v: number) => number(v) },
      },
      yAxis: {
        type: 'category',
        data: clusters,
        inverse: true,
        axisLabel: { fontSize: 9 },
      },
      series: STATUS_ORDER.map((code) => ({
        type: 'bar',
        stack: 'status',
        name: `${STATUS_SYMBOLS[code]} ${status(code)}`,
        itemStyle: { color: STATUS_COLOURS[code] },
        data: clusters.map(
          (cluster) => report.rows.filter((r) => r.clusterName === cluster && r.status === code).length,
        ),
      })),
    },
    { width: pdf.width, height: statusChartHeight(report) },
  );
}

/** One KPI's values per period (bars coloured by status) and the expected trajectory (dashed line). */
function trajectoryChart(pdf: PdfReport, rows: ReportRow[]): void {
  const unit = rows[0] ? labelOf(KPI_UNIT, rows[0].unit, 'nl') : '';
  pdf.chart(
    {
      legend: { top: 0, right: 0, textStyle: { fontSize: 8 }, itemWidth: 14, itemHeight: 8 },
      grid: { left: 8, right: 16, top: 26, bottom: 26, containLabel: true },
      xAxis: {
        type: 'category',
        name: 'Periode',
        nameLocation: 'middle',
        nameGap: 20,
        nameTextStyle: { fontSize: 8 },
        data: rows.map((r) => r.periodCode),
        axisLabel: { fontSize: 8 },
      },
      yAxis: {
        type: 'value',
        name: unit,
        nameTextStyle: { fontSize: 8, align: 'left' },
        axisLabel: { fontSize: 8, formatter: (v: number) => number(v) },
      },
      series: [
        {
          type: 'bar',
          name: 'Waarde',
          barMaxWidth: 28,
          itemStyle: { color: STATUS_COLOURS.on_track },
          data: rows.map((r) => ({ value: r.value, itemStyle: { color: STATUS_COLOURS[r.status] } })),
        },
        {
          type: 'line',
          name: 'Verwacht (traject)',
          lineStyle: { type: 'dashed', color: '#1c7ed6' },
          itemStyle: { color: '#1c7ed6' },
          data: rows.map((r) => r.expected),
        },
      ],
    },
    { width: pdf.width, height: 120 },
  );
}

/**
 * The evaluation report as PDF (Dutch). The portfolio report has the status grid (symbols and
 * fills, KPIs numbered with a key) and the status counts per cluster; the cluster report has a
 * summary table and per KPI its values per period coloured by status with the expected trajectory.
 */
export async function buildReportPdf(
  report: EvaluationReport,
  options: { mode: 'cluster' | 'portfolio' },
): Promise<Buffer> {
  const pdf = await PdfReport.create({ title: report.title, lang: 'nl', generatedAt: report.generatedAt });
  pdf.title(
    report.title,
    `Periode ${report.periodCode} · ` +
      `aangemaakt ${formatDateTime(report.generatedAt, 'nl', 'numeric')} (Brusselse tijd) · ` +
      'status ten opzichte van het traject van basiswaarde naar doel, rekening houdend met de richting',
  );
  pdf.heading('Legende');
  legend(pdf);

  if (options.mode === 'portfolio') {
    pdf.heading('Status per cluster en KPI');
    statusGrid(pdf, report);
    pdf.heading('Aantal KPI’s per status', statusChartHeight(report));
    statusChart(pdf, report);
    return pdf.finish();
  }

  const codes = [...new Set(report.rows.map((r) => r.code))];
  const latest = codes.map((code) => report.rows.filter((r) => r.code === code).at(-1) as ReportRow);
  pdf.heading('Overzicht');
  pdf.table(
    [
      { header: 'KPI', width: 6 },
      { header: 'Periode', width: 1.6 },
      { header: 'Waarde', width: 2.7, align: 'right' },
      { header: 'Verwacht', width: 2.7, align: 'right' },
      { header: 'Doel einde mandaat', width: 2.7, align: 'right' },
      { header: 'Status', width: 3 },
    ],
    latest.map((r) => [
      `${r.name} (${r.code})`,
      r.periodCode,
      displayValue(r),
      number(r.expected),
      number(r.endTargetValue),
      `${STATUS_SYMBOLS[r.status]} ${status(r.status)}`,
    ]),
    { fill: (row, column) => (column === 5 ? STATUS_FILLS[latest[row].status] : undefined) },
  );
  for (const lens of ['economic', 'transition'] as const) {
    const own = codes.filter((code) => {
      const found = report.rows.find((r) => r.code === code)?.lens;
      return found === lens || found === 'both';
    });
    if (own.length === 0) continue;
    pdf.doc.addPage();
    pdf.heading(labelOf(KPI_LENS, lens, 'nl'));
    for (const code of own) {
      const rows = report.rows.filter((r) => r.code === code);
      const last = rows.at(-1);
      pdf.ensureSpace(165);
      pdf.paragraph(`${rows[0]?.name ?? code} (${code})`, { bold: true, size: 9.5 });
      if (last)
        pdf.paragraph(
          `${last.periodCode}: ${displayValue(last)} → ${STATUS_SYMBOLS[last.status]} ${status(last.status)}` +
            ` · verwacht ${number(last.expected)} · doel einde mandaat ${number(last.endTargetValue)}`,
          { size: 8.5, colour: '#495057' },
        );
      trajectoryChart(pdf, rows);
    }
  }
  return pdf.finish();
}
