import { createRequire } from 'node:module';
import type * as ECharts from 'echarts';
import type PDFKitDocument from 'pdfkit';
import type SvgToPdf from 'svg-to-pdfkit';
import { formatDateTime } from '../../shared/brussels-time';

/**
 * The conventions of every printed document (one place, so every PDF is alike):
 * - an embedded Unicode font (DejaVu Sans, from npm) with the glyphs Dutch text, € and arrows
 *   need, instead of the standard Helvetica that prints "→" as "!’";
 * - a header with the title and a footer with "aangemaakt dd/mm/yyyy uu:mm (Brusselse tijd)" and
 *   "pagina X van Y" on every page (pages are buffered until the end);
 * - tagged PDF with the language and the title shown in the viewer's title bar;
 * - tables whose cells wrap (each row as high as its tallest cell, the header repeated on a new page);
 * - charts rendered by ECharts to SVG on the server and placed as vectors, with labelled axes.
 * Numbers and money in the text come from src/shared (nl-BE by default).
 *
 * PDFKit and ECharts (about 0.8 s of CPU to load together) are loaded on the first document, not
 * when the server starts: a report is made with `await PdfReport.create(options)`.
 */
export type PdfLanguage = 'nl' | 'en';

const resolveModule = createRequire(import.meta.url).resolve;
const FONT_REGULAR = resolveModule('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = resolveModule('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
export const BODY_FONT = 'Body';
export const BOLD_FONT = 'Bold';

const MARGIN = { top: 62, bottom: 56, left: 48, right: 48 };
const PAGE = { width: 595.28, height: 841.89 };
const TEXT = '#212529';
const MUTED = '#495057';
const RULE = '#ced4da';

export interface PdfOptions {
  title: string;
  lang: PdfLanguage;
  /** When the document was made (an instant); printed in Brussels time. */
  generatedAt: Date | string;
  subject?: string;
  author?: string;
}

export interface TableColumn {
  header: string;
  /** A share of the usable width; the shares are scaled to fill it. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface TableOptions {
  fontSize?: number;
  /** A background colour for a cell (e.g. a status), besides its text. */
  fill?: (row: number, column: number) => string | undefined;
  /** Text colour of a cell on its fill. */
  colour?: (row: number, column: number) => string | undefined;
}

interface PdfLibraries {
  PDFDocument: typeof PDFKitDocument;
  SVGtoPDF: typeof SvgToPdf;
  echarts: typeof ECharts;
}

let libraries: Promise<PdfLibraries> | undefined;

/** Loads PDFKit, svg-to-pdfkit and ECharts once, on the first document of the process. */
function loadPdfLibraries(): Promise<PdfLibraries> {
  libraries ??= Promise.all([import('pdfkit'), import('svg-to-pdfkit'), import('echarts')]).then(
    ([pdfkit, svgToPdf, echarts]) => {
      const loaded = { PDFDocument: pdfkit.default, SVGtoPDF: svgToPdf.default, echarts };
      echarts.setPlatformAPI({ measureText: (text, font) => measureWithEmbeddedFont(loaded, text, font) });
      return loaded;
    },
  );
  return libraries;
}

let measuringDocument: PDFKit.PDFDocument | null = null;

/**
 * ECharts lays out text (axis labels, legends) by measuring it; on the server it has no canvas,
 * so it measures with the embedded font itself and labels fit the way they will be printed.
 */
function measureWithEmbeddedFont(
  { PDFDocument }: PdfLibraries,
  text: string,
  font?: string,
): { width: number } {
  if (!measuringDocument) {
    measuringDocument = new PDFDocument({ autoFirstPage: false });
    measuringDocument.registerFont(BODY_FONT, FONT_REGULAR);
    measuringDocument.registerFont(BOLD_FONT, FONT_BOLD);
  }
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
  measuringDocument.font(/bold|[6-9]00/.test(font ?? '') ? BOLD_FONT : BODY_FONT).fontSize(size);
  return { width: measuringDocument.widthOfString(text) };
}

const WORDS = {
  nl: {
    page: (x: number, y: number) => `pagina ${x} van ${y}`,
    created: 'aangemaakt',
    zone: 'Brusselse tijd',
  },
  en: { page: (x: number, y: number) => `page ${x} of ${y}`, created: 'created', zone: 'Brussels time' },
};

export class PdfReport {
  readonly doc: PDFKit.PDFDocument;
  readonly left = MARGIN.left;
  readonly width = PAGE.width - MARGIN.left - MARGIN.right;
  private readonly done: Promise<Buffer>;

  /** A new document (loads the PDF and chart libraries on the first one). */
  static async create(options: PdfOptions): Promise<PdfReport> {
    return new PdfReport(options, await loadPdfLibraries());
  }

  private constructor(
    private readonly options: PdfOptions,
    private readonly libraries: PdfLibraries,
  ) {
    this.doc = new libraries.PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      tagged: true,
      lang: options.lang === 'en' ? 'en-GB' : 'nl-BE',
      displayTitle: true,
      pdfVersion: '1.7',
      info: {
        Title: options.title,
        Author: options.author ?? 'Speerpunt (VLAIO)',
        Subject: options.subject ?? options.title,
        Creator: 'Speerpunt',
      },
    });
    this.doc.registerFont(BODY_FONT, FONT_REGULAR);
    this.doc.registerFont(BOLD_FONT, FONT_BOLD);
    this.doc.font(BODY_FONT).fontSize(10).fillColor(TEXT);
    const chunks: Buffer[] = [];
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
  }

  get bottom(): number {
    return PAGE.height - MARGIN.bottom;
  }

  /** Starts a new page when less than `height` points are left on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  title(text: string, subtitle?: string): void {
    this.doc
      .font(BOLD_FONT)
      .fontSize(17)
      .fillColor(TEXT)
      .text(text, this.left, this.doc.y, { width: this.width });
    if (subtitle)
      this.doc.font(BODY_FONT).fontSize(9.5).fillColor(MUTED).text(subtitle, { width: this.width });
    this.doc.moveDown(0.8);
  }

  /** A section heading, kept on one page with at least `keepWith` points of what follows. */
  heading(text: string, keepWith = 50): void {
    this.ensureSpace(keepWith + 30);
    this.doc.moveDown(0.4);
    this.doc
      .font(BOLD_FONT)
      .fontSize(12.5)
      .fillColor(TEXT)
      .text(text, this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
    this.doc.font(BODY_FONT).fontSize(10);
  }

  paragraph(
    text: string,
    options: { size?: number; colour?: string; indent?: number; bold?: boolean } = {},
  ): void {
    const indent = options.indent ?? 0;
    this.doc
      .font(options.bold ? BOLD_FONT : BODY_FONT)
      .fontSize(options.size ?? 10)
      .fillColor(options.colour ?? TEXT)
      .text(text, this.left + indent, this.doc.y, { width: this.width - indent });
    this.doc.font(BODY_FONT).fillColor(TEXT);
  }

  space(lines = 0.5): void {
    this.doc.moveDown(lines);
  }

  /** A table whose cells wrap; a row never runs into the next one or off the page. */
  table(columns: TableColumn[], rows: string[][], options: TableOptions = {}): void {
    const doc = this.doc;
    const size = options.fontSize ?? 8.5;
    const pad = 3;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const measure = (cells: string[], font: string) => {
      doc.font(font).fontSize(size);
      return (
        Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i] - 2 * pad }))) +
        2 * pad
      );
    };
    const drawRow = (cells: string[], y: number, height: number, font: string, rowIndex: number | null) => {
      let x = this.left;
      cells.forEach((cell, i) => {
        const fill = rowIndex === null ? '#e9ecef' : options.fill?.(rowIndex, i);
        if (fill) doc.save().rect(x, y, widths[i], height).fill(fill).restore();
        doc
          .font(font)
          .fontSize(size)
          .fillColor((rowIndex !== null && options.colour?.(rowIndex, i)) || TEXT)
          .text(cell, x + pad, y + pad, { width: widths[i] - 2 * pad, align: columns[i].align ?? 'left' });
        x += widths[i];
      });
      doc
        .save()
        .lineWidth(0.4)
        .strokeColor(RULE)
        .moveTo(this.left, y + height)
        .lineTo(this.left + this.width, y + height)
        .stroke()
        .restore();
    };
    const headers = columns.map((c) => c.header);
    const headerHeight = measure(headers, BOLD_FONT);
    const startTable = () => {
      const y = doc.y;
      drawRow(headers, y, headerHeight, BOLD_FONT, null);
      doc.y = y + headerHeight;
    };
    this.ensureSpace(headerHeight + 20);
    startTable();
    rows.forEach((cells, index) => {
      const height = measure(cells, BODY_FONT);
      if (doc.y + height > this.bottom) {
        doc.addPage();
        startTable();
      }
      const y = doc.y;
      drawRow(cells, y, height, BODY_FONT, index);
      doc.y = y + height;
    });
    doc.x = this.left;
    doc.font(BODY_FONT).fontSize(10).fillColor(TEXT);
    this.space(0.6);
  }

  /**
   * An ECharts chart, rendered to SVG on the server and placed as vectors at the current
   * position (or at x, y). Text uses the embedded font.
   */
  chart(
    option: ECharts.EChartsCoreOption,
    size: { width: number; height: number },
    at?: { x: number; y: number },
  ): void {
    if (!at) this.ensureSpace(size.height + 6);
    const x = at?.x ?? this.left;
    const y = at?.y ?? this.doc.y;
    const { echarts, SVGtoPDF } = this.libraries;
    const chart = echarts.init(null, null, {
      renderer: 'svg',
      ssr: true,
      width: Math.round(size.width),
      height: Math.round(size.height),
    });
    chart.setOption({ animation: false, textStyle: { fontFamily: 'DejaVu Sans', color: TEXT }, ...option });
    const svg = chart.renderToSVGString();
    chart.dispose();
    SVGtoPDF(this.doc as unknown as typeof PDFKitDocument, svg, x, y, {
      width: size.width,
      height: size.height,
      assumePt: true,
      fontCallback: (_family, bold) => (bold ? BOLD_FONT : BODY_FONT),
    });
    this.doc.font(BODY_FONT).fontSize(10).fillColor(TEXT);
    if (!at) {
      this.doc.x = this.left;
      this.doc.y = y + size.height + 6;
    }
  }

  /** Header and footer on every page (marked as artifacts), then the file. */
  async finish(): Promise<Buffer> {
    const doc = this.doc;
    const words = WORDS[this.options.lang];
    const created =
      `Speerpunt ` +
      `· ${words.created} ${formatDateTime(this.options.generatedAt, this.options.lang, 'numeric')} (${words.zone})`;
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index += 1) {
      doc.switchToPage(index);
      const margins = doc.page.margins;
      doc.page.margins = { ...margins, top: 0, bottom: 0 };
      doc.markContent('Artifact', { type: 'Pagination' });
      doc
        .font(BODY_FONT)
        .fontSize(8)
        .fillColor(MUTED)
        .text(this.options.title, this.left, 30, { width: this.width, lineBreak: false, ellipsis: true });
      doc
        .save()
        .lineWidth(0.4)
        .strokeColor(RULE)
        .moveTo(this.left, 44)
        .lineTo(this.left + this.width, 44)
        .stroke()
        .restore();
      const footerY = PAGE.height - 38;
      doc.text(created, this.left, footerY, { width: this.width * 0.75, lineBreak: false });
      doc.text(words.page(index - range.start + 1, range.count), this.left, footerY, {
        width: this.width,
        align: 'right',
        lineBreak: false,
      });
      doc.endMarkedContent();
      doc.page.margins = margins;
    }
    doc.end();
    return this.done;
  }
}
