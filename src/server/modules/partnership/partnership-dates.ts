import { resolveBrusselsLocal } from '../../../shared/brussels-time';

/** A wall-clock time in Brussels ('YYYY-MM-DDTHH:mm') → the UTC instant (the autumn hour: the later one). */
export function brusselsLocalToInstant(local: string): Date {
  const resolution = resolveBrusselsLocal(local);
  if (resolution.kind === 'exact') return resolution.occurrence.instant;
  if (resolution.kind === 'ambiguous') return resolution.later.instant;
  // In the spring gap: read with the winter offset, so it lands an hour later in summer time.
  return new Date(Date.parse(`${local}Z`) - 3_600_000);
}

export function toIso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return new Date(value).toISOString();
}
