import { formatDate } from '../../../shared/brussels-time';
import { formatMoney, formatNumber } from '../../../shared/money';
import { BODY_FONT, BOLD_FONT, PdfReport } from '../../http/pdf-document';
import type { getEvaluationSummary } from './decisions';
import { budgetRuleName } from '../../../shared/selection-wording';

type Summary = Awaited<ReturnType<typeof getEvaluationSummary>>['data'];

const euro = (cents: number | null) => formatMoney(cents, 'nl');
const decimal = (value: number | null) => formatNumber(value, 'nl', 4);
const brusselsDate = (iso: string) => formatDate(iso, 'nl', 'numeric');
const OUTCOME: Record<string, string> = {
  funded: 'Toegekend',
  reserve: 'Reservelijst',
  rejected: 'Niet toegekend',
};

/**
 * The applicant's evaluation summary as a PDF (Dutch): scores and comments per criterion, the outcome, the
 * motivation, and how to object by when.
 */
export async function buildEvaluationSummaryPdf(
  summary: Summary,
  generatedAt: Date = new Date(),
): Promise<Buffer> {
  const pdf = await PdfReport.create({
    title: `Evaluatieverslag ${summary.proposal.reference}`,
    lang: 'nl',
    generatedAt,
    author: 'Speerpunt (VLAIO)',
  });
  const doc = pdf.doc;
  doc.font(BOLD_FONT).fontSize(16).fillColor('#000').text(`Evaluatieverslag ${summary.proposal.reference}`);
  doc.font(BODY_FONT).fontSize(11).text(summary.proposal.title);
  doc
    .fontSize(9)
    .fillColor('#495057')
    .text(
      `Oproep ${summary.call.code}: ${summary.call.title} · beslist op ${brusselsDate(summary.decidedAt)}`,
    );
  doc.moveDown();

  doc
    .font(BOLD_FONT)
    .fontSize(12)
    .fillColor('#000')
    .text(`Beslissing: ${OUTCOME[summary.outcome] ?? summary.outcome}`);
  doc.font(BODY_FONT).fontSize(10);
  if (summary.outcome === 'funded') doc.text(`Toegekend bedrag: ${euro(summary.amountCents)}`);
  if (summary.conditions) doc.text(`Voorwaarden: ${summary.conditions}`);
  doc.text(`Motivering: ${summary.motivation}`);
  doc.moveDown();

  doc.font(BOLD_FONT).fontSize(12).text('Scores per criterium (consensus van de experts)');
  doc.font(BODY_FONT).fontSize(10);
  for (const c of summary.criteria) {
    doc
      .fillColor('#000')
      .text(
        `${c.name}: ${decimal(c.score)} op ${decimal(c.scaleMin)}–${decimal(c.scaleMax)} (gewicht ` +
          `${decimal(c.weight)}${c.threshold !== null ? `, drempel ${decimal(c.threshold)}` : ''})`,
        { continued: false },
      );
    if (c.comment) doc.fillColor('#343a40').text(c.comment, { indent: 12 });
    doc.moveDown(0.3);
  }
  doc
    .fillColor('#000')
    .text(
      `Gewogen ` +
        (`totaal: ${decimal(summary.total)}` +
          `${summary.overallThreshold !== null ? ` (drempel ${decimal(summary.overallThreshold)})` : ''}` +
          `${summary.rank !== null ? ` · rang ${summary.rank}` : ''}`),
    );
  for (const reason of summary.reasonsAsIssued) doc.fillColor('#495057').text(`• ${reason}`);
  doc.fillColor('#495057').text(`Budgetregel van de oproep: ${budgetRuleName(summary.budgetRule, 'nl')}.`);
  if (summary.minorityView) {
    doc.moveDown(0.5).fillColor('#000').text('Minderheidsstandpunt:');
    doc.fillColor('#343a40').text(summary.minorityView, { indent: 12 });
  }
  doc.moveDown();
  doc.font(BOLD_FONT).fontSize(12).fillColor('#000').text('Bezwaar');
  doc
    .font(BODY_FONT)
    .fontSize(10)
    .text(
      `U kan tot en met ${brusselsDate(summary.objectionDeadline)} (Brusselse tijd) bezwaar indienen in ` +
        'Speerpunt, via het evaluatieverslag van dit voorstel, één bezwaar tegelijk. Vermeld de gronden van ' +
        'uw bezwaar; het agentschap behandelt het en deelt de uitkomst met motivering mee.',
    );
  const stateLine = {
    possible: '',
    pending: 'Er is een bezwaar ingediend dat nog behandeld wordt; een volgend bezwaar kan pas daarna.',
    ended: 'De bezwaartermijn is verstreken.',
  }[summary.objectionState];
  if (stateLine) doc.moveDown(0.3).text(stateLine);
  return pdf.finish();
}
