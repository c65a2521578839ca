import type { Actor } from '../../http/actor';

/**
 * Who may do what with funding. Officers are the authorised budget holders: they create lines,
 * commit, release payments, reallocate and override the de minimis ceiling (always with a
 * motivation). Admins and analysts read everything; cluster managers read their own clusters'
 * base funding and projects and report on them.
 */
export const fundingPolicy = {
  readsAll: (actor: Actor) => actor.role === 'officer' || actor.role === 'admin' || actor.role === 'analyst',
  manages: (actor: Actor) => actor.role === 'officer',
  /** A manager reports for projects of their clusters; the officer may report on their behalf. */
  reportsFor: (actor: Actor, clusterIds: string[]) =>
    actor.role === 'officer' ||
    (actor.role === 'manager' && clusterIds.some((id) => actor.clusterIds.includes(id))),
  sees: (actor: Actor, clusterIds: string[]) =>
    fundingPolicy.readsAll(actor) ||
    (actor.role === 'manager' && clusterIds.some((id) => actor.clusterIds.includes(id))),
};

export function projectAbilities(actor: Actor, clusterIds: string[]) {
  return {
    commit: fundingPolicy.manages(actor),
    planPayment: fundingPolicy.manages(actor),
    releasePayment: fundingPolicy.manages(actor),
    addMilestone: fundingPolicy.manages(actor),
    decide: fundingPolicy.manages(actor),
    report: fundingPolicy.reportsFor(actor, clusterIds),
  };
}
