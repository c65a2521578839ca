import type { Kysely } from 'kysely';
import type { DB } from '../../src/server/db/types';
import type { Role } from '../../src/server/db/core.tables';

export type Caller = Role | 'anonymous';

/** Ids from the demo database that rows can point at. */
export interface Fixtures {
  db: Kysely<DB>;
  userIds: Record<Role, string>;
  /** The demo manager's own cluster, and a cluster they do not belong to. */
  ownClusterId: string;
  otherClusterId: string;
  /** A well-formed id that exists nowhere. */
  missingId: string;
}

/**
 * One route in the authorization matrix. The request is sent as every role and anonymously.
 * Roles in `allow` must get `allowedStatus`; `hidden` roles get 404 (the object is not theirs);
 * every other signed-in role gets 403 and anonymous callers 401 (or `allowedStatus` when public).
 * Writes send a body that fails validation, so an allowed caller gets 400 and nothing changes.
 */
export interface AuthzRow {
  /** The route as registered, e.g. 'GET /api/users/:id'. */
  route: string;
  request: (f: Fixtures) => {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    payload?: unknown;
  };
  allow: Role[] | 'public';
  allowedStatus: number;
  /** Roles for which the object exists but is not theirs: must answer 404, like a missing one. */
  hidden?: Role[];
}

export type AuthzRows = AuthzRow[];
