import type { FastifyInstance } from 'fastify';
import fundingRoutes from './funding.routes';
import projectsRoutes from './projects.routes';
import stateAidRoutes from './state-aid.routes';

/** Funding lines and budgets, projects, and the state-aid register: one plugin for modules/index.ts. */
export default async function fundingModule(app: FastifyInstance): Promise<void> {
  await fundingRoutes(app);
  await projectsRoutes(app);
  await stateAidRoutes(app);
}
