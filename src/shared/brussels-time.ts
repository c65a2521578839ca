/**
 * Europe/Brussels time, the one place that does it: UTC instants ↔ Brussels calendar dates and
 * wall-clock times, today's date, and dates and times formatted for people (nl-BE, en-GB).
 * Intl only, no Node imports: the server, the CLI and the web app all use this module.
 *
 * Daylight saving, decided here and nowhere else:
 * - the spring gap: on the last Sunday of March the clocks jump from 02:00 to 03:00, so a local
 *   time in [02:00, 03:00) does not exist. It is an error (`nonexistent`), never moved silently;
 * - the autumn hour: on the last Sunday of October the clocks fall back from 03:00 to 02:00, so a
 *   local time in [02:00, 03:00) happens twice, first at +02:00 (summer time), then at +01:00.
 *   It needs an explicit offset in the input ('2026-10-25T02:30+01:00') or an explicit choice
 *   (`ambiguous: 'earlier' | 'later'`); without one it is an error (`ambiguous`) that names
 *   both offsets, so the caller can ask which one was meant.
 */

export const BRUSSELS_TIME_ZONE = 'Europe/Brussels';

/** The languages people read the app in. */
export type Language = 'nl' | 'en';

const LOCALE_TAG: Record<Language, string> = { nl: 'nl-BE', en: 'en-GB' };

/** 'YYYY-MM-DDTHH:mm[:ss]' with an optional offset 'Z' or '±HH:MM'. */
const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

const WALL_CLOCK: Intl.DateTimeFormatOptions = {
  timeZone: BRUSSELS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
};

/** The Brussels wall clock at an instant, as a millisecond count read as if it were UTC. */
function wallMillis(instantMs: number): number {
  const parts: Record<string, string> = {};
  for (const part of formatterFor('en-GB', WALL_CLOCK).formatToParts(new Date(instantMs))) {
    parts[part.type] = part.value;
  }
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall + (((instantMs % 1000) + 1000) % 1000);
}

function toInstant(value: Date | string | number): Date {
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not an instant: ${String(value)}`);
  return instant;
}

/** Minutes Brussels is ahead of UTC at an instant: 60 in winter, 120 in summer. */
export function brusselsOffsetMinutes(instant: Date | string | number): number {
  const ms = toInstant(instant).getTime();
  return Math.round((wallMillis(ms) - ms) / MINUTE);
}

/** 60 → '+01:00', 120 → '+02:00', 0 → '+00:00'. */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

function parseUtcOffset(text: string): number {
  if (text === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  return sign * (Number(text.slice(1, 3)) * 60 + Number(text.slice(4, 6)));
}

/** Why a Brussels local date-time could not be turned into an instant. */
export type BrusselsTimeProblem =
  /** Not 'YYYY-MM-DDTHH:mm[:ss][offset]', or no such calendar day or time of day. */
  | 'malformed'
  /** In the spring gap: that wall-clock time never shows on a Brussels clock. */
  | 'nonexistent'
  /** In the autumn hour: it shows twice; `offsets` lists both ('+02:00' first). */
  | 'ambiguous'
  /** The input carries an offset Brussels did not have at that local time. */
  | 'offset-mismatch';

export class BrusselsTimeError extends Error {
  constructor(
    readonly problem: BrusselsTimeProblem,
    readonly local: string,
    /** The offsets Brussels had at that local time, e.g. ['+02:00', '+01:00'] for an ambiguous one. */
    readonly offsets: string[] = [],
  ) {
    super(
      `${problem} Europe/Brussels local time: ${local}${offsets.length ? ` (${offsets.join(' or ')})` : ''}`,
    );
    this.name = 'BrusselsTimeError';
  }
}

/** One occurrence of a local time: the instant and the offset Brussels had then. */
export interface BrusselsOccurrence {
  instant: Date;
  offsetMinutes: number;
  /** '+01:00' or '+02:00'. */
  offset: string;
}

/** What a Brussels wall-clock time is: once, never (the spring gap) or twice (the autumn hour). */
export type BrusselsLocalResolution =
  | { kind: 'exact'; occurrence: BrusselsOccurrence }
  | { kind: 'nonexistent' }
  | { kind: 'ambiguous'; earlier: BrusselsOccurrence; later: BrusselsOccurrence };

interface ParsedLocal {
  wall: number;
  offsetMinutes: number | null;
}

function parseLocal(local: string): ParsedLocal | null {
  const match = LOCAL_PATTERN.exec(local);
  if (!match) return null;
  const [y, mo, d, h, mi] = match.slice(1, 6).map(Number);
  const s = match[6] === undefined ? 0 : Number(match[6]);
  if (h > 23 || mi > 59 || s > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const probe = new Date(wall);
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  const offsetText = match[7];
  return { wall, offsetMinutes: offsetText === undefined ? null : parseUtcOffset(offsetText) };
}

/** True for a well-formed 'YYYY-MM-DDTHH:mm[:ss]' (optionally with an offset) that is a real calendar day and time. */
export function isLocalDateTime(value: string): boolean {
  return parseLocal(value) !== null;
}

function occurrence(instantMs: number): BrusselsOccurrence {
  const offsetMinutes = Math.round((wallMillis(instantMs) - instantMs) / MINUTE);
  return { instant: new Date(instantMs), offsetMinutes, offset: formatUtcOffset(offsetMinutes) };
}

function resolveWall(wall: number): BrusselsLocalResolution {
  // The offsets in force a day before and a day after cover every transition (they are days apart).
  const offsets = new Set([wallMillis(wall - DAY) - (wall - DAY), wallMillis(wall + DAY) - (wall + DAY)]);
  const instants = [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => wallMillis(instant) === wall)
    .sort((a, b) => a - b);
  if (instants.length === 0) return { kind: 'nonexistent' };
  if (instants.length === 1) return { kind: 'exact', occurrence: occurrence(instants[0]) };
  return { kind: 'ambiguous', earlier: occurrence(instants[0]), later: occurrence(instants[1]) };
}

/**
 * What a Brussels wall-clock time 'YYYY-MM-DDTHH:mm[:ss]' is: one instant, none (spring gap) or
 * two (autumn hour). An offset in the input is ignored here; see `brusselsLocalToInstant`.
 * Throws `BrusselsTimeError('malformed')` for text that is not a local date-time.
 */
export function resolveBrusselsLocal(local: string): BrusselsLocalResolution {
  const parsed = parseLocal(local);
  if (!parsed) throw new BrusselsTimeError('malformed', local);
  return resolveWall(parsed.wall);
}

export interface BrusselsLocalOptions {
  /**
   * For a local time in the autumn hour without an offset in the input: 'earlier' (+02:00),
   * 'later' (+01:00) or 'reject' (the default: throw `BrusselsTimeError('ambiguous')`).
   */
  ambiguous?: 'earlier' | 'later' | 'reject';
}

/**
 * A Brussels wall-clock time → the UTC instant. Accepts 'YYYY-MM-DDTHH:mm[:ss]' and the same with
 * an offset ('2026-10-25T02:30+01:00'), which must be one Brussels had at that local time.
 * Throws `BrusselsTimeError`: 'malformed', 'nonexistent' (spring gap, also with an offset),
 * 'ambiguous' (autumn hour without offset or choice) or 'offset-mismatch'.
 */
export function brusselsLocalToInstant(local: string, options: BrusselsLocalOptions = {}): Date {
  const parsed = parseLocal(local);
  if (!parsed) throw new BrusselsTimeError('malformed', local);
  const resolution = resolveWall(parsed.wall);
  if (resolution.kind === 'nonexistent') throw new BrusselsTimeError('nonexistent', local);
  const candidates =
    resolution.kind === 'exact' ? [resolution.occurrence] : [resolution.earlier, resolution.later];
  if (parsed.offsetMinutes !== null) {
    const chosen = candidates.find((c) => c.offsetMinutes === parsed.offsetMinutes);
    if (!chosen) {
      throw new BrusselsTimeError(
        'offset-mismatch',
        local,
        candidates.map((c) => c.offset),
      );
    }
    return chosen.instant;
  }
  if (resolution.kind === 'exact') return resolution.occurrence.instant;
  const choice = options.ambiguous ?? 'reject';
  if (choice === 'earlier') return resolution.earlier.instant;
  if (choice === 'later') return resolution.later.instant;
  throw new BrusselsTimeError('ambiguous', local, [resolution.earlier.offset, resolution.later.offset]);
}

/** A UTC instant → 'YYYY-MM-DDTHH:mm' on the Brussels wall clock (what a datetime-local input holds). */
export function instantToBrusselsLocal(instant: Date | string | number): string {
  return new Date(wallMillis(toInstant(instant).getTime())).toISOString().slice(0, 16);
}

/**
 * A UTC instant → 'YYYY-MM-DDTHH:mm+HH:MM': the Brussels wall clock with the offset it had, so
 * an answer about a time in the autumn hour says which of the two it is.
 */
export function instantToBrusselsLocalWithOffset(instant: Date | string | number): string {
  const date = toInstant(instant);
  return `${instantToBrusselsLocal(date)}${formatUtcOffset(brusselsOffsetMinutes(date))}`;
}

/** The calendar date in Brussels of an instant, 'YYYY-MM-DD'. */
export function brusselsDate(instant: Date | string | number): string {
  return instantToBrusselsLocal(instant).slice(0, 10);
}

/** Today's calendar date in Brussels, 'YYYY-MM-DD' (pass the clock's now to stay testable). */
export function brusselsToday(now: Date = new Date()): string {
  return brusselsDate(now);
}

/** True for 'YYYY-MM-DD' that is a real calendar day. */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [y, m, d] = match.slice(1).map(Number);
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

function dateMillis(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

/** The instant a Brussels calendar day begins (00:00 local; Brussels never changes clocks at midnight). */
export function startOfBrusselsDay(date: string): Date {
  return brusselsLocalToInstant(`${new Date(dateMillis(date)).toISOString().slice(0, 10)}T00:00`);
}

/** A calendar date plus a number of days (negative to go back), 'YYYY-MM-DD'. */
export function addDays(date: string, days: number): string {
  return new Date(dateMillis(date) + days * DAY).toISOString().slice(0, 10);
}

/** Whole days from calendar date a to calendar date b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dateMillis(b) - dateMillis(a)) / DAY);
}

/** The Monday of the ISO week of a calendar date. */
export function mondayOf(date: string): string {
  const weekday = new Date(dateMillis(date)).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** How a date is written: 'numeric' 29/03/2026, 'medium' 29 mrt 2026, 'long' 29 maart 2026. */
export type DateStyle = 'numeric' | 'medium' | 'long';

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  numeric: { day: '2-digit', month: '2-digit', year: 'numeric' },
  medium: { dateStyle: 'medium' },
  long: { dateStyle: 'long' },
};

const EMPTY = '–';

type DateInput = Date | string | number | null | undefined;

/**
 * A date for people. 'YYYY-MM-DD' is a calendar date and is shown as is; an instant (a Date, a
 * number or an ISO date-time) is shown as its calendar date in Brussels. Empty → '–'.
 */
export function formatDate(value: DateInput, language: Language, style: DateStyle = 'medium'): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  const date = typeof value === 'string' && DATE_PATTERN.test(value) ? value : brusselsDate(value);
  return formatterFor(LOCALE_TAG[language], { ...DATE_OPTIONS[style], timeZone: 'UTC' }).format(
    new Date(dateMillis(date)),
  );
}

/** An instant as a date and time on the Brussels clock, e.g. '29 mrt 2026, 14:05'. Empty → '–'. */
export function formatDateTime(value: DateInput, language: Language, style: DateStyle = 'medium'): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  return formatterFor(LOCALE_TAG[language], {
    ...DATE_OPTIONS[style],
    ...(style === 'numeric'
      ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
      : { timeStyle: 'short' }),
    timeZone: BRUSSELS_TIME_ZONE,
  }).format(toInstant(value));
}

/** An instant as a time on the Brussels clock, 'HH:mm' (24 hours in both languages). Empty → '–'. */
export function formatTime(value: DateInput, language: Language): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  return formatterFor(LOCALE_TAG[language], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: BRUSSELS_TIME_ZONE,
  }).format(toInstant(value));
}
