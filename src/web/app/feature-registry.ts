import type { ReactNode } from 'react';
import type { Role } from './auth';

export interface FeatureRoute {
  /** Path below the app root, e.g. 'admin/users' or 'clusters/:id'. */
  path: string;
  element: ReactNode;
  /** Roles that may open it; omitted means every signed-in user. */
  roles?: Role[];
}

export interface NavItem {
  to: string;
  /** i18n key with namespace, e.g. 'admin:nav.users'. */
  labelKey: string;
  roles: Role[];
  /** Position in the navigation, lower first. */
  order: number;
  /** Menu section when not the feature's own, e.g. 'tools' for developer tools kept out of daily menus. */
  section?: string;
}

export interface Feature {
  routes: FeatureRoute[];
  nav: NavItem[];
  /** Pages that need no login (public open data, call pages). */
  publicRoutes?: FeatureRoute[];
}

// Each feature declares itself in features/<area>/routes.tsx; no central list to edit.
const modules = import.meta.glob<{ feature: Feature }>('../features/*/routes.tsx', { eager: true });

export const features: Feature[] = Object.values(modules).map((m) => m.feature);
export const allRoutes = features.flatMap((f) => f.routes);
export const publicRoutes = features.flatMap((f) => f.publicRoutes ?? []);
export const navItems = features.flatMap((f) => f.nav).sort((a, b) => a.order - b.order);
