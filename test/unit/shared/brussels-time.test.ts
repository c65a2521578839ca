import { describe, expect, it } from 'vitest';
import {
  BrusselsTimeError,
  addDays,
  brusselsDate,
  brusselsLocalToInstant,
  brusselsOffsetMinutes,
  brusselsToday,
  daysBetween,
  formatDate,
  formatDateTime,
  formatTime,
  instantToBrusselsLocal,
  instantToBrusselsLocalWithOffset,
  isCalendarDate,
  isLocalDateTime,
  mondayOf,
  resolveBrusselsLocal,
  startOfBrusselsDay,
} from '../../../src/shared/brussels-time';

function problemOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof BrusselsTimeError) return `${error.problem} ${error.offsets.join(',')}`.trim();
    throw error;
  }
}

describe('the spring night of 2026 (29 March: 02:00 → 03:00)', () => {
  it('02:30 does not exist, with or without an offset', () => {
    expect(resolveBrusselsLocal('2026-03-29T02:30')).toEqual({ kind: 'nonexistent' });
    expect(problemOf(() => brusselsLocalToInstant('2026-03-29T02:30'))).toBe('nonexistent');
    expect(problemOf(() => brusselsLocalToInstant('2026-03-29T02:30+01:00'))).toBe('nonexistent');
    expect(problemOf(() => brusselsLocalToInstant('2026-03-29T02:00'))).toBe('nonexistent');
    expect(problemOf(() => brusselsLocalToInstant('2026-03-29T02:59:59'))).toBe('nonexistent');
  });

  it('the minutes around the gap exist once, in winter and in summer time', () => {
    expect(brusselsLocalToInstant('2026-03-29T01:59').toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(brusselsLocalToInstant('2026-03-29T03:00').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(brusselsOffsetMinutes('2026-03-29T00:59:59Z')).toBe(60);
    expect(brusselsOffsetMinutes('2026-03-29T01:00:00Z')).toBe(120);
  });

  it('the clock reads 01:59 then 03:00', () => {
    expect(instantToBrusselsLocal('2026-03-29T00:59:00Z')).toBe('2026-03-29T01:59');
    expect(instantToBrusselsLocal('2026-03-29T01:00:00Z')).toBe('2026-03-29T03:00');
  });
});

describe('the autumn night of 2026 (25 October: 03:00 → 02:00)', () => {
  it('02:30 happens twice, first at +02:00 and an hour later at +01:00', () => {
    const resolution = resolveBrusselsLocal('2026-10-25T02:30');
    expect(resolution.kind).toBe('ambiguous');
    if (resolution.kind !== 'ambiguous') return;
    expect(resolution.earlier.instant.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(resolution.earlier.offset).toBe('+02:00');
    expect(resolution.later.instant.toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(resolution.later.offset).toBe('+01:00');
  });

  it('without an offset or a choice it is refused, naming both offsets', () => {
    expect(problemOf(() => brusselsLocalToInstant('2026-10-25T02:30'))).toBe('ambiguous +02:00,+01:00');
    expect(problemOf(() => brusselsLocalToInstant('2026-10-25T02:00'))).toBe('ambiguous +02:00,+01:00');
  });

  it('an explicit offset or choice picks one occurrence', () => {
    expect(brusselsLocalToInstant('2026-10-25T02:30+02:00').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(brusselsLocalToInstant('2026-10-25T02:30+01:00').toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(brusselsLocalToInstant('2026-10-25T02:30', { ambiguous: 'earlier' }).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(brusselsLocalToInstant('2026-10-25T02:30', { ambiguous: 'later' }).toISOString()).toBe(
      '2026-10-25T01:30:00.000Z',
    );
  });

  it('an offset Brussels did not have then is refused', () => {
    expect(problemOf(() => brusselsLocalToInstant('2026-10-25T02:30+03:00'))).toBe(
      'offset-mismatch +02:00,+01:00',
    );
    expect(problemOf(() => brusselsLocalToInstant('2026-07-01T12:00+01:00'))).toBe('offset-mismatch +02:00');
    expect(problemOf(() => brusselsLocalToInstant('2026-07-01T12:00Z'))).toBe('offset-mismatch +02:00');
  });

  it('01:59 and 03:00 exist once', () => {
    expect(brusselsLocalToInstant('2026-10-25T01:59').toISOString()).toBe('2026-10-24T23:59:00.000Z');
    expect(brusselsLocalToInstant('2026-10-25T03:00').toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('shows both occurrences with their offset', () => {
    expect(instantToBrusselsLocal('2026-10-25T00:30:00Z')).toBe('2026-10-25T02:30');
    expect(instantToBrusselsLocal('2026-10-25T01:30:00Z')).toBe('2026-10-25T02:30');
    expect(instantToBrusselsLocalWithOffset('2026-10-25T00:30:00Z')).toBe('2026-10-25T02:30+02:00');
    expect(instantToBrusselsLocalWithOffset('2026-10-25T01:30:00Z')).toBe('2026-10-25T02:30+01:00');
  });
});

describe('round trips', () => {
  it('every quarter hour of both nights comes back to the same instant through local time with offset', () => {
    for (const start of ['2026-03-28T20:00:00Z', '2026-10-24T20:00:00Z']) {
      for (let step = 0; step < 4 * 12; step++) {
        const instant = new Date(Date.parse(start) + step * 15 * 60_000);
        const local = instantToBrusselsLocalWithOffset(instant);
        expect(brusselsLocalToInstant(local).toISOString()).toBe(instant.toISOString());
      }
    }
  });
});

describe('Brussels calendar dates', () => {
  it("the date flips at Brussels midnight, not UTC's", () => {
    expect(brusselsDate('2026-03-28T22:59:00Z')).toBe('2026-03-28');
    expect(brusselsDate('2026-03-28T23:00:00Z')).toBe('2026-03-29');
    expect(brusselsDate('2026-10-24T21:59:00Z')).toBe('2026-10-24');
    expect(brusselsDate('2026-10-24T22:00:00Z')).toBe('2026-10-25');
    expect(brusselsToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('a Brussels day starts at local midnight, also on the DST days', () => {
    expect(startOfBrusselsDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfBrusselsDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfBrusselsDay('2026-10-26').getTime() - startOfBrusselsDay('2026-10-25').getTime()).toBe(
      25 * 3_600_000,
    );
  });

  it('calendar arithmetic ignores the clock changes', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-28', '2026-10-26')).toBe(212);
    expect(daysBetween('2026-10-26', '2026-03-28')).toBe(-212);
    expect(mondayOf('2026-03-29')).toBe('2026-03-23');
    expect(mondayOf('2026-03-30')).toBe('2026-03-30');
  });

  it('tells well-formed dates and local date-times from others', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isLocalDateTime('2026-03-29T02:30')).toBe(true);
    for (const bad of ['2026-02-30T10:00', '2026-03-29 10:00', '2026-03-29T24:00', '2026-03-29T10:60', '']) {
      expect(isLocalDateTime(bad)).toBe(false);
      expect(problemOf(() => brusselsLocalToInstant(bad))).toBe('malformed');
    }
  });
});

describe('formatting for people', () => {
  it('calendar dates are shown as they are, instants as their Brussels date', () => {
    expect(formatDate('2026-03-29', 'nl', 'numeric')).toBe('29/03/2026');
    expect(formatDate('2026-03-29', 'nl')).toBe('29 mrt 2026');
    expect(formatDate('2026-03-29', 'en')).toBe('29 Mar 2026');
    expect(formatDate('2026-03-29', 'nl', 'long')).toBe('29 maart 2026');
    expect(formatDate(new Date('2026-10-24T22:30:00Z'), 'nl', 'numeric')).toBe('25/10/2026');
    expect(formatDate('2026-10-24T22:30:00Z', 'en', 'numeric')).toBe('25/10/2026');
  });

  it('date-times and times are on the Brussels clock, 24 hours', () => {
    expect(formatDateTime('2026-10-25T00:30:00Z', 'nl')).toBe('25 okt 2026, 02:30');
    expect(formatDateTime('2026-10-25T01:30:00Z', 'nl')).toBe('25 okt 2026, 02:30');
    expect(formatDateTime('2026-07-01T12:05:00Z', 'en')).toBe('1 Jul 2026, 14:05');
    expect(formatDateTime('2026-07-01T12:05:00Z', 'nl', 'numeric')).toBe('01/07/2026, 14:05');
    expect(formatTime('2026-03-29T01:00:00Z', 'nl')).toBe('03:00');
    expect(formatTime('2026-01-15T16:45:00Z', 'en')).toBe('17:45');
  });

  it('empty values show a dash', () => {
    expect(formatDate(null, 'nl')).toBe('–');
    expect(formatDateTime(undefined, 'en')).toBe('–');
    expect(formatTime('', 'nl')).toBe('–');
  });
});
