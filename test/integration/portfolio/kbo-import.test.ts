import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { systemActor } from '../../../src/server/http/actor';
import { generateKbo } from '../../../src/server/modules/kbo/generate-kbo';
import { importKbo, KboImportError, type MalformedReport } from '../../../src/server/modules/kbo/import-kbo';
import {
  openPgliteSession,
  openPostgresSession,
  type BulkSession,
} from '../../../src/server/modules/kbo/kbo-bulk';
import { KboSourceError } from '../../../src/server/modules/kbo/kbo-source';
import { writeStoredZip } from '../../../src/server/modules/kbo/stored-zip';

describe('enterprise-register (KBO) import', () => {
  let t: TestApp;
  let session: BulkSession;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-kbo-test-'));
  const count = async (table: 'kbo_enterprises' | 'kbo_activities' | 'kbo_addresses' | 'kbo_denominations') =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.database.db))
        .rows[0].n,
    );
  const run = (
    source: string,
    onError: 'stop' | 'skip' = 'stop',
    onMalformed?: (r: MalformedReport) => void,
  ) => importKbo({ source, onError, session, auditActor: systemActor('test'), onMalformed });

  beforeAll(async () => {
    t = await createTestApp();
    if (t.database.pglite) session = await openPgliteSession(t.database.pglite);
    else {
      const name = (await sql<{ name: string }>`select current_database() as name`.execute(t.database.db))
        .rows[0].name;
      const url = new URL(inject('serverUrl') as string);
      url.pathname = `/${name}`;
      session = await openPostgresSession(url.toString());
    }
  });
  afterAll(async () => {
    await session.close();
    await t.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it(
    'loads a full extract, enriches organisations, then applies an update extract (deletes, then ' +
      'inserts)',
    async () => {
      const full = path.join(root, 'full');
      await generateKbo({ folder: full, enterprises: 400, seed: 7 });
      const summary = await run(full);
      expect(summary.kind).toBe('full');
      expect(await count('kbo_enterprises')).toBe(400);
      expect(summary.files.find((f) => f.file === 'activity.csv')?.rows).toBe(await count('kbo_activities'));
      expect(summary.rowsPerSecond).toBeGreaterThan(0);

      // An organisation with a number from the register shows its official data.
      const officer = await t.loginAs('officer');
      const number = (
        await t.database.db
          .selectFrom('kbo_enterprises')
          .select('enterprise_number')
          .orderBy('enterprise_number')
          .executeTakeFirstOrThrow()
      ).enterprise_number;
      const created = await officer.post('/api/organisations', {
        name: 'Uit de KBO (voorbeeld)',
        helix: 'company',
        enterpriseNumber: number,
      });
      const detail = await officer.get(`/api/organisations/${created.json().data.id}`);
      expect(detail.json().data.register.activities.length).toBeGreaterThan(0);
      expect(detail.json().data.register.addresses[0].zipcode).toMatch(/^\d{4}$/);
      expect(detail.json().data.register.legalFormLabel).not.toBeNull();

      // A second full extract replaces the first.
      const smaller = path.join(root, 'full2');
      await generateKbo({ folder: smaller, enterprises: 150, seed: 8 });
      await run(smaller);
      expect(await count('kbo_enterprises')).toBe(150);

      const update = path.join(root, 'update');
      await generateKbo({ folder: update, enterprises: 100, kind: 'update', offset: 100, seed: 9 });
      const applied = await run(update);
      expect(applied.kind).toBe('update');
      expect(applied.rowsDeleted).toBeGreaterThan(0);
      // 100..149 replaced, 150..199 added.
      expect(await count('kbo_enterprises')).toBe(200);
      const renamed = await t.database.db
        .selectFrom('kbo_denominations')
        .select('denomination')
        .where('denomination', 'like', '%Nieuw 120 %')
        .execute();
      expect(renamed.length).toBeGreaterThan(0);
      const loads = await t.database.db.selectFrom('kbo_loads').select('extract_kind').execute();
      expect(loads.map((l) => l.extract_kind)).toEqual(['full', 'full', 'update']);
      const audit = await t.database.db
        .selectFrom('audit_events')
        .select('action')
        .where('action', '=', 'kbo.imported')
        .execute();
      expect(audit).toHaveLength(3);
    },
  );

  it('stops at a malformed line with file and line number and applies nothing, or skips and reports it', async () => {
    const broken = path.join(root, 'broken');
    await generateKbo({ folder: broken, enterprises: 200, malformed: 3, seed: 11 });
    const before = await count('kbo_enterprises');
    const error = await run(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KboImportError);
    expect((error as Error).message).toMatch(/^activity\.csv, line \d+: expected 5 fields, found 3/);
    expect(await count('kbo_enterprises')).toBe(before);

    const reports: MalformedReport[] = [];
    const summary = await run(broken, 'skip', (r) => reports.push(r));
    expect(summary.linesSkipped).toBe(3);
    expect(reports.map((r) => r.file)).toEqual(['activity.csv', 'activity.csv', 'activity.csv']);
    const lines = fs.readFileSync(path.join(broken, 'activity.csv'), 'utf8').split('\n');
    for (const r of reports) expect(lines[r.line - 1].split(',')).toHaveLength(3);
    expect(await count('kbo_enterprises')).toBe(200);
  });

  it('stores the same rows whether the database parses the files or Node reads them line by line', async () => {
    const folder = path.join(root, 'both-paths');
    await generateKbo({ folder, enterprises: 300, seed: 21 });
    // Register quirks the fast path must keep: a nine-digit number (padded), quoted commas, a
    // newline and doubled quotes inside a quoted field, empty optional fields.
    fs.appendFileSync(
      path.join(folder, 'enterprise.csv'),
      '"200.000.999","AC","000","2","014","","01-02-2003"\n"0200.000.998","AC","000","2","","",""\n',
    );
    fs.appendFileSync(
      path.join(folder, 'denomination.csv'),
      '"200.000.999","2","001","Voorbeeld, ""Komma"" en\nregel (voorbeeld)"\n',
    );
    const snapshot = async () => {
      const rows: string[] = [];
      for (const table of [
        'kbo_codes',
        'kbo_enterprises',
        'kbo_denominations',
        'kbo_addresses',
        'kbo_activities',
      ]) {
        const result = await sql<{
          digest: string;
          n: number;
        }>`select md5(string_agg(t::text, '|' order by t::text)) as digest, count(*)::int as n from
          ${sql.table(table)} t`.execute(t.database.db);
        rows.push(`${table} ${result.rows[0].n} ${result.rows[0].digest}`);
      }
      return rows;
    };
    const fast = await run(folder);
    const fastSnapshot = await snapshot();
    const slow = await importKbo({
      source: folder,
      onError: 'stop',
      session,
      auditActor: systemActor('test'),
      lineByLine: true,
    });
    expect(await snapshot()).toEqual(fastSnapshot);
    expect(fast.files.map((f) => [f.file, f.rows, f.parsedBy])).toEqual(
      slow.files.map((f) => [f.file, f.rows, 'database']),
    );
    expect(slow.files.every((f) => f.parsedBy === 'node')).toBe(true);
    expect(fast.rowsLoaded).toBe(slow.rowsLoaded);
    const special = await t.database.db
      .selectFrom('kbo_denominations')
      .select('denomination')
      .where('entity_number', '=', '0200000999')
      .executeTakeFirstOrThrow();
    expect(special.denomination).toBe('Voorbeeld, "Komma" en\nregel (voorbeeld)');
    const sparse = await t.database.db
      .selectFrom('kbo_enterprises')
      .select(['juridical_form', 'start_date'])
      .where('enterprise_number', '=', '0200000998')
      .executeTakeFirstOrThrow();
    expect(sparse).toEqual({ juridical_form: null, start_date: null });
  });

  it('reads a zip, and refuses a truncated zip, a wrong header and a full extract with a missing file', async () => {
    const folder = path.join(root, 'zipme');
    const generated = await generateKbo({ folder, enterprises: 50, seed: 12 });
    const zip = path.join(root, 'kbo.zip');
    writeStoredZip(
      generated.files.map((f) => path.join(folder, f.file)),
      zip,
    );
    expect((await run(zip)).files.find((f) => f.file === 'enterprise.csv')?.rows).toBe(50);

    const truncated = path.join(root, 'truncated.zip');
    fs.writeFileSync(truncated, fs.readFileSync(zip).subarray(0, 4000));
    await expect(run(truncated)).rejects.toBeInstanceOf(KboSourceError);

    fs.writeFileSync(
      path.join(folder, 'enterprise.csv'),
      '"EnterpriseNumber";"Status"\n"0200.000.043";"AC"\n',
    );
    await expect(run(folder)).rejects.toThrow(/enterprise\.csv: unexpected header/);

    fs.rmSync(path.join(folder, 'activity.csv'));
    await expect(run(folder)).rejects.toThrow(/needs activity\.csv/);
    expect(await count('kbo_enterprises')).toBe(50);
  });
});
