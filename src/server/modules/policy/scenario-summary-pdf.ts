import { formatFixed } from '../../../shared/money';
import PDFDocument from 'pdfkit';
import type { ComparisonOut } from './scenarios.presenter';

const percent = (value: number) => `${(value * 100).toFixed(1).replace('.', ',')} %`;
const decimal = (value: number | null) => formatFixed(value, 'nl', 2);

/**
 * The printable summary of the scenario comparison (Dutch): weights (with the normalisation
 * note), the ranking with totals as bars, the sensitivity per criterion, and every comment.
 */
export async function buildScenarioSummaryPdf(
  comparison: ComparisonOut,
  generatedAt: string,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    info: { Title: 'Vergelijking van beleidsscenario’s', Author: 'Speerpunt' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const scenarioName = new Map(comparison.scenarios.map((s) => [s.id, s.name]));
  const criterionName = new Map(comparison.criteria.map((c) => [c.id, c.nameNl]));

  doc.fontSize(16).fillColor('#000').text('Vergelijking van beleidsscenario’s');
  doc
    .fontSize(9)
    .fillColor('#495057')
    .text(
      `Aangemaakt ${generatedAt} · totaal = gewogen som van de mediaan van de belanghebbenden per criterium (scores 1–5, hoger is beter).`,
    );
  doc.moveDown();

  doc.fontSize(12).fillColor('#000').text('Criteria en gewichten');
  doc.fontSize(9);
  if (comparison.weightNote) {
    doc
      .fillColor('#c92a2a')
      .text(
        comparison.weightNote.kind === 'all_zero_equalised'
          ? 'Alle gewichten zijn 0: elk criterium telt even zwaar.'
          : `De gewichten sommeren tot ${decimal(comparison.weightNote.rawSum)} en niet tot 1: ze zijn genormaliseerd.`,
      );
  }
  for (const c of comparison.criteria)
    doc.fillColor('#000').text(`${c.nameNl}: ingevoerd ${c.rawWeight} → ${percent(c.weight)}`);
  doc.moveDown();

  doc.fontSize(12).text('Rangschikking');
  doc.fontSize(9);
  const maxTotal = 5;
  for (const s of comparison.scenarios.slice().sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))) {
    const y = doc.y;
    const flags = [
      s.isPlaceholder ? 'plaatshouder' : null,
      s.isPreferredDirection ? 'voorkeursrichting VARIO' : null,
    ]
      .filter(Boolean)
      .join(', ');
    const status =
      s.status === 'no_scores'
        ? 'nog geen scores'
        : s.status === 'incomplete'
          ? 'onvolledig gescoord'
          : `totaal ${decimal(s.total)}`;
    doc
      .fillColor('#000')
      .text(`${s.rank ?? '–'}. ${s.name}${flags ? ` (${flags})` : ''} — ${status}`, 40, y, { width: 300 });
    if (s.total !== null)
      doc
        .save()
        .fillColor('#1c7ed6')
        .rect(350, y + 1, (s.total / maxTotal) * 200, 8)
        .fill()
        .restore();
    doc.x = 40;
    doc.moveDown(0.3);
  }
  doc.moveDown();

  doc.fontSize(12).fillColor('#000').text('Gevoeligheid');
  doc.fontSize(9);
  if (comparison.sensitivityNote)
    doc.text(
      comparison.sensitivityNote === 'too_few_ranked'
        ? 'Te weinig volledig gescoorde scenario’s voor een gevoeligheidsanalyse.'
        : 'Eén criterium: geen gevoeligheid.',
    );
  for (const s of comparison.sensitivity) {
    const up = s.up
      ? `omhoog: wissel voorbij ${percent(s.up.weight)} (+${percent(s.up.delta)}) → ${scenarioName.get(s.up.newTopScenarioId)}`
      : 'omhoog: geen wissel';
    const down = s.down
      ? `omlaag: wissel onder ${percent(s.down.weight)} (−${percent(s.down.delta)}) → ${scenarioName.get(s.down.newTopScenarioId)}`
      : 'omlaag: geen wissel';
    doc.text(`${criterionName.get(s.criterionId)} (nu ${percent(s.currentWeight)}): ${up}; ${down}.`);
  }
  doc.moveDown();

  doc.fontSize(12).text('Commentaar van de belanghebbenden');
  doc.fontSize(9);
  const withComment = comparison.scores.filter((s) => s.comment.trim() !== '');
  if (withComment.length === 0) doc.text('Geen commentaar.');
  for (const scenario of comparison.scenarios) {
    const own = withComment.filter((s) => s.scenarioId === scenario.id);
    if (own.length === 0) continue;
    doc.moveDown(0.3).font('Helvetica-Bold').text(scenario.name).font('Helvetica');
    for (const s of own)
      doc.text(`${s.stakeholder} · ${criterionName.get(s.criterionId)} · ${s.score}/5: ${s.comment}`, {
        indent: 10,
      });
  }
  doc.end();
  return done;
}
