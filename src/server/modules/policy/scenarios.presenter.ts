import type { Actor } from '../../http/actor';
import { policyPolicy } from './policy.policy';
import type { Rational } from './rational';
import { compareScenarios } from './scenario-analysis';
import type { ScenarioData, StakeholderRow } from './scenarios.repository';

const ROLE_LABELS: Record<string, { nl: string; en: string }> = {
  officer: { nl: 'programmabeheerder', en: 'programme officer' },
  analyst: { nl: 'beleidsanalist', en: 'policy analyst' },
  manager: { nl: 'clustermanager', en: 'cluster manager' },
  admin: { nl: 'beheerder', en: 'administrator' },
};

const num = (value: Rational | null) => (value === null ? null : value.toNumber());

/**
 * Names of accounts are personal data: officers and admins see them; others see "Account 3
 * (policy analyst)". Named organisations are shown to everyone.
 */
function stakeholderLabeller(viewer: Actor, stakeholders: StakeholderRow[]) {
  const accountNumber = new Map(
    stakeholders.filter((s) => s.kind === 'account').map((s, index) => [s.id, index + 1]),
  );
  return (s: StakeholderRow) => {
    if (s.kind === 'organisation' || policyPolicy.seesPersonalNames(viewer) || s.user_id === viewer.userId)
      return s.name;
    const role = ROLE_LABELS[s.user_role ?? ''] ?? { nl: s.user_role ?? '?', en: s.user_role ?? '?' };
    return `Account ${accountNumber.get(s.id)} (${viewer.locale === 'en' ? role.en : role.nl})`;
  };
}

/** The whole comparison for one viewer: ranking, sensitivity, notes, stakeholders and comments. */
export function presentComparison(data: ScenarioData, viewer: Actor) {
  const result = compareScenarios(
    data.scenarios.map((s) => ({ id: s.id, position: s.position })),
    data.criteria.map((c) => ({ id: c.id, position: c.position, weight: c.weight })),
    data.scores.map((s) => ({
      stakeholderId: s.stakeholder_id,
      scenarioId: s.scenario_id,
      criterionId: s.criterion_id,
      score: s.score,
    })),
  );
  const label = stakeholderLabeller(viewer, data.stakeholders);
  const stakeholderById = new Map(data.stakeholders.map((s) => [s.id, s]));
  const scenarioResults = new Map(result.scenarios.map((r) => [r.scenarioId, r]));
  const mine = data.stakeholders.find((s) => s.user_id === viewer.userId);
  return {
    scenarios: data.scenarios.map((s) => {
      const r = scenarioResults.get(s.id);
      return {
        id: s.id,
        code: s.code,
        name: s.name,
        description: s.description,
        isPlaceholder: s.is_placeholder,
        isPreferredDirection: s.is_preferred_direction,
        isExample: s.is_example,
        status: r?.status ?? 'no_scores',
        stakeholderCount: r?.stakeholderCount ?? 0,
        total: num(r?.total ?? null),
        totalExact: r?.total?.toString() ?? null,
        medianOfStakeholderTotals: num(r?.medianOfStakeholderTotals ?? null),
        rank: r?.rank ?? null,
        isTied: r?.isTied ?? false,
        medians: Object.fromEntries(
          [...(r?.medians ?? new Map<string, Rational | null>())].map(([criterionId, m]) => [
            criterionId,
            num(m),
          ]),
        ),
      };
    }),
    criteria: data.criteria.map((c) => ({
      id: c.id,
      code: c.code,
      nameNl: c.name_nl,
      nameEn: c.name_en,
      descriptionNl: c.description_nl,
      descriptionEn: c.description_en,
      rawWeight: Number(c.weight),
      weight: num(result.weights.weights.get(c.id) ?? null) ?? 0,
    })),
    weightNote: result.weights.note
      ? { kind: result.weights.note, rawSum: result.weights.rawSum.toNumber() }
      : null,
    ranking: result.ranking,
    sensitivity: result.sensitivity.map((s) => ({
      criterionId: s.criterionId,
      currentWeight: s.currentWeight.toNumber(),
      topScenarioId: s.topScenarioId,
      up: s.up
        ? {
            weight: s.up.weight.toNumber(),
            delta: s.up.delta.toNumber(),
            exact: s.up.weight.toString(),
            newTopScenarioId: s.up.newTopScenarioId,
          }
        : null,
      down: s.down
        ? {
            weight: s.down.weight.toNumber(),
            delta: s.down.delta.toNumber(),
            exact: s.down.weight.toString(),
            newTopScenarioId: s.down.newTopScenarioId,
          }
        : null,
    })),
    sensitivityNote: result.sensitivityNote,
    stakeholders: data.stakeholders.map((s) => ({
      id: s.id,
      kind: s.kind,
      label: label(s),
      organisationId: s.organisation_id,
      isExample: s.is_example,
      isMine: s.user_id === viewer.userId,
    })),
    scores: data.scores.map((s) => {
      const stakeholder = stakeholderById.get(s.stakeholder_id);
      return {
        stakeholderId: s.stakeholder_id,
        stakeholder: stakeholder ? label(stakeholder) : '?',
        scenarioId: s.scenario_id,
        criterionId: s.criterion_id,
        score: s.score,
        comment: s.comment,
      };
    }),
    myStakeholderId: mine?.id ?? null,
  };
}

export type ComparisonOut = ReturnType<typeof presentComparison>;
