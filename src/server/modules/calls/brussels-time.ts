import { isLocalDateTime, resolveBrusselsLocal } from '../../../shared/brussels-time';

export { instantToBrusselsLocal } from '../../../shared/brussels-time';

/** 'YYYY-MM-DDTHH:mm[:ss]' without an offset, a real calendar day and time. */
export function isBrusselsLocal(value: string): boolean {
  return isLocalDateTime(value) && !/(Z|[+-]\d{2}:\d{2})$/.test(value);
}

/** 'YYYY-MM-DDTHH:mm[:ss]' in Brussels → the UTC instant (the autumn hour: the earlier one). */
export function brusselsLocalToInstant(local: string): Date {
  const resolution = resolveBrusselsLocal(local);
  if (resolution.kind === 'exact') return resolution.occurrence.instant;
  if (resolution.kind === 'ambiguous') return resolution.earlier.instant;
  // In the spring gap: read with the winter offset, so it lands an hour later in summer time.
  return new Date(Date.parse(`${local}Z`) - 3_600_000);
}
