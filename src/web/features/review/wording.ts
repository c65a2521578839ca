import { useTranslation } from 'react-i18next';
import {
  budgetRuleExplanation,
  budgetRuleName,
  wordRankingReason,
  wordTieBreakRule,
  type Language,
  type RankingReasonLike,
} from '../../../shared/selection-wording';
import { wordShortfall, wordUnderload, type AssignmentReasonLike } from '../../../shared/assignment-wording';
import { languageOf } from '../../app/language';

/** The selection's stored codes worded in the reader's language (the same wording as the PDF and letters). */
export function useSelectionWording() {
  const { i18n } = useTranslation();
  const language: Language = languageOf(i18n.language);
  return {
    reason: (reason: RankingReasonLike) => wordRankingReason(reason, language),
    reasons: (reasons: RankingReasonLike[]) => reasons.map((r) => wordRankingReason(r, language)).join(' '),
    shortfall: (reason: AssignmentReasonLike) => wordShortfall(reason, language),
    underload: (reason: AssignmentReasonLike) => wordUnderload(reason, language),
    tieBreak: (rule: string) => wordTieBreakRule(rule, language),
    budgetRule: (rule: string) => budgetRuleName(rule, language),
    budgetRuleExplanation: (rule: string) => budgetRuleExplanation(rule, language),
  };
}
