import { formatMoney } from '../../../shared/money';
import type { ProposalSnapshot } from './calls.schema';
import type { CallDetail } from './calls.repository';
import { textOf } from '../../../shared/text-of';

export interface ProgressPart {
  part: 'general' | 'consortium' | 'budget' | 'kpis' | 'questions';
  done: boolean;
  problems: { path: string; message: { nl: string; en: string } }[];
}

const problem = (path: string, nl: string, en: string) => ({ path, message: { nl, en } });
const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
const wordCount = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;

type Member = ProposalSnapshot['consortium'][number];
type Line = ProposalSnapshot['budgetLines'][number];

/** A line is a member's by its organisation or, for a partner not known yet, by its enterprise number. */
function belongsTo(line: Line, member: Member): boolean {
  if (member.organisationId !== null) return line.organisationId === member.organisationId;
  return line.organisationId === null && line.enterpriseNumber === member.enterpriseNumber;
}

/** Whether a (conditional) question applies given the other answers. */
export function isQuestionShown(
  question: CallDetail['questions'][number],
  answers: Record<string, unknown>,
): boolean {
  if (!question.condition_question_code) return true;
  const answer = answers[question.condition_question_code];
  return answer !== undefined && answer !== null && textOf(answer) === (question.condition_value ?? '');
}

/**
 * The progress indicator of the proposal editor and the gate of submission: per part, what is
 * still missing or over a limit. Submission requires every part done.
 */
export function checkProposalCompleteness(
  content: ProposalSnapshot,
  call: Pick<CallDetail, 'questions' | 'requiredKpis'>,
): ProgressPart[] {
  const general: ProgressPart['problems'] = [];
  if (content.title.trim() === '') general.push(problem('title', 'Geef een titel.', 'Give a title.'));
  if (content.summary.trim() === '')
    general.push(problem('summary', 'Geef een samenvatting.', 'Give a summary.'));
  if (content.themeIds.length === 0)
    general.push(problem('themeIds', 'Kies minstens één thema.', 'Choose at least one theme.'));

  const consortium: ProgressPart['problems'] = [];
  if (content.consortium.length === 0)
    consortium.push(
      problem('consortium', 'Voeg de partners van het consortium toe.', 'Add the consortium partners.'),
    );
  const leads = content.consortium.filter((m) => m.role === 'lead').length;
  if (content.consortium.length > 0 && leads !== 1)
    consortium.push(
      problem('consortium', 'Duid precies één hoofdaanvrager aan.', 'Mark exactly one lead applicant.'),
    );

  const budget: ProgressPart['problems'] = [];
  if (content.budgetLines.length === 0)
    budget.push(problem('budgetLines', 'Voeg budgetlijnen toe.', 'Add budget lines.'));
  content.budgetLines.forEach((line, i) => {
    if (line.costCents !== line.requestedAidCents + line.ownContributionCents)
      budget.push(
        problem(
          `budgetLines.${i}`,
          'Kost ≠ gevraagde steun + eigen bijdrage.',
          'Cost ≠ requested aid + own contribution.',
        ),
      );
    if (!line.organisationId && !line.enterpriseNumber)
      budget.push(
        problem(
          `budgetLines.${i}.enterpriseNumber`,
          'Koppel de lijn aan een partner.',
          'Link the line to a partner.',
        ),
      );
  });
  for (const [i, member] of content.consortium.entries()) {
    const sum = content.budgetLines.filter((l) => belongsTo(l, member)).reduce((s, l) => s + l.costCents, 0);
    if (sum !== member.budgetShareCents) {
      budget.push(
        problem(
          `consortium.${i}.budgetShareCents`,
          `De budgetlijnen van ${member.name} tellen op tot ${formatMoney(sum, 'nl')}, ` +
            `niet tot het aandeel ${formatMoney(member.budgetShareCents, 'nl')}.`,
          `The budget lines of ${member.name} add up to ${formatMoney(sum, 'en')}, ` +
            `not to its share of ${formatMoney(member.budgetShareCents, 'en')}.`,
        ),
      );
    }
  }

  const kpis: ProgressPart['problems'] = [];
  for (const required of call.requiredKpis) {
    if (!content.kpis.some((k) => k.requiredKpiId === required.id))
      kpis.push(
        problem(
          `kpis.${required.id}`,
          `Verplichte KPI ontbreekt: ${required.name_nl}.`,
          `Required KPI missing: ${required.name_en ?? required.name_nl}.`,
        ),
      );
  }

  const questions: ProgressPart['problems'] = [];
  for (const q of call.questions) {
    const answer = content.answers[q.code];
    const path = `answers.${q.code}`;
    if (!isQuestionShown(q, content.answers)) continue;
    if (isEmpty(answer)) {
      if (q.is_required)
        questions.push(
          problem(path, `Verplichte vraag: ${q.label_nl}`, `Required question: ${q.label_en ?? q.label_nl}`),
        );
      continue;
    }
    if ((q.kind === 'short_text' || q.kind === 'long_text') && typeof answer === 'string') {
      if (q.max_chars !== null && answer.length > q.max_chars)
        questions.push(
          problem(
            path,
            `Hoogstens ${q.max_chars} tekens (nu ${answer.length}).`,
            `At most ${q.max_chars} characters (now ${answer.length}).`,
          ),
        );
      if (q.max_words !== null && wordCount(answer) > q.max_words)
        questions.push(
          problem(
            path,
            `Hoogstens ${q.max_words} woorden (nu ${wordCount(answer)}).`,
            `At most ${q.max_words} words (now ${wordCount(answer)}).`,
          ),
        );
    }
    if (q.kind === 'number' && typeof answer !== 'number')
      questions.push(problem(path, 'Geef een getal.', 'Give a number.'));
    if (q.kind === 'yes_no' && typeof answer !== 'boolean')
      questions.push(problem(path, 'Antwoord ja of nee.', 'Answer yes or no.'));
    if (
      q.kind === 'choice' &&
      !(Array.isArray(q.options) && (q.options as string[]).includes(String(answer)))
    )
      questions.push(problem(path, 'Kies een van de opties.', 'Choose one of the options.'));
  }

  return [
    { part: 'general', done: general.length === 0, problems: general },
    { part: 'consortium', done: consortium.length === 0, problems: consortium },
    { part: 'budget', done: budget.length === 0, problems: budget },
    { part: 'kpis', done: kpis.length === 0, problems: kpis },
    { part: 'questions', done: questions.length === 0, problems: questions },
  ];
}
