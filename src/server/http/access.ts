import type { Role, SignInStage } from '../db/core.tables';

export const ROLES: readonly Role[] = ['admin', 'officer', 'manager', 'applicant', 'expert', 'analyst'];

/**
 * Who may call a route at all. Every route must declare one in `config.access`; a route
 * without it does not answer (deny by default). Object-level rules live in each module's policy.
 */
export type Access = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

export const publicAccess: Access = { kind: 'public' };
export const anyUser: Access = { kind: 'roles', roles: ROLES };
export const allow = (...roles: Role[]): Access => ({ kind: 'roles', roles });

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /**
     * Incomplete sessions (waiting for the second factor or its enrolment) that may also use the
     * route; every other route refuses them.
     */
    signInStages?: readonly SignInStage[];
  }
}
