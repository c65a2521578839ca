/** NACE Rev. 2 (NACE-BEL 2008) sections by division range: the section of a code is decided by its first two digits. */
export const NACE_SECTION_RANGES: [string, number, number][] = [
  ['A', 1, 3],
  ['B', 5, 9],
  ['C', 10, 33],
  ['D', 35, 35],
  ['E', 36, 39],
  ['F', 41, 43],
  ['G', 45, 47],
  ['H', 49, 53],
  ['I', 55, 56],
  ['J', 58, 63],
  ['K', 64, 66],
  ['L', 68, 68],
  ['M', 69, 75],
  ['N', 77, 82],
  ['O', 84, 84],
  ['P', 85, 85],
  ['Q', 86, 88],
  ['R', 90, 93],
  ['S', 94, 96],
  ['T', 97, 98],
  ['U', 99, 99],
];

export function sectionOfDivision(division: number): string | null {
  return NACE_SECTION_RANGES.find(([, from, to]) => division >= from && division <= to)?.[0] ?? null;
}

/** The same mapping as a SQL CASE over an integer division expression. */
export function sectionCaseSql(divisionExpression: string): string {
  const branches = NACE_SECTION_RANGES.map(
    ([section, from, to]) => `when ${divisionExpression} between ${from} and ${to} then '${section}'`,
  );
  return `case
    ${branches.join(' ')}
    else '?' end`;
}

/**
 * Flemish Region from a Belgian postcode: 1500–3999 and 8000–9999. Brussels (1000–1299) and
 * Wallonia (1300–1499, 4000–7999) are excluded.
 */
export function isFlemishPostcode(zipcode: string | null): boolean {
  if (!zipcode || !/^\d{4}$/.test(zipcode.trim())) return false;
  const code = Number(zipcode.trim());
  return (code >= 1500 && code <= 3999) || (code >= 8000 && code <= 9999);
}
