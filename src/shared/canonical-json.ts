/**
 * JSON with object keys sorted at every level, so that the same value always gives the same
 * text (jsonb does not keep key order). Used for the audit hash chain.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(normalise(value)));
}

/** What a value looks like after a JSON round trip (Dates become ISO strings, undefined drops). */
export function normalise(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort())
      sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}
