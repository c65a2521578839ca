import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app';

/**
 * A client generated from /api/openapi.json compiles: `openapi-typescript` turns the document into
 * TypeScript types in a temporary folder, and `tsc --strict` checks a small file that uses them
 * (an open-data page, a call's query, the error envelope) against them.
 */

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

const USAGE = `import type { components, paths } from './api';

type ClustersPage =
  paths['/api/public/clusters']['get']['responses']['200']['content']['application/json'];
type CallsQuery = NonNullable<paths['/api/public/calls']['get']['parameters']['query']>;
type OpenCluster = components['schemas']['OpenCluster'];
type ApiError = components['schemas']['Error'];

export const query: CallsQuery = { page: 2, pageSize: 50 };
export function urisOf(answer: ClustersPage): string[] {
  return answer.data.map((cluster: OpenCluster) => cluster.uri);
}
export function totalOf(answer: ClustersPage): number {
  return answer.page.total;
}
export const missing: ApiError['code'] = 'NOT_FOUND';
export const message = (error: ApiError): string => error.message.nl + ' / ' + error.message.en;
`;

const BROKEN = `import type { components } from './api';
export const wrong: components['schemas']['Error']['code'] = 'NO_SUCH_CODE';
`;

async function typecheck(folder: string, file: string): Promise<{ ok: boolean; output: string }> {
  try {
    await run(
      process.execPath,
      [
        TSC,
        '--noEmit',
        '--strict',
        '--target',
        'es2022',
        '--module',
        'esnext',
        '--moduleResolution',
        'bundler',
        file,
      ],
      { cwd: folder },
    );
    return { ok: true, output: '' };
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${stdout ?? ''}${stderr ?? ''}` };
  }
}

describe('a TypeScript client generated from the OpenAPI document (openapi-typescript, tsc)', () => {
  let t: TestApp;
  let folder: string;

  beforeAll(async () => {
    t = await createTestApp();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'speerpunt-client-'));
    const document = (await t.anonymous.get('/api/openapi.json')).json();
    const types = astToString(await openapiTS(document));
    fs.writeFileSync(path.join(folder, 'api.d.ts'), types);
    fs.writeFileSync(path.join(folder, 'usage.ts'), USAGE);
    fs.writeFileSync(path.join(folder, 'broken.ts'), BROKEN);
  });
  afterAll(async () => {
    await t?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('generates types that a strict compile of a small client accepts', async () => {
    const result = await typecheck(folder, 'usage.ts');
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  }, 120_000);

  it('and that refuse what the API does not have (an unknown error code)', async () => {
    const result = await typecheck(folder, 'broken.ts');
    expect(result.ok).toBe(false);
    expect(result.output).toContain('NO_SUCH_CODE');
  }, 120_000);
});
