import fc from 'fast-check';

/** The part of a JSON Schema (as @fastify/swagger writes it from zod) that the generators read. */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  default?: unknown;
}

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

/** Strings an attacker or a broken client sends: NUL, lone surrogates, markup, SQL, huge, odd Unicode. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'a\u0000b',
    '\u0000',
    '\ud800',
    'x\udfffy',
    '\udc00\ud800',
    "'; drop table users; --",
    '<script>alert(1)</script>',
    "=cmd|' /C calc'!A0",
    '../../etc/passwd',
    '%00',
    '\u202e\u200b\ufeff',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀',
    ' ',
    '',
    'x'.repeat(100_000),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** Dates and instants outside any sane range or not dates at all. */
export const hostileDate: fc.Arbitrary<string> = fc.constantFrom(
  '0001-01-01',
  '9999-12-31',
  '0000-00-00',
  '2026-02-30',
  '1899-12-31',
  '2201-01-01',
  '+275760-09-13',
  '2026-13-01',
  '2027-03-28T02:30',
  '0001-01-01T00:00',
  '9999-12-31T23:59',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59+14:00',
  'yesterday',
);

/** Numbers that overflow integers, bigint columns or cent amounts, and fractions where integers belong. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    0.5,
    -0.000001,
    2 ** 31,
    2 ** 53,
    2 ** 63,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
    1e308,
    -1e308,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value of the wrong shape. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, [], {}, [null], { __proto__: null }, { constructor: 'x' }),
  fc.jsonValue({ maxDepth: 2 }),
);

function typesOf(schema: JsonSchema): string[] {
  if (schema.type) return [schema.type].flat();
  if (schema.enum) return ['enum'];
  if (schema.const !== undefined) return ['const'];
  if (schema.properties) return ['object'];
  return [];
}

/** Real ids of the database (any table) and ids that exist nowhere, for uuid fields. */
export interface IdPool {
  real: string[];
}

function idArbitrary(pool: IdPool): fc.Arbitrary<string> {
  return pool.real.length > 0
    ? fc.oneof(fc.constantFrom(...pool.real), fc.constant(MISSING_ID), fc.uuid())
    : fc.oneof(fc.constant(MISSING_ID), fc.uuid());
}

/** A value that fits the schema as far as a generator easily can (so requests get past the first check). */
export function plausibleValue(schema: JsonSchema, pool: IdPool, depth = 0): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0)
    return fc.oneof(...alternatives.map((alternative) => plausibleValue(alternative, pool, depth)));
  if (schema.allOf && schema.allOf.length > 0) return plausibleValue(schema.allOf[0], pool, depth);
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const types = typesOf(schema);
  if (types.length > 1)
    return fc.oneof(...types.map((type) => plausibleValue({ ...schema, type }, pool, depth)));
  switch (types[0]) {
    case 'string':
      if (schema.format === 'uuid') return idArbitrary(pool);
      if (schema.format === 'date') return fc.constantFrom('2026-06-30', '2027-01-01', '2025-12-31');
      if (schema.format === 'date-time')
        return fc.constantFrom('2026-12-01T10:00:00Z', '2027-02-01T09:00:00+01:00');
      if (schema.format === 'email') return fc.constantFrom('fuzz@example.org', 'a@b.be');
      if (schema.pattern) {
        const pattern = new RegExp(schema.pattern, 'u');
        const [min, max] = [schema.minLength ?? 0, schema.maxLength ?? Infinity];
        return fc.stringMatching(pattern).filter((value) => value.length >= min && value.length <= max);
      }
      return fc.string({
        minLength: Math.min(schema.minLength ?? 0, 20),
        maxLength: Math.max(Math.min(schema.maxLength ?? 30, 30), Math.min(schema.minLength ?? 0, 20)),
      });
    case 'integer': {
      const min = Math.max(schema.minimum ?? -1000, Number.MIN_SAFE_INTEGER);
      return fc.integer({ min, max: Math.min(schema.maximum ?? min + 2000, min + 2000) });
    }
    case 'number': {
      const min = Math.max(schema.minimum ?? -1000, -1e12);
      return fc.double({ min, max: Math.min(schema.maximum ?? min + 2000, min + 2000), noNaN: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      if (depth > 3 || !schema.items) return fc.constant([]);
      return fc.array(plausibleValue(schema.items, pool, depth + 1), {
        minLength: Math.min(schema.minItems ?? 0, 3),
        maxLength: 3,
      });
    case 'object': {
      if (depth > 3) return fc.constant({});
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(properties);
      const shape = Object.fromEntries(
        entries.map(([key, value]) => [key, plausibleValue(value, pool, depth + 1)]),
      );
      return fc.record(shape, { requiredKeys: [...required].filter((key) => key in properties) });
    }
    default:
      return wrongType;
  }
}

/** A value for a schema position that is hostile: wrong type, bad text, bad date, bad number, unknown id. */
export function hostileValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const types = typesOf(schema);
  const forStrings = schema.format === 'date' || schema.format === 'date-time' ? hostileDate : hostileString;
  const arbitraries: fc.Arbitrary<unknown>[] = [wrongType];
  if (types.includes('string') || types.includes('enum') || schema.anyOf)
    arbitraries.push(forStrings, hostileString);
  if (types.includes('integer') || types.includes('number')) arbitraries.push(hostileNumber);
  if (schema.format === 'uuid')
    arbitraries.push(fc.constantFrom(MISSING_ID, 'not-a-uuid', `${MISSING_ID}\u0000`));
  return fc.oneof(...arbitraries);
}

/** Every (path, schema) position inside an object schema, to mutate one of them. */
export function positionsOf(
  schema: JsonSchema,
  path: string[] = [],
  depth = 0,
): { path: string[]; schema: JsonSchema }[] {
  const here = { path, schema };
  if (depth > 3) return [here];
  const alternatives = schema.anyOf ?? schema.oneOf;
  const object = alternatives?.find((alternative) => alternative.properties) ?? schema;
  const nested = Object.entries(object.properties ?? {}).flatMap(([key, value]) =>
    positionsOf(value, [...path, key], depth + 1),
  );
  const items = schema.items ? positionsOf(schema.items, [...path, '0'], depth + 1) : [];
  return [here, ...nested, ...items];
}

function setAt(target: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(target)) {
    const copy = [...target];
    copy[Number(head)] = setAt(copy[Number(head)], rest, value);
    return copy;
  }
  const base = target !== null && typeof target === 'object' ? (target as Record<string, unknown>) : {};
  return { ...base, [head]: setAt(base[head], rest, value) };
}

/**
 * A body: a plausible one with one position made hostile, an unknown extra field, or a wholly
 * hostile value (most refusals happen deep inside a body that is otherwise valid).
 */
export function hostileBody(schema: JsonSchema, pool: IdPool): fc.Arbitrary<unknown> {
  const positions = positionsOf(schema);
  const mutated = fc
    .tuple(plausibleValue(schema, pool), fc.integer({ min: 0, max: positions.length - 1 }))
    .chain(([base, index]) =>
      hostileValue(positions[index].schema).map((value) => setAt(base, positions[index].path, value)),
    );
  const extraField = plausibleValue(schema, pool).map((base) =>
    base !== null && typeof base === 'object' && !Array.isArray(base) ? { ...base, 'x\u0000': 1 } : base,
  );
  return fc.oneof(
    { weight: 6, arbitrary: mutated },
    { weight: 2, arbitrary: plausibleValue(schema, pool) },
    { weight: 1, arbitrary: extraField },
    { weight: 1, arbitrary: wrongType },
  );
}
