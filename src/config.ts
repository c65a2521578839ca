import path from 'node:path';

/** Runtime configuration, read once from the environment. Secrets never leave this object in logs. */
export interface Config {
  port: number;
  host: string;
  /** Set for a PostgreSQL server; absent means the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: string;
  trustProxy: boolean;
  /** Idle session lifetime in minutes. */
  sessionIdleMinutes: number;
  /** Absolute session lifetime in hours. */
  sessionMaxHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  smtpUrl: string | undefined;
  webDistDir: string;
}

function readInt(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number.parseInt(value, 10);
  if (!Number.isFinite(parsed)) throw new Error(`Expected an integer, got "${value}"`);
  return parsed;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: readInt(env.PORT, 8080),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.SPEERPUNT_DATA_DIR ?? './data'),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    sessionIdleMinutes: readInt(env.SESSION_IDLE_MINUTES, 120),
    sessionMaxHours: readInt(env.SESSION_MAX_HOURS, 12),
    loginMaxFailures: readInt(env.LOGIN_MAX_FAILURES, 5),
    loginLockMinutes: readInt(env.LOGIN_LOCK_MINUTES, 15),
    smtpUrl: env.SMTP_URL || undefined,
    webDistDir: path.resolve(env.SPEERPUNT_WEB_DIR ?? './dist/web'),
  };
}
