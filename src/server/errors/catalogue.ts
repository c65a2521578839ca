import { coreErrors } from './core.errors';
import { callsErrors } from '../modules/calls/calls.errors';
import { portfolioErrors } from '../modules/portfolio/portfolio.errors';
import { reviewErrors } from '../modules/review/review.errors';
import { fundingErrors } from '../modules/funding/funding.errors';
import { partnershipErrors } from '../modules/partnership/partnership.errors';
import { kpisErrors } from '../modules/kpis/kpis.errors';
import { policyErrors } from '../modules/policy/policy.errors';
import { signinErrors } from '../modules/auth/signin.errors';

/**
 * The closed catalogue of error codes. A feature module adds its codes in
 * `modules/<area>/<area>.errors.ts` and spreads them here; nothing else may invent a code.
 */
export const errorCatalogue = {
  ...coreErrors,
  ...callsErrors,
  ...portfolioErrors,
  ...reviewErrors,
  ...fundingErrors,
  ...partnershipErrors,
  ...kpisErrors,
  ...policyErrors,
  ...signinErrors,
} as const;

export type ErrorCode = keyof typeof errorCatalogue;
