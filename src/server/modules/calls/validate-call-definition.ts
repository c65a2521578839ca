import { detail, type ErrorDetail } from '../../errors/app-error';
import type { CallDefinition } from './calls.schema';
import { instantOrNullFromBrusselsLocal } from '../../http/brussels-local-input';
import type { LocalisedText } from '../../errors/app-error';

/** How people know the call's dates, for messages that name the field. */
export const CALL_TIME_LABELS = {
  opensAtLocal: { nl: 'Opening', en: 'Opening' },
  closesAtLocal: { nl: 'Deadline', en: 'Deadline' },
  evaluationStartsAtLocal: { nl: 'Start van de evaluatie', en: 'Start of the evaluation' },
  decisionAtLocal: { nl: 'Beslissing', en: 'Decision' },
} satisfies Record<string, LocalisedText>;

/**
 * Consistency of a call's definition (dates in order, thresholds within scales, tie-break rules
 * pointing at existing criteria, conditional questions pointing at earlier ones). With
 * `forPublishing`, also what a published call needs: dates, criteria and a future deadline.
 */
export function validateCallDefinition(
  def: CallDefinition,
  options: { forPublishing: boolean; now: Date },
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  // A time in the spring gap or an autumn hour without offset is refused here, naming the field.
  const at = (field: keyof typeof CALL_TIME_LABELS) =>
    instantOrNullFromBrusselsLocal(def[field], field, CALL_TIME_LABELS[field])?.getTime() ?? null;
  const opens = at('opensAtLocal');
  const closes = at('closesAtLocal');
  const evaluation = at('evaluationStartsAtLocal');
  const decision = at('decisionAtLocal');
  if (opens !== null && closes !== null && closes <= opens)
    problems.push(
      detail(
        'closesAtLocal',
        'order',
        'De deadline moet na de opening liggen.',
        'The deadline must be after the opening.',
      ),
    );
  if (closes !== null && evaluation !== null && evaluation < closes)
    problems.push(
      detail(
        'evaluationStartsAtLocal',
        'order',
        'De evaluatie start na de deadline.',
        'Evaluation starts after the deadline.',
      ),
    );
  if (evaluation !== null && decision !== null && decision < evaluation)
    problems.push(
      detail(
        'decisionAtLocal',
        'order',
        'De beslissing volgt na de evaluatie.',
        'The decision follows the evaluation.',
      ),
    );

  const codes = new Set<string>();
  def.criteria.forEach((c, i) => {
    if (codes.has(c.code))
      problems.push(
        detail(`criteria.${i}.code`, 'duplicate', 'Dubbele criteriumcode.', 'Duplicate criterion code.'),
      );
    codes.add(c.code);
    if (c.scaleMax <= c.scaleMin)
      problems.push(
        detail(
          `criteria.${i}.scaleMax`,
          'order',
          'Het maximum van de schaal moet boven het minimum liggen.',
          'The scale maximum must exceed its minimum.',
        ),
      );
    if (c.threshold !== null && (c.threshold < c.scaleMin || c.threshold > c.scaleMax))
      problems.push(
        detail(
          `criteria.${i}.threshold`,
          'range',
          'De drempel ligt buiten de schaal.',
          'The threshold lies outside the scale.',
        ),
      );
  });
  def.tieBreakRules.forEach((r, i) => {
    if (r.kind === 'criterion_score' && (!r.criterionCode || !codes.has(r.criterionCode)))
      problems.push(
        detail(
          `tieBreakRules.${i}.criterionCode`,
          'unknown',
          'Kies een criterium van deze oproep.',
          'Choose a criterion of this call.',
        ),
      );
    if (r.kind !== 'criterion_score' && r.criterionCode)
      problems.push(
        detail(
          `tieBreakRules.${i}.criterionCode`,
          'not_allowed',
          'Enkel een criteriumscore verwijst naar een criterium.',
          'Only a criterion score refers to a criterion.',
        ),
      );
  });
  const kinds = new Set<string>();
  def.eligibilityRules.forEach((r, i) => {
    if (kinds.has(r.kind))
      problems.push(
        detail(
          `eligibilityRules.${i}.kind`,
          'duplicate',
          'Elke regelsoort komt één keer voor.',
          'Each kind of rule appears once.',
        ),
      );
    kinds.add(r.kind);
    const needsParameter = [
      'min_companies',
      'min_smes',
      'min_helix_categories',
      'max_requested_aid',
      'max_aid_share',
    ].includes(r.kind);
    if (needsParameter && r.parameter === null)
      problems.push(
        detail(
          `eligibilityRules.${i}.parameter`,
          'required',
          'Deze regel heeft een grenswaarde nodig.',
          'This rule needs a limit.',
        ),
      );
    if (r.kind === 'max_aid_share' && r.parameter !== null && r.parameter > 100)
      problems.push(
        detail(
          `eligibilityRules.${i}.parameter`,
          'range',
          'Een percentage ligt tussen 0 en 100.',
          'A percentage lies between 0 and 100.',
        ),
      );
  });
  const questionCodes = new Set<string>();
  def.questions.forEach((q, i) => {
    if (questionCodes.has(q.code))
      problems.push(
        detail(`questions.${i}.code`, 'duplicate', 'Dubbele vraagcode.', 'Duplicate question code.'),
      );
    if (q.conditionQuestionCode !== null && !questionCodes.has(q.conditionQuestionCode))
      problems.push(
        detail(
          `questions.${i}.conditionQuestionCode`,
          'unknown',
          'Een voorwaarde verwijst naar een eerdere vraag.',
          'A condition refers to an earlier question.',
        ),
      );
    if (q.kind === 'choice' && q.options.length < 2)
      problems.push(
        detail(
          `questions.${i}.options`,
          'too_small',
          'Een keuzevraag heeft minstens twee opties.',
          'A choice question has at least two options.',
        ),
      );
    questionCodes.add(q.code);
  });

  if (options.forPublishing) {
    if (opens === null)
      problems.push(
        detail(
          'opensAtLocal',
          'required',
          'Een gepubliceerde oproep heeft een openingsdatum.',
          'A published call has an opening date.',
        ),
      );
    if (closes === null)
      problems.push(
        detail(
          'closesAtLocal',
          'required',
          'Een gepubliceerde oproep heeft een deadline.',
          'A published call has a deadline.',
        ),
      );
    else if (closes <= options.now.getTime())
      problems.push(
        detail(
          'closesAtLocal',
          'past',
          'De deadline ligt in het verleden.',
          'The deadline lies in the past.',
        ),
      );
    if (def.criteria.length === 0)
      problems.push(
        detail(
          'criteria',
          'required',
          'Een gepubliceerde oproep heeft evaluatiecriteria.',
          'A published call has evaluation criteria.',
        ),
      );
    if (def.kind === 'inter_cluster_project' && !kinds.has('min_clusters'))
      problems.push(
        detail(
          'eligibilityRules',
          'min_clusters',
          'Een interclusteroproep vraagt minstens twee clusters (regel min_clusters).',
          'An inter-cluster call requires at least two clusters (rule min_clusters).',
        ),
      );
  }
  return problems;
}
