import i18n from 'i18next';

/** nl-BE (or en-GB) formats; instants are always shown in Europe/Brussels. */
const TIME_ZONE = 'Europe/Brussels';
const localeTag = () => (i18n.language === 'en' ? 'en-GB' : 'nl-BE');

/** Money arrives as integer cents (string or number) and is formatted without floating point. */
export function formatCents(cents: string | number | bigint | null | undefined): string {
  if (cents === null || cents === undefined || cents === '') return '–';
  const value = BigInt(cents);
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const euros = absolute / 100n;
  const rest = String(absolute % 100n).padStart(2, '0');
  const grouped = new Intl.NumberFormat(localeTag()).format(euros);
  const decimal = localeTag() === 'nl-BE' ? ',' : '.';
  return `${negative ? '-' : ''}€ ${grouped}${decimal}${rest}`;
}

export function formatNumber(value: number | string | null | undefined, maximumFractionDigits = 2): string {
  if (value === null || value === undefined || value === '') return '–';
  return new Intl.NumberFormat(localeTag(), { maximumFractionDigits }).format(Number(value));
}

export function formatPercent(share: number | null | undefined, maximumFractionDigits = 0): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  return new Intl.NumberFormat(localeTag(), { style: 'percent', maximumFractionDigits }).format(share);
}

/** A calendar date 'YYYY-MM-DD' (no time zone shift). */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '–';
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(localeTag(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** An instant, shown in Brussels time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(localeTag(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}
