import { describe, expect, it } from 'vitest';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import type { DB } from '../../../src/server/db/types';
import { lineTotalsSql, projectsQuery } from '../../../src/server/modules/funding/funding.repository';
import type { Actor } from '../../../src/server/http/actor';

/** The budget queries as SQL files: a change to them shows up as an SQL diff in review. */
const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const manager: Actor = {
  userId: 'u',
  email: 'm@example',
  name: 'M',
  role: 'manager',
  locale: 'nl',
  clusterIds: ['c1'],
  via: 'session',
};

describe('budget SQL snapshots', () => {
  it('line totals', async () => {
    await expect(lineTotalsSql().compile(db).sql.trim()).toMatchFileSnapshot('./__sql__/line-totals.sql');
  });
  it('projects a manager may see', async () => {
    await expect(projectsQuery(db, manager).compile().sql).toMatchFileSnapshot(
      './__sql__/projects-visible-to-manager.sql',
    );
  });
});
