import path from 'node:path';
import type { Role } from './server/db/core.tables';
import { ROLES } from './server/http/access';
import { parseOidcProviders, type OidcProviderConfig } from './oidc-config';
import { parseTotpKey } from './server/modules/auth/totp-secret-box';

/** Runtime configuration, read once from the environment. Secrets never leave this object in logs. */
export interface Config {
  port: number;
  host: string;
  /** Set for a PostgreSQL server; absent means the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: string;
  /**
   * Which proxies may set `X-Forwarded-For`/`-Proto`: false (none), a hop count, or a list of
   * addresses/CIDR ranges (Fastify's `trustProxy`). Never "all": a client could pick its address.
   */
  trustProxy: false | number | string[];
  /** Idle session lifetime in minutes. */
  sessionIdleMinutes: number;
  /** Absolute session lifetime in hours. */
  sessionMaxHours: number;
  /** Failed logins per account before growing delays begin. */
  loginMaxFailures: number;
  /** The longest delay between two login attempts on one account, in seconds. */
  loginAccountMaxDelaySeconds: number;
  /** Failed logins per client address before growing delays begin. */
  loginAddressMaxFailures: number;
  /** The longest delay between two login attempts from one client address, in seconds. */
  loginAddressMaxDelaySeconds: number;
  /** The longest life of an API token, in days (also the life of one created without a choice). */
  apiTokenMaxDays: number;
  /** The longest a request may take to arrive in full (headers and body), in seconds. */
  requestTimeoutSeconds: number;
  /** Uploaded XLSX/ZIP files: the most they may expand to, and the most entries they may hold. */
  uploadMaxUncompressedBytes: number;
  uploadMaxZipEntries: number;
  /** CSV uploads and register files: the longest record (line) in characters; longer stops the read. */
  importMaxRecordChars: number;
  /** The enterprise-register zip (`import kbo`): the most it may expand to. */
  kboMaxUncompressedBytes: number;
  /** How often the server writes an audit checkpoint (chain length and head), in minutes. */
  auditCheckpointMinutes: number;
  /** Also append each checkpoint as a JSON line to this file (somewhere the database cannot write). */
  auditCheckpointFile: string | undefined;
  smtpUrl: string | undefined;
  /**
   * Where people reach the web app, without a trailing slash (`PUBLIC_URL`): the base of every link
   * in e-mails, calendar feeds and the open-data catalogue. Default `http://localhost:<port>`.
   */
  publicUrl: string;
  /** The domain of calendar event UIDs (`CALENDAR_DOMAIN`; default the host name of `publicUrl`). */
  calendarDomain: string;
  /**
   * The publisher of the open data (`dct:publisher` in the DCAT-AP catalogue): its name
   * (`OPEN_DATA_PUBLISHER_NAME`, one name for both languages; default the agency's Dutch and English
   * names) and URI (`OPEN_DATA_PUBLISHER_URI`, e.g. the agency's OVO code under
   * data.vlaanderen.be/id/organisatie; default the agency's website).
   */
  openDataPublisher: { nameNl: string; nameEn: string; uri: string };
  webDistDir: string;
  /** Roles whose local (password) accounts must use a second factor (TOTP); `REQUIRE_TOTP_FOR`. */
  requireTotpFor: Role[];
  /** The issuer name an authenticator app shows beside the account; `TOTP_ISSUER`. */
  totpIssuer: string;
  /**
   * The AES-256 key that seals TOTP secrets at rest (`TOTP_ENCRYPTION_KEY`, 32 bytes as hex or
   * base64); unset: a key file in `dataDir` (see totp-secret-box.ts). Never logged.
   */
  totpEncryptionKey: Buffer | undefined;
  /** False switches local passwords off: only the OpenID Connect providers sign people in. */
  localLogin: boolean;
  /** OpenID Connect providers (`OIDC_PROVIDERS` and `OIDC_<ID>_*`), each a button on the login page. */
  oidcProviders: OidcProviderConfig[];
}

/** `REQUIRE_TOTP_FOR=admin,officer`: a comma-separated list of roles. */
export function parseRoleList(value: string | undefined, name: string): Role[] {
  const roles = (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  for (const role of roles)
    if (!ROLES.includes(role as Role)) throw new Error(`${name}: unknown role "${role}"`);
  return roles as Role[];
}

function readBoolean(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new Error(`Expected true or false, got "${value}"`);
}

/** `PUBLIC_URL`: an absolute http(s) URL; the trailing slash is dropped. */
export function parsePublicUrl(value: string | undefined, port: number): string {
  const text = (value ?? '').trim();
  if (text === '') return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    throw new Error(
      `PUBLIC_URL: expected an absolute URL such as https://speerpunt.vlaanderen.be, got "${text}"`,
      {
        cause: error,
      },
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`PUBLIC_URL: expected http or https, got "${url.protocol}"`);
  if (url.search !== '' || url.hash !== '') throw new Error('PUBLIC_URL: expected no query or fragment');
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

const DEFAULT_PUBLISHER = {
  nameNl: 'Agentschap Innoveren & Ondernemen (VLAIO)',
  nameEn: 'Flanders Innovation & Entrepreneurship (VLAIO)',
  uri: 'https://www.vlaio.be',
};

/** `OPEN_DATA_PUBLISHER_NAME` and `OPEN_DATA_PUBLISHER_URI` (an absolute http(s) URI). */
function parseOpenDataPublisher(env: NodeJS.ProcessEnv): Config['openDataPublisher'] {
  const name = (env.OPEN_DATA_PUBLISHER_NAME ?? '').trim();
  const uri = (env.OPEN_DATA_PUBLISHER_URI ?? '').trim();
  if (uri !== '' && !/^https?:\/\/[^\s/]+\S*$/.test(uri))
    throw new Error(`OPEN_DATA_PUBLISHER_URI: expected an absolute http(s) URI, got "${uri}"`);
  return {
    nameNl: name || DEFAULT_PUBLISHER.nameNl,
    nameEn: name || DEFAULT_PUBLISHER.nameEn,
    uri: uri || DEFAULT_PUBLISHER.uri,
  };
}

/** `TRUST_PROXY`: unset/false, a hop count (true means 1), or a comma-separated address list. */
export function parseTrustProxy(value: string | undefined): false | number | string[] {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return false;
  if (text === 'true') return 1;
  if (/^\d+$/.test(text)) return Number.parseInt(text, 10);
  const addresses = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  for (const address of addresses) {
    if (!/^[0-9A-Fa-f.:]+(\/\d{1,3})?$/.test(address) && address !== 'loopback' && address !== 'uniquelocal')
      throw new Error(`TRUST_PROXY: expected a hop count or proxy addresses, got "${address}"`);
  }
  return addresses;
}

function readInt(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number.parseInt(value, 10);
  if (!Number.isFinite(parsed)) throw new Error(`Expected an integer, got "${value}"`);
  return parsed;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = readInt(env.PORT, 8080);
  const publicUrl = parsePublicUrl(env.PUBLIC_URL, port);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.SPEERPUNT_DATA_DIR ?? './data'),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    sessionIdleMinutes: readInt(env.SESSION_IDLE_MINUTES, 120),
    sessionMaxHours: readInt(env.SESSION_MAX_HOURS, 12),
    loginMaxFailures: readInt(env.LOGIN_MAX_FAILURES, 5),
    loginAccountMaxDelaySeconds: readInt(env.LOGIN_ACCOUNT_MAX_DELAY_SECONDS, 60),
    loginAddressMaxFailures: readInt(env.LOGIN_ADDRESS_MAX_FAILURES, 20),
    loginAddressMaxDelaySeconds: readInt(env.LOGIN_ADDRESS_MAX_DELAY_SECONDS, 900),
    apiTokenMaxDays: readInt(env.API_TOKEN_MAX_DAYS, 365),
    requestTimeoutSeconds: readInt(env.REQUEST_TIMEOUT_SECONDS, 60),
    uploadMaxUncompressedBytes: readInt(env.UPLOAD_MAX_UNCOMPRESSED_MB, 20) * 1024 * 1024,
    uploadMaxZipEntries: readInt(env.UPLOAD_MAX_ZIP_ENTRIES, 200),
    importMaxRecordChars: readInt(env.IMPORT_MAX_RECORD_CHARS, 65_536),
    kboMaxUncompressedBytes: readInt(env.KBO_MAX_UNCOMPRESSED_MB, 20_480) * 1024 * 1024,
    auditCheckpointMinutes: readInt(env.AUDIT_CHECKPOINT_MINUTES, 10),
    auditCheckpointFile: env.AUDIT_CHECKPOINT_FILE ? path.resolve(env.AUDIT_CHECKPOINT_FILE) : undefined,
    smtpUrl: env.SMTP_URL || undefined,
    publicUrl,
    calendarDomain: (env.CALENDAR_DOMAIN ?? '').trim() || new URL(publicUrl).hostname,
    openDataPublisher: parseOpenDataPublisher(env),
    webDistDir: path.resolve(env.SPEERPUNT_WEB_DIR ?? './dist/web'),
    requireTotpFor: parseRoleList(env.REQUIRE_TOTP_FOR, 'REQUIRE_TOTP_FOR'),
    totpIssuer: env.TOTP_ISSUER || 'Speerpunt',
    totpEncryptionKey: env.TOTP_ENCRYPTION_KEY ? parseTotpKey(env.TOTP_ENCRYPTION_KEY) : undefined,
    localLogin: readBoolean(env.LOCAL_LOGIN, true),
    oidcProviders: parseOidcProviders(env),
  };
}
