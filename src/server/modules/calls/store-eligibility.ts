import type { Transaction } from 'kysely';
import type { DB } from '../../db/types';
import type { ProposalSnapshot } from './calls.schema';
import type { CallDetail } from './calls.repository';
import { evaluateEligibility, type RuleEvaluation } from './evaluate-eligibility';

/**
 * Evaluates the call's eligibility rules on a submitted version and replaces the proposal's
 * results (officer reviews start over: the rules or the content changed).
 */
export async function storeEligibility(
  tx: Transaction<DB>,
  input: {
    proposalId: string;
    call: CallDetail;
    snapshot: ProposalSnapshot;
    versionNumber: number;
    now: Date;
  },
): Promise<RuleEvaluation[]> {
  const evaluations = evaluateEligibility(
    input.call.eligibilityRules.map((r) => ({
      id: r.id,
      kind: r.kind,
      parameter: r.parameter === null ? null : Number(r.parameter),
    })),
    {
      snapshot: input.snapshot,
      callThemeIds: input.call.themes.map((t) => t.id),
      requiredKpiIds: input.call.requiredKpis.map((k) => k.id),
    },
  );
  await tx.deleteFrom('proposal_eligibility_results').where('proposal_id', '=', input.proposalId).execute();
  if (evaluations.length > 0) {
    await tx
      .insertInto('proposal_eligibility_results')
      .values(
        evaluations.map((e) => ({
          proposal_id: input.proposalId,
          rule_id: e.ruleId,
          version_number: input.versionNumber,
          auto_outcome: e.outcome,
          observed: e.observed,
          explanation_nl: e.explanation.nl,
          explanation_en: e.explanation.en,
          evaluated_at: input.now,
        })),
      )
      .execute();
  }
  return evaluations;
}
