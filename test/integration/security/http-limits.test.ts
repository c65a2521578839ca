import net from 'node:net';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config';
import { buildApp, loggerOptions } from '../../../src/server/app';
import { createTestDatabase } from '../../helpers/test-database';

describe('HTTP limits: slow bodies are cut off, calendar tokens stay out of the log', () => {
  it('closes a request whose body stalls, within the request timeout', async () => {
    const database = await createTestDatabase('demo');
    const config = { ...loadConfig({}), webDistDir: '/nonexistent', requestTimeoutSeconds: 2 };
    const app = await buildApp({ db: database.db, config });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = app.server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      const started = Date.now();
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(address.port, '127.0.0.1');
        let received = '';
        socket.on('data', (chunk) => (received += chunk.toString()));
        socket.on('close', () => resolve(received));
        socket.on('error', reject);
        socket.write(
          'POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
            'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"email":',
        );
        // Trickle one byte a second, as a slow-body attacker would.
        const trickle = setInterval(() => socket.writable && socket.write(' '), 500);
        socket.on('close', () => clearInterval(trickle));
        setTimeout(() => socket.destroy(new Error('still open after 10 s')), 10_000);
      });
      const elapsed = Date.now() - started;
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(elapsed).toBeLessThan(5_000);
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('logs calendar feed requests without their token', async () => {
    const database = await createTestDatabase('demo');
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const config = { ...loadConfig({}), webDistDir: '/nonexistent' };
    const options = loggerOptions('info');
    const app = await buildApp({
      db: database.db,
      config,
      logger: typeof options === 'object' ? { ...options, stream } : options,
    });
    try {
      await app.inject({ method: 'GET', url: '/api/partnership/calendar/TOPSECRETTOKEN123.ics' });
      await app.inject({ method: 'GET', url: '/api/partnership/calendar/TOPSECRETTOKEN123.ics?token=ALSO' });
      const log = lines.join('');
      expect(log).toContain('/api/partnership/calendar/[redacted].ics');
      expect(log).not.toContain('TOPSECRETTOKEN123');
      expect(log).not.toContain('ALSO');
    } finally {
      await app.close();
      await database.close();
    }
  });
});
