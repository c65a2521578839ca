import type { ErrorDetail } from './app-error';

/** The subset of a zod v4 issue that we translate. */
interface IssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  keys?: string[];
  format?: string;
  values?: unknown[];
  /** A refinement's own Dutch message (`refine(check, { message, params: { nl } })`). */
  params?: { nl?: unknown };
}

function dutchFor(issue: IssueLike): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.message.endsWith('received undefined')) return 'Dit veld is verplicht.';
      return issue.expected === 'undefined'
        ? 'Dit veld is niet toegelaten.'
        : `Verwacht type: ${String(issue.expected)}.`;
    case 'too_small':
      return `Te klein of te kort (minimum ${String(issue.minimum)}).`;
    case 'too_big':
      return `Te groot of te lang (maximum ${String(issue.maximum)}).`;
    case 'unrecognized_keys':
      return `Onbekende velden: ${(issue.keys ?? []).join(', ')}.`;
    case 'invalid_format':
      return issue.format === 'email'
        ? 'Geen geldig e-mailadres.'
        : `Ongeldig formaat (${issue.format ?? '?'}).`;
    case 'invalid_value':
      return `Ongeldige waarde; toegelaten: ${(issue.values ?? []).map(String).join(', ')}.`;
    case 'not_multiple_of':
      return 'De waarde is geen toegelaten veelvoud.';
    case 'invalid_union':
      return 'De waarde past in geen enkele toegelaten vorm.';
    case 'custom':
      return typeof issue.params?.nl === 'string' ? issue.params.nl : issue.message;
    default:
      return issue.message;
  }
}

/** Turns validation issues into catalogued details; `prefix` is body, querystring or params. */
export function detailsFromIssues(issues: readonly IssueLike[], prefix: string): ErrorDetail[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return { path, code: issue.code, message: { nl: dutchFor(issue), en: issue.message } };
  });
}
