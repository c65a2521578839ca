import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import { readPdf, type PdfFacts } from '../../helpers/pdf-text';
import { buildEvaluationSummaryPdf } from '../../../src/server/modules/decisions/evaluation-summary-pdf';
import { instantToBrusselsLocal } from '../../../src/shared/brussels-time';

/** What every PDF of the platform has (src/server/http/pdf-document.ts). */
function expectConventions(pdf: PdfFacts, title: string, now: Date) {
  expect(pdf.title).toBe(title);
  expect(pdf.language).toBe('nl-BE');
  expect(pdf.isTagged).toBe(true);
  // The embedded subset of DejaVu Sans, no standard (unembedded) Helvetica.
  expect(pdf.fonts.some((f) => /^[A-Z]{6}\+DejaVuSans$/.test(f))).toBe(true);
  expect(pdf.fonts.filter((f) => /Helvetica/.test(f))).toEqual([]);
  // Mis-encoded glyphs (what Helvetica made of "→").
  expect(pdf.text).not.toContain('!’');
  expect(pdf.text).not.toContain('\uFFFD');
  pdf.pages.forEach((page, index) => expect(page).toContain(`pagina ${index + 1} van ${pdf.pages.length}`));
  // Created in Brussels time (the wall clock, not UTC).
  const local = instantToBrusselsLocal(now);
  const stamp = `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}, ${local.slice(11, 13)}`;
  expect(pdf.pages[0]).toContain(`aangemaakt ${stamp}`);
  expect(pdf.pages[0]).toContain('(Brusselse tijd)');
}

/** Numbers written the English way (a point before exactly one or two decimals, e.g. "98.21"). */
function englishDecimals(text: string): string[] {
  return [...text.matchAll(/(?<![\d.,/])\d+\.\d{1,2}(?![\d.])/g)].map((m) => m[0]);
}

describe(
  'PDFs: text, glyphs, Brussels time and nl-BE numbers read back with pdf.js',
  { timeout: 240_000 },
  () => {
    let t: TestApp;
    let officer: TestClient;
    let analyst: TestClient;

    beforeAll(async () => {
      t = await createTestApp();
      officer = await t.loginAs('officer');
      analyst = await t.loginAs('analyst');
    });
    afterAll(() => t.close());

    it(
      'the portfolio evaluation report: status grid with symbols, full cluster names, a chart with ' +
        'an axis',
      async () => {
        const before = new Date();
        const response = await analyst.get('/api/kpis/reports/portfolio.pdf');
        expect(response.statusCode).toBe(200);
        const pdf = await readPdf(response.rawPayload);
        expectConventions(pdf, 'Evaluatierapport portfolio', before);
        expect(pdf.text).toContain('Status per cluster en KPI');
        expect(pdf.text).toContain('Legende');
        for (const symbol of ['✓ Op koers', '! Risico', '✗ Niet op koers'])
          expect(pdf.text).toContain(symbol);
        const clusters = await t.database.db
          .selectFrom('clusters')
          .select('name')
          .where('status', '=', 'active')
          .execute();
        // Full names (may wrap over two lines in a cell, never cut off).
        for (const { name } of clusters) expect(pdf.text.replace(/\s+/g, ' ')).toContain(name);
        expect(pdf.text).toContain('Vlaams Instituut voor de Logistiek');
        expect(pdf.text).toContain('Aantal KPI’s');
        expect(englishDecimals(pdf.text)).toEqual([]);
      },
    );

    it('the cluster evaluation report: nl-BE numbers, arrows, labelled chart axes', async () => {
      const cluster = await t.database.db
        .selectFrom('clusters')
        .select(['id', 'name'])
        .where('short_name', '=', 'Flux50')
        .executeTakeFirstOrThrow();
      const before = new Date();
      const response = await officer.get(`/api/kpis/reports/clusters/${cluster.id}/report.pdf`);
      expect(response.statusCode).toBe(200);
      const pdf = await readPdf(response.rawPayload);
      expectConventions(pdf, `Evaluatierapport ${cluster.name}`, before);
      const words = pdf.text.replace(/\s+/g, ' ');
      expect(words).toContain('Overzicht');
      expect(words).toContain('Doel einde mandaat');
      expect(pdf.text).toContain('→');
      expect(pdf.text).toContain('Periode');
      expect(pdf.text).toContain('Verwacht (traject)');
      expect(pdf.text).toMatch(/\d+,\d{1,2}/);
      expect(englishDecimals(pdf.text)).toEqual([]);
    });

    it('the scenario comparison: arrows print as arrows, percentages and totals in nl-BE', async () => {
      const before = new Date();
      const response = await analyst.get('/api/policy/scenarios/summary.pdf');
      expect(response.statusCode).toBe(200);
      const pdf = await readPdf(response.rawPayload);
      expectConventions(pdf, 'Vergelijking van beleidsscenario’s', before);
      expect(pdf.text).toContain('Rangschikking');
      expect(pdf.text).toContain('Totaal (1–5, hoger is beter)');
      expect(pdf.text).toMatch(/\d+,\d%/);
      expect(englishDecimals(pdf.text)).toEqual([]);
      if (pdf.text.includes('boven ')) expect(pdf.text).toContain('→');
    });

    it('the evaluation summary: euro amounts and dates the Belgian way', async () => {
      const generatedAt = new Date('2026-07-01T06:44:00Z');
      const body = await buildEvaluationSummaryPdf(
        {
          proposal: { id: 'p1', reference: 'VB-26-001', title: 'Batterijrecyclage (voorbeeld)' },
          call: {
            code: 'VB-2026',
            title: 'Oproep (voorbeeld)',
            titleEn: 'Call (example)',
            kind: 'cluster_project',
          },
          criteria: [
            {
              code: 'C1',
              name: 'Excellentie',
              nameEn: 'Excellence',
              weight: 0.4,
              threshold: 3,
              scaleMin: 1,
              scaleMax: 5,
              score: 4.25,
              comment: 'Sterk plan → duidelijke mijlpalen.',
            },
          ],
          total: 3.75,
          overallThreshold: 3,
          rank: 2,
          reasons: [
            {
              code: 'within_budget',
              params: { cumulativeCents: 27_600_000, budgetCents: 300_000_000, rule: 'stop_at_first_misfit' },
            },
          ],
          reasonsAsIssued: [
            'Gefinancierd binnen het budget: € 276.000,00 van € 3.000.000,00 gebruikt tot en met dit voorstel.',
          ],
          budgetRule: 'stop_at_first_misfit',
          minorityView: '',
          outcome: 'funded',
          amountCents: 123456789,
          conditions: '',
          motivation: 'Goed voorstel.',
          decidedAt: '2026-06-30T22:30:00.000Z',
          objectionDeadline: '2026-07-31T21:59:00.000Z',
          objectionState: 'possible',
          networkClusterId: null,
          objections: [],
        },
        generatedAt,
      );
      const pdf = await readPdf(body);
      expectConventions(pdf, 'Evaluatieverslag VB-26-001', generatedAt);
      expect(pdf.text).toContain('€ 1.234.567,89');
      expect(pdf.text).toContain('4,25');
      // 30 June 22:30 UTC is 1 July in Brussels.
      expect(pdf.text).toContain('beslist op 01/07/2026');
      expect(pdf.text).toContain('31/07/2026');
      expect(pdf.text).toContain('→');
      // The reasons as issued (Dutch) and the call's budget rule, in words.
      expect(pdf.text).toContain('€ 276.000,00 van € 3.000.000,00');
      expect(pdf.text).toContain('stop bij het eerste voorstel dat niet past');
      expect(englishDecimals(pdf.text)).toEqual([]);
    });
  },
);
