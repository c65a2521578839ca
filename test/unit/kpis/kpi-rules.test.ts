import { describe, expect, it } from 'vitest';
import {
  aggregateValues,
  expectedValue,
  kpiStatus,
  outlierCheck,
} from '../../../src/server/modules/kpis/kpi-status';
import {
  evaluateFormula,
  findFormulaProblem,
  type FormulaDefinition,
  type FormulaValue,
} from '../../../src/server/modules/kpis/kpi-formula';
import { amountToCents } from '../../../src/server/modules/kpis/import-cordis';
import { assertValueFitsUnit } from '../../../src/server/modules/kpis/kpi-values';

describe('status against the trajectory', () => {
  const rising = { expected: 120, baselineValue: 100, direction: 'higher' as const, tolerance: 0.25 };
  it('rising KPI: at or above the trajectory is on track', () => {
    expect(kpiStatus({ ...rising, value: 120 })).toBe('on_track');
    expect(kpiStatus({ ...rising, value: 150 })).toBe('on_track');
  });
  it('rising KPI: behind by at most the tolerance of the planned progress is at risk, further is off track', () => {
    expect(kpiStatus({ ...rising, value: 115 })).toBe('at_risk'); // 5 of the 20 planned missing = 25 %
    expect(kpiStatus({ ...rising, value: 114.9 })).toBe('off_track');
    expect(kpiStatus({ ...rising, value: 90 })).toBe('off_track'); // went the wrong way
  });
  const falling = { expected: 80, baselineValue: 100, direction: 'lower' as const, tolerance: 0.25 };
  it('falling KPI: at or below the trajectory is on track', () => {
    expect(kpiStatus({ ...falling, value: 80 })).toBe('on_track');
    expect(kpiStatus({ ...falling, value: 60 })).toBe('on_track');
  });
  it('falling KPI: above the trajectory is at risk within the tolerance, else off track', () => {
    expect(kpiStatus({ ...falling, value: 85 })).toBe('at_risk');
    expect(kpiStatus({ ...falling, value: 86 })).toBe('off_track');
    expect(kpiStatus({ ...falling, value: 110 })).toBe('off_track');
  });
  it('without planned progress the tolerance applies to the expected value; a zero target tolerates nothing', () => {
    expect(
      kpiStatus({ value: 95, expected: 100, baselineValue: 100, direction: 'higher', tolerance: 0.1 }),
    ).toBe('at_risk');
    expect(
      kpiStatus({ value: 85, expected: 100, baselineValue: null, direction: 'higher', tolerance: 0.1 }),
    ).toBe('off_track');
    expect(kpiStatus({ value: 1, expected: 0, baselineValue: 0, direction: 'lower', tolerance: 0.5 })).toBe(
      'off_track',
    );
  });
  it('no target, no value and not computable are their own states', () => {
    expect(kpiStatus({ ...rising, expected: null, value: 10 })).toBe('no_target');
    expect(kpiStatus({ ...rising, value: null })).toBe('no_data');
    expect(kpiStatus({ ...rising, value: null, isNotComputable: true })).toBe('not_computable');
  });
  it('a changed tolerance setting changes the verdict', () => {
    expect(kpiStatus({ ...rising, value: 110, tolerance: 0.25 })).toBe('off_track');
    expect(kpiStatus({ ...rising, value: 110, tolerance: 0.5 })).toBe('at_risk');
  });
});

describe('expected value on the trajectory', () => {
  const base = {
    baselineValue: 100,
    baselineDate: '2024-12-31',
    endTargetValue: 200,
    endTargetDate: '2027-12-31',
    periodTarget: null,
  };
  it('interpolates linearly between baseline and end target', () => {
    const value = expectedValue({ ...base, periodEnd: '2025-12-31' });
    expect(value).toBeCloseTo(133.3, 0);
  });
  it('a period target wins; after the end date the end target holds', () => {
    expect(expectedValue({ ...base, periodTarget: 150, periodEnd: '2025-12-31' })).toBe(150);
    expect(expectedValue({ ...base, periodEnd: '2029-12-31' })).toBe(200);
    expect(expectedValue({ ...base, endTargetValue: null, periodEnd: '2025-12-31' })).toBeNull();
  });
  it('works for falling targets too', () => {
    expect(expectedValue({ ...base, endTargetValue: 40, periodEnd: '2026-06-30' })).toBeGreaterThan(40);
    expect(expectedValue({ ...base, endTargetValue: 40, periodEnd: '2026-06-30' })).toBeLessThan(100);
  });
});

describe('outliers and aggregation', () => {
  it('flags a value far outside its history (z-score above the threshold)', () => {
    expect(outlierCheck(100, [10, 12, 11, 13], 2.5).isOutlier).toBe(true);
    expect(outlierCheck(12, [10, 12, 11, 13], 2.5).isOutlier).toBe(false);
    expect(outlierCheck(100, [10, 12], 2.5).isOutlier).toBe(false); // too little history
    expect(outlierCheck(11, [10, 10, 10], 2.5)).toEqual({ zScore: null, isOutlier: true });
  });
  it('aggregates by sum, average and last value', () => {
    expect(aggregateValues('sum', [1, 2, null, 3])).toBe(6);
    expect(aggregateValues('average', [2, 4])).toBe(3);
    expect(aggregateValues('last', [2, 4, null])).toBe(4);
    expect(aggregateValues('sum', [null])).toBeNull();
  });
});

describe('formula KPIs', () => {
  const lib: FormulaDefinition[] = [
    { code: 'A', source: 'computed', numeratorCode: null, denominatorCode: null, factor: 1 },
    { code: 'B', source: 'computed', numeratorCode: null, denominatorCode: null, factor: 1 },
    { code: 'F1', source: 'formula', numeratorCode: 'A', denominatorCode: 'F2', factor: 1 },
    { code: 'F2', source: 'formula', numeratorCode: 'B', denominatorCode: 'A', factor: 1 },
  ];
  it('refuses self-reference, missing KPIs and cycles', () => {
    expect(
      findFormulaProblem(
        { code: 'X', source: 'formula', numeratorCode: 'X', denominatorCode: 'A', factor: 1 },
        lib,
      )?.kind,
    ).toBe('self_reference');
    expect(
      findFormulaProblem(
        { code: 'X', source: 'formula', numeratorCode: 'A', denominatorCode: 'NOPE', factor: 1 },
        lib,
      ),
    ).toEqual({ kind: 'missing_kpi', code: 'X', missing: 'NOPE' });
    // Changing F2 to use F1 closes the loop F2 → F1 → F2.
    const problem = findFormulaProblem(
      { code: 'F2', source: 'formula', numeratorCode: 'F1', denominatorCode: 'A', factor: 1 },
      lib,
    );
    expect(problem).toEqual({ kind: 'cycle', code: 'F2', path: ['F2', 'F1', 'F2'] });
    expect(
      findFormulaProblem(
        { code: 'X', source: 'formula', numeratorCode: 'F1', denominatorCode: 'B', factor: 100 },
        lib,
      ),
    ).toBeNull();
  });
  it('division by zero is not computable, never 0 or Infinity', () => {
    const values: Record<string, FormulaValue> = {
      A: { value: 5, reason: null },
      B: { value: 0, reason: null },
    };
    const resolve = (code: string) => values[code] ?? { value: null, reason: 'missing_operand' as const };
    expect(
      evaluateFormula(
        { code: 'X', source: 'formula', numeratorCode: 'A', denominatorCode: 'B', factor: 100 },
        resolve,
      ),
    ).toEqual({ value: null, reason: 'division_by_zero' });
    expect(
      evaluateFormula(
        { code: 'X', source: 'formula', numeratorCode: 'B', denominatorCode: 'A', factor: 100 },
        resolve,
      ),
    ).toEqual({ value: 0, reason: null });
    expect(
      evaluateFormula(
        { code: 'X', source: 'formula', numeratorCode: 'A', denominatorCode: 'A', factor: 100 },
        resolve,
      ),
    ).toEqual({ value: 100, reason: null });
  });
});

describe('input rules', () => {
  it('checks a value against its unit', () => {
    expect(() => assertValueFitsUnit('count', 2.5)).toThrow();
    expect(() => assertValueFitsUnit('percent', 120)).toThrow();
    expect(() => assertValueFitsUnit('euro', 10.005)).toThrow();
    expect(() => assertValueFitsUnit('score', 11)).toThrow();
    expect(() => assertValueFitsUnit('count', 3)).not.toThrow();
    expect(() => assertValueFitsUnit('euro', 10.25)).not.toThrow();
  });
  it('reads CORDIS amounts with a decimal comma or point into exact cents', () => {
    expect(amountToCents('850000,00')).toBe(85_000_000);
    expect(amountToCents('420000.5')).toBe(42_000_050);
    expect(amountToCents('1,234,567.89')).toBe(123_456_789);
    expect(amountToCents('abc')).toBeNull();
  });
});
