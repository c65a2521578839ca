import type { Actor } from '../../http/actor';

/** Officers run calls; admins may read drafts too. Everyone (even anonymous) reads published calls. */
export const mayManageCalls = (actor: Actor | null) => actor?.role === 'officer';
export const maySeeDraftCalls = (actor: Actor | null) => actor?.role === 'officer' || actor?.role === 'admin';

export function callAbilities(actor: Actor | null, status: string, isAcceptingProposals: boolean) {
  const manage = mayManageCalls(actor);
  return {
    edit: manage && status === 'draft',
    publish: manage && status === 'draft',
    amend: manage && status === 'open',
    close: manage && status === 'open',
    startEvaluation: manage && status === 'closed',
    decide: manage && status === 'in_evaluation',
    viewProposals: manage && status !== 'draft',
    apply: actor?.role === 'applicant' && isAcceptingProposals,
  };
}
