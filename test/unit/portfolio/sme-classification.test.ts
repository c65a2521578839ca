import { describe, expect, it } from 'vitest';
import {
  classifySme,
  classifyYear,
  isStartUp,
  relationOf,
  type YearFigures,
} from '../../../src/server/modules/portfolio/sme-classification';

const M = 1_000_000_00; // one million euro in cents
const year = (
  referenceYear: number,
  headcount: number | null,
  turnover: number | null,
  balance: number | null,
  extra: Partial<YearFigures> = {},
): YearFigures => ({
  referenceYear,
  headcount,
  turnoverCents: turnover === null ? null : turnover * M,
  balanceSheetCents: balance === null ? null : balance * M,
  ...extra,
});

describe('SME classification: ceilings of one year', () => {
  it.each([
    [9, 2, 2, 'micro'],
    [10, 2, 2, 'small'],
    [49, 10, 10, 'small'],
    [50, 1, 1, 'medium'],
    [249, 50, 43, 'medium'],
    [250, 1, 1, 'large'],
    [249, 51, 44, 'large'],
    [0, 0, 0, 'micro'],
  ])('headcount %s, turnover %sm, balance %sm → %s', (h, t, b, expected) => {
    expect(classifyYear(year(2024, h, t, b)).sizeClass).toBe(expected);
  });

  it('holds on turnover alone when the balance sheet is above the ceiling', () => {
    const result = classifyYear(year(2024, 40, 9, 30));
    expect(result.sizeClass).toBe('small');
    expect(result.decidedBy).toBe('turnover');
  });

  it('holds on balance sheet alone when the turnover is above the ceiling', () => {
    const result = classifyYear(year(2024, 200, 80, 40));
    expect(result.sizeClass).toBe('medium');
    expect(result.decidedBy).toBe('balance_sheet');
  });

  it('the balance-sheet ceiling of a medium enterprise is €43m, the turnover ceiling €50m', () => {
    expect(classifyYear(year(2024, 200, 51, 43)).sizeClass).toBe('medium');
    expect(classifyYear(year(2024, 200, 50, 44)).sizeClass).toBe('medium');
    expect(classifyYear(year(2024, 200, 50.01, 43.01)).sizeClass).toBe('large');
  });

  it('the headcount ceiling must hold whatever the money figures', () => {
    const result = classifyYear(year(2024, 12, 0.5, 0.5));
    expect(result.sizeClass).toBe('small');
    expect(result.checks[0]).toMatchObject({ sizeClass: 'micro', headcountOk: false, holds: false });
  });

  it('is unknown without figures, never guessed', () => {
    expect(classifyYear(year(2024, null, null, null)).sizeClass).toBe('unknown');
    expect(classifyYear(year(2024, 5, null, null)).sizeClass).toBe('unknown');
    expect(classifyYear(year(2024, null, 1, 1)).sizeClass).toBe('unknown');
    expect(classifySme([]).sizeClass).toBe('unknown');
  });

  it('with only turnover known: within the ceiling decides; above it leaves the class open', () => {
    expect(classifyYear(year(2024, 5, 1, null)).sizeClass).toBe('micro');
    const open = classifyYear(year(2024, 5, 3, null));
    expect(open.sizeClass).toBe('unknown');
    expect(open.missing).toContain('balance_sheet');
  });

  it('with only the balance sheet known: within the ceiling decides', () => {
    expect(classifyYear(year(2024, 30, null, 8)).sizeClass).toBe('small');
    expect(classifyYear(year(2024, 30, null, 12)).sizeClass).toBe('unknown');
  });

  it('a company 25 % or more controlled by public bodies is not an SME', () => {
    expect(classifyYear(year(2024, 5, 1, 1, { publicControlShare: 25 })).sizeClass).toBe('large');
    expect(classifyYear(year(2024, 5, 1, 1, { publicControlShare: 24.99 })).sizeClass).toBe('micro');
    expect(classifyYear(year(2024, 5, 1, 1, { publicControlShare: 30 })).decidedBy).toBe('public_control');
  });
});

describe('SME classification: partner and linked enterprises', () => {
  it('tells autonomous, partner and linked apart by holding share', () => {
    expect(relationOf(24.99)).toBe('autonomous');
    expect(relationOf(25)).toBe('partner');
    expect(relationOf(50)).toBe('partner');
    expect(relationOf(50.01)).toBe('linked');
    expect(relationOf(10, true)).toBe('linked');
  });

  it('adds a partner pro rata: 8 staff + 40 % of 10 = 12 → small, not micro', () => {
    const result = classifyYear(
      year(2024, 8, 1, 1, {
        related: [
          {
            name: 'Partner',
            holdingShare: 40,
            headcount: 10,
            turnoverCents: 2 * M,
            balanceSheetCents: 2 * M,
          },
        ],
      }),
    );
    expect(result.aggregated.headcount).toBe(12);
    expect(result.aggregated.turnoverCents).toBe(1.8 * M);
    expect(result.sizeClass).toBe('small');
    expect(result.contributions[0]).toMatchObject({ relation: 'partner', countedPercent: 40 });
  });

  it('adds a linked enterprise in full: 30 + 300 staff → large', () => {
    const result = classifyYear(
      year(2024, 30, 5, 5, {
        related: [
          {
            name: 'Moeder',
            holdingShare: 60,
            headcount: 300,
            turnoverCents: 100 * M,
            balanceSheetCents: 100 * M,
          },
        ],
      }),
    );
    expect(result.aggregated.headcount).toBe(330);
    expect(result.sizeClass).toBe('large');
    expect(result.decidedBy).toBe('headcount');
  });

  it('ignores a holding under 25 %', () => {
    const result = classifyYear(
      year(2024, 8, 1, 1, {
        related: [
          {
            name: 'Kleine aandeelhouder',
            holdingShare: 20,
            headcount: 1000,
            turnoverCents: 500 * M,
            balanceSheetCents: 500 * M,
          },
        ],
      }),
    );
    expect(result.sizeClass).toBe('micro');
    expect(result.contributions[0].relation).toBe('autonomous');
  });

  it('a linked enterprise pushes the turnover over while the balance sheet keeps the class', () => {
    const result = classifyYear(
      year(2024, 20, 6, 3, {
        related: [
          {
            name: 'Dochter',
            holdingShare: 100,
            headcount: 10,
            turnoverCents: 6 * M,
            balanceSheetCents: 2 * M,
          },
        ],
      }),
    );
    expect(result.aggregated.turnoverCents).toBe(12 * M);
    expect(result.aggregated.balanceSheetCents).toBe(5 * M);
    expect(result.sizeClass).toBe('small');
    expect(result.decidedBy).toBe('balance_sheet');
  });

  it('a partner without figures makes the class unknown', () => {
    const result = classifyYear(
      year(2024, 8, 1, 1, {
        related: [
          {
            name: 'Stille partner',
            holdingShare: 30,
            headcount: null,
            turnoverCents: null,
            balanceSheetCents: null,
          },
        ],
      }),
    );
    expect(result.sizeClass).toBe('unknown');
  });
});

describe('SME classification: two consecutive reference years', () => {
  it('one year over the ceiling does not change the class', () => {
    const result = classifySme([year(2022, 8, 1, 1), year(2023, 12, 1, 1)]);
    expect(result.latestYearClass).toBe('small');
    expect(result.sizeClass).toBe('micro');
    expect(result.keptByTwoYearRule).toBe(true);
    expect(result.explanation.en).toContain('two consecutive years');
  });

  it('two consecutive years over the ceiling change it', () => {
    expect(classifySme([year(2022, 8, 1, 1), year(2023, 12, 1, 1), year(2024, 14, 1, 1)]).sizeClass).toBe(
      'small',
    );
  });

  it('a dip of one year below the ceiling does not downgrade', () => {
    expect(
      classifySme([
        year(2021, 60, 20, 20),
        year(2022, 60, 20, 20),
        year(2023, 40, 5, 5),
        year(2024, 60, 20, 20),
      ]).sizeClass,
    ).toBe('medium');
  });

  it('years that are not consecutive do not count as two in a row', () => {
    expect(classifySme([year(2020, 8, 1, 1), year(2022, 12, 1, 1), year(2024, 12, 1, 1)]).sizeClass).toBe(
      'micro',
    );
  });

  it('moves to the class crossed in both years (micro → small, not medium)', () => {
    expect(classifySme([year(2022, 8, 1, 1), year(2023, 12, 1, 1), year(2024, 60, 20, 20)]).sizeClass).toBe(
      'small',
    );
  });

  it('explains the class in both languages', () => {
    const result = classifySme([year(2024, 40, 9, 30)]);
    expect(result.explanation.nl).toContain('Kleine onderneming');
    expect(result.explanation.en).toContain('turnover within it');
  });
});

describe('pioneer: start-up', () => {
  it('is a start-up when founded fewer than N years ago', () => {
    expect(isStartUp('2022-06-01', '2026-11-27', 5)).toBe(true);
    expect(isStartUp('2021-11-27', '2026-11-27', 5)).toBe(false);
    expect(isStartUp(null, '2026-11-27', 5)).toBe(false);
  });
});
