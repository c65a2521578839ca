/**
 * Any value as plain text, for table cells, CSV, comparisons of free-form answers: '' for null
 * and undefined, an ISO string for a Date, JSON for objects and arrays (never '[object Object]').
 */
export function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) return value.message;
  return JSON.stringify(value) ?? '';
}
