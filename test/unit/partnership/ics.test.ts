import { describe, expect, it } from 'vitest';
import { brusselsDate, brusselsLocalToInstant, mondayOf } from '../../../src/shared/brussels-time';
import { buildIcs, escapeText, foldLine, formatUtc } from '../../../src/server/modules/partnership/ics';

/** Undoes folding as a calendar client does (RFC 5545 §3.1). */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe('iCalendar writer (RFC 5545)', () => {
  it('escapes backslash, semicolon, comma and newlines in TEXT', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds long lines at 75 octets with a leading space, and unfolding restores them', () => {
    const line = `SUMMARY:${'x'.repeat(200)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .slice(1)
        .every((p) => p.startsWith(' ')),
    ).toBe(true);
    expect(unfold(folded)).toBe(line);
  });

  it('never splits a multi-byte UTF-8 character', () => {
    const line = `DESCRIPTION:${'é'.repeat(100)}€`;
    const parts = foldLine(line).split('\r\n');
    for (const part of parts) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
    }
    expect(unfold(foldLine(line))).toBe(line);
  });

  it('writes instants in UTC with Z', () => {
    expect(formatUtc(new Date('2026-03-05T09:30:00+01:00'))).toBe('20260305T083000Z');
  });

  it('builds a calendar with CRLF line ends, timed and all-day events', () => {
    const text = buildIcs({
      name: 'Speerpunt – Mieke',
      stamp: new Date('2026-11-27T10:00:00Z'),
      timed: [
        {
          uid: 'm1@speerpunt',
          summary: 'Stuurgroep Flux50; Q4, 2026',
          location: 'Brussel',
          start: new Date('2026-12-01T09:00:00Z'),
          end: new Date('2026-12-01T11:00:00Z'),
        },
      ],
      allDay: [{ uid: 'a1@speerpunt', summary: 'Actie: roadmap', date: '2026-12-31' }],
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const lines = unfold(text).split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('SUMMARY:Stuurgroep Flux50\\; Q4\\, 2026');
    expect(lines).toContain('DTSTART:20261201T090000Z');
    expect(lines).toContain('DTSTAMP:20261127T100000Z');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261231');
    expect(lines).toContain('DTEND;VALUE=DATE:20270101');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });
});

describe('Brussels dates', () => {
  it('converts wall-clock times in winter and summer', () => {
    expect(brusselsLocalToInstant('2026-01-15T10:00').toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(brusselsLocalToInstant('2026-07-15T10:00').toISOString()).toBe('2026-07-15T08:00:00.000Z');
    expect(brusselsLocalToInstant('2026-03-29T12:00').toISOString()).toBe('2026-03-29T10:00:00.000Z');
  });

  it('takes the calendar date in Brussels, not in UTC', () => {
    expect(brusselsDate(new Date('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
    expect(mondayOf('2026-11-27')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
  });
});
