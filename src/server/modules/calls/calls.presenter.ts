import type { CallDetail } from './calls.repository';
import type { CallDefinition } from './calls.schema';
import { instantToBrusselsLocal } from './brussels-time';

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null);
const local = (value: Date | string | null | undefined) => (value ? instantToBrusselsLocal(value) : null);
const num = (value: string | number | null) => (value === null ? null : Number(value));

interface CallTimes {
  status: string;
  opens_at: Date | null;
  closes_at: Date | null;
}

/** Open, opened and not yet closed by the server clock: proposals can be started and submitted. */
export function isAcceptingProposals(call: CallTimes, now: Date): boolean {
  return (
    call.status === 'open' &&
    call.opens_at !== null &&
    call.closes_at !== null &&
    call.opens_at.getTime() <= now.getTime() &&
    now.getTime() < call.closes_at.getTime()
  );
}

/** The editable definition, in the editor's shape (also the before/after of audit rows and amendments). */
export function definitionOf(detail: CallDetail): CallDefinition {
  const { call } = detail;
  const criterionCode = new Map(detail.criteria.map((c) => [c.id, c.code]));
  return {
    code: call.code,
    kind: call.kind,
    titleNl: call.title_nl,
    titleEn: call.title_en,
    summaryNl: call.summary_nl,
    summaryEn: call.summary_en,
    descriptionNl: call.description_nl,
    descriptionEn: call.description_en,
    budgetEnvelopeCents: Number(call.budget_envelope_cents),
    opensAtLocal: local(call.opens_at),
    closesAtLocal: local(call.closes_at),
    evaluationStartsAtLocal: local(call.evaluation_starts_at),
    decisionAtLocal: local(call.decision_at),
    overallThreshold: num(call.overall_threshold),
    budgetRule: call.budget_rule,
    reviewsPerProposal: call.reviews_per_proposal,
    themeIds: detail.themes.map((t) => t.id),
    criteria: detail.criteria.map((c) => ({
      code: c.code,
      nameNl: c.name_nl,
      nameEn: c.name_en,
      descriptionNl: c.description_nl,
      descriptionEn: c.description_en,
      scaleMin: Number(c.scale_min),
      scaleMax: Number(c.scale_max),
      allowsHalfPoints: c.allows_half_points,
      weight: Number(c.weight),
      threshold: num(c.threshold),
    })),
    tieBreakRules: detail.tieBreakRules.map((r) => ({
      kind: r.kind,
      criterionCode: r.criterion_id ? (criterionCode.get(r.criterion_id) ?? null) : null,
      direction: r.direction,
      explanationNl: r.explanation_nl,
      explanationEn: r.explanation_en,
    })),
    eligibilityRules: detail.eligibilityRules.map((r) => ({
      kind: r.kind,
      parameter: num(r.parameter),
      explanationNl: r.explanation_nl,
      explanationEn: r.explanation_en,
    })),
    requiredKpis: detail.requiredKpis.map((k) => ({
      id: k.id,
      kpiCode: k.kpi_code,
      nameNl: k.name_nl,
      nameEn: k.name_en,
      unit: k.unit,
      direction: k.direction,
    })),
    questions: detail.questions.map((q) => ({
      code: q.code,
      kind: q.kind,
      labelNl: q.label_nl,
      labelEn: q.label_en,
      helpNl: q.help_nl,
      helpEn: q.help_en,
      isRequired: q.is_required,
      maxWords: q.max_words,
      maxChars: q.max_chars,
      options: Array.isArray(q.options) ? (q.options as string[]) : [],
      conditionQuestionCode: q.condition_question_code,
      conditionValue: q.condition_value,
    })),
  };
}

/** The call as everyone who may see it sees it: the public page shows exactly this. */
export function presentCall(detail: CallDetail, now: Date) {
  const { call } = detail;
  const definition = definitionOf(detail);
  return {
    id: call.id,
    code: call.code,
    kind: call.kind,
    status: call.status,
    titleNl: call.title_nl,
    titleEn: call.title_en,
    summaryNl: call.summary_nl,
    summaryEn: call.summary_en,
    descriptionNl: call.description_nl,
    descriptionEn: call.description_en,
    budgetEnvelopeCents: Number(call.budget_envelope_cents),
    opensAt: iso(call.opens_at),
    closesAt: iso(call.closes_at),
    evaluationStartsAt: iso(call.evaluation_starts_at),
    decisionAt: iso(call.decision_at),
    opensAtLocal: definition.opensAtLocal,
    closesAtLocal: definition.closesAtLocal,
    evaluationStartsAtLocal: definition.evaluationStartsAtLocal,
    decisionAtLocal: definition.decisionAtLocal,
    isAcceptingProposals: isAcceptingProposals(call, now),
    overallThreshold: definition.overallThreshold,
    budgetRule: definition.budgetRule,
    reviewsPerProposal: call.reviews_per_proposal,
    publishedAt: iso(call.published_at),
    amendmentCount: call.amendment_count,
    themes: detail.themes.map((t) => ({ id: t.id, code: t.code, labelNl: t.label_nl, labelEn: t.label_en })),
    criteria: detail.criteria.map((c, i) => ({ id: c.id, ...definition.criteria[i] })),
    tieBreakRules: detail.tieBreakRules.map((r, i) => ({ id: r.id, ...definition.tieBreakRules[i] })),
    eligibilityRules: detail.eligibilityRules.map((r, i) => ({
      id: r.id,
      ...definition.eligibilityRules[i],
    })),
    requiredKpis: detail.requiredKpis.map((k, i) => ({ ...definition.requiredKpis[i], id: k.id })),
    questions: detail.questions.map((q, i) => ({ id: q.id, ...definition.questions[i] })),
    amendments: detail.amendments.map((a) => ({
      number: a.number,
      motivation: a.motivation,
      amendedAt: new Date(a.amended_at).toISOString(),
    })),
  };
}

type CallListRow = CallDetail['call'] & { proposal_count: number };

export function presentCallSummary(row: CallListRow, now: Date, options: { showCounts: boolean }) {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    status: row.status,
    titleNl: row.title_nl,
    titleEn: row.title_en,
    summaryNl: row.summary_nl,
    summaryEn: row.summary_en,
    budgetEnvelopeCents: Number(row.budget_envelope_cents),
    opensAt: iso(row.opens_at),
    closesAt: iso(row.closes_at),
    isAcceptingProposals: isAcceptingProposals(row, now),
    proposalCount: options.showCounts ? Number(row.proposal_count) : null,
  };
}
