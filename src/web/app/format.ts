import i18n from 'i18next';
import * as time from '../../shared/brussels-time';
import * as money from '../../shared/money';
import { languageOf } from './language';

/**
 * The shared formats (src/shared/brussels-time.ts, src/shared/money.ts) in the language the
 * person reads the app in: nl-BE by default, en-GB in English. Instants are shown in Brussels.
 */
const language = (): time.Language => languageOf(i18n.language);

/** Money arrives as integer cents (string, number or bigint) and is formatted without floating point. */
export function formatCents(cents: string | number | bigint | null | undefined): string {
  return money.formatMoney(cents, language());
}

export function formatNumber(value: number | string | null | undefined, maximumFractionDigits = 2): string {
  return money.formatNumber(value, language(), maximumFractionDigits);
}

export function formatPercent(share: number | null | undefined, maximumFractionDigits = 0): string {
  return money.formatPercent(share, language(), maximumFractionDigits);
}

/** A calendar date 'YYYY-MM-DD' (no time zone shift), or an instant's date in Brussels. */
export function formatDate(date: string | null | undefined): string {
  return time.formatDate(date, language());
}

/** An instant, shown in Brussels time. */
export function formatDateTime(iso: string | null | undefined): string {
  return time.formatDateTime(iso, language());
}
