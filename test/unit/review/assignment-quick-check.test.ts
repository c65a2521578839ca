import { describe, expect, it } from 'vitest';
import {
  AssignmentInstanceSchema,
  isWellFormedInstance,
} from '../../../src/server/modules/assignment/assignment.schema';

const valid = {
  proposals: [{ id: 'p1', demand: 2 }],
  experts: [
    { id: 'e1', maxLoad: 3 },
    { id: 'e2', maxLoad: 3, minLoad: 1 },
  ],
  affinity: [{ proposal: 'p1', expert: 'e1', score: 0.5 }],
  conflicts: [{ proposal: 'p1', expert: 'e2' }],
  forced: [],
};

/** Variants of the valid instance, each changed in one place. */
const variants: [string, unknown][] = [
  ['the valid instance', valid],
  ['without optional lists', { proposals: valid.proposals, experts: valid.experts }],
  ['an unknown top-level key', { ...valid, extra: 1 }],
  ['proposals missing', { experts: valid.experts }],
  ['proposals not a list', { ...valid, proposals: {} }],
  ['an empty id', { ...valid, proposals: [{ id: '', demand: 1 }] }],
  ['an id of 201 characters', { ...valid, proposals: [{ id: 'x'.repeat(201), demand: 1 }] }],
  ['a demand as text', { ...valid, proposals: [{ id: 'p1', demand: '2' }] }],
  ['an extra key on a proposal', { ...valid, proposals: [{ id: 'p1', demand: 1, x: 1 }] }],
  ['an expert without maxLoad', { ...valid, experts: [{ id: 'e1' }] }],
  ['a minLoad as text', { ...valid, experts: [{ id: 'e1', maxLoad: 1, minLoad: '1' }] }],
  ['an affinity without score', { ...valid, affinity: [{ proposal: 'p1', expert: 'e1' }] }],
  [
    'an affinity with an extra key',
    { ...valid, affinity: [{ proposal: 'p1', expert: 'e1', score: 1, y: 2 }] },
  ],
  ['a conflict with a number id', { ...valid, conflicts: [{ proposal: 1, expert: 'e1' }] }],
  ['forced as an object', { ...valid, forced: {} }],
  ['null', null],
  ['a list', []],
];

describe('the quick check of an assignment instance', () => {
  it.each(variants)('accepts exactly what the schema accepts: %s', (_, value) => {
    expect(isWellFormedInstance(value)).toBe(AssignmentInstanceSchema.safeParse(value).success);
  });
  it('accepts the valid instance (so the comparison above is not vacuous)', () => {
    expect(isWellFormedInstance(valid)).toBe(true);
  });
});
