/**
 * Integer cents as euro text without floating point: nl `€ 276.000,00`, en `€276,000.00`.
 * Pure string arithmetic so the server (PDF, letters) and the web app word money alike.
 */
export function formatEuroCents(cents: number | bigint, language: 'nl' | 'en' = 'nl'): string {
  const value = BigInt(cents);
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const euros = String(absolute / 100n);
  const rest = String(absolute % 100n).padStart(2, '0');
  const separator = language === 'nl' ? '.' : ',';
  const grouped = euros.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  const sign = negative ? '-' : '';
  return language === 'nl' ? `${sign}€ ${grouped},${rest}` : `${sign}€${grouped}.${rest}`;
}
