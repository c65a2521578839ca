import type { Role } from '../../db/core.tables';
import { allow } from '../../http/access';
import type { Actor } from '../../http/actor';
import { actorOf, type StepContext } from '../../http/request-context';
import { AppError } from '../../errors/app-error';

/** Who reads the portfolio (clusters, organisations, members): not applicants or experts. */
export const PORTFOLIO_READERS: Role[] = ['admin', 'officer', 'manager', 'analyst'];
export const portfolioReaders = allow(...PORTFOLIO_READERS);
/** Who edits clusters and members: officers all, managers their own (checked per object). */
export const portfolioEditors = allow('admin', 'officer', 'manager');
export const officers = allow('admin', 'officer');
export const admins = allow('admin');

/** Officers and admins edit every cluster; a manager only the clusters they belong to. */
export function canEditCluster(actor: Actor | null, clusterId: string): boolean {
  if (!actor) return false;
  if (actor.role === 'admin' || actor.role === 'officer') return true;
  return actor.role === 'manager' && actor.clusterIds.includes(clusterId);
}

export function assertMayEditCluster(ctx: StepContext, clusterId: string): void {
  if (!canEditCluster(ctx.actor, clusterId)) throw new AppError('FORBIDDEN');
}

export function isOfficer(actor: Actor | null): boolean {
  return actor?.role === 'admin' || actor?.role === 'officer';
}

/** Names of officers and managers are personal data: analysts do not see them. */
export function canSeePeople(actor: Actor | null): boolean {
  return actor?.role === 'admin' || actor?.role === 'officer' || actor?.role === 'manager';
}

/** Officers edit every organisation's SME inputs; a manager those of their clusters' members. */
export async function assertMayEditOrganisation(ctx: StepContext, organisationId: string): Promise<void> {
  const actor = actorOf(ctx);
  if (isOfficer(actor)) return;
  if (actor.role === 'manager' && actor.clusterIds.length > 0) {
    const member = await ctx.db
      .selectFrom('memberships')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('cluster_id', 'in', actor.clusterIds)
      .executeTakeFirst();
    if (member) return;
  }
  throw new AppError('FORBIDDEN');
}

export async function mayEditOrganisation(ctx: StepContext, organisationId: string): Promise<boolean> {
  try {
    await assertMayEditOrganisation(ctx, organisationId);
    return true;
  } catch {
    return false;
  }
}
