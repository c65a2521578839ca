/**
 * Deadlines are stated in Europe/Brussels wall-clock time and stored as UTC instants. These two
 * functions convert between the two with Intl only, and settle the two daylight-saving cases:
 * - a local time that does not exist (the spring-forward gap, e.g. 02:30 on the last Sunday of
 *   March) is read with the offset before the gap, so it lands just after it (03:30 summer time);
 * - a local time that exists twice (the autumn fall-back hour) is the FIRST occurrence (summer
 *   time), the earlier instant, so a deadline never silently gets an extra hour.
 */
export const AGENCY_TIME_ZONE = 'Europe/Brussels';

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: AGENCY_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Wall-clock fields in Brussels of an instant, as a UTC-based millisecond count. */
function wallMillis(instantMs: number): number {
  const parts = Object.fromEntries(
    formatter.formatToParts(new Date(instantMs)).map((p) => [p.type, p.value]),
  );
  return Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
}

/** Offset of Brussels from UTC at an instant, in milliseconds (3 600 000 in winter, 7 200 000 in summer). */
export function brusselsOffsetMillis(instant: Date): number {
  const ms = Math.floor(instant.getTime() / 1000) * 1000;
  return wallMillis(ms) - ms;
}

export function isBrusselsLocal(value: string): boolean {
  const match = LOCAL_PATTERN.exec(value);
  if (!match) return false;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const probe = new Date(Date.UTC(y, mo - 1, d, h, mi, s || 0));
  return (
    probe.getUTCFullYear() === y &&
    probe.getUTCMonth() === mo - 1 &&
    probe.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    (s || 0) < 60
  );
}

/** 'YYYY-MM-DDTHH:mm[:ss]' in Brussels → the UTC instant (see the module comment for DST). */
export function brusselsLocalToInstant(local: string): Date {
  const match = LOCAL_PATTERN.exec(local);
  if (!match || !isBrusselsLocal(local)) throw new RangeError(`Not a local date-time: ${local}`);
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi, s || 0);
  const day = 86_400_000;
  const offsetBefore = wallMillis(wall - day) - (wall - day);
  const offsetAfter = wallMillis(wall + day) - (wall + day);
  const candidates = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => wall - offset)
    .filter((instant) => wallMillis(instant) === wall)
    .sort((a, b) => a - b);
  // Exists once or twice: the earliest. In the gap: read with the offset in force before it.
  return new Date(candidates.length > 0 ? candidates[0] : wall - offsetBefore);
}

/** A UTC instant → 'YYYY-MM-DDTHH:mm' in Brussels (what the editor shows and accepts). */
export function instantToBrusselsLocal(instant: Date | string): string {
  return new Date(wallMillis(new Date(instant).getTime())).toISOString().slice(0, 16);
}
