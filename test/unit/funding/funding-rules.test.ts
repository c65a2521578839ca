import { describe, expect, it } from 'vitest';
import {
  deMinimisHeadroom,
  deMinimisUsage,
  fitsLinePurpose,
  multiplyCents,
  shiftYears,
  splitCents,
} from '../../../src/server/modules/funding/funding-rules';

const EUR = 100;

describe('de minimis rolling window', () => {
  it('counts aid in the three years up to the grant date, not older aid', () => {
    const aids = [
      { grantedOn: '2023-06-01', amountCents: 200_000 * EUR },
      { grantedOn: '2024-01-10', amountCents: 50_000 * EUR },
    ];
    expect(deMinimisUsage(aids, '2026-06-01', 3)).toBe(50_000 * EUR); // 2023-06-01 is exactly three years back: out
    expect(deMinimisUsage(aids, '2026-05-31', 3)).toBe(250_000 * EUR);
  });

  it('counts later aid in any window that contains the new grant', () => {
    const aids = [
      { grantedOn: '2025-01-01', amountCents: 100_000 * EUR },
      { grantedOn: '2027-06-01', amountCents: 150_000 * EUR },
    ];
    // A grant on 2025-03-01 sits in the window ending 2027-06-01 together with both.
    expect(deMinimisUsage(aids, '2025-03-01', 3)).toBe(250_000 * EUR);
    expect(deMinimisHeadroom(aids, '2025-03-01', 300_000 * EUR, 3).headroomCents).toBe(50_000 * EUR);
  });

  it('allows aid up to the ceiling exactly and never reports negative headroom', () => {
    const aids = [{ grantedOn: '2025-01-01', amountCents: 310_000 * EUR }];
    expect(deMinimisHeadroom([], '2025-01-01', 300_000 * EUR, 3)).toEqual({
      ceilingCents: 30_000_000,
      windowYears: 3,
      usedCents: 0,
      headroomCents: 30_000_000,
    });
    expect(deMinimisHeadroom(aids, '2025-02-01', 300_000 * EUR, 3).headroomCents).toBe(0);
  });

  it('shifts 29 February to 28 February in a common year', () => {
    expect(shiftYears('2024-02-29', -3)).toBe('2021-02-28');
    expect(shiftYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});

describe('money arithmetic', () => {
  it('splits cents exactly', () => {
    expect(splitCents(100, 3)).toEqual([34, 33, 33]);
    expect(splitCents(5, 2).reduce((a, b) => a + b, 0)).toBe(5);
  });
  it('multiplies by a ratio without floating point, rounding half up', () => {
    expect(multiplyCents(123_456_789, '1')).toBe(123_456_789);
    expect(multiplyCents(3, '0.5')).toBe(2);
    expect(multiplyCents(10_000_000_001, '0.3333')).toBe(3_333_000_000);
  });
});

describe('ring-fencing', () => {
  const project = (projectKind: 'cluster_project' | 'inter_cluster_project', clusterIds = ['a']) => ({
    kind: 'project' as const,
    projectKind,
    clusterIds,
    callId: null,
  });
  it('keeps earmarked money to its purpose and clusters', () => {
    const inter = {
      purpose: 'inter_cluster_projects' as const,
      isRingFenced: true,
      callId: null,
      clusterIds: [],
    };
    expect(fitsLinePurpose(inter, project('inter_cluster_project', ['a', 'b']))).toBe(true);
    expect(fitsLinePurpose(inter, project('cluster_project'))).toBe(false);
    expect(fitsLinePurpose({ ...inter, isRingFenced: false }, project('cluster_project'))).toBe(true);
    const base = { purpose: 'base_operations' as const, isRingFenced: true, callId: null, clusterIds: ['a'] };
    expect(fitsLinePurpose(base, { kind: 'base_operations', clusterIds: ['a'] })).toBe(true);
    expect(fitsLinePurpose(base, { kind: 'base_operations', clusterIds: ['b'] })).toBe(false);
    const call = { purpose: 'call' as const, isRingFenced: true, callId: 'c1', clusterIds: [] };
    expect(fitsLinePurpose(call, { ...project('cluster_project'), callId: 'c1' })).toBe(true);
    expect(fitsLinePurpose(call, { ...project('cluster_project'), callId: 'c2' })).toBe(false);
  });
});

describe('euro input in the web app (the shared parser the funding forms use)', async () => {
  const { parseMoneyToNumber: eurosToCents } = await import('../../../src/shared/money');
  it('parses euros to cents without floating point and refuses the rest', () => {
    expect(eurosToCents('1234,56')).toBe(123_456);
    expect(eurosToCents('0.1')).toBe(10);
    expect(eurosToCents('300000')).toBe(30_000_000);
    // Dutch input is understood (the shared money module parses nl and en).
    expect(eurosToCents('1.234,56')).toBe(123_456);
    expect(eurosToCents('-5')).toBeNull();
    // A separator followed by exactly three digits groups thousands (src/shared/money.ts).
    expect(eurosToCents('1,005')).toBe(100_500);
    expect(eurosToCents('twaalf euro')).toBeNull();
  });
});
