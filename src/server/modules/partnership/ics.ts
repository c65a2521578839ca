/**
 * A small iCalendar (RFC 5545) writer: enough for a subscription feed of meetings and deadlines.
 * Lines end in CRLF, are folded at 75 octets (never inside a UTF-8 character), TEXT values are
 * escaped, instants are written in UTC ("Z") and deadlines as all-day dates.
 */
export interface IcsTimedEvent {
  uid: string;
  summary: string;
  description?: string;
  location?: string;
  start: Date;
  /** Absent for a point in time (a deadline): DTSTART only, which RFC 5545 reads as zero length. */
  end?: Date;
  url?: string;
}

export interface IcsAllDayEvent {
  uid: string;
  summary: string;
  description?: string;
  /** 'YYYY-MM-DD' */
  date: string;
  url?: string;
}

export interface IcsCalendar {
  name: string;
  /** DTSTAMP of every event: when the feed was produced. */
  stamp: Date;
  timed: IcsTimedEvent[];
  allDay: IcsAllDayEvent[];
}

/** Escapes a TEXT value (§3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A URI value is not TEXT (no backslash escapes); only line breaks, never valid in a URI, are dropped. */
function escapeUri(value: string): string {
  return value.replace(/[\r\n]/g, '');
}

/** Folds one content line (§3.1): at most 75 octets per line, continuation lines start with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let currentBytes = 0;
  let limit = 75;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (currentBytes + bytes > limit) {
      out.push(current);
      current = ' ';
      currentBytes = 1;
      limit = 75;
    }
    current += char;
    currentBytes += bytes;
  }
  out.push(current);
  return out.join('\r\n');
}

/** An instant as a UTC DATE-TIME: 20261127T143000Z. */
export function formatUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** A calendar date as DATE: 20261127. */
export function formatDateValue(date: string): string {
  return date.replace(/-/g, '');
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function buildIcs(calendar: IcsCalendar): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Speerpunt//Calendar//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
  ];
  const stamp = formatUtc(calendar.stamp);
  for (const event of calendar.timed) {
    lines.push('BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${stamp}`, `DTSTART:${formatUtc(event.start)}`);
    if (event.end) lines.push(`DTEND:${formatUtc(event.end)}`);
    lines.push(`SUMMARY:${escapeText(event.summary)}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.url) lines.push(`URL:${escapeUri(event.url)}`);
    lines.push('END:VEVENT');
  }
  for (const event of calendar.allDay) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${formatDateValue(event.date)}`,
      `DTEND;VALUE=DATE:${formatDateValue(nextDay(event.date))}`,
      `SUMMARY:${escapeText(event.summary)}`,
      'TRANSP:TRANSPARENT',
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.url) lines.push(`URL:${escapeUri(event.url)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
