import { describe, expect, it } from 'vitest';
import { COMPUTED_QUERIES } from '../../../src/server/modules/kpis/kpi-queries';
import { STANDARD_KPIS } from '../../../src/server/modules/kpis/standard-library';

/**
 * The SQL of every computed KPI, kept as snapshot files (`__sql__/<key>.sql`): a change to a
 * computation shows up as a SQL diff in review. Update with `npx vitest run -u test/unit/kpis`.
 */
describe('computed KPI SQL', () => {
  it('every computed standard KPI has a query, and every query is used', () => {
    const keys = STANDARD_KPIS.filter((k) => k.source === 'computed').map((k) => k.computedKey);
    expect(keys.every((key) => key !== undefined && COMPUTED_QUERIES[key] !== undefined)).toBe(true);
    expect(Object.keys(COMPUTED_QUERIES).sort()).toEqual([...new Set(keys)].sort());
  });

  for (const [key, text] of Object.entries(COMPUTED_QUERIES)) {
    it(`${key}`, async () => {
      await expect(`${text.trim()}\n`).toMatchFileSnapshot(`./__sql__/${key}.sql`);
    });
  }
});
