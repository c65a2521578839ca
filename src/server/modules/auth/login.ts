import { sql } from 'kysely';
import { AppError } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import type { StepContext } from '../../http/request-context';
import { createSession } from './sessions.repository';
import { dummyPasswordHash, verifyPassword } from './secrets';
import { takeLoginAttempt } from './login-throttle';

export interface LoginOptions {
  email: string;
  password: string;
  clientAddress: string;
}

/**
 * Checks the password and opens a session. Unknown accounts and wrong passwords answer the
 * same; after `loginMaxFailures` failures the account locks for `loginLockMinutes`.
 */
export async function login(ctx: StepContext, options: LoginOptions) {
  const now = ctx.now();
  if (!(await takeLoginAttempt(ctx.db, `ip:${options.clientAddress}`, now)))
    throw new AppError('RATE_LIMITED');
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'password_hash', 'is_active', 'failed_logins', 'locked_until'])
    .where(sql`lower(email)`, '=', options.email.trim().toLowerCase())
    .executeTakeFirst();
  if (!user || !user.is_active) {
    await verifyPassword(await dummyPasswordHash(), options.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.locked_until && new Date(user.locked_until).getTime() > now.getTime()) {
    throw new AppError('ACCOUNT_LOCKED', {
      context: { lockedUntil: new Date(user.locked_until).toISOString() },
    });
  }
  if (!(await verifyPassword(user.password_hash, options.password))) {
    const failures = user.failed_logins + 1;
    const locks = failures >= ctx.config.loginMaxFailures;
    await ctx.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('users')
        .set({
          failed_logins: locks ? 0 : failures,
          locked_until: locks ? new Date(now.getTime() + ctx.config.loginLockMinutes * 60_000) : null,
        })
        .where('id', '=', user.id)
        .execute();
      if (locks) {
        await recordAudit(
          tx,
          { userId: null, label: 'login-guard' },
          { action: 'user.locked', entityType: 'user', entityId: user.id, after: { failures } },
          ctx.requestId,
        );
      }
    });
    throw new AppError(locks ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS');
  }
  return ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', user.id)
      .execute();
    const session = await createSession(tx, user.id, now, ctx.config.sessionMaxHours);
    await recordAudit(
      tx,
      { userId: user.id, label: user.email },
      { action: 'auth.login', entityType: 'user', entityId: user.id },
      ctx.requestId,
    );
    return { ...session, userId: user.id };
  });
}
