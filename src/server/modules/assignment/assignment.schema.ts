import { z } from 'zod';

const Id = z.string().min(1).max(200);
const Pair = z.strictObject({ proposal: Id, expert: Id });

/**
 * The JSON of `speerpunt assign --input` and `POST /api/assignment/solve`. Integers and
 * non-negativity are checked by the solver itself, so that a negative demand or an unknown id
 * answers with the solver's own precise detail.
 */
export const AssignmentInstanceSchema = z.strictObject({
  proposals: z.array(z.strictObject({ id: Id, demand: z.number() })).max(100_000),
  experts: z
    .array(z.strictObject({ id: Id, maxLoad: z.number(), minLoad: z.number().optional() }))
    .max(100_000),
  affinity: z.array(z.strictObject({ proposal: Id, expert: Id, score: z.number() })).optional(),
  conflicts: z.array(Pair).optional(),
  forced: z.array(Pair).optional(),
});

export const AssignmentResultSchema = z.object({
  feasible: z.boolean(),
  objective: z.number(),
  assignments: z.array(z.object({ proposal: z.string(), expert: z.string() })),
  shortfall: z.array(z.object({ proposal: z.string(), missing: z.number(), reason: z.string() })),
  underloaded: z.array(z.object({ expert: z.string(), missing: z.number(), reason: z.string() })).optional(),
});
