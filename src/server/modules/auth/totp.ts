import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { renderSVG } from 'uqr';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types';
import type { Config } from '../../../config';
import type { Role } from '../../db/core.tables';
import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import { claimLoginAttempt, clearLoginFailures, takeLoginAttempt } from './login-throttle';
import { hashPassword, verifyPassword } from './secrets';
import { openTotpSecret, totpKeyOf } from './totp-secret-box';

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
async function matchRecoveryCode(db: Kysely<DB>, userId: string, input: string): Promise<string | null> {
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

/** Which second factor a code proved, once it has been used up. */
export type SecondFactorUsed = 'totp' | 'recovery_code';

/**
 * The one check of a second-factor code for a signed-in step (sign-in, switching it off): claims a
 * throttled attempt, matches the code against the confirmed app secret or an unused recovery code,
 * and then, INSIDE one write transaction, uses the code up before `write` runs: a time step later
 * than the last accepted one, or the recovery code with `update … where used_at is null returning`.
 * Of concurrent requests with one code, exactly one gets past that statement (the row lock orders
 * them); the rest, like a wrong code, leave an `auth.second_factor_failed` audit row and get
 * TOTP_CODE_INVALID.
 */
export async function checkSecondFactor<T>(
  ctx: StepContext,
  options: { userId: string; code: string; clientAddress: string },
  write: (tx: Transaction<DB>, used: SecondFactorUsed) => Promise<T>,
): Promise<T> {
  const { userId, code } = options;
  const now = ctx.now();
  const totp = await ctx.db
    .selectFrom('user_totp')
    .selectAll()
    .where('user_id', '=', userId)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
  if (!totp) throw new AppError('TOTP_NOT_ENROLLED');
  await claimSecondFactorAttempt(ctx.db, ctx.config, userId, options.clientAddress, now);
  const last = totp.last_time_step === null ? null : Number(totp.last_time_step);
  const secret = openTotpSecret(totpKeyOf(ctx.config), userId, totp.secret);
  const step = await checkTotpCode(secret, code.trim(), now, last);
  const recoveryId = step === null ? await matchRecoveryCode(ctx.db, userId, code) : null;
  const outcome =
    step === null && recoveryId === null
      ? null
      : await ctx.db.transaction().execute(async (tx) => {
          const used =
            step !== null
              ? await useTimeStep(tx, userId, step)
              : recoveryId !== null && (await useRecoveryCode(tx, recoveryId, now));
          if (!used) return null;
          await clearSecondFactorFailures(tx, userId, now);
          return { value: await write(tx, step !== null ? 'totp' : 'recovery_code') };
        });
  if (outcome === null) {
    await ctx.db
      .transaction()
      .execute((tx) =>
        recordAudit(
          tx,
          ctx.auditActor,
          { action: 'auth.second_factor_failed', entityType: 'user', entityId: userId },
          ctx.requestId,
        ),
      );
    throw new AppError('TOTP_CODE_INVALID');
  }
  return outcome.value;
}

/** Only a later step than the last accepted one is written, so one code cannot pass twice. */
async function useTimeStep(tx: Transaction<DB>, userId: string, step: number): Promise<boolean> {
  const updated = await tx
    .updateTable('user_totp')
    .set({ last_time_step: step })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_time_step', 'is', null), eb('last_time_step', '<', step)]))
    .returning('user_id')
    .executeTakeFirst();
  return updated !== undefined;
}

async function useRecoveryCode(tx: Transaction<DB>, id: string, now: Date): Promise<boolean> {
  const used = await tx
    .updateTable('user_recovery_codes')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return used !== undefined;
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
