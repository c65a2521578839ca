import { ApiError, type ErrorDetail } from '../app/api-client';

type Language = 'nl' | 'en';
type Words = Record<Language, string>;

/** Lists in request bodies, named by what one entry is (shown with its 1-based number). */
const COLLECTIONS: Record<string, Words> = {
  consortium: { nl: 'partner', en: 'partner' },
  budgetLines: { nl: 'budgetlijn', en: 'budget line' },
  kpis: { nl: 'KPI', en: 'KPI' },
  scores: { nl: 'score', en: 'score' },
  criteria: { nl: 'criterium', en: 'criterion' },
  questions: { nl: 'vraag', en: 'question' },
  eligibilityRules: { nl: 'ontvankelijkheidsregel', en: 'eligibility rule' },
  tieBreakRules: { nl: 'beslisregel', en: 'tie-break rule' },
  requiredKpis: { nl: 'verplichte KPI', en: 'required KPI' },
  rows: { nl: 'rij', en: 'row' },
  values: { nl: 'waarde', en: 'value' },
  lines: { nl: 'lijn', en: 'line' },
  tranches: { nl: 'schijf', en: 'tranche' },
  milestones: { nl: 'mijlpaal', en: 'milestone' },
};

/** Field names in request bodies and their labels. */
const FIELDS: Record<string, Words> = {
  enterpriseNumber: { nl: 'Ondernemingsnummer', en: 'Enterprise number' },
  name: { nl: 'Naam', en: 'Name' },
  helix: { nl: 'Helix', en: 'Helix' },
  sizeClass: { nl: 'Kmo-klasse', en: 'SME class' },
  role: { nl: 'Rol', en: 'Role' },
  budgetShareCents: { nl: 'Budgetaandeel', en: 'Budget share' },
  category: { nl: 'Categorie', en: 'Category' },
  description: { nl: 'Omschrijving', en: 'Description' },
  costCents: { nl: 'Kosten', en: 'Cost' },
  requestedAidCents: { nl: 'Gevraagde steun', en: 'Requested aid' },
  ownContributionCents: { nl: 'Eigen bijdrage', en: 'Own contribution' },
  unit: { nl: 'Eenheid', en: 'Unit' },
  direction: { nl: 'Richting', en: 'Direction' },
  baselineValue: { nl: 'Nulmeting', en: 'Baseline' },
  baselineDate: { nl: 'Datum van de nulmeting', en: 'Baseline date' },
  targetValue: { nl: 'Doel', en: 'Target' },
  targetPeriod: { nl: 'Doelperiode', en: 'Target period' },
  title: { nl: 'Titel', en: 'Title' },
  summary: { nl: 'Samenvatting', en: 'Summary' },
  themeIds: { nl: "Thema's", en: 'Themes' },
  clusterIds: { nl: 'Clusters', en: 'Clusters' },
  answers: { nl: 'Antwoorden', en: 'Answers' },
  score: { nl: 'Score', en: 'Score' },
  justification: { nl: 'Motivering', en: 'Justification' },
  overallComment: { nl: 'Algemene opmerking', en: 'Overall comment' },
  comment: { nl: 'Opmerking', en: 'Comment' },
  minorityView: { nl: 'Minderheidsstandpunt', en: 'Minority view' },
  motivation: { nl: 'Motivering', en: 'Motivation' },
  reason: { nl: 'Reden', en: 'Reason' },
  email: { nl: 'E-mailadres', en: 'E-mail address' },
  password: { nl: 'Wachtwoord', en: 'Password' },
  question: { nl: 'Vraag', en: 'Question' },
  answer: { nl: 'Antwoord', en: 'Answer' },
  dueAtLocal: { nl: 'Uiterste datum', en: 'Due date' },
  closesAtLocal: { nl: 'Sluitingsdatum', en: 'Closing date' },
  opensAtLocal: { nl: 'Openingsdatum', en: 'Opening date' },
  value: { nl: 'Waarde', en: 'Value' },
  evidence: { nl: 'Bewijs', en: 'Evidence' },
  amountCents: { nl: 'Bedrag', en: 'Amount' },
  code: { nl: 'Code', en: 'Code' },
  nameNl: { nl: 'Naam (Nederlands)', en: 'Name (Dutch)' },
  nameEn: { nl: 'Naam (Engels)', en: 'Name (English)' },
  titleNl: { nl: 'Titel (Nederlands)', en: 'Title (Dutch)' },
  titleEn: { nl: 'Titel (Engels)', en: 'Title (English)' },
  weight: { nl: 'Gewicht', en: 'Weight' },
  threshold: { nl: 'Drempel', en: 'Threshold' },
  budgetEnvelopeCents: { nl: 'Budget', en: 'Budget' },
};

/** What a field must look like, said in words, for the errors where the server's message is generic. */
const FORMAT_HINTS: Record<string, Words> = {
  enterpriseNumber: { nl: '10 cijfers', en: '10 digits' },
};
const GENERIC_CODES = new Set(['too_small', 'too_big', 'invalid_format', 'invalid_string', 'invalid_type']);

const REQUEST_PARTS = new Set(['body', 'query', 'params', 'querystring']);

/** A camelCase name in words, for fields no list names. */
function humanise(name: string): string {
  const words = name.replace(/Cents$/, '').replace(/([a-z])([A-Z])/g, '$1 $2');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

/** The path of a detail inside the request body ("consortium.2.enterpriseNumber"). */
export function fieldPath(path: string): string {
  const segments = path.split('.');
  return (REQUEST_PARTS.has(segments[0]) ? segments.slice(1) : segments).join('.');
}

/**
 * A field path from the API in words: `body.consortium.2.enterpriseNumber` becomes
 * "Ondernemingsnummer van partner 3" (numbers count from 1). `names` gives words for keys the
 * form knows (criterion codes, question codes): `scores.excellence.justification` with
 * `{ excellence: 'Excellentie' }` becomes "Motivering bij Excellentie".
 */
export function describeField(path: string, language: Language, names: Record<string, string> = {}): string {
  const segments = fieldPath(path).split('.').filter(Boolean);
  const contexts: string[] = [];
  let field: string | null = null;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const next = segments[i + 1];
    const collection = COLLECTIONS[segment];
    if (collection && next !== undefined && /^\d+$/.test(next)) {
      contexts.push(names[`${segment}.${next}`] ?? `${collection[language]} ${Number(next) + 1}`);
      i++;
    } else if ((collection || segment === 'answers') && next !== undefined) {
      contexts.push(names[next] ?? humanise(next));
      i++;
    } else if (/^\d+$/.test(segment)) {
      contexts.push(`${language === 'nl' ? 'nummer' : 'number'} ${Number(segment) + 1}`);
    } else {
      field = names[segment] ?? FIELDS[segment]?.[language] ?? humanise(segment);
    }
  }
  const where = contexts.join(', ');
  if (!field) return where.charAt(0).toUpperCase() + where.slice(1);
  if (!where) return field;
  const joiner = segments[0] === 'scores' || segments[0] === 'answers' ? ['bij', 'for'] : ['van', 'of'];
  return `${field} ${language === 'nl' ? joiner[0] : joiner[1]} ${where}`;
}

/** The message of one detail, with a format hint where the server's words are generic. */
export function detailMessage(detail: ErrorDetail, language: Language): string {
  const last = fieldPath(detail.path).split('.').pop() ?? '';
  const hint = FORMAT_HINTS[last];
  if (hint && GENERIC_CODES.has(detail.code)) return hint[language];
  return detail.message[language];
}

/**
 * The errors of a failed request per field (path inside the body → message), for `error=` on
 * the inputs. Empty when the error is not a validation error.
 */
export function fieldErrors(error: unknown, language: Language): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const d of error.details) {
    const key = fieldPath(d.path);
    if (!(key in errors)) errors[key] = detailMessage(d, language);
  }
  return errors;
}

/** Brings the first field marked invalid into view and gives it focus (after a submit). */
export function scrollToFirstError(): void {
  requestAnimationFrame(() => {
    const first = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!first) return;
    first.scrollIntoView({ block: 'center', behavior: 'smooth' });
    first.focus({ preventScroll: true });
  });
}
