import { AppError, detail } from '../../errors/app-error';
import type { KpiUnit } from './kpis.tables';

const RULES: Record<KpiUnit, { nl: string; en: string; ok: (v: number) => boolean }> = {
  count: { nl: 'een geheel getal ≥ 0', en: 'a whole number ≥ 0', ok: (v) => Number.isInteger(v) && v >= 0 },
  percent: {
    nl: 'een percentage tussen 0 en 100',
    en: 'a percentage between 0 and 100',
    ok: (v) => v >= 0 && v <= 100,
  },
  ratio: { nl: 'een getal ≥ 0', en: 'a number ≥ 0', ok: (v) => v >= 0 },
  euro: {
    nl: 'een bedrag ≥ 0 met hoogstens twee decimalen',
    en: 'an amount ≥ 0 with at most two decimals',
    ok: (v) => v >= 0 && Math.abs(Math.round(v * 100) - v * 100) < 1e-6,
  },
  number: { nl: 'een getal', en: 'a number', ok: () => true },
  tonnes: { nl: 'een aantal ton ≥ 0', en: 'a number of tonnes ≥ 0', ok: (v) => v >= 0 },
  days: { nl: 'een aantal dagen ≥ 0', en: 'a number of days ≥ 0', ok: (v) => v >= 0 },
  score: { nl: 'een score tussen 0 en 10', en: 'a score between 0 and 10', ok: (v) => v >= 0 && v <= 10 },
};

/** Refuses a value that does not fit the unit (a fraction for a count, 120 for a percentage…). */
export function assertValueFitsUnit(unit: KpiUnit, value: number, path = 'value'): void {
  const rule = RULES[unit];
  if (!Number.isFinite(value) || !rule.ok(value) || Math.abs(value) > 1e15) {
    throw new AppError('KPI_VALUE_INVALID', {
      details: [detail(path, 'unit', `Verwacht: ${rule.nl}.`, `Expected: ${rule.en}.`)],
    });
  }
}
