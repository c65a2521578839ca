import type { Actor } from '../../http/actor';
import { AppError } from '../../errors/app-error';
import type { Role } from '../../db/core.tables';

/** Who reads the KPI framework at all: the portfolio roles and cluster managers (own clusters only). */
export const KPI_READERS: Role[] = ['admin', 'officer', 'analyst', 'manager'];
/** Who sees the SQL of computed KPIs and the whole portfolio. */
export const PORTFOLIO_READERS: Role[] = ['admin', 'officer', 'analyst'];

/** True when the actor may see this cluster's KPIs. */
export function canSeeCluster(actor: Actor, clusterId: string): boolean {
  if (actor.role === 'officer' || actor.role === 'admin' || actor.role === 'analyst') return true;
  return actor.role === 'manager' && actor.clusterIds.includes(clusterId);
}

/** The clusters whose KPIs the actor may see: 'all', or a list (a manager's own clusters). */
export function visibleClusterIds(actor: Actor): string[] | 'all' {
  if (actor.role === 'officer' || actor.role === 'admin' || actor.role === 'analyst') return 'all';
  return actor.role === 'manager' ? actor.clusterIds : [];
}

/** Throws NOT_FOUND (like a missing cluster) when the actor may not see it. */
export function assertSeesCluster(actor: Actor, clusterId: string): void {
  if (!canSeeCluster(actor, clusterId)) throw new AppError('NOT_FOUND');
}

export function canReport(actor: Actor, clusterId: string): boolean {
  return actor.role === 'manager' && actor.clusterIds.includes(clusterId);
}

export function canValidate(actor: Actor): boolean {
  return actor.role === 'officer';
}

export function canManageTargets(actor: Actor): boolean {
  return actor.role === 'officer';
}

export function canRecordDiffusion(actor: Actor, clusterId: string): boolean {
  return actor.role === 'officer' || canReport(actor, clusterId);
}

/** Abilities the dashboard's buttons read. */
export function clusterAbilities(actor: Actor, clusterId: string) {
  return {
    report: canReport(actor, clusterId),
    validate: canValidate(actor),
    setTargets: canManageTargets(actor),
    proposeKpi: canReport(actor, clusterId),
    createKpi: actor.role === 'officer',
    recordDiffusion: canRecordDiffusion(actor, clusterId),
    seeSql: actor.role !== 'manager',
  };
}
