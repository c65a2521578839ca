import { sql } from 'kysely';
import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import { createSession } from './sessions.repository';
import type { SignInStage } from '../../db/core.tables';
import { totpRequiredFor } from './totp';
import { dummyPasswordHash, sha256, verifyPassword } from './secrets';
import {
  claimLoginAttempt,
  clearLoginFailures,
  returnLoginAttempt,
  takeLoginAttempt,
} from './login-throttle';

export interface LoginOptions {
  email: string;
  password: string;
  clientAddress: string;
}

/** The throttle key of an account: keyed by the address typed, so unknown accounts throttle alike. */
export function accountThrottleKey(email: string): string {
  return `account:${sha256(email.trim().toLowerCase())}`;
}

/**
 * Checks the password and opens a session. Unknown accounts and wrong passwords answer the same,
 * in the same time (a dummy argon2 verification). Attempts are throttled per account and per
 * client address with growing delays (never a lock): each attempt is claimed atomically before
 * the password is checked, so parallel guesses cannot outrun the count.
 */
export async function login(ctx: StepContext, options: LoginOptions) {
  const now = ctx.now();
  const { config } = ctx;
  if (!config.localLogin) throw new AppError('LOCAL_LOGIN_DISABLED');
  const addressKey = `address:${options.clientAddress}`;
  const accountKey = accountThrottleKey(options.email);
  if (!(await takeLoginAttempt(ctx.db, `ip:${options.clientAddress}`, now)))
    throw new AppError('RATE_LIMITED');
  const addressWait = await claimLoginAttempt(ctx.db, addressKey, now, {
    freeFailures: config.loginAddressMaxFailures,
    maxDelaySeconds: config.loginAddressMaxDelaySeconds,
  });
  if (addressWait > 0) throw new AppError('RATE_LIMITED', { context: { retryAfterSeconds: addressWait } });
  const accountWait = await claimLoginAttempt(ctx.db, accountKey, now, {
    freeFailures: config.loginMaxFailures,
    maxDelaySeconds: config.loginAccountMaxDelaySeconds,
  });
  if (accountWait > 0) {
    await returnLoginAttempt(ctx.db, addressKey, now);
    throw new AppError('RATE_LIMITED', { context: { retryAfterSeconds: accountWait } });
  }
  const user = await ctx.db
    .selectFrom('users')
    .leftJoin('user_totp as t', 't.user_id', 'users.id')
    .select([
      'users.id',
      'users.email',
      'users.role',
      'users.password_hash',
      'users.is_active',
      't.confirmed_at',
    ])
    .where(sql`lower(users.email)`, '=', options.email.trim().toLowerCase())
    .executeTakeFirst();
  const valid =
    user && user.is_active
      ? await verifyPassword(user.password_hash, options.password)
      : (await verifyPassword(await dummyPasswordHash(), options.password)) && false;
  if (!user || !valid) throw new AppError('INVALID_CREDENTIALS');
  // With a confirmed second factor the session waits for its code; a role that must have one
  // and has none is sent to set it up before anything else.
  const stage: SignInStage = user.confirmed_at
    ? 'second_factor'
    : totpRequiredFor(config, user.role)
      ? 'enrolment'
      : 'complete';
  return ctx.db.transaction().execute(async (tx) => {
    await clearLoginFailures(tx, accountKey, now);
    await returnLoginAttempt(tx, addressKey, now);
    const session = await createSession(tx, user.id, now, config.sessionMaxHours, { stage });
    await recordAudit(
      tx,
      { userId: user.id, label: user.email },
      stage === 'complete'
        ? { action: 'auth.login', entityType: 'user', entityId: user.id }
        : { action: 'auth.password_accepted', entityType: 'user', entityId: user.id, after: { next: stage } },
      ctx.requestId,
    );
    return { ...session, userId: user.id, stage };
  });
}
