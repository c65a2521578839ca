import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoEmail, type TestApp } from '../../helpers/test-app';
import { DEMO_PASSWORD } from '../../../src/server/demo/accounts.seed';

function attempt(t: TestApp, email: string, password: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });
}

describe('login throttling: growing delays per account and per address, no enumeration', () => {
  let t: TestApp;
  let now = new Date('2026-11-27T09:00:00Z');
  beforeAll(async () => {
    t = await createTestApp({ clock: () => now });
  });
  afterAll(() => t.close());

  it('delays (never locks) an account after the free failures; the delay grows and then passes', async () => {
    const email = demoEmail('officer');
    const codes: string[] = [];
    for (let i = 0; i < t.config.loginMaxFailures; i += 1)
      codes.push((await attempt(t, email, `wrong-${i}-password`)).json().code);
    expect(codes).toEqual(new Array(t.config.loginMaxFailures).fill('INVALID_CREDENTIALS'));
    const delayed = await attempt(t, email, DEMO_PASSWORD);
    expect(delayed.statusCode).toBe(429);
    expect(delayed.json().code).toBe('RATE_LIMITED');
    expect(delayed.headers['retry-after']).toBe('1');
    now = new Date(now.getTime() + 1_000);
    expect((await attempt(t, email, 'wrong-again-password')).json().code).toBe('INVALID_CREDENTIALS');
    const second = await attempt(t, email, DEMO_PASSWORD);
    expect(second.json().code).toBe('RATE_LIMITED');
    expect(second.headers['retry-after']).toBe('2');
    now = new Date(now.getTime() + 2_000);
    // The officer signs in as soon as the short delay has passed: no lock an attacker can impose.
    expect((await attempt(t, email, DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await attempt(t, email, 'wrong-after-success')).json().code).toBe('INVALID_CREDENTIALS');
  });

  it('answers an unknown account exactly like an existing one, delays included', async () => {
    const sequence = async (email: string) => {
      const out: string[] = [];
      for (let i = 0; i < t.config.loginMaxFailures + 2; i += 1) {
        const response = await attempt(t, email, `wrong-${i}-password`);
        out.push(`${response.statusCode}:${response.json().code}:${response.headers['retry-after'] ?? ''}`);
      }
      return out;
    };
    now = new Date(now.getTime() + 2 * 3_600_000);
    const existing = await sequence(demoEmail('analyst'));
    const unknown = await sequence('nobody-here@speerpunt.example');
    expect(unknown).toEqual(existing);
    expect(existing.some((line) => line.includes('ACCOUNT_LOCKED'))).toBe(false);
  });

  it('takes about as long for an unknown account as for a wrong password (dummy argon2)', async () => {
    now = new Date(now.getTime() + 2 * 3_600_000);
    // The fastest of several alternating tries on each side: the minimum ignores the pauses a busy
    // machine adds to single requests, and alternating shares any slow phase between both sides.
    const timeOfOne = async (email: string, i: number) => {
      const started = process.hrtime.bigint();
      await attempt(t, email, `wrong-${i}-timing`);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < t.config.loginMaxFailures - 1; i += 1) {
      knownTimes.push(await timeOfOne(demoEmail('expert'), i));
      unknownTimes.push(await timeOfOne('ghost@speerpunt.example', i));
    }
    const known = Math.min(...knownTimes);
    const unknown = Math.min(...unknownTimes);
    expect(unknown / known).toBeGreaterThan(0.5);
    expect(unknown / known).toBeLessThan(2);
  });

  it('evaluates at most the free failures when guesses arrive in parallel', async () => {
    now = new Date(now.getTime() + 2 * 3_600_000);
    const email = demoEmail('manager');
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(t, email, `parallel-${i}-guess`)),
    );
    const evaluated = responses.filter((r) => r.json().code === 'INVALID_CREDENTIALS').length;
    expect(evaluated).toBe(t.config.loginMaxFailures);
    expect(responses.filter((r) => r.statusCode === 429)).toHaveLength(20 - t.config.loginMaxFailures);
  });
});

describe('TRUST_PROXY: a client-chosen X-Forwarded-For does not escape the per-address limit', () => {
  for (const trustProxy of [1, ['127.0.0.1/8']] as const) {
    it(`trusting ${JSON.stringify(trustProxy)}: the address is the one the proxy appended`, async () => {
      const t = await createTestApp({
        config: { trustProxy: typeof trustProxy === 'number' ? trustProxy : [...trustProxy] },
      });
      try {
        const statuses: number[] = [];
        for (let i = 0; i <= t.config.loginAddressMaxFailures; i += 1) {
          const response = await attempt(t, `spray-${i}@speerpunt.example`, 'wrong-password-x', {
            'x-forwarded-for': `10.9.${i}.1, 203.0.113.7`,
          });
          statuses.push(response.statusCode);
        }
        expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
        expect(statuses.at(-1)).toBe(429);
        const other = await attempt(t, 'spray-x@speerpunt.example', 'wrong-password-x', {
          'x-forwarded-for': '203.0.113.8',
        });
        expect(other.statusCode).toBe(401);
      } finally {
        await t.close();
      }
    });
  }

  it('without TRUST_PROXY, X-Forwarded-For is ignored entirely', async () => {
    const t = await createTestApp({ config: { trustProxy: false } });
    try {
      let last = 0;
      for (let i = 0; i <= t.config.loginAddressMaxFailures; i += 1)
        last = (
          await attempt(t, `spray-${i}@speerpunt.example`, 'wrong-password-x', {
            'x-forwarded-for': `198.51.100.${i}`,
          })
        ).statusCode;
      expect(last).toBe(429);
    } finally {
      await t.close();
    }
  });
});
