import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types';

/** Settings of the review process (table `settings`, keys `review.*`), with their defaults. */
export interface ReviewSettings {
  /** Minimum length (characters) of a justification per criterion. */
  minJustificationChars: number;
  /** Experts' scores on one criterion differing by more than this flag the proposal for discussion. */
  disagreementThreshold: number;
  /** An expert's normalised score is only shown from this many submitted reviews. */
  calibrationMinReviews: number;
  /** Days the applicant has to object after a decision. */
  objectionDays: number;
  /** Affiliations that ended within this many years still make a conflict of interest. */
  conflictYears: number;
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  minJustificationChars: 30,
  disagreementThreshold: 2,
  calibrationMinReviews: 3,
  objectionDays: 30,
  conflictYears: 3,
};

const KEYS: Record<keyof ReviewSettings, string> = {
  minJustificationChars: 'review.min_justification_chars',
  disagreementThreshold: 'review.disagreement_threshold',
  calibrationMinReviews: 'review.calibration_min_reviews',
  objectionDays: 'review.objection_days',
  conflictYears: 'review.conflict_years',
};

export async function getReviewSettings(db: Kysely<DB> | Transaction<DB>): Promise<ReviewSettings> {
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('key', 'like', 'review.%')
    .execute();
  const settings = { ...DEFAULT_REVIEW_SETTINGS };
  for (const [field, key] of Object.entries(KEYS) as [keyof ReviewSettings, string][]) {
    const row = rows.find((r) => r.key === key);
    const value = Number(row?.value);
    if (row && Number.isFinite(value) && value >= 0) settings[field] = value;
  }
  return settings;
}
