/**
 * Words the selection's stored codes (ranking reasons, the call's budget rule) in the reader's
 * language. The ranking stores only codes and parameters; the web app, the decision letter and
 * the evaluation-summary PDF word them here, so Dutch readers never see English sentences and
 * money always reads `€ 276.000,00` (nl-BE) or `€276,000.00` (en).
 */
import type { Language } from './brussels-time';
import { formatMoney } from './money';

export type { Language } from './brussels-time';

/** How the call spends its budget going down the ranking (the call's own setting). */
export type BudgetRule = 'stop_at_first_misfit' | 'skip_to_next_fit';
export const BUDGET_RULES: readonly BudgetRule[] = ['stop_at_first_misfit', 'skip_to_next_fit'];

export type RankingReasonCode =
  | 'below_criterion_threshold'
  | 'below_overall_threshold'
  | 'within_budget'
  | 'does_not_fit'
  | 'funding_stopped'
  | 'below_reserve_list'
  | 'budget_exhausted';

export interface RankingReasonLike {
  code: string;
  params: Record<string, string | number>;
}

const RULE_NAMES: Record<BudgetRule, Record<Language, string>> = {
  stop_at_first_misfit: {
    nl: 'stop bij het eerste voorstel dat niet past',
    en: 'stop at the first proposal that does not fit',
  },
  skip_to_next_fit: {
    nl: 'ga door naar het volgende voorstel dat past',
    en: 'skip to the next proposal that fits',
  },
};

const RULE_EXPLANATIONS: Record<BudgetRule, Record<Language, string>> = {
  stop_at_first_misfit: {
    nl:
      'Voorstellen worden in volgorde van de rangschikking gefinancierd zolang het gevraagde bedrag ' +
      'in het resterende budget past; het eerste voorstel dat niet past stopt de financiering, ook ' +
      'als een later voorstel nog zou passen.',
    en:
      'Proposals are funded in ranking order while the requested amount fits the remaining budget; ' +
      'the first that does not fit stops funding, even when a later proposal would still fit.',
  },
  skip_to_next_fit: {
    nl:
      'Voorstellen worden in volgorde van de rangschikking gefinancierd; een voorstel dat niet in ' +
      'het resterende budget past, wordt overgeslagen en het volgende dat wel past, komt aan de ' +
      'beurt.',
    en:
      'Proposals are funded in ranking order; a proposal that does not fit the remaining budget is ' +
      'skipped and the next one that fits is funded.',
  },
};

export function isBudgetRule(value: unknown): value is BudgetRule {
  return value === 'stop_at_first_misfit' || value === 'skip_to_next_fit';
}

/** The rule's short name, e.g. "stop bij het eerste voorstel dat niet past". */
export function budgetRuleName(rule: string, language: Language): string {
  return isBudgetRule(rule) ? RULE_NAMES[rule][language] : rule;
}

/** One sentence that explains the rule, for the call page and the ranking output. */
export function budgetRuleExplanation(rule: string, language: Language): string {
  return isBudgetRule(rule) ? RULE_EXPLANATIONS[rule][language] : rule;
}

function decimal(value: string | number | undefined, language: Language): string {
  if (value === undefined) return '–';
  const text = String(value);
  return language === 'nl' ? text.replace('.', ',') : text;
}

function money(value: string | number | undefined, language: Language): string {
  return value === undefined ? '–' : formatMoney(value, language);
}

function quoted(text: string | number | undefined, language: Language): string {
  return language === 'nl' ? `‘${text ?? ''}’` : `“${text ?? ''}”`;
}

function reservePart(params: RankingReasonLike['params'], language: Language): string {
  if (params.reservePosition === undefined) return '';
  return language === 'nl'
    ? ` Reservelijst, positie ${params.reservePosition}.`
    : ` Reserve list, position ${params.reservePosition}.`;
}

/** One ranking reason as a sentence in the reader's language. Unknown codes fall back to a neutral sentence. */
export function wordRankingReason(reason: RankingReasonLike, language: Language): string {
  const p = reason.params;
  const nl = language === 'nl';
  const rule = typeof p.rule === 'string' ? p.rule : 'stop_at_first_misfit';
  const ruleName = quoted(budgetRuleName(rule, language), language);
  switch (reason.code) {
    case 'below_criterion_threshold': {
      const name = (nl ? p.criterionName : (p.criterionNameEn ?? p.criterionName)) ?? p.criterion;
      return nl
        ? `Score ${decimal(p.score, language)} op ${quoted(name, language)} ligt onder de ` +
            `drempel ${decimal(p.threshold, language)}.`
        : `Score ${decimal(p.score, language)} on ${quoted(name, language)} is below its ` +
            `threshold ${decimal(p.threshold, language)}.`;
    }
    case 'below_overall_threshold':
      return nl
        ? `Het gewogen totaal ${decimal(p.total, language)} ligt onder de globale ` +
            `drempel ${decimal(p.threshold, language)}.`
        : `The weighted total ${decimal(p.total, language)} is below the overall ` +
            `threshold ${decimal(p.threshold, language)}.`;
    case 'within_budget':
      return nl
        ? `Gefinancierd binnen het ` +
            `budget: ${money(p.cumulativeCents, language)} van ${money(p.budgetCents, language)} gebruikt ` +
            `tot en met dit voorstel (regel: ${ruleName}).`
        : `Funded within the ` +
            `budget: ${money(p.cumulativeCents, language)} of ${money(p.budgetCents, language)} used ` +
            `up to and including this proposal (rule: ${ruleName}).`;
    case 'does_not_fit':
      return (
        (nl
          ? `Past niet in het resterende budget: vraagt ${money(p.requestedCents, language)}, er ` +
            `blijft ${money(p.remainingCents, language)} over. `
          : `Does not fit the remaining budget: ` +
            `requests ${money(p.requestedCents, language)}, ${money(p.remainingCents, language)} is ` +
            `left. `) +
        (rule === 'skip_to_next_fit'
          ? nl
            ? `Volgens de regel ${ruleName} komen de volgende voorstellen die wel passen nog aan de beurt.`
            : `Under the rule ${ruleName} the next proposals that do fit are still funded.`
          : nl
            ? `Volgens de regel ${ruleName} stopt de financiering hier.`
            : `Under the rule ${ruleName} funding stops here.`) +
        reservePart(p, language)
      );
    case 'funding_stopped': {
      const fits = Number(p.requestedCents) <= Number(p.remainingCents);
      const head = nl
        ? `Niet gefinancierd: volgens de regel ${ruleName} stopte de financiering bij rang ${p.stoppedAtRank}`
        : `Not funded: under the rule ${ruleName} funding stopped at rank ${p.stoppedAtRank}`;
      const tail = fits
        ? nl
          ? `, ook al past het gevraagde bedrag (${money(p.requestedCents, language)}) in het ` +
            `resterende budget (${money(p.remainingCents, language)}).`
          : `, although the requested amount (${money(p.requestedCents, language)}) fits the ` +
            `remaining budget (${money(p.remainingCents, language)}).`
        : nl
          ? ` (vraagt ${money(p.requestedCents, language)}, er blijft ${money(p.remainingCents, language)} over).`
          : ` (requests ${money(p.requestedCents, language)}, ${money(p.remainingCents, language)} is left).`;
      return head + tail + reservePart(p, language);
    }
    case 'below_reserve_list':
      return nl
        ? `Haalt de drempels, maar staat onder de reservelijst van ${p.reserveSize} voorstellen.`
        : `Passes the thresholds but ranks below the reserve list of ${p.reserveSize} proposals.`;
    case 'budget_exhausted':
      // Stored by decisions taken before the call had its own budget rule.
      return (
        (nl
          ? `Past niet in het resterende budget: vraagt ${money(p.requestedCents, language)}, er ` +
            `blijft ${money(p.remainingCents, language)} over.`
          : `Does not fit the remaining budget: ` +
            `requests ${money(p.requestedCents, language)}, ${money(p.remainingCents, language)} is ` +
            `left.`) + reservePart(p, language)
      );
    default:
      return nl ? `Reden ${reason.code}.` : `Reason ${reason.code}.`;
  }
}

/** The name of a tie-break rule label as the ranking stores it (`criterion_score:impact`, `final_rule`, …). */
export function wordTieBreakRule(label: string, language: Language): string {
  const nl = language === 'nl';
  if (label.startsWith('criterion_score:')) {
    const code = label.slice('criterion_score:'.length);
    return nl ? `hoogste score op ${code}` : `highest score on ${code}`;
  }
  const names: Record<string, [string, string]> = {
    sme_budget_share: ['aandeel kmo’s in de steun', 'SME share of the aid'],
    requested_aid: ['gevraagde steun', 'requested aid'],
    submitted_at: ['tijdstip van indiening', 'time of submission'],
    final_rule: ['vroegste indiening, dan referentie', 'earliest submission, then reference'],
  };
  const pair = names[label];
  return pair ? pair[nl ? 0 : 1] : label;
}
