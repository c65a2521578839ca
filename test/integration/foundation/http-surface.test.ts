import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app';

describe('the HTTP surface: OpenAPI, docs, health and security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists every API route in /api/openapi.json (OpenAPI 3.1)', async () => {
    const doc = (await t.anonymous.get('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set<string>();
    for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(methods))
        documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    const routes = t.app.routeCatalogue
      .filter(
        (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json',
      )
      .map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !documented.has(r))).toEqual([]);
  });

  it('serves the browsable docs at /api/docs', async () => {
    const response = await t.anonymous.get('/api/docs/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });

  it('checks the database in /healthz', async () => {
    expect((await t.anonymous.get('/healthz')).json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('sends CSP, no framing, nosniff and a request id on every answer', async () => {
    for (const url of ['/healthz', '/api/auth/me', '/api/nowhere']) {
      const response = await t.anonymous.get(url);
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-request-id']).toBeTruthy();
    }
  });
});
