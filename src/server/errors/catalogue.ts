import { coreErrors } from './core.errors';
import { reviewErrors } from '../modules/review/review.errors';
import { partnershipErrors } from '../modules/partnership/partnership.errors';

/**
 * The closed catalogue of error codes. A feature module adds its codes in
 * `modules/<area>/<area>.errors.ts` and spreads them here; nothing else may invent a code.
 */
export const errorCatalogue = {
  ...coreErrors,
  ...reviewErrors,
  ...partnershipErrors,
} as const;

export type ErrorCode = keyof typeof errorCatalogue;
