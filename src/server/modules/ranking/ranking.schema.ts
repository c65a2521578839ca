import { z } from 'zod';

/** The JSON of `speerpunt rank --input` and `POST /api/ranking/run` (format in docs/review.md). */
export const RankingInputSchema = z.strictObject({
  criteria: z
    .array(
      z.strictObject({
        code: z.string().min(1).max(100),
        name: z.string().max(300).optional(),
        nameEn: z.string().max(300).optional(),
        weight: z.number(),
        threshold: z.number().nullable().optional(),
        scaleMin: z.number().optional(),
        scaleMax: z.number().optional(),
      }),
    )
    .max(50),
  overallThreshold: z.number().nullable().optional(),
  tieBreakRules: z
    .array(
      z.strictObject({
        kind: z.enum(['criterion_score', 'sme_budget_share', 'requested_aid', 'submitted_at']),
        criterion: z.string().optional(),
        direction: z.enum(['desc', 'asc']),
      }),
    )
    .max(20)
    .optional(),
  budgetCents: z.number(),
  budgetRule: z.enum(['stop_at_first_misfit', 'skip_to_next_fit']).optional(),
  reserveSize: z.number().nullable().optional(),
  proposals: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(200),
        title: z.string().max(500).optional(),
        scores: z.record(z.string(), z.number()),
        requestedCents: z.number(),
        smeBudgetShare: z.number().optional(),
        submittedAt: z.string().nullable().optional(),
      }),
    )
    .max(20_000),
});

const Reason = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const RankingResultSchema = z.object({
  budgetCents: z.number(),
  budgetRule: z.enum(['stop_at_first_misfit', 'skip_to_next_fit']),
  fundedCents: z.number(),
  remainingCents: z.number(),
  counts: z.object({ funded: z.number(), reserve: z.number(), rejected: z.number() }),
  ranking: z.array(
    z.object({
      rank: z.number().nullable(),
      id: z.string(),
      title: z.string().nullable(),
      total: z.number(),
      scores: z.record(z.string(), z.number()),
      status: z.enum(['funded', 'reserve', 'rejected']),
      passesThresholds: z.boolean(),
      requestedCents: z.number(),
      cumulativeCents: z.number().nullable(),
      reasons: z.array(Reason),
      tieBreak: z.object({ above: z.string(), rule: z.string() }).nullable(),
    }),
  ),
});
