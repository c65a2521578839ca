import type { DemoSeed } from './seed-context';
import { portfolioSeed } from './portfolio.seed';
import { accountsSeed } from './accounts.seed';
import { portfolioExtraSeed } from './portfolio-extra.seed';
import { callsSeed } from './calls.seed';
import { fundingSeed } from './funding.seed';
import { partnershipSeed } from './partnership.seed';
import { kpisSeed } from './kpis.seed';
import { policySeed } from './policy.seed';
import { reviewSeed } from './review.seed';
import { reviewSubmissionsSeed } from './review-submissions.seed';
import { selectionStagesSeed } from './selection-stages.seed';
import { eligibilityCheckSeed } from './eligibility-check.seed';

/** The demo seeds in order; a feature module appends its seed after the ones it builds on. */
export const demoSeeds: DemoSeed[] = [
  portfolioSeed,
  accountsSeed,
  portfolioExtraSeed,
  callsSeed,
  fundingSeed,
  kpisSeed,
  partnershipSeed,
  policySeed,
  reviewSeed,
  selectionStagesSeed,
  reviewSubmissionsSeed,
  eligibilityCheckSeed,
];
