/**
 * Belgian enterprise numbers (KBO/BCE): 10 digits, first digit 0 or 1, and the last two digits
 * equal 97 - (first eight digits mod 97). Accepts `BE 0123.456.749`, `0123.456.749`,
 * `0123456749` and the old nine-digit form `123456749`; the canonical form is ten bare digits.
 */
export type EnterpriseNumberResult =
  { ok: true; value: string } | { ok: false; reason: 'format' | 'first_digit' | 'check_digits' };

export function parseEnterpriseNumber(input: string): EnterpriseNumberResult {
  const compact = input
    .trim()
    .toUpperCase()
    .replace(/^BE/, '')
    .replace(/[\s.\-/]/g, '');
  if (!/^\d{9,10}$/.test(compact)) return { ok: false, reason: 'format' };
  const digits = compact.length === 9 ? `0${compact}` : compact;
  if (digits[0] !== '0' && digits[0] !== '1') return { ok: false, reason: 'first_digit' };
  const body = Number(digits.slice(0, 8));
  const check = Number(digits.slice(8));
  if (97 - (body % 97) !== check) return { ok: false, reason: 'check_digits' };
  return { ok: true, value: digits };
}

/** The printed form: 0123.456.749. */
export function formatEnterpriseNumber(canonical: string): string {
  return `${canonical.slice(0, 4)}.${canonical.slice(4, 7)}.${canonical.slice(7)}`;
}

/** Builds a valid number from eight leading digits (demo data and generators). */
export function enterpriseNumberFrom(firstEight: number): string {
  const body = String(firstEight).padStart(8, '0');
  const check = 97 - (Number(body) % 97);
  return body + String(check).padStart(2, '0');
}
