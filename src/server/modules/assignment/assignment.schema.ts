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
  shortfall: z.array(
    z.object({
      proposal: z.string(),
      missing: z.number(),
      code: z.enum(['too_few_experts', 'loads_too_tight']),
      params: z.record(z.string(), z.number()),
      reason: z.string(),
    }),
  ),
  underloaded: z
    .array(
      z.object({
        expert: z.string(),
        missing: z.number(),
        code: z.enum(['too_few_proposals', 'not_enough_reviews']),
        params: z.record(z.string(), z.number()),
        reason: z.string(),
      }),
    )
    .optional(),
});

const isId = (value: unknown): boolean =>
  typeof value === 'string' && value.length >= 1 && value.length <= 200;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** Exactly the keys `required`, plus any of `optional`. */
function hasKeys(value: Record<string, unknown>, required: string[], optional: string[] = []): boolean {
  let count = 0;
  for (const key in value) {
    if (!required.includes(key) && !optional.includes(key)) return false;
    count++;
  }
  return required.every((key) => key in value) && count <= required.length + optional.length;
}
const isPair = (value: unknown): boolean =>
  isRecord(value) && hasKeys(value, ['proposal', 'expert']) && isId(value.proposal) && isId(value.expert);

/**
 * The same acceptance as AssignmentInstanceSchema, in one pass without building a copy: a large
 * instance (400,000 affinities) is checked in a fraction of the time. When it says no, the schema
 * runs and names the fields.
 */
export function isWellFormedInstance(value: unknown): value is z.infer<typeof AssignmentInstanceSchema> {
  if (!isRecord(value) || !hasKeys(value, ['proposals', 'experts'], ['affinity', 'conflicts', 'forced']))
    return false;
  const { proposals, experts, affinity, conflicts, forced } = value;
  if (!Array.isArray(proposals) || proposals.length > 100_000) return false;
  for (const p of proposals)
    if (!isRecord(p) || !hasKeys(p, ['id', 'demand']) || !isId(p.id) || typeof p.demand !== 'number')
      return false;
  if (!Array.isArray(experts) || experts.length > 100_000) return false;
  for (const e of experts)
    if (
      !isRecord(e) ||
      !hasKeys(e, ['id', 'maxLoad'], ['minLoad']) ||
      !isId(e.id) ||
      typeof e.maxLoad !== 'number' ||
      ('minLoad' in e && typeof e.minLoad !== 'number')
    )
      return false;
  if (affinity !== undefined) {
    if (!Array.isArray(affinity)) return false;
    for (const a of affinity)
      if (
        !isRecord(a) ||
        !hasKeys(a, ['proposal', 'expert', 'score']) ||
        !isId(a.proposal) ||
        !isId(a.expert) ||
        typeof a.score !== 'number'
      )
        return false;
  }
  for (const list of [conflicts, forced])
    if (list !== undefined && (!Array.isArray(list) || !list.every(isPair))) return false;
  return true;
}
