import type { ErrorSpecs } from '../../errors/error-spec';

/** Errors of expert review, assignment, ranking and decisions. One line each: what the caller did wrong. */
export const reviewErrors = {
  /** An assignment instance is inconsistent (negative demand, unknown or duplicate ids, more forced pairs than a demand or load allows); `details` lists each problem. */
  ASSIGNMENT_INPUT_INVALID: { status: 400, nl: 'De toewijzingsopdracht is ongeldig. Controleer de aangeduide punten.', en: 'The assignment instance is invalid. Check the points listed.' },
  /** The assignment instance is too large for the exact solver (pairs × reviews beyond its limits). */
  ASSIGNMENT_TOO_LARGE: { status: 413, nl: 'De toewijzingsopdracht is te groot om exact op te lossen.', en: 'The assignment instance is too large to solve exactly.' },
  /** A ranking input is inconsistent (unknown or missing criteria, scores outside the scale, duplicate ids); `details` lists each problem. */
  RANKING_INPUT_INVALID: { status: 400, nl: 'De rangschikkingsinvoer is ongeldig. Controleer de aangeduide punten.', en: 'The ranking input is invalid. Check the points listed.' },
} satisfies ErrorSpecs;
