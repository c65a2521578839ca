import { instantToBrusselsLocal } from '../modules/calls/brussels-time';

/**
 * Text formats of printed documents (PDF), Belgian conventions: dd/mm/yyyy, 24-hour Brussels
 * time, a decimal comma and a point between thousands (nl-BE), the euro sign in front.
 */
export type DocumentLanguage = 'nl' | 'en';

/** '2026-11-29T08:44:00Z' → '29/11/2026 09:44' (Brussels wall-clock time). */
export function formatDateTime(instant: Date | string): string {
  const local = instantToBrusselsLocal(instant);
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

/** An instant's calendar day in Brussels, or a 'YYYY-MM-DD' date, as dd/mm/yyyy. */
export function formatDate(value: Date | string): string {
  const local = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : instantToBrusselsLocal(value);
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
}

function group(integerDigits: string, separator: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * A number with at most `decimals` decimals (trailing zeros dropped unless `fixed`), in the
 * document language: 1.234,5 (nl) or 1,234.5 (en).
 */
export function formatNumber(
  value: number | null | undefined,
  options: { decimals?: number; fixed?: boolean; lang?: DocumentLanguage } = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const decimals = options.decimals ?? 2;
  const [thousands, decimal] = options.lang === 'en' ? [',', '.'] : ['.', ','];
  const fixed = Math.abs(value).toFixed(decimals);
  let [integer, fraction = ''] = fixed.split('.');
  if (!options.fixed) fraction = fraction.replace(/0+$/, '');
  const sign = value < 0 && Number(fixed) !== 0 ? '−' : '';
  return `${sign}${group(integer, thousands)}${fraction ? `${decimal}${fraction}` : ''}`;
}

/** A share (0.25) as a percentage: 25,0 %. */
export function formatPercent(share: number | null | undefined, lang: DocumentLanguage = 'nl'): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  return `${formatNumber(share * 100, { decimals: 1, fixed: true, lang })} %`;
}

/** Integer cents → € 1.234,56 (exact: no floating point on the way). */
export function formatEuro(cents: number | bigint | string | null | undefined, lang: DocumentLanguage = 'nl'): string {
  if (cents === null || cents === undefined || cents === '') return '–';
  const value = BigInt(cents);
  const absolute = value < 0n ? -value : value;
  const [thousands, decimal] = lang === 'en' ? [',', '.'] : ['.', ','];
  const euros = group(String(absolute / 100n), thousands);
  return `${value < 0n ? '−' : ''}€ ${euros}${decimal}${String(absolute % 100n).padStart(2, '0')}`;
}
