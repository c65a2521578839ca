/**
 * Pure funding rules: no database, no clock. Money is integer cents throughout; ratios are
 * decimal strings with at most four decimals, multiplied with BigInt so nothing is rounded twice.
 */
import type { FundingPurpose } from './funding.tables';

export type ProjectKind = 'cluster_project' | 'inter_cluster_project';

/** What a commitment pays for: base operations of a cluster, or a project of a kind. */
export type CommitmentTarget =
  | { kind: 'base_operations'; clusterIds: string[] }
  | { kind: 'project'; projectKind: ProjectKind; clusterIds: string[]; callId: string | null };

export interface LineForRules {
  purpose: FundingPurpose;
  isRingFenced: boolean;
  callId: string | null;
  /** Clusters the line serves; empty means every cluster. */
  clusterIds: string[];
}

/**
 * Ring-fencing: an earmarked line pays only for its purpose, and (when it names clusters) only
 * targets of which every cluster is one it serves. A line that is not ring-fenced pays for anything.
 */
export function fitsLinePurpose(line: LineForRules, target: CommitmentTarget): boolean {
  if (!line.isRingFenced) return true;
  const purposeFits =
    line.purpose === 'base_operations'
      ? target.kind === 'base_operations'
      : line.purpose === 'cluster_projects'
        ? target.kind === 'project' && target.projectKind === 'cluster_project'
        : line.purpose === 'inter_cluster_projects'
          ? target.kind === 'project' && target.projectKind === 'inter_cluster_project'
          : target.kind === 'project' && target.callId !== null && target.callId === line.callId;
  if (!purposeFits) return false;
  if (line.clusterIds.length === 0) return true;
  const served = new Set(line.clusterIds);
  return target.clusterIds.every((id) => served.has(id));
}

/** '1.25' → 12500n (ten-thousandths). Refuses anything that is not a plain non-negative decimal. */
export function ratioToTenThousandths(ratio: string): bigint {
  const match = /^(\d{1,4})(?:\.(\d{1,4}))?$/.exec(ratio.trim());
  if (!match) throw new Error(`Not a ratio: ${ratio}`);
  return BigInt(match[1]) * 10_000n + BigInt((match[2] ?? '').padEnd(4, '0'));
}

/** cents × ratio, rounded half up to a whole cent. */
export function multiplyCents(cents: number, ratio: string): number {
  const scaled = BigInt(cents) * ratioToTenThousandths(ratio);
  return Number((scaled + 5_000n) / 10_000n);
}

/** Splits an amount over n parts exactly; the first parts get the leftover cents. */
export function splitCents(total: number, parts: number): number[] {
  if (parts <= 0) return [];
  const base = Math.floor(total / parts);
  const rest = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < rest ? 1 : 0));
}

/** 'YYYY-MM-DD' shifted by whole years; 29 February becomes 28 February in a common year. */
export function shiftYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const year = y + years;
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !isLeap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface AidEntry {
  grantedOn: string;
  amountCents: number;
}

/**
 * De minimis aid already granted that counts against new aid on `on`: the highest total in any
 * window of `windowYears` years (ending on day X, covering (X − windowYears, X]) that contains
 * `on`. Totals only rise at grant dates, so X = `on` and the later grant dates inside the window
 * are the only candidates. Aid recorded for future dates therefore also counts.
 */
export function deMinimisUsage(aids: AidEntry[], on: string, windowYears: number): number {
  const horizon = shiftYears(on, windowYears);
  const ends = [on, ...aids.filter((a) => a.grantedOn > on && a.grantedOn < horizon).map((a) => a.grantedOn)];
  let highest = 0;
  for (const end of ends) {
    const start = shiftYears(end, -windowYears);
    const total = aids
      .filter((a) => a.grantedOn > start && a.grantedOn <= end)
      .reduce((sum, a) => sum + a.amountCents, 0);
    highest = Math.max(highest, total);
  }
  return highest;
}

export interface Headroom {
  ceilingCents: number;
  windowYears: number;
  usedCents: number;
  /** What may still be granted on that day; 0 when the undertaking is at or over the ceiling. */
  headroomCents: number;
}

export function deMinimisHeadroom(
  aids: AidEntry[],
  on: string,
  ceilingCents: number,
  windowYears: number,
): Headroom {
  const usedCents = deMinimisUsage(aids, on, windowYears);
  return { ceilingCents, windowYears, usedCents, headroomCents: Math.max(0, ceilingCents - usedCents) };
}

/** Co-funding per euro of public money, e.g. 1.25; null when nothing is committed. */
export function cofundingRatio(cofundingCents: number, publicCents: number): number | null {
  return publicCents > 0 ? Math.round((cofundingCents / publicCents) * 10_000) / 10_000 : null;
}

export function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}
