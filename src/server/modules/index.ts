import type { FastifyPluginAsync } from 'fastify';
import healthRoutes from './health/health.routes';
import authRoutes from './auth/auth.routes';
import totpRoutes from './auth/totp.routes';
import oidcRoutes from './auth/oidc.routes';
import usersRoutes from './users/users.routes';
import auditRoutes from './audit/audit.routes';
import lookupsRoutes from './lookups/lookups.routes';
import notificationsRoutes from './notifications/notifications.routes';
import callsRoutes from './calls/calls.routes';
import portfolioRoutes from './portfolio/portfolio.routes';
import partnershipRoutes from './partnership/partnership.routes';
import fundingModule from './funding/index.routes';
import policyRoutes from './policy/policy.routes';
import kpisRoutes from './kpis/kpis.routes';
import reviewRoutes from './review/review.routes';
import inboxRoutes from './inbox/inbox.routes';
import backupRoutes from './backup/backup.routes';
import openDataRoutes from './opendata/opendata.routes';

/** Every feature module's routes, registered in this order. Add one line per module. */
export const featureModules: FastifyPluginAsync[] = [
  healthRoutes,
  authRoutes,
  totpRoutes,
  oidcRoutes,
  usersRoutes,
  auditRoutes,
  lookupsRoutes,
  notificationsRoutes,
  callsRoutes,
  portfolioRoutes,
  partnershipRoutes,
  fundingModule,
  policyRoutes,
  kpisRoutes,
  reviewRoutes,
  inboxRoutes,
  backupRoutes,
  openDataRoutes,
];
