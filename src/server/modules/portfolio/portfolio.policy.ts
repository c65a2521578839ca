import type { Role } from '../../db/core.tables';
import { allow } from '../../http/access';
import type { Actor } from '../../http/actor';
import { actorOf, type StepContext } from '../../http/request-context';
import { AppError } from '../../errors/app-error';
import { brusselsToday } from '../../../shared/brussels-time';

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

/** How long a membership must stand before the cluster's managers may change the member's figures. */
export const MEMBERSHIP_SETTLED_DAYS = 7;

/**
 * Officers edit every organisation's SME inputs. A manager edits those of an organisation that
 * is a current member of one of their clusters, through a membership recorded at least
 * MEMBERSHIP_SETTLED_DAYS before the change, or that has no figures yet (a new member's first
 * figures). So adding any organisation as a member, overwriting its figures and ending the
 * membership again cannot reclassify it; every change is audited and listed on the organisation.
 */
export async function assertMayEditOrganisation(ctx: StepContext, organisationId: string): Promise<void> {
  const actor = actorOf(ctx);
  if (isOfficer(actor)) return;
  if (actor.role === 'manager' && actor.clusterIds.length > 0) {
    const now = ctx.now();
    const today = brusselsToday(now);
    const settledBefore = new Date(now.getTime() - MEMBERSHIP_SETTLED_DAYS * 86_400_000);
    const memberships = await ctx.db
      .selectFrom('memberships')
      .select(['created_at'])
      .where('organisation_id', '=', organisationId)
      .where('cluster_id', 'in', actor.clusterIds)
      .where('valid_from', '<=', today)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]))
      .execute();
    if (memberships.some((m) => new Date(m.created_at).getTime() <= settledBefore.getTime())) return;
    if (memberships.length > 0) {
      const figures = await ctx.db
        .selectFrom('organisation_sme_figures')
        .select('reference_year')
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst();
      if (!figures) return;
    }
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
