import type { Actor } from '../../http/actor';

/**
 * Who may do what with policy analytics. Officers, analysts and admins read every analysis;
 * managers read the scenario comparison (they may score it). Officers and admins edit scenarios
 * and weights; officers enter scores for named stakeholder organisations; officers, analysts
 * and managers score as themselves. Analysts and managers see no personal data: accounts that
 * scored are shown by role, not by name.
 */
export const policyPolicy = {
  readsAnalytics: (actor: Actor) =>
    actor.role === 'officer' || actor.role === 'analyst' || actor.role === 'admin',
  editsScenarios: (actor: Actor) => actor.role === 'officer' || actor.role === 'admin',
  entersStakeholderScores: (actor: Actor) => actor.role === 'officer',
  scoresAsSelf: (actor: Actor) =>
    actor.role === 'officer' || actor.role === 'analyst' || actor.role === 'manager',
  seesPersonalNames: (actor: Actor) => actor.role === 'officer' || actor.role === 'admin',
};

export function scenarioAbilities(actor: Actor) {
  return {
    editScenarios: policyPolicy.editsScenarios(actor),
    editWeights: policyPolicy.editsScenarios(actor),
    addStakeholder: policyPolicy.entersStakeholderScores(actor),
    scoreForStakeholder: policyPolicy.entersStakeholderScores(actor),
    scoreAsSelf: policyPolicy.scoresAsSelf(actor),
  };
}
