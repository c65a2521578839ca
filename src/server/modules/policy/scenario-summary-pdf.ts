import { formatFixed, formatNumber, formatPercent } from '../../../shared/money';
import { PdfReport } from '../../http/pdf-document';
import type { ComparisonOut } from './scenarios.presenter';

const percent = (value: number) => formatPercent(value, 'nl', 1);
const decimal = (value: number | null) => formatFixed(value, 'nl', 2);
const TITLE = 'Vergelijking van beleidsscenario’s';

/**
 * The printable summary of the scenario comparison (Dutch): weights (with the normalisation
 * note), the ranking as a table and a bar chart with a labelled axis, the sensitivity per
 * criterion, and every comment.
 */
export async function buildScenarioSummaryPdf(comparison: ComparisonOut, generatedAt: Date): Promise<Buffer> {
  const pdf = await PdfReport.create({ title: TITLE, lang: 'nl', generatedAt });
  const scenarioName = new Map(comparison.scenarios.map((s) => [s.id, s.name]));
  const criterionName = new Map(comparison.criteria.map((c) => [c.id, c.nameNl]));

  pdf.title(
    TITLE,
    'Totaal = gewogen som van de mediaan van de belanghebbenden per criterium (scores 1–5, hoger is beter).',
  );

  pdf.heading('Criteria en gewichten');
  if (comparison.weightNote) {
    pdf.paragraph(
      comparison.weightNote.kind === 'all_zero_equalised'
        ? 'Alle gewichten zijn 0: elk criterium telt even zwaar.'
        : `De gewichten sommeren tot ${decimal(comparison.weightNote.rawSum)} en niet tot 1: ze zijn genormaliseerd.`,
      { colour: '#c92a2a' },
    );
    pdf.space(0.3);
  }
  pdf.table(
    [
      { header: 'Criterium', width: 6 },
      { header: 'Ingevoerd gewicht', width: 2, align: 'right' },
      { header: 'Gewicht na normalisatie', width: 2, align: 'right' },
    ],
    comparison.criteria.map((c) => [c.nameNl, formatNumber(c.rawWeight, 'nl', 4), percent(c.weight)]),
  );

  pdf.heading('Rangschikking');
  const ranked = comparison.scenarios.slice().sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
  pdf.table(
    [
      { header: 'Rang', width: 1, align: 'right' },
      { header: 'Scenario', width: 7 },
      { header: 'Status', width: 3 },
      { header: 'Totaal', width: 1.5, align: 'right' },
    ],
    ranked.map((s) => {
      const flags = [
        s.isPlaceholder ? 'plaatshouder' : null,
        s.isPreferredDirection ? 'voorkeursrichting VARIO' : null,
      ].filter((flag): flag is string => flag !== null && !s.name.toLowerCase().includes(flag.toLowerCase()));
      const status =
        s.status === 'no_scores'
          ? 'nog geen scores'
          : s.status === 'incomplete'
            ? 'onvolledig gescoord'
            : 'volledig gescoord';
      return [
        s.rank === null ? '–' : String(s.rank),
        flags.length ? `${s.name} (${flags.join(', ')})` : s.name,
        status,
        decimal(s.total),
      ];
    }),
  );
  const withTotal = ranked.filter((s) => s.total !== null);
  if (withTotal.length > 0)
    pdf.chart(
      {
        grid: { left: 8, right: 24, top: 10, bottom: 34, containLabel: true },
        xAxis: {
          type: 'value',
          min: 0,
          max: 5,
          interval: 1,
          name: 'Totaal (1–5, hoger is beter)',
          nameLocation: 'middle',
          nameGap: 22,
          nameTextStyle: { fontSize: 9 },
          axisLabel: { fontSize: 9, formatter: (v: number) => formatNumber(v, 'nl') },
        },
        yAxis: {
          type: 'category',
          inverse: true,
          data: withTotal.map((s) => `${s.rank ?? '–'}. ${s.name}`),
          axisLabel: { fontSize: 9 },
        },
        series: [
          {
            type: 'bar',
            barMaxWidth: 16,
            itemStyle: { color: '#1c7ed6' },
            label: {
              show: true,
              position: 'right',
              fontSize: 9,
              formatter: ({ value }: { value: number }) => decimal(value),
            },
            data: withTotal.map((s) => s.total),
          },
        ],
      },
      { width: pdf.width, height: Math.max(120, 50 + withTotal.length * 24) },
    );

  pdf.heading('Gevoeligheid');
  if (comparison.sensitivityNote)
    pdf.paragraph(
      comparison.sensitivityNote === 'too_few_ranked'
        ? 'Te weinig volledig gescoorde scenario’s voor een gevoeligheidsanalyse.'
        : 'Eén criterium: geen gevoeligheid.',
    );
  if (comparison.sensitivity.length > 0)
    pdf.table(
      [
        { header: 'Criterium (gewicht nu)', width: 4 },
        { header: 'Meer gewicht', width: 5 },
        { header: 'Minder gewicht', width: 5 },
      ],
      comparison.sensitivity.map((s) => [
        `${criterionName.get(s.criterionId) ?? ''} (${percent(s.currentWeight)})`,
        s.up
          ? `boven ${percent(s.up.weight)} (+${percent(s.up.delta)}) ` +
            `→ ${scenarioName.get(s.up.newTopScenarioId) ?? ''} eerst`
          : 'geen wissel',
        s.down
          ? `onder ${percent(s.down.weight)} (−${percent(s.down.delta)}) ` +
            `→ ${scenarioName.get(s.down.newTopScenarioId) ?? ''} eerst`
          : 'geen wissel',
      ]),
    );

  pdf.heading('Commentaar van de belanghebbenden');
  const withComment = comparison.scores.filter((s) => s.comment.trim() !== '');
  if (withComment.length === 0) pdf.paragraph('Geen commentaar.');
  for (const scenario of comparison.scenarios) {
    const own = withComment.filter((s) => s.scenarioId === scenario.id);
    if (own.length === 0) continue;
    pdf.paragraph(scenario.name, { bold: true });
    pdf.table(
      [
        { header: 'Belanghebbende', width: 3 },
        { header: 'Criterium', width: 3 },
        { header: 'Score', width: 1, align: 'right' },
        { header: 'Commentaar', width: 8 },
      ],
      own.map((s) => [s.stakeholder, criterionName.get(s.criterionId) ?? '', `${s.score}/5`, s.comment]),
    );
  }
  return pdf.finish();
}
