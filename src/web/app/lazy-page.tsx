import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A page loaded on demand: its module (and what only it uses, e.g. ECharts) becomes a chunk of
 * its own, fetched when the route is first opened. In routes.tsx:
 * `const GapsPage = lazyPage(() => import('./gaps-page'), 'GapsPage');`
 */
export function lazyPage<P extends object, K extends string>(
  load: () => Promise<Record<NoInfer<K>, ComponentType<P>>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => ({ default: (await load())[name] }));
}
