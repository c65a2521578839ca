import type { Role } from '../db/core.tables';
import { createUser } from '../modules/users/create-user';
import { idOf, type DemoSeed } from './seed-context';

/** The one password of every demo account; printed at first start, never used outside the demo. */
export const DEMO_PASSWORD = 'Speerpunt-demo-2026';

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; cluster?: string }[] = [
  { email: 'admin@speerpunt.example', name: 'An Beheer (voorbeeld)', role: 'admin' },
  { email: 'officer@speerpunt.example', name: 'Olivier Opvolging (voorbeeld)', role: 'officer' },
  {
    email: 'manager@speerpunt.example',
    name: 'Mieke Manager (voorbeeld)',
    role: 'manager',
    cluster: 'Flux50',
  },
  { email: 'applicant@speerpunt.example', name: 'Arne Aanvrager (voorbeeld)', role: 'applicant' },
  { email: 'expert@speerpunt.example', name: 'Eva Expert (voorbeeld)', role: 'expert' },
  { email: 'analyst@speerpunt.example', name: 'Ali Analist (voorbeeld)', role: 'analyst' },
];

export const accountsSeed: DemoSeed = {
  name: 'accounts',
  async run(ctx) {
    for (const account of DEMO_ACCOUNTS) {
      const user = await createUser(ctx, {
        email: account.email,
        name: account.name,
        role: account.role,
        password: DEMO_PASSWORD,
        clusterIds: account.cluster ? [idOf(ctx, `cluster:${account.cluster}`)] : [],
      });
      ctx.ids.set(`user:${account.role}`, user.id);
    }
    // The demo officer follows every cluster.
    await ctx.db
      .updateTable('clusters')
      .set({ officer_user_id: idOf(ctx, 'user:officer') })
      .execute();
    ctx.log(`accounts: ${DEMO_ACCOUNTS.length} demo accounts`);
  },
};
