import PDFDocument from 'pdfkit';
import type { KpiStatus } from './kpi-status';
import { formatDateTime } from '../../http/document-format';
import { addSheet, newWorkbook, workbookBuffer, type SheetColumn, type SheetLanguage } from '../../http/spreadsheet';
import {
  KPI_DIRECTION,
  KPI_LENS,
  KPI_SOURCE,
  KPI_STATUS,
  KPI_UNIT,
  MEASUREMENT_STATUS,
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

const STATUS_LABELS: Record<KpiStatus, string> = {
  on_track: 'op koers',
  at_risk: 'risico',
  off_track: 'niet op koers',
  no_target: 'geen doel',
  no_data: 'geen waarde',
  not_computable: 'niet berekenbaar',
};

function displayValue(row: { value: number | null; reason: string | null }): string {
  if (row.value !== null)
    return new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 2 }).format(row.value);
  return row.reason ? 'niet berekenbaar' : '–';
}

/** The evaluation report as XLSX: one row per cluster × KPI × period with values, targets, status and evidence links. */
export async function buildReportXlsx(report: EvaluationReport, lang: SheetLanguage = 'nl'): Promise<Buffer> {
  const workbook = newWorkbook();
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
      [en ? 'Created (Brussels time)' : 'Aangemaakt (Brusselse tijd)', formatDateTime(report.generatedAt)],
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

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** A small vector bar chart: one bar per period coloured by status, with the expected values as a dashed line. */
function drawTrajectory(
  doc: PDFKit.PDFDocument,
  rows: ReportRow[],
  x: number,
  y: number,
  width: number,
  height: number,
) {
  const values = rows.flatMap((r) => [r.value, r.expected]).filter((v): v is number => v !== null);
  const max = Math.max(1e-9, ...values.map(Math.abs));
  doc
    .save()
    .lineWidth(0.5)
    .strokeColor('#868e96')
    .moveTo(x, y + height)
    .lineTo(x + width, y + height)
    .stroke()
    .restore();
  const slot = width / Math.max(1, rows.length);
  const points: [number, number][] = [];
  rows.forEach((row, index) => {
    const barX = x + index * slot + slot * 0.2;
    if (row.value !== null) {
      const barHeight = (Math.abs(row.value) / max) * height;
      doc
        .save()
        .fillColor(STATUS_COLOURS[row.status])
        .rect(barX, y + height - barHeight, slot * 0.6, barHeight)
        .fill()
        .restore();
    }
    if (row.expected !== null)
      points.push([barX + slot * 0.3, y + height - (Math.abs(row.expected) / max) * height]);
    doc
      .fontSize(6)
      .fillColor('#495057')
      .text(row.periodCode, x + index * slot, y + height + 2, { width: slot, align: 'center' });
  });
  if (points.length > 1) {
    doc.save().lineWidth(1).strokeColor('#1c7ed6').dash(2, { space: 2 });
    const [first, ...rest] = points;
    if (first) doc.moveTo(first[0], first[1]);
    for (const [px, py] of rest) doc.lineTo(px, py);
    doc.stroke().undash().restore();
  }
}

/**
 * The evaluation report as PDF. Charts are drawn as simple vector bars with pdfkit (no
 * rasterising, no SVG round trip): per KPI its values per period coloured by status, with the
 * expected trajectory dashed; the portfolio report adds a clusters × KPIs status grid.
 */
export async function buildReportPdf(
  report: EvaluationReport,
  options: { mode: 'cluster' | 'portfolio' },
): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: report.title, Author: 'Speerpunt' } });
  const done = collect(doc);
  doc.fontSize(16).fillColor('#000').text(report.title);
  doc
    .fontSize(9)
    .fillColor('#495057')
    .text(`Periode ${report.periodCode} · aangemaakt ${report.generatedAt}`);
  doc.moveDown(0.5);
  doc.fontSize(7);
  let legendX = 40;
  for (const [status, colour] of Object.entries(STATUS_COLOURS) as [KpiStatus, string][]) {
    doc.save().fillColor(colour).rect(legendX, doc.y, 8, 8).fill().restore();
    doc.fillColor('#000').text(STATUS_LABELS[status], legendX + 11, doc.y, { lineBreak: false });
    legendX += 80;
  }
  doc.moveDown(1.5);

  if (options.mode === 'portfolio') {
    const clusters = [...new Set(report.rows.map((r) => r.clusterName))];
    const codes = [...new Set(report.rows.map((r) => r.code))];
    const cell = Math.min(18, (515 - 110) / Math.max(1, codes.length));
    const top = doc.y + 70;
    codes.forEach((code, index) => {
      doc
        .save()
        .fontSize(5)
        .fillColor('#000')
        .rotate(-60, { origin: [150 + index * cell, top - 4] })
        .text(code, 150 + index * cell, top - 4, { lineBreak: false })
        .restore();
    });
    clusters.forEach((cluster, row) => {
      const y = top + row * cell;
      doc
        .fontSize(7)
        .fillColor('#000')
        .text(cluster.slice(0, 28), 40, y + 3, { width: 105, lineBreak: false });
      codes.forEach((code, column) => {
        const found = report.rows.find((r) => r.clusterName === cluster && r.code === code);
        doc
          .save()
          .fillColor(STATUS_COLOURS[found?.status ?? 'no_data'])
          .rect(150 + column * cell, y, cell - 1, cell - 1)
          .fill()
          .restore();
      });
    });
    doc.y = top + clusters.length * cell + 20;
    doc.x = 40;
    doc.fontSize(11).fillColor('#000').text('Status per cluster');
    doc.moveDown(0.3);
    for (const cluster of clusters) {
      const rows = report.rows.filter((r) => r.clusterName === cluster);
      const y = doc.y;
      doc.fontSize(7).fillColor('#000').text(cluster.slice(0, 28), 40, y, { width: 105, lineBreak: false });
      let x = 150;
      for (const status of [
        'on_track',
        'at_risk',
        'off_track',
        'not_computable',
        'no_target',
        'no_data',
      ] as KpiStatus[]) {
        const count = rows.filter((r) => r.status === status).length;
        const width = (count / Math.max(1, rows.length)) * 360;
        if (width > 0) doc.save().fillColor(STATUS_COLOURS[status]).rect(x, y, width, 9).fill().restore();
        x += width;
      }
      doc.y = y + 13;
      doc.x = 40;
    }
    return finish(doc, done);
  }

  // Cluster report: both lenses side by side, one small chart per KPI.
  const codes = [...new Set(report.rows.map((r) => r.code))];
  const columns: Record<'economic' | 'transition', string[]> = { economic: [], transition: [] };
  for (const code of codes) {
    const lens = report.rows.find((r) => r.code === code)?.lens;
    if (lens === 'economic' || lens === 'both') columns.economic.push(code);
    if (lens === 'transition' || lens === 'both') columns.transition.push(code);
  }
  const headerY = doc.y;
  doc.fontSize(11).fillColor('#000').text('Economische valorisatie', 40, headerY, { width: 250 });
  doc.text('Maatschappelijke transitie', 305, headerY, { width: 250 });
  const boxHeight = 82;
  let y = headerY + 20;
  const draw = (code: string | undefined, x: number) => {
    if (!code) return;
    const rows = report.rows.filter((r) => r.code === code);
    const last = rows.at(-1);
    doc
      .fontSize(7.5)
      .fillColor('#000')
      .text(`${code} · ${rows[0]?.name ?? ''}`.slice(0, 70), x, y, { width: 250, lineBreak: false });
    doc
      .fontSize(6.5)
      .fillColor('#495057')
      .text(
        `${last?.periodCode ?? ''}: ${last ? displayValue(last) : '–'} (${last ? STATUS_LABELS[last.status] : ''}) · doel ${last?.endTargetValue ?? '–'}`,
        x,
        y + 10,
        { width: 250, lineBreak: false },
      );
    drawTrajectory(doc, rows, x, y + 20, 240, 45);
  };
  for (let index = 0; index < Math.max(columns.economic.length, columns.transition.length); index += 1) {
    if (y + boxHeight > 800) {
      doc.addPage();
      y = 40;
    }
    draw(columns.economic[index], 40);
    draw(columns.transition[index], 305);
    y += boxHeight;
  }
  return finish(doc, done);
}

function finish(doc: PDFKit.PDFDocument, done: Promise<Buffer>) {
  doc.end();
  return done;
}
