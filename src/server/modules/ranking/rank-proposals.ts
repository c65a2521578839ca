import { AppError, detail, type ErrorDetail } from '../../errors/app-error';
import type { BudgetRule, RankingReasonCode } from '../../../shared/selection-wording';

/**
 * The ranking rules of a call, as a pure function (the call's ranking page, the what-if budget
 * and `speerpunt rank` all use it).
 *
 * 1. Weighted total = Σ weight × consensus score per criterion. Scores and weights are rounded
 *    to 4 decimals and multiplied as integers (BigInt), so thresholds and ties compare exactly.
 * 2. A proposal is out when any criterion score is below that criterion's threshold or the
 *    total is below the overall threshold (reaching the threshold passes); each failure is a reason.
 * 3. Passing proposals are ordered by total (high first), then by the call's tie-break rules in
 *    their order, then by the final rule: earlier submission first, then the lower id
 *    (code-point order), so the order is always total and reproducible.
 * 4. Going down the list, proposals are funded while their requested aid fits the remaining
 *    budget, by the call's own budget rule:
 *    - `stop_at_first_misfit` (the default): the first one that does not fit stops funding, even
 *      when a later one would fit; it and the following ones form the reserve list;
 *    - `skip_to_next_fit`: one that does not fit goes to the reserve list and the next one that
 *      fits is funded.
 *    The reserve list holds at most `reserveSize` proposals when given; the rest are rejected.
 *    Reasons are codes with parameters (worded in the reader's language by
 *    `shared/selection-wording.ts`); the budget reasons name the rule that applied.
 */

export type TieBreakKind = 'criterion_score' | 'sme_budget_share' | 'requested_aid' | 'submitted_at';

export interface RankingCriterion {
  code: string;
  name?: string;
  nameEn?: string;
  weight: number;
  threshold?: number | null;
  scaleMin?: number;
  scaleMax?: number;
}

export interface TieBreakRule {
  kind: TieBreakKind;
  /** The criterion code, only for `criterion_score`. */
  criterion?: string;
  direction: 'desc' | 'asc';
}

export interface RankingProposal {
  id: string;
  title?: string;
  scores: Record<string, number>;
  requestedCents: number;
  /** Share of the requested aid going to SMEs, 0..1. */
  smeBudgetShare?: number;
  /** ISO instant of submission. */
  submittedAt?: string | null;
}

export interface RankingInput {
  criteria: RankingCriterion[];
  overallThreshold?: number | null;
  tieBreakRules?: TieBreakRule[];
  budgetCents: number;
  /** How the budget is spent down the list; `stop_at_first_misfit` when omitted. */
  budgetRule?: BudgetRule;
  reserveSize?: number | null;
  proposals: RankingProposal[];
}

export type RankingStatus = 'funded' | 'reserve' | 'rejected';

export interface RankingReason {
  code: RankingReasonCode;
  params: Record<string, string | number>;
}

export interface RankedProposal {
  rank: number | null;
  id: string;
  title: string | null;
  total: number;
  scores: Record<string, number>;
  status: RankingStatus;
  passesThresholds: boolean;
  requestedCents: number;
  /** Sum of the requested aid of this and all funded proposals above it (funded only). */
  cumulativeCents: number | null;
  reasons: RankingReason[];
  /** When this proposal has the same total as the one above it: the rule that put it below. */
  tieBreak: { above: string; rule: string } | null;
}

export interface RankingResult {
  budgetCents: number;
  budgetRule: BudgetRule;
  fundedCents: number;
  remainingCents: number;
  counts: Record<RankingStatus, number>;
  ranking: RankedProposal[];
}

const DECIMALS = 4;
const UNIT = 10n ** BigInt(DECIMALS);

/** A decimal number as an integer count of 10^-4 (rounded half away from zero). */
function toUnits(value: number): bigint {
  return BigInt(Math.round(value * Number(UNIT)));
}

export function ruleLabel(rule: TieBreakRule | 'final'): string {
  if (rule === 'final') return 'final_rule';
  return rule.kind === 'criterion_score' ? `criterion_score:${rule.criterion}` : rule.kind;
}

/** Checks the input; every problem becomes one detail. */
export function validateRankingInput(input: RankingInput): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const codes = new Map<string, RankingCriterion>();
  input.criteria.forEach((c, i) => {
    if (codes.has(c.code))
      problems.push(
        detail(
          `criteria.${i}.code`,
          'duplicate_id',
          `Dubbel criterium "${c.code}".`,
          `Duplicate criterion "${c.code}".`,
        ),
      );
    codes.set(c.code, c);
    if (!(c.weight > 0) || !Number.isFinite(c.weight))
      problems.push(
        detail(
          `criteria.${i}.weight`,
          'invalid_weight',
          `Het gewicht van "${c.code}" moet groter dan 0 zijn.`,
          `The weight of "${c.code}" must be above 0.`,
        ),
      );
    if (c.scaleMin !== undefined && c.scaleMax !== undefined && c.scaleMax <= c.scaleMin) {
      problems.push(
        detail(
          `criteria.${i}.scaleMax`,
          'invalid_scale',
          `De schaal van "${c.code}" is leeg.`,
          `The scale of "${c.code}" is empty.`,
        ),
      );
    }
  });
  if (input.criteria.length === 0)
    problems.push(
      detail(
        'criteria',
        'no_criteria',
        'Er is minstens één criterium nodig.',
        'At least one criterion is needed.',
      ),
    );
  (input.tieBreakRules ?? []).forEach((rule, i) => {
    if (rule.kind === 'criterion_score' && (!rule.criterion || !codes.has(rule.criterion))) {
      problems.push(
        detail(
          `tieBreakRules.${i}.criterion`,
          'unknown_criterion',
          `Onbekend criterium "${rule.criterion ?? ''}" in de beslisregel.`,
          `Unknown criterion "${rule.criterion ?? ''}" in the tie-break rule.`,
        ),
      );
    }
  });
  if (!Number.isSafeInteger(input.budgetCents) || input.budgetCents < 0)
    problems.push(
      detail(
        'budgetCents',
        'invalid_amount',
        'Het budget moet een geheel aantal cent ≥ 0 zijn.',
        'The budget must be a whole number of cents ≥ 0.',
      ),
    );
  if (
    input.reserveSize !== undefined &&
    input.reserveSize !== null &&
    (!Number.isInteger(input.reserveSize) || input.reserveSize < 0)
  ) {
    problems.push(
      detail(
        'reserveSize',
        'invalid_reserve_size',
        'De reservelijst moet een geheel getal ≥ 0 zijn.',
        'The reserve size must be a whole number ≥ 0.',
      ),
    );
  }
  const ids = new Set<string>();
  input.proposals.forEach((p, i) => {
    if (ids.has(p.id))
      problems.push(
        detail(
          `proposals.${i}.id`,
          'duplicate_id',
          `Dubbel voorstel-id "${p.id}".`,
          `Duplicate proposal id "${p.id}".`,
        ),
      );
    ids.add(p.id);
    for (const [code, score] of Object.entries(p.scores)) {
      const criterion = codes.get(code);
      if (!criterion) {
        problems.push(
          detail(
            `proposals.${i}.scores.${code}`,
            'unknown_criterion',
            `Onbekend criterium "${code}".`,
            `Unknown criterion "${code}".`,
          ),
        );
        continue;
      }
      const low = criterion.scaleMin ?? -Infinity;
      const high = criterion.scaleMax ?? Infinity;
      if (!Number.isFinite(score) || score < low || score > high) {
        problems.push(
          detail(
            `proposals.${i}.scores.${code}`,
            'score_out_of_scale',
            `Score ${score} voor "${code}" ligt buiten de schaal.`,
            `Score ${score} for "${code}" is outside the scale.`,
          ),
        );
      }
    }
    for (const code of codes.keys()) {
      if (!(code in p.scores))
        problems.push(
          detail(
            `proposals.${i}.scores.${code}`,
            'missing_score',
            `Geen score voor "${code}".`,
            `No score for "${code}".`,
          ),
        );
    }
    if (!Number.isSafeInteger(p.requestedCents) || p.requestedCents < 0)
      problems.push(
        detail(
          `proposals.${i}.requestedCents`,
          'invalid_amount',
          'Het gevraagde bedrag moet een geheel aantal cent ≥ 0 zijn.',
          'The requested amount must be a whole number of cents ≥ 0.',
        ),
      );
    if (p.smeBudgetShare !== undefined && !(p.smeBudgetShare >= 0 && p.smeBudgetShare <= 1)) {
      problems.push(
        detail(
          `proposals.${i}.smeBudgetShare`,
          'invalid_share',
          'Het kmo-aandeel ligt tussen 0 en 1.',
          'The SME share lies between 0 and 1.',
        ),
      );
    }
    if (p.submittedAt && Number.isNaN(Date.parse(p.submittedAt))) {
      problems.push(
        detail(
          `proposals.${i}.submittedAt`,
          'invalid_instant',
          'Ongeldig tijdstip van indiening.',
          'Invalid submission instant.',
        ),
      );
    }
  });
  return problems;
}

interface Scored {
  proposal: RankingProposal;
  units: Map<string, bigint>;
  total: bigint;
  reasons: RankingReason[];
}

/** Ranks the proposals; `budgetCents` overrides the input's budget (what-if) without touching anything else. */
export function rankProposals(input: RankingInput, options: { budgetCents?: number } = {}): RankingResult {
  const budgetCents = options.budgetCents ?? input.budgetCents;
  const problems = validateRankingInput({ ...input, budgetCents });
  if (problems.length > 0) throw new AppError('RANKING_INPUT_INVALID', { details: problems });

  const scored: Scored[] = input.proposals.map((proposal) => {
    const units = new Map<string, bigint>();
    let total = 0n;
    const reasons: RankingReason[] = [];
    for (const criterion of input.criteria) {
      const score = toUnits(proposal.scores[criterion.code]);
      units.set(criterion.code, score);
      total += score * toUnits(criterion.weight);
      if (
        criterion.threshold !== undefined &&
        criterion.threshold !== null &&
        score < toUnits(criterion.threshold)
      ) {
        const value = proposal.scores[criterion.code];
        reasons.push({
          code: 'below_criterion_threshold',
          params: {
            criterion: criterion.code,
            ...(criterion.name ? { criterionName: criterion.name } : {}),
            ...(criterion.nameEn ? { criterionNameEn: criterion.nameEn } : {}),
            score: value,
            threshold: criterion.threshold,
          },
        });
      }
    }
    if (
      input.overallThreshold !== undefined &&
      input.overallThreshold !== null &&
      total < toUnits(input.overallThreshold) * UNIT
    ) {
      reasons.push({
        code: 'below_overall_threshold',
        params: { total: Number(total) / Number(UNIT * UNIT), threshold: input.overallThreshold },
      });
    }
    return { proposal, units, total, reasons };
  });

  const rules = input.tieBreakRules ?? [];
  /** Negative when a comes first. Returns the deciding rule too. */
  const compare = (a: Scored, b: Scored): [number, string | null] => {
    if (a.total !== b.total) return [a.total > b.total ? -1 : 1, null];
    for (const rule of rules) {
      let x: number | bigint;
      let y: number | bigint;
      if (rule.kind === 'criterion_score') {
        x = a.units.get(rule.criterion ?? '') ?? 0n;
        y = b.units.get(rule.criterion ?? '') ?? 0n;
      } else if (rule.kind === 'sme_budget_share') {
        x = toUnits(a.proposal.smeBudgetShare ?? 0);
        y = toUnits(b.proposal.smeBudgetShare ?? 0);
      } else if (rule.kind === 'requested_aid') {
        x = a.proposal.requestedCents;
        y = b.proposal.requestedCents;
      } else {
        // Missing submission instants sort last whatever the direction.
        x = a.proposal.submittedAt ? Date.parse(a.proposal.submittedAt) : Number.MAX_SAFE_INTEGER;
        y = b.proposal.submittedAt ? Date.parse(b.proposal.submittedAt) : Number.MAX_SAFE_INTEGER;
      }
      if (x !== y) {
        const ascending = x < y ? -1 : 1;
        return [rule.direction === 'asc' ? ascending : -ascending, ruleLabel(rule)];
      }
    }
    const timeA = a.proposal.submittedAt ? Date.parse(a.proposal.submittedAt) : Number.MAX_SAFE_INTEGER;
    const timeB = b.proposal.submittedAt ? Date.parse(b.proposal.submittedAt) : Number.MAX_SAFE_INTEGER;
    if (timeA !== timeB) return [timeA < timeB ? -1 : 1, 'final_rule'];
    return [a.proposal.id < b.proposal.id ? -1 : a.proposal.id > b.proposal.id ? 1 : 0, 'final_rule'];
  };

  const passing = scored.filter((s) => s.reasons.length === 0).sort((a, b) => compare(a, b)[0]);
  const failing = scored
    .filter((s) => s.reasons.length > 0)
    .sort((a, b) =>
      a.total !== b.total ? (a.total > b.total ? -1 : 1) : a.proposal.id < b.proposal.id ? -1 : 1,
    );

  const present = (
    s: Scored,
    rank: number | null,
    status: RankingStatus,
    cumulativeCents: number | null,
    tieBreak: RankedProposal['tieBreak'],
  ): RankedProposal => ({
    rank,
    id: s.proposal.id,
    title: s.proposal.title ?? null,
    total: Number(s.total) / Number(UNIT * UNIT),
    scores: { ...s.proposal.scores },
    status,
    passesThresholds: s.reasons.length === 0,
    requestedCents: s.proposal.requestedCents,
    cumulativeCents,
    reasons: s.reasons,
    tieBreak,
  });

  const ranking: RankedProposal[] = [];
  const rule: BudgetRule = input.budgetRule ?? 'stop_at_first_misfit';
  const reserveLimit = input.reserveSize ?? Infinity;
  let spent = 0;
  /** Rank of the first proposal that did not fit (stops funding under `stop_at_first_misfit`). */
  let stoppedAtRank: number | null = null;
  let reserveCount = 0;
  passing.forEach((s, index) => {
    const rank = index + 1;
    const above = index > 0 ? passing[index - 1] : null;
    const tieBreak =
      above && above.total === s.total
        ? { above: above.proposal.id, rule: compare(above, s)[1] ?? 'final_rule' }
        : null;
    const requested = s.proposal.requestedCents;
    const stopped = rule === 'stop_at_first_misfit' && stoppedAtRank !== null;
    if (!stopped && spent + requested <= budgetCents) {
      spent += requested;
      const entry = present(s, rank, 'funded', spent, tieBreak);
      entry.reasons.push({ code: 'within_budget', params: { cumulativeCents: spent, budgetCents, rule } });
      ranking.push(entry);
      return;
    }
    const remainingCents = budgetCents - spent;
    const budgetReason: RankingReason = stopped
      ? {
          code: 'funding_stopped',
          params: { requestedCents: requested, remainingCents, stoppedAtRank: stoppedAtRank ?? rank, rule },
        }
      : { code: 'does_not_fit', params: { requestedCents: requested, remainingCents, rule } };
    if (stoppedAtRank === null) stoppedAtRank = rank;
    if (reserveCount < reserveLimit) {
      reserveCount++;
      const entry = present(s, rank, 'reserve', null, tieBreak);
      budgetReason.params.reservePosition = reserveCount;
      entry.reasons.push(budgetReason);
      ranking.push(entry);
      return;
    }
    const entry = present(s, rank, 'rejected', null, tieBreak);
    entry.reasons.push(budgetReason, { code: 'below_reserve_list', params: { reserveSize: reserveLimit } });
    ranking.push(entry);
  });
  for (const s of failing) ranking.push(present(s, null, 'rejected', null, null));

  const counts: Record<RankingStatus, number> = { funded: 0, reserve: 0, rejected: 0 };
  for (const r of ranking) counts[r.status]++;
  return {
    budgetCents,
    budgetRule: rule,
    fundedCents: spent,
    remainingCents: budgetCents - spent,
    counts,
    ranking,
  };
}
