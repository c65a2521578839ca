/**
 * Money and numbers, the one place that does it. Amounts are integer euro cents everywhere
 * (bigint in the database; `number` while within 2^53, `bigint` or a digit string beyond), are
 * never carried in floating-point euros, and are shown as nl-BE `€ 276.000,00` or en
 * `€276,000.00`. Intl only, no Node imports: the server, the CLI and the web app all use this.
 *
 * Rounding, where a value must become whole cents (or whole euros for display), is half away
 * from zero on the decimal value as written: 1.005 euro → 101 cents, -0.5 cent → -1 cent.
 */
import type { Language } from './brussels-time';

export type { Language } from './brussels-time';

/** Cents as the database and the API carry them. */
export type CentsInput = bigint | number | string;

const EMPTY = '–';

/** Exact integer cents as a bigint; throws on a fraction, NaN or a non-integer string. */
export function toCents(value: CentsInput): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`Not a whole number of cents: ${value}`);
    return BigInt(value);
  }
  if (!/^-?\d+$/.test(value.trim())) throw new RangeError(`Not a whole number of cents: ${value}`);
  return BigInt(value.trim());
}

/** Cents as a `number`, for code that keeps amounts as numbers; throws beyond 2^53. */
export function centsToNumber(value: CentsInput): number {
  const cents = toCents(value);
  const result = Number(cents);
  if (!Number.isSafeInteger(result)) throw new RangeError(`Amount too large for a number: ${cents} cents`);
  return result;
}

/** numerator / denominator rounded half away from zero (bigint-exact). */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('Division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  // floor(n/d + 1/2), in integers: exact halves go up, away from zero once the sign is back.
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}

function groupDigits(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

const SEPARATORS: Record<Language, { group: string; decimal: string; symbol: string }> = {
  nl: { group: '.', decimal: ',', symbol: '€ ' },
  en: { group: ',', decimal: '.', symbol: '€' },
};

export interface FormatMoneyOptions {
  /** 2 (the default) shows cents; 0 rounds to whole euros (half away from zero). */
  decimals?: 0 | 2;
  /** Without the € sign: '276.000,00'. */
  symbol?: boolean;
}

/**
 * Cents for people: nl `€ 276.000,00`, `-€ 1.234,56`; en `€276,000.00`. Exact for any size.
 * Empty (null, undefined, '') → '–'.
 */
export function formatMoney(
  cents: CentsInput | null | undefined,
  language: Language,
  options: FormatMoneyOptions = {},
): string {
  if (cents === null || cents === undefined || cents === '') return EMPTY;
  const { group, decimal, symbol } = SEPARATORS[language];
  const decimals = options.decimals ?? 2;
  const value = decimals === 0 ? divideRounded(toCents(cents), 100n) * 100n : toCents(cents);
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const euros = groupDigits(String(absolute / 100n), group);
  const rest = decimals === 0 ? '' : `${decimal}${String(absolute % 100n).padStart(2, '0')}`;
  return `${negative ? '-' : ''}${options.symbol === false ? '' : symbol}${euros}${rest}`;
}

/** Cents → an exact machine-readable euro string, '-1234.56' (CSV cells, API text, mails to systems). */
export function centsToDecimalString(cents: CentsInput): string {
  const value = toCents(cents);
  const absolute = value < 0n ? -value : value;
  return `${value < 0n ? '-' : ''}${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`;
}

/** Cents → euros as a number, for spreadsheet cells with a number format (exact below 2^53 cents). */
export function centsToEuroNumber(cents: CentsInput): number {
  return Number(centsToDecimalString(cents));
}

/** The decimal value of a plain number string ('-12.345') as cents, rounded half away from zero. */
function decimalToCents(sign: string, whole: string, fraction: string): bigint {
  const padded = fraction.padEnd(2, '0');
  let cents = BigInt(whole || '0') * 100n + BigInt(padded.slice(0, 2));
  if (padded.length > 2 && Number(padded[2]) >= 5) cents += 1n;
  return sign === '-' ? -cents : cents;
}

/**
 * Euros held as a floating-point number (a chart value, a KPI in euro) → cents, rounded half away
 * from zero on the number as written (1.005 → 101, which `Math.round(1.005 * 100)` gets wrong).
 */
export function eurosToCents(euros: number): bigint {
  if (!Number.isFinite(euros)) throw new RangeError(`Not an amount: ${euros}`);
  const text = Math.abs(euros) < 1e21 ? String(Math.abs(euros)) : '';
  const plain = /^(\d+)(?:\.(\d+))?$/.exec(text);
  // Tiny numbers print as 1e-7: less than a cent, so whatever they are they round to zero.
  if (!plain) {
    if (Math.abs(euros) < 0.005) return 0n;
    throw new RangeError(`Amount too large: ${euros}`);
  }
  return decimalToCents(euros < 0 ? '-' : '', plain[1], plain[2] ?? '');
}

export interface ParseMoneyOptions {
  /** More than two decimals: 'reject' (the default: not an amount) or 'round' half away from zero. */
  extraDecimals?: 'reject' | 'round';
  /** Accept a minus sign (default false: amounts people type are not negative). */
  allowNegative?: boolean;
}

/** A well-formed group of thousands: 1-3 digits, then groups of exactly three. */
function groupsOk(groups: string[]): boolean {
  return /^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

/**
 * An amount typed by a person, in Dutch or English notation → cents, or null when it is not one.
 * Accepts '1234,56', '1234.56', '1.234,56', '1,234.56', '1 234,56', '€ 276.000', '276.000 EUR',
 * '€276,000.00'. A single separator followed by exactly three digits groups thousands
 * ('276.000' and '276,000' are both 276 000 euro: money has no third decimal); followed by one
 * or two digits it is the decimal separator.
 */
export function parseMoney(input: string, options: ParseMoneyOptions = {}): bigint | null {
  let text = input
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .replace(/^(€|EUR|euro)\s*|\s*(€|EUR|euro)$/gi, '')
    .trim();
  let sign = '';
  if (/^[-−]/.test(text)) {
    if (!options.allowNegative) return null;
    sign = '-';
    text = text
      .slice(1)
      .replace(/^\s*€?\s*/, '')
      .trim();
  }
  if (!/^\d[\d., ']*$/.test(text) || /[., ']$/.test(text)) return null;
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let whole: string;
  let fraction = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalAt = Math.max(lastDot, lastComma);
    const group = decimalAt === lastDot ? ',' : '.';
    fraction = text.slice(decimalAt + 1);
    const head = text.slice(0, decimalAt);
    if (!/^\d+$/.test(fraction) || head.includes(text[decimalAt])) return null;
    if (!groupsOk(head.split(new RegExp(`[${group === '.' ? '.' : ','} ']`)))) return null;
    whole = head.replace(/[., ']/g, '');
  } else {
    const separator = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
    const parts = separator === null ? [text] : text.split(separator);
    const last = parts[parts.length - 1];
    if (separator !== null && parts.length === 2 && !/^\d{3}$/.test(last)) {
      // One separator, not followed by a group of three: the decimal separator.
      fraction = last;
      if (!/^\d+$/.test(fraction)) return null;
      const head = parts[0];
      if (/[ ']/.test(head) && !groupsOk(head.split(/[ ']/))) return null;
      whole = head.replace(/[ ']/g, '');
    } else {
      const groups = text.split(/[., ']/);
      if (groups.length > 1 && !groupsOk(groups)) return null;
      whole = groups.join('');
    }
  }
  if (!/^\d+$/.test(whole)) return null;
  if (fraction.length > 2 && (options.extraDecimals ?? 'reject') === 'reject') return null;
  return decimalToCents(sign, whole, fraction);
}

/** `parseMoney` for code that keeps cents as numbers: null also when beyond 2^53 cents. */
export function parseMoneyToNumber(input: string, options: ParseMoneyOptions = {}): number | null {
  const cents = parseMoney(input, options);
  if (cents === null) return null;
  const result = Number(cents);
  return Number.isSafeInteger(result) ? result : null;
}

const LOCALE_TAG: Record<Language, string> = { nl: 'nl-BE', en: 'en-GB' };
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE_TAG[language], options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A plain number for people: nl 1.234,5; en 1,234.5 (at most `maximumFractionDigits`). Empty → '–'. */
export function formatNumber(
  value: number | string | bigint | null | undefined,
  language: Language,
  maximumFractionDigits = 2,
): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'bigint') return numberFormat(language, { maximumFractionDigits }).format(value);
  const number = Number(value);
  if (!Number.isFinite(number)) return EMPTY;
  return numberFormat(language, { maximumFractionDigits }).format(number);
}

/** A number with a fixed count of decimals: nl 1,25; en 1.25. Empty → '–'. */
export function formatFixed(
  value: number | null | undefined,
  language: Language,
  fractionDigits: number,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY;
  return numberFormat(language, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** A share (0.25) as a percentage: nl 25%, en 25%. Empty or not finite → '–'. */
export function formatPercent(
  share: number | null | undefined,
  language: Language,
  maximumFractionDigits = 0,
): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return EMPTY;
  return numberFormat(language, { style: 'percent', maximumFractionDigits }).format(share);
}
