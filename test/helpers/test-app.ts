import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/config';
import { buildApp } from '../../src/server/app';
import type { Database } from '../../src/server/db/database';
import type { Role } from '../../src/server/db/core.tables';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/server/demo/accounts.seed';
import { createTestDatabase, type TemplateName } from './test-database';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** Signs in as the demo account of a role (or any e-mail/password) and returns a client. */
  loginAs(role: Role): Promise<TestClient>;
  login(email: string, password: string): Promise<TestClient>;
  anonymous: TestClient;
  close(): Promise<void>;
}

export interface TestClient {
  cookie: string | null;
  csrf: string | null;
  userId: string | null;
  request(
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export function clientFor(
  app: FastifyInstance,
  cookie: string | null,
  csrf: string | null,
  userId: string | null = null,
): TestClient {
  const request: TestClient['request'] = (method, url, payload, headers = {}) =>
    app.inject({
      method,
      url,
      headers: {
        ...(cookie ? { cookie: `sp_session=${cookie}` } : {}),
        ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
        ...headers,
      },
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
  return {
    cookie,
    csrf,
    userId,
    request,
    get: (url) => request('GET', url),
    post: (url, payload) => request('POST', url, payload ?? {}),
    put: (url, payload) => request('PUT', url, payload ?? {}),
    patch: (url, payload) => request('PATCH', url, payload ?? {}),
    delete: (url) => request('DELETE', url),
  };
}

/**
 * Clients by user id for a test file (for example the experts the solver picked): each user signs
 * in once with the demo password, later calls reuse that client.
 */
export function clientsByUser(app: () => TestApp): (userId: string) => Promise<TestClient> {
  const clients = new Map<string, Promise<TestClient>>();
  return (userId) => {
    let client = clients.get(userId);
    if (!client) {
      const t = app();
      client = t.database.db
        .selectFrom('users')
        .select('email')
        .where('id', '=', userId)
        .executeTakeFirstOrThrow()
        .then((user) => t.login(user.email, DEMO_PASSWORD));
      clients.set(userId, client);
    }
    return client;
  };
}

/** The TOTP encryption key of test apps. */
export const TEST_TOTP_KEY = Buffer.alloc(32, 7);

export function demoEmail(role: Role): string {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`No demo account for ${role}`);
  return account.email;
}

/** A real app on a real database (PGlite, or PostgreSQL when TEST_DATABASE_URL is set). */
export async function createTestApp(
  options: { template?: TemplateName; clock?: () => Date; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(options.template ?? 'demo');
  const config = {
    ...loadConfig({}),
    webDistDir: '/nonexistent',
    // A fixed test key, so no key file is written into the working directory.
    totpEncryptionKey: TEST_TOTP_KEY,
    ...options.config,
  };
  const app = await buildApp({ db: database.db, config, clock: options.clock });
  await app.ready();
  const login = async (email: string, password: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
    });
    if (response.statusCode !== 200)
      throw new Error(`Login of ${email} failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'sp_session')?.value ?? null;
    const body = response.json();
    return clientFor(app, cookie, body.data.csrfToken, body.data.user.id);
  };
  return {
    app,
    database,
    config,
    login,
    loginAs: (role) => login(demoEmail(role), DEMO_PASSWORD),
    anonymous: clientFor(app, null, null),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
