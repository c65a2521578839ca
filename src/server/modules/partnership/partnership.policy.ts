import type { Actor } from '../../http/actor';
import { AppError } from '../../errors/app-error';

/**
 * Who sees what of a cluster's partnership:
 * - officers: every cluster, everything, and they may edit;
 * - cluster managers: their own clusters only (others answer NOT_FOUND), everything, and they may edit;
 * - analysts: every cluster, objectives and statuses, but no confidential minutes and no personal
 *   data (participant and owner names are left out); read-only.
 */
export function canSeeCluster(actor: Actor, clusterId: string): boolean {
  if (actor.role === 'officer' || actor.role === 'analyst') return true;
  if (actor.role === 'manager') return actor.clusterIds.includes(clusterId);
  return false;
}

export function canEditCluster(actor: Actor, clusterId: string): boolean {
  if (actor.role === 'officer') return true;
  return actor.role === 'manager' && actor.clusterIds.includes(clusterId);
}

/** Confidential minutes, agendas and decisions stay between the two partners. */
export function canSeeConfidential(actor: Actor): boolean {
  return actor.role === 'officer' || actor.role === 'manager';
}

/** Names of people (participants, owners, authors) are personal data: not for analysts. */
export function canSeePeople(actor: Actor): boolean {
  return actor.role === 'officer' || actor.role === 'manager';
}

/** Throws NOT_FOUND (never FORBIDDEN) for a cluster the actor may not see, so its existence does not leak. */
export function assertSeesCluster(actor: Actor, clusterId: string): void {
  if (!canSeeCluster(actor, clusterId)) throw new AppError('NOT_FOUND');
}

/** Visible but read-only (an analyst) answers FORBIDDEN; invisible answers NOT_FOUND. */
export function assertEditsCluster(actor: Actor, clusterId: string): void {
  assertSeesCluster(actor, clusterId);
  if (!canEditCluster(actor, clusterId)) throw new AppError('FORBIDDEN');
}

/** Abilities sent with every partnership answer; the UI shows buttons from these only. */
export function clusterAbilities(actor: Actor, clusterId: string) {
  const edit = canEditCluster(actor, clusterId);
  return {
    edit,
    sign: edit,
    review: actor.role === 'officer',
    closePeriod: actor.role === 'officer',
    seeConfidential: canSeeConfidential(actor),
    seePeople: canSeePeople(actor),
  };
}
