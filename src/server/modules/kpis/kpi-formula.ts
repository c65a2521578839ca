/** A formula KPI: numerator / denominator × factor, over the values of other KPIs of the same subject and period. */
export interface FormulaDefinition {
  code: string;
  source: 'computed' | 'reported' | 'formula';
  numeratorCode: string | null;
  denominatorCode: string | null;
  factor: number;
}

export type FormulaProblem =
  | { kind: 'self_reference'; code: string }
  | { kind: 'missing_kpi'; code: string; missing: string }
  | { kind: 'cycle'; code: string; path: string[] };

/**
 * Checks a (new or changed) formula against the library: both operands must exist, neither may
 * be the KPI itself, and following formulas from it must never come back to it.
 * Returns the first problem found, or null.
 */
export function findFormulaProblem(
  candidate: FormulaDefinition,
  library: FormulaDefinition[],
): FormulaProblem | null {
  if (candidate.source !== 'formula') return null;
  const byCode = new Map(library.filter((d) => d.code !== candidate.code).map((d) => [d.code, d]));
  byCode.set(candidate.code, candidate);
  for (const operand of [candidate.numeratorCode, candidate.denominatorCode]) {
    if (operand === candidate.code) return { kind: 'self_reference', code: candidate.code };
    if (operand === null || !byCode.has(operand))
      return { kind: 'missing_kpi', code: candidate.code, missing: operand ?? '' };
  }
  // Depth-first search for a path back to the candidate.
  const visit = (code: string, path: string[], seen: Set<string>): string[] | null => {
    const definition = byCode.get(code);
    if (!definition || definition.source !== 'formula') return null;
    for (const next of [definition.numeratorCode, definition.denominatorCode]) {
      if (next === null) continue;
      if (next === candidate.code) return [...path, next];
      if (seen.has(next)) continue;
      seen.add(next);
      const found = visit(next, [...path, next], seen);
      if (found) return found;
    }
    return null;
  };
  const path = visit(candidate.code, [candidate.code], new Set([candidate.code]));
  return path ? { kind: 'cycle', code: candidate.code, path } : null;
}

export type NotComputableReason = 'division_by_zero' | 'missing_operand' | 'operand_not_computable' | 'cycle';

export interface FormulaValue {
  value: number | null;
  reason: NotComputableReason | null;
}

/**
 * Evaluates a formula KPI from the operand values already known for the same subject and period.
 * A zero denominator is "not computable" (null with a reason), never 0 or Infinity.
 * `resolve` returns an operand's value (possibly itself a formula, resolved recursively).
 */
export function evaluateFormula(
  definition: FormulaDefinition,
  resolve: (code: string, trail: string[]) => FormulaValue,
  trail: string[] = [],
): FormulaValue {
  if (trail.includes(definition.code)) return { value: null, reason: 'cycle' };
  const nextTrail = [...trail, definition.code];
  if (definition.numeratorCode === null || definition.denominatorCode === null)
    return { value: null, reason: 'missing_operand' };
  const numerator = resolve(definition.numeratorCode, nextTrail);
  const denominator = resolve(definition.denominatorCode, nextTrail);
  if (numerator.reason === 'cycle' || denominator.reason === 'cycle') return { value: null, reason: 'cycle' };
  if (numerator.reason || denominator.reason) return { value: null, reason: 'operand_not_computable' };
  if (numerator.value === null || denominator.value === null)
    return { value: null, reason: 'missing_operand' };
  if (denominator.value === 0) return { value: null, reason: 'division_by_zero' };
  const result = (numerator.value / denominator.value) * definition.factor;
  if (!Number.isFinite(result)) return { value: null, reason: 'division_by_zero' };
  return { value: Math.round(result * 10_000) / 10_000, reason: null };
}
