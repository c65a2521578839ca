import type { Actor } from './actor';

/** Analysts work without personal data: they see roles and pseudonyms, never names or e-mail addresses. */
export function seesPersonalData(actor: Actor | null): boolean {
  return actor !== null && actor.role !== 'analyst';
}

/** "Expert A", "Expert B", … "Expert Z", "Expert AA": a stable label for the n-th person (0-based). */
export function pseudonym(prefix: string, index: number): string {
  let label = '';
  let n = index;
  do {
    label = String.fromCharCode(65 + (n % 26)) + label;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return `${prefix} ${label}`;
}

/** The role shown instead of a person's name (the audit trail's and histories' "who"). */
export function roleLabel(role: string | null | undefined): string {
  return role ?? 'system';
}
