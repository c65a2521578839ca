import type { EligibilityRuleKind, RuleOutcome } from './calls.tables';
import type { ProposalSnapshot } from './calls.schema';
import { formatMoney } from '../../../shared/money';

export interface EligibilityRuleData {
  id: string;
  kind: EligibilityRuleKind;
  /** Count; cents for max_requested_aid; percent for max_aid_share; null for yes/no rules. */
  parameter: number | null;
}

export interface EligibilityFacts {
  snapshot: ProposalSnapshot;
  callThemeIds: string[];
  requiredKpiIds: string[];
}

export interface RuleEvaluation {
  ruleId: string;
  outcome: RuleOutcome;
  observed: string;
  explanation: { nl: string; en: string };
}

const SME_CLASSES = new Set(['micro', 'small', 'medium']);
const euroNl = (cents: number) => formatMoney(cents, 'nl');
const euroEn = (cents: number) => formatMoney(cents, 'en');
/** Helix categories in words (the explanation is read by people, not the code). */
const HELIX_WORDS: Record<string, [string, string]> = {
  company: ['bedrijven', 'companies'],
  knowledge_institution: ['kennisinstellingen', 'knowledge institutions'],
  government: ['overheid', 'government'],
  civil_society: ['middenveld', 'civil society'],
};
const helixWords = (codes: string[], language: 0 | 1) =>
  codes.map((c) => HELIX_WORDS[c]?.[language] ?? c).join(', ');

/** Companies that are SMEs by their size class (EU definition, computed in the portfolio module). */
export function countSmes(snapshot: ProposalSnapshot): number {
  return snapshot.consortium.filter((m) => m.helix === 'company' && SME_CLASSES.has(m.sizeClass)).length;
}

export function budgetTotals(snapshot: ProposalSnapshot): {
  costCents: number;
  aidCents: number;
  ownCents: number;
} {
  return snapshot.budgetLines.reduce(
    (sum, line) => ({
      costCents: sum.costCents + line.costCents,
      aidCents: sum.aidCents + line.requestedAidCents,
      ownCents: sum.ownCents + line.ownContributionCents,
    }),
    { costCents: 0, aidCents: 0, ownCents: 0 },
  );
}

function result(
  rule: EligibilityRuleData,
  passed: boolean,
  observed: string,
  nl: string,
  en: string,
): RuleEvaluation {
  return { ruleId: rule.id, outcome: passed ? 'passed' : 'failed', observed, explanation: { nl, en } };
}

/**
 * Evaluates one eligibility rule on a submitted version. Pure: the same snapshot always gives
 * the same outcome, and every outcome says in words what was counted and against which limit.
 */
export function evaluateRule(rule: EligibilityRuleData, facts: EligibilityFacts): RuleEvaluation {
  const { snapshot } = facts;
  const limit = rule.parameter ?? 0;
  switch (rule.kind) {
    case 'min_companies': {
      const n = snapshot.consortium.filter((m) => m.helix === 'company').length;
      return result(
        rule,
        n >= limit,
        String(n),
        `Het consortium telt ${n} bedrijven; minimum ${limit}.`,
        `The consortium has ${n} companies; minimum ${limit}.`,
      );
    }
    case 'min_smes': {
      const n = countSmes(snapshot);
      return result(
        rule,
        n >= limit,
        String(n),
        `Het consortium telt ${n} kmo's (grootteklasse micro, klein of middelgroot); minimum ${limit}.`,
        `The consortium has ${n} SMEs (size class micro, small or medium); minimum ${limit}.`,
      );
    }
    case 'min_helix_categories': {
      const categories = [...new Set(snapshot.consortium.map((m) => m.helix))].sort();
      const n = categories.length;
      return result(
        rule,
        n >= limit,
        categories.join(', '),
        `Het consortium dekt ${n} helixcategorieën (${helixWords(categories, 0) || 'geen'}); minimum ${limit}.`,
        `The consortium covers ${n} helix categories (${helixWords(categories, 1) || 'none'}); minimum ${limit}.`,
      );
    }
    case 'max_requested_aid': {
      const { aidCents } = budgetTotals(snapshot);
      return result(
        rule,
        aidCents <= limit,
        String(aidCents),
        `Gevraagde steun ${euroNl(aidCents)}; maximum ${euroNl(limit)}.`,
        `Requested aid ${euroEn(aidCents)}; maximum ${euroEn(limit)}.`,
      );
    }
    case 'max_aid_share': {
      const { aidCents, costCents } = budgetTotals(snapshot);
      // Compare aid / cost ≤ limit% without floating point: aid × 100 ≤ limit × cost.
      const passed = costCents > 0 && aidCents * 100 <= limit * costCents;
      const share = costCents > 0 ? ((aidCents * 100) / costCents).toFixed(1) : '–';
      return result(
        rule,
        passed,
        share,
        `Steunaandeel ${share.replace('.', ',')} % van het totale budget ` +
          `(${euroNl(aidCents)} van ${euroNl(costCents)}); maximum ${limit} %.`,
        `Aid share ${share} % of the total budget (${euroEn(aidCents)} of ${euroEn(costCents)}); maximum ${limit} %.`,
      );
    }
    case 'min_clusters': {
      const n = new Set(snapshot.clusterIds).size;
      const needed = rule.parameter ?? 2;
      return result(
        rule,
        n >= needed,
        String(n),
        `${n} clusters betrokken; minimum ${needed} (interclusterproject).`,
        `${n} clusters involved; minimum ${needed} (inter-cluster project).`,
      );
    }
    case 'required_kpis_proposed': {
      const proposed = new Set(
        snapshot.kpis.map((k) => k.requiredKpiId).filter((id): id is string => id !== null),
      );
      const missing = facts.requiredKpiIds.filter((id) => !proposed.has(id));
      return result(
        rule,
        missing.length === 0,
        `${facts.requiredKpiIds.length - missing.length}/${facts.requiredKpiIds.length}`,
        missing.length === 0
          ? `Alle ${facts.requiredKpiIds.length} verplichte KPI's hebben een nulmeting en doel.`
          : `${missing.length} van de ${facts.requiredKpiIds.length} verplichte KPI's ontbreken.`,
        missing.length === 0
          ? `All ${facts.requiredKpiIds.length} required KPIs have a baseline and target.`
          : `${missing.length} of the ${facts.requiredKpiIds.length} required KPIs are missing.`,
      );
    }
    case 'no_new_legal_entity': {
      const needs = snapshot.requiresNewLegalEntity;
      return result(
        rule,
        !needs,
        needs ? 'yes' : 'no',
        needs
          ? 'Het voorstel vraagt een nieuwe rechtspersoon; de oproep is projectgebaseerd.'
          : 'Het voorstel vraagt geen nieuwe rechtspersoon (projectgebaseerd).',
        needs
          ? 'The proposal needs a new legal entity; the call is project-based.'
          : 'The proposal needs no new legal entity (project-based).',
      );
    }
    case 'themes_within_call': {
      const allowed = new Set(facts.callThemeIds);
      const outside = snapshot.themeIds.filter((id) => !allowed.has(id));
      const passed = snapshot.themeIds.length > 0 && outside.length === 0;
      return result(
        rule,
        passed,
        `${snapshot.themeIds.length - outside.length}/${snapshot.themeIds.length}`,
        snapshot.themeIds.length === 0
          ? 'Het voorstel kiest geen thema.'
          : outside.length === 0
            ? "Alle thema's van het voorstel horen bij de thema's van de oproep."
            : `${outside.length} thema('s) van het voorstel vallen buiten de oproep.`,
        snapshot.themeIds.length === 0
          ? 'The proposal chooses no theme.'
          : outside.length === 0
            ? "All themes of the proposal are among the call's themes."
            : `${outside.length} theme(s) of the proposal fall outside the call.`,
      );
    }
  }
}

export function evaluateEligibility(rules: EligibilityRuleData[], facts: EligibilityFacts): RuleEvaluation[] {
  return rules.map((rule) => evaluateRule(rule, facts));
}
