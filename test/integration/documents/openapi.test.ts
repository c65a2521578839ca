import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import type { AuthzRow } from '../../authz/matrix';

/**
 * The OpenAPI document as an API client's tools read it: written to .cache/openapi.json and linted
 * with `redocly lint` (redocly.yaml: the recommended rules), then checked for what a generated
 * client relies on: operationIds, security, the shared error envelope, typed downloads, servers.
 */

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');
const OUTPUT = path.join(ROOT, '.cache', 'openapi.json');
const REDOCLY = path.join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Response {
  $ref?: string;
  description?: string;
  content?: Record<string, { schema?: { $ref?: string; type?: string; format?: string } }>;
}
interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, Response>;
}
interface Document {
  openapi: string;
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, { properties?: Record<string, { enum?: string[] }> }>;
    responses: Record<string, Response>;
    securitySchemes: Record<string, { type: string; in?: string; name?: string; scheme?: string }>;
  };
}

const matrixModules = import.meta.glob<{ rows: AuthzRow[] }>('../../authz/*.authz.ts', { eager: true });
const matrixRows = Object.values(matrixModules).flatMap((module) => module.rows);

describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: Document;
  const operations: { key: string; method: string; path: string; operation: Operation }[] = [];

  beforeAll(async () => {
    // As a deployment with PUBLIC_URL set (redocly warns about a localhost server).
    t = await createTestApp({ template: 'migrated', config: { publicUrl: 'https://speerpunt.test' } });
    doc = (await t.anonymous.get('/api/openapi.json')).json();
    fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
    fs.writeFileSync(OUTPUT, JSON.stringify(doc, null, 2));
    for (const [route, methods] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(methods))
        operations.push({
          key: `${method.toUpperCase()} ${route.replace(/\{(\w+)\}/g, ':$1')}`,
          method,
          path: route,
          operation,
        });
  });
  afterAll(() => t.close());

  it('passes `redocly lint` with the recommended rules: no errors, no warnings', async () => {
    const result = await run(process.execPath, [REDOCLY, 'lint', OUTPUT, '--format', 'json'], {
      cwd: ROOT,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout: string; stderr: string }) => error);
    const report = JSON.parse(result.stdout) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; message: string; location: { pointer?: string }[] }[];
    };
    const problems = report.problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`);
    expect(problems.slice(0, 20)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('names the server from PUBLIC_URL', () => {
    expect(doc.servers).toEqual([{ url: 'https://speerpunt.test' }]);
  });

  it('gives every operation a unique operationId', () => {
    expect(operations.length).toBeGreaterThan(200);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.filter((id) => !id || !/^[a-z][A-Za-z0-9]+$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const byKey = new Map(operations.map((o) => [o.key, o.operation.operationId]));
    expect(byKey.get('GET /api/clusters/:id/members.xlsx')).toBe('getClustersByIdMembersXlsx');
    expect(byKey.get('POST /api/auth/login')).toBe('postAuthLogin');
  });

  it('declares the session cookie, the CSRF header and bearer tokens, and who may call each operation', () => {
    expect(doc.components.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'sp_session' },
      csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
      token: { type: 'http', scheme: 'bearer' },
    });
    const byKey = new Map(operations.map((o) => [o.key, o]));
    const checked: string[] = [];
    // The authorization matrix is written independently of the routes: the document must agree with it.
    for (const row of matrixRows) {
      const entry = byKey.get(row.route);
      if (!entry) continue;
      checked.push(row.route);
      const security = entry.operation.security;
      if (row.allow === 'public') {
        expect(security, row.route).toEqual([]);
        continue;
      }
      const write = !['get', 'head'].includes(entry.method);
      expect(
        security?.map((requirement) => Object.keys(requirement).sort()),
        row.route,
      ).toEqual([write ? ['csrf', 'session'] : ['session'], ['token']]);
      for (const requirement of security ?? []) {
        const roles = requirement.session ?? requirement.token;
        expect(roles, row.route).toEqual(expect.arrayContaining([...row.allow, ...(row.hidden ?? [])]));
      }
    }
    expect(checked.length).toBeGreaterThan(200);
    expect(
      operations.filter(({ operation }) => !Array.isArray(operation.security)).map((o) => o.key),
    ).toEqual([]);
  });

  it('documents the errors of every operation with the one shared error envelope', () => {
    const error = doc.components.schemas.Error;
    expect(Object.keys(error.properties ?? {}).sort()).toEqual([
      'code',
      'context',
      'details',
      'message',
      'requestId',
    ]);
    expect(error.properties?.code.enum).toEqual(expect.arrayContaining(['VALIDATION_FAILED', 'NOT_FOUND']));
    for (const response of Object.values(doc.components.responses))
      expect(JSON.stringify(response.content)).toContain('#/components/schemas/Error');
    const missing: string[] = [];
    const expectStatus = (key: string, operation: Operation, status: string) => {
      if (!operation.responses[status]?.$ref?.startsWith('#/components/responses/'))
        missing.push(`${key} ${status}`);
    };
    for (const { key, method, operation } of operations) {
      for (const status of ['400', '500', 'default']) expectStatus(key, operation, status);
      if ((operation.security ?? []).length > 0)
        for (const s of ['401', '403']) expectStatus(key, operation, s);
      if ((operation.parameters ?? []).some((p) => p.in === 'path')) expectStatus(key, operation, '404');
      if (method !== 'get') expectStatus(key, operation, '409');
    }
    expect(missing).toEqual([]);
    expect(JSON.stringify(doc.components.responses.Unauthenticated)).toContain('SESSION_INVALID');
  });

  it('an actual error answer fits the documented envelope', async () => {
    const response = await t.anonymous.get('/api/users');
    expect(response.statusCode).toBe(401);
    const body = response.json();
    const schema = doc.components.schemas.Error;
    expect(Object.keys(body).every((name) => name in (schema.properties ?? {}))).toBe(true);
    expect(schema.properties?.code.enum).toContain(body.code);
  });

  it('names the shared shapes as components', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'Error',
        'ErrorDetail',
        'LocalisedText',
        'PageInfo',
        'Abilities',
        'User',
        'Call',
      ]),
    );
    const users = doc.paths['/api/users'].get.responses['200'].content?.['application/json'].schema;
    expect(JSON.stringify(users)).toContain('#/components/schemas/User');
  });

  it('types every answer: JSON with a schema, or a download with its media type as binary', () => {
    const untyped: string[] = [];
    for (const { key, operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!status.startsWith('2') || status === '204') continue;
        const content = Object.entries(response.content ?? {});
        if (content.length === 0 || content.some(([, media]) => !media.schema))
          untyped.push(`${key} ${status}`);
      }
    }
    expect(untyped).toEqual([]);
    const download = (key: string) => {
      const found = operations.find((o) => o.key === key);
      return found?.operation.responses['200'].content ?? {};
    };
    const binary = { schema: { type: 'string', format: 'binary' } };
    expect(download('GET /api/users.xlsx')).toEqual({ [XLSX]: binary });
    expect(download('GET /api/clusters/:id/members.csv')).toEqual({ 'text/csv': binary });
    expect(download('GET /api/kpis/reports/portfolio.pdf')).toEqual({ 'application/pdf': binary });
    expect(download('GET /api/partnership/calendar/:file')).toEqual({ 'text/calendar': binary });
    expect(download('GET /api/policy/exports/:table')).toEqual({ [XLSX]: binary, 'text/csv': binary });
    expect(Object.keys(download('GET /api/proposals/:id/attachments/:attachmentId'))).toContain(
      'application/pdf',
    );
    const xlsxRoutes = operations.filter((o) => o.key.endsWith('.xlsx'));
    expect(xlsxRoutes.length).toBeGreaterThan(30);
    for (const route of xlsxRoutes) expect(Object.keys(download(route.key)), route.key).toEqual([XLSX]);
    const upload = operations.find((o) => o.key === 'POST /api/proposals/:id/attachments');
    expect(Object.keys(upload?.operation.requestBody?.content ?? {})).toEqual(['multipart/form-data']);
  });
});
