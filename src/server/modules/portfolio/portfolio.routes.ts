import type { FastifyInstance } from 'fastify';
import organisationsRoutes from './organisations.routes';
import clustersRoutes from './clusters.routes';
import themesRoutes from './themes.routes';
import publicPortfolioRoutes from './public.routes';

/** The cluster portfolio: organisations, clusters, memberships, themes, open data. */
export default async function portfolioRoutes(app: FastifyInstance): Promise<void> {
  await organisationsRoutes(app);
  await clustersRoutes(app);
  await themesRoutes(app);
  await publicPortfolioRoutes(app);
}
