import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { renderSVG } from 'uqr';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { Config } from '../../../config';
import type { Role } from '../../db/core.tables';
import { AppError } from '../../errors/app-error';
import { claimLoginAttempt, clearLoginFailures, takeLoginAttempt } from './login-throttle';
import { hashPassword, verifyPassword } from './secrets';

/** RFC 6238 defaults that every authenticator app understands: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
/** One step of clock drift either way. */
const TOLERANCE_SECONDS = PERIOD_SECONDS;
export const RECOVERY_CODE_COUNT = 10;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI an app scans, and the same as an SVG QR code. */
export function enrolmentPicture(issuer: string, label: string, secret: string) {
  const uri = generateURI({ issuer, label, secret, period: PERIOD_SECONDS });
  return { uri, qrSvg: renderSVG(uri, { border: 2 }) };
}

/**
 * The time step of a valid code, or null. A code of `afterTimeStep` or earlier is refused, so a
 * code cannot be used twice (RFC 6238 section 5.2).
 */
export async function checkTotpCode(
  secret: string,
  code: string,
  now: Date,
  afterTimeStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    period: PERIOD_SECONDS,
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Ten recovery codes (`xxxx-xxxx-xxxx`, lower-case letters and digits) and their argon2 hashes. */
export async function newRecoveryCodes(): Promise<{ codes: string[]; hashes: string[] }> {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
  return { codes, hashes: await Promise.all(codes.map((code) => hashPassword(code))) };
}

export function normaliseRecoveryCode(input: string): string {
  const compact = input.trim().toLowerCase().replace(/[\s-]/g, '');
  return compact.length === 12
    ? `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`
    : compact;
}

/** The id of the unused recovery code that matches, or null. */
export async function matchRecoveryCode(
  db: Kysely<DB>,
  userId: string,
  input: string,
): Promise<string | null> {
  const code = normaliseRecoveryCode(input);
  if (!/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/.test(code)) return null;
  const rows = await db
    .selectFrom('user_recovery_codes')
    .select(['id', 'code_hash'])
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
  for (const row of rows) if (await verifyPassword(row.code_hash, code)) return row.id;
  return null;
}

export function totpRequiredFor(config: Config, role: Role): boolean {
  return config.requireTotpFor.includes(role);
}

/** Second-factor attempts are throttled like passwords: per client address and per account. */
export function secondFactorThrottleKey(userId: string): string {
  return `totp:${userId}`;
}

export async function claimSecondFactorAttempt(
  db: Kysely<DB>,
  config: Config,
  userId: string,
  clientAddress: string,
  now: Date,
): Promise<void> {
  if (!(await takeLoginAttempt(db, `ip:${clientAddress}`, now))) throw new AppError('RATE_LIMITED');
  const wait = await claimLoginAttempt(db, secondFactorThrottleKey(userId), now, {
    freeFailures: config.loginMaxFailures,
    maxDelaySeconds: config.loginAccountMaxDelaySeconds,
  });
  if (wait > 0) throw new AppError('RATE_LIMITED', { context: { retryAfterSeconds: wait } });
}

export function clearSecondFactorFailures(db: Kysely<DB>, userId: string, now: Date): Promise<void> {
  return clearLoginFailures(db, secondFactorThrottleKey(userId), now);
}
