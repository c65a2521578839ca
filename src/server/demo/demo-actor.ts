import type { Actor } from '../http/actor';
import type { Role } from '../db/core.tables';
import { idOf, type SeedContext } from './seed-context';

/**
 * The demo account of a role as the actor of a step, read from the database as a session would
 * see it (name, locale, a manager's clusters). The seeds run the same steps people use, so they
 * act as these accounts; which audit actor a seed records stays the seed's choice.
 */
export async function getDemoActor(ctx: SeedContext, role: Role): Promise<Actor> {
  const userId = idOf(ctx, `user:${role}`);
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'locale'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const clusters = await ctx.db
    .selectFrom('user_clusters')
    .select('cluster_id')
    .where('user_id', '=', userId)
    .execute();
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    clusterIds: clusters.map((c) => c.cluster_id),
    via: 'session',
  };
}
