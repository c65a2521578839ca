import { describe, expect, it } from 'vitest';
import {
  centsToDecimalString,
  centsToEuroNumber,
  centsToNumber,
  divideRounded,
  eurosToCents,
  formatFixed,
  formatMoney,
  formatNumber,
  formatPercent,
  parseMoney,
  parseMoneyToNumber,
  toCents,
} from '../../../src/shared/money';

describe('formatting cents', () => {
  it('nl-BE: € 276.000,00; en: €276,000.00', () => {
    expect(formatMoney(27_600_000, 'nl')).toBe('€ 276.000,00');
    expect(formatMoney(27_600_000, 'en')).toBe('€276,000.00');
    expect(formatMoney(123_456, 'nl')).toBe('€ 1.234,56');
    expect(formatMoney('5', 'nl')).toBe('€ 0,05');
    expect(formatMoney(0, 'en')).toBe('€0.00');
    expect(formatMoney(-123_456, 'nl')).toBe('-€ 1.234,56');
    expect(formatMoney(-5, 'en')).toBe('-€0.05');
    expect(formatMoney(123_456, 'nl', { symbol: false })).toBe('1.234,56');
  });

  it('is exact beyond 2^53 (bigint and digit strings)', () => {
    expect(formatMoney(123_456_789_012_345_678_901n, 'nl')).toBe('€ 1.234.567.890.123.456.789,01');
    expect(formatMoney('9007199254740993', 'en')).toBe('€90,071,992,547,409.93');
    expect(centsToDecimalString(9_007_199_254_740_993n)).toBe('90071992547409.93');
  });

  it('whole euros round half away from zero', () => {
    expect(formatMoney(149, 'nl', { decimals: 0 })).toBe('€ 1');
    expect(formatMoney(150, 'nl', { decimals: 0 })).toBe('€ 2');
    expect(formatMoney(-150, 'nl', { decimals: 0 })).toBe('-€ 2');
    expect(formatMoney(-149, 'en', { decimals: 0 })).toBe('-€1');
    expect(formatMoney(200_000_000, 'nl', { decimals: 0 })).toBe('€ 2.000.000');
  });

  it('empty values show a dash; fractions of a cent are refused', () => {
    expect(formatMoney(null, 'nl')).toBe('–');
    expect(formatMoney(undefined, 'en')).toBe('–');
    expect(formatMoney('', 'nl')).toBe('–');
    expect(() => formatMoney(1.5, 'nl')).toThrow(RangeError);
    expect(() => toCents('12.50')).toThrow(RangeError);
    expect(() => centsToNumber(2n ** 60n)).toThrow(RangeError);
  });

  it('gives exact machine strings and spreadsheet numbers', () => {
    expect(centsToDecimalString(-123_456)).toBe('-1234.56');
    expect(centsToDecimalString(7)).toBe('0.07');
    expect(centsToEuroNumber(123_456)).toBe(1234.56);
    expect(centsToEuroNumber('-5')).toBe(-0.05);
  });
});

describe('parsing what people type', () => {
  const cases: [string, bigint | null][] = [
    ['1.234,56', 123_456n],
    ['1,234.56', 123_456n],
    ['€ 276.000', 27_600_000n],
    ['€276,000.00', 27_600_000n],
    ['276.000 EUR', 27_600_000n],
    ['276000 euro', 27_600_000n],
    ['1234,56', 123_456n],
    ['1234.5', 123_450n],
    ['0,05', 5n],
    ['1 234 567,89', 123_456_789n],
    ['1\u00a0234,56', 123_456n],
    ['1.234.567', 123_456_700n],
    ['1,234,567.8', 123_456_780n],
    ['  12  ', 1_200n],
    ['12,3456', null],
    ['1.23.456', null],
    ['1.2345.678', null],
    ['1.234,5.6', null],
    ['12,', null],
    [',5', null],
    ['abc', null],
    ['', null],
    ['-5', null],
    ['1e5', null],
  ];
  it.each(cases)('%s → %s', (input, expected) => {
    expect(parseMoney(input)).toBe(expected);
  });

  it('negative amounts only when asked for', () => {
    expect(parseMoney('-1.234,56', { allowNegative: true })).toBe(-123_456n);
    expect(parseMoney('−€ 5', { allowNegative: true })).toBe(-500n);
  });

  it('more than two decimals: refused, or rounded half away from zero when asked', () => {
    expect(parseMoney('1,005')).toBe(100_500n); // a group of three: 1 005 euro
    expect(parseMoney('1,0050')).toBeNull();
    expect(parseMoney('1,0050', { extraDecimals: 'round' })).toBe(101n);
    expect(parseMoney('1.00499', { extraDecimals: 'round' })).toBe(100n);
    expect(parseMoney('-0,0050', { extraDecimals: 'round', allowNegative: true })).toBe(-1n);
  });

  it('parses beyond 2^53 as bigint, and says null for a number that would lose cents', () => {
    expect(parseMoney('123.456.789.012.345.678,90')).toBe(12_345_678_901_234_567_890n);
    expect(parseMoneyToNumber('123.456.789.012.345.678,90')).toBeNull();
    expect(parseMoneyToNumber('1.234,56')).toBe(123_456);
  });
});

describe('rounding', () => {
  it('euros held as a float become cents half away from zero on the written decimal', () => {
    expect(Math.round(1.005 * 100)).toBe(100); // the bug this avoids
    expect(eurosToCents(1.005)).toBe(101n);
    expect(eurosToCents(0.1 + 0.2)).toBe(30n);
    expect(eurosToCents(-2.675)).toBe(-268n);
    expect(eurosToCents(1234.5)).toBe(123_450n);
    expect(eurosToCents(1e-9)).toBe(0n);
    expect(() => eurosToCents(Number.NaN)).toThrow(RangeError);
  });

  it('divides cents half away from zero', () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(divideRounded(4n, 3n)).toBe(1n);
    expect(divideRounded(5n, 3n)).toBe(2n);
    expect(divideRounded(-7n, -2n)).toBe(4n);
    expect(() => divideRounded(1n, 0n)).toThrow(RangeError);
  });
});

describe('numbers and percentages', () => {
  it('in nl-BE and en', () => {
    expect(formatNumber(1234.567, 'nl')).toBe('1.234,57');
    expect(formatNumber('1234.567', 'en')).toBe('1,234.57');
    expect(formatNumber(12_345_678_901_234_567_890n, 'nl')).toBe('12.345.678.901.234.567.890');
    expect(formatFixed(1.5, 'nl', 2)).toBe('1,50');
    expect(formatPercent(0.256, 'nl')).toBe('26%');
    expect(formatPercent(0.2567, 'en', 1)).toBe('25.7%');
    expect(formatNumber(null, 'nl')).toBe('–');
    expect(formatPercent(Number.NaN, 'en')).toBe('–');
  });
});
