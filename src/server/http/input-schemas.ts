import { z } from 'zod';

/** Dates before 1900 or after 2200 are typing errors (0001-01-01, 9999-12-31), never real dates here. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** True when a value starting with a four-digit year (YYYY-…) lies within the sane range. */
export function hasSaneYear(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

export const saneYear = {
  message: `Expected a year between ${MIN_YEAR} and ${MAX_YEAR}`,
  params: { nl: `Verwacht een jaar tussen ${MIN_YEAR} en ${MAX_YEAR}.` },
};

/** A calendar date 'YYYY-MM-DD' with a year between 1900 and 2200. */
export const CalendarDate = z.iso.date().refine(hasSaneYear, saneYear);

/** An instant in ISO 8601 with an offset, with a year between 1900 and 2200. */
export const Instant = z.iso.datetime({ offset: true }).refine(hasSaneYear, saneYear);

/** A date that may lie further back (an organisation founded in 1425), still not after 2200. */
export const HistoricDate = z.iso
  .date()
  .refine((value) => Number(value.slice(0, 4)) >= 1000 && Number(value.slice(0, 4)) <= MAX_YEAR, {
    message: `Expected a year between 1000 and ${MAX_YEAR}`,
    params: { nl: `Verwacht een jaar tussen 1000 en ${MAX_YEAR}.` },
  });
