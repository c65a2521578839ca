import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import { systemActor } from '../../../src/server/http/actor';
import { generateKbo } from '../../../src/server/modules/kbo/generate-kbo';
import { importKbo } from '../../../src/server/modules/kbo/import-kbo';
import {
  openPgliteSession,
  openPostgresSession,
  type BulkSession,
} from '../../../src/server/modules/kbo/kbo-bulk';
import { isFlemishPostcode, sectionOfDivision } from '../../../src/server/modules/policy/nace';

/**
 * The footprint over a register loaded the way production loads it: the portfolio module's KBO generator
 * and importer.
 */
describe('economic footprint on an imported (generated) KBO register', () => {
  let t: TestApp;
  let officer: TestClient;
  let session: BulkSession;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-policy-kbo-'));

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.loginAs('officer');
    if (t.database.pglite) session = await openPgliteSession(t.database.pglite);
    else {
      const name = (await sql<{ name: string }>`select current_database() as name`.execute(t.database.db))
        .rows[0].name;
      const url = new URL(inject('serverUrl') as string);
      url.pathname = `/${name}`;
      session = await openPostgresSession(url.toString());
    }
    const folder = path.join(root, 'full');
    await generateKbo({ folder, enterprises: 3000, seed: 21 });
    await importKbo({ source: folder, onError: 'stop', session, auditActor: systemActor('test') });
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await t?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('counts Flemish enterprises per NACE section as an independent count over the raw rows does', async () => {
    const data = (await officer.get('/api/policy/footprint?level=section')).json().data;
    expect(data.note).toBeNull();
    const db = t.database.db;
    const active = new Set(
      (
        await db
          .selectFrom('kbo_enterprises')
          .select('enterprise_number')
          .where('status', '=', 'AC')
          .execute()
      ).map((e) => e.enterprise_number),
    );
    const offices = await db
      .selectFrom('kbo_addresses')
      .select(['entity_number', 'zipcode'])
      .where('type_of_address', '=', 'REGO')
      .execute();
    const flemish = new Set(
      offices
        .filter((a) => active.has(a.entity_number) && isFlemishPostcode(a.zipcode))
        .map((a) => a.entity_number),
    );
    expect(data.register.flemish).toBe(flemish.size);
    const activities = await db
      .selectFrom('kbo_activities')
      .select(['entity_number', 'nace_code'])
      .where('classification', '=', 'MAIN')
      .where('nace_version', '=', '2008')
      .execute();
    const perSection = new Map<string, Set<string>>();
    for (const a of activities) {
      if (!flemish.has(a.entity_number)) continue;
      const digits = a.nace_code.replace(/\D/g, '');
      const section = sectionOfDivision(Number(digits.slice(0, 2)));
      if (!section || digits.length < 2) continue;
      perSection.set(section, (perSection.get(section) ?? new Set()).add(a.entity_number));
    }
    const expected = Object.fromEntries([...perSection].map(([section, set]) => [section, set.size]));
    const actual = Object.fromEntries(
      data.rows
        .filter((r: { code: string }) => r.code !== '?')
        .map((r: { code: string; enterprises: number }) => [r.code, r.enterprises]),
    );
    expect(actual).toEqual(expected);
    expect(data.weakest.length).toBeGreaterThan(0);
  });
});
