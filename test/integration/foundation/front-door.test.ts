import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app';

/** The web app's front door: every page path answers the app, missing files 404, the API is unchanged. */
describe('the front door', () => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'speerpunt-web-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(
      path.join(webDir, 'index.html'),
      '<!doctype html><title>Speerpunt</title><div id="root"></div>',
    );
    fs.writeFileSync(path.join(webDir, 'assets', 'app-1.js'), 'console.log("app");');
    t = await createTestApp({ config: { webDistDir: webDir } });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it.each(['/', '/public', '/public/', '/review/calls/123', '/calls/', '/assets', '/login?next=%2F'])(
    'answers the app for %s',
    async (url) => {
      const response = await t.anonymous.get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
    },
  );

  it('serves a built file and answers 404 for a missing one', async () => {
    const file = await t.anonymous.get('/assets/app-1.js');
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('console.log');
    for (const url of ['/assets/nope.js', '/favicon.ico', '/assets/deep/nope.css']) {
      const missing = await t.anonymous.get(url);
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('NOT_FOUND');
    }
  });

  it('leaves the API as it was: unknown routes 404 in JSON, protected routes 401', async () => {
    const unknown = await t.anonymous.get('/api/nowhere');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('NOT_FOUND');
    expect((await t.anonymous.get('/api/auth/me')).statusCode).not.toBe(404);
    expect((await t.anonymous.get('/api/calls')).statusCode).toBe(401);
    expect((await t.anonymous.get('/api/public/calls')).statusCode).toBe(200);
  });

  it('never answers a page for other methods', async () => {
    const response = await t.anonymous.request('POST', '/somewhere', {});
    expect(response.statusCode).toBe(404);
  });
});
