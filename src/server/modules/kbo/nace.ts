/**
 * NACE Rev. 2 (NACE-BEL 2008) divisions → sections, for the sector analysis: a five-digit
 * NACE-BEL code starts with its two-digit division. NACE 2025 (Rev. 2.1) keeps most divisions;
 * codes whose division is unknown give null.
 */
const RANGES: [number, number, string][] = [
  [1, 3, 'A'],
  [5, 9, 'B'],
  [10, 33, 'C'],
  [35, 35, 'D'],
  [36, 39, 'E'],
  [41, 43, 'F'],
  [45, 47, 'G'],
  [49, 53, 'H'],
  [55, 56, 'I'],
  [58, 63, 'J'],
  [64, 66, 'K'],
  [68, 68, 'L'],
  [69, 75, 'M'],
  [77, 82, 'N'],
  [84, 84, 'O'],
  [85, 85, 'P'],
  [86, 88, 'Q'],
  [90, 93, 'R'],
  [94, 96, 'S'],
  [97, 98, 'T'],
  [99, 99, 'U'],
];

export function naceSectionOf(code: string): string | null {
  const division = Number(code.replace(/\D/g, '').slice(0, 2));
  if (!Number.isInteger(division)) return null;
  return RANGES.find(([from, to]) => division >= from && division <= to)?.[2] ?? null;
}

/** Flemish Region postcodes: 1500–3999 and 8000–9999 (Brussels is 1000–1299, Wallonia the rest). */
export function isFlemishPostcode(zipcode: string | null): boolean {
  const value = Number(zipcode);
  return Number.isInteger(value) && ((value >= 1500 && value <= 3999) || (value >= 8000 && value <= 9999));
}
