import { describe, expect, it } from 'vitest';
import {
  brusselsLocalToInstant,
  instantToBrusselsLocal,
  isBrusselsLocal,
} from '../../../src/server/modules/calls/brussels-time';

describe('Brussels local time ↔ UTC instants', () => {
  it('uses winter time (UTC+1) and summer time (UTC+2)', () => {
    expect(brusselsLocalToInstant('2027-01-15T17:00').toISOString()).toBe('2027-01-15T16:00:00.000Z');
    expect(brusselsLocalToInstant('2027-07-15T17:00').toISOString()).toBe('2027-07-15T15:00:00.000Z');
  });

  it('spring forward (28 March 2027): times before and after the gap', () => {
    expect(brusselsLocalToInstant('2027-03-28T01:59').toISOString()).toBe('2027-03-28T00:59:00.000Z');
    expect(brusselsLocalToInstant('2027-03-28T03:00').toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(brusselsLocalToInstant('2027-03-28T03:30').toISOString()).toBe('2027-03-28T01:30:00.000Z');
  });

  it('spring forward: a time in the gap (02:30 does not exist) lands just after it', () => {
    const instant = brusselsLocalToInstant('2027-03-28T02:30');
    expect(instant.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(instantToBrusselsLocal(instant)).toBe('2027-03-28T03:30');
  });

  it('fall back (31 October 2027): the repeated hour is its first occurrence', () => {
    expect(brusselsLocalToInstant('2027-10-31T02:30').toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(brusselsLocalToInstant('2027-10-31T03:30').toISOString()).toBe('2027-10-31T02:30:00.000Z');
    expect(instantToBrusselsLocal(new Date('2027-10-31T00:30:00Z'))).toBe('2027-10-31T02:30');
    expect(instantToBrusselsLocal(new Date('2027-10-31T01:30:00Z'))).toBe('2027-10-31T02:30');
  });

  it('round-trips every hour of a DST year', () => {
    for (let t = Date.UTC(2027, 0, 1); t < Date.UTC(2028, 0, 1); t += 3_600_000) {
      const local = instantToBrusselsLocal(new Date(t));
      const back = brusselsLocalToInstant(local).getTime();
      // Only the second occurrence of the repeated autumn hour maps back one hour earlier.
      expect([t, t - 3_600_000]).toContain(back);
    }
  });

  it('refuses malformed and impossible dates', () => {
    expect(isBrusselsLocal('2027-02-30T10:00')).toBe(false);
    expect(isBrusselsLocal('2027-02-03 10:00')).toBe(false);
    expect(() => brusselsLocalToInstant('tomorrow')).toThrow(RangeError);
  });
});
