import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import { fromDatabaseError } from '../../../src/server/http/database-errors';

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

describe('the input boundary', () => {
  let t: TestApp;
  let officer: TestClient;
  let manager: TestClient;

  const auditCount = async () =>
    (
      await t.database.db
        .selectFrom('audit_events')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.loginAs('officer');
    manager = await t.loginAs('manager');
  });
  afterAll(() => t.close());

  it('refuses a NUL byte or a lone surrogate in any text field, naming the field in Dutch and English', async () => {
    const before = await auditCount();
    for (const name of ['Acme\u0000 NV', 'Acme \ud800', 'Acme \udc00 NV']) {
      const response = await officer.post('/api/organisations', {
        name,
        helix: 'company',
        country: 'NL',
        foreignIdentifier: 'NL-1',
      });
      expect(response.statusCode).toBe(400);
      const body = response.json();
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.details).toEqual([
        expect.objectContaining({
          path: 'body.name',
          code: 'invalid_characters',
          message: { nl: expect.stringContaining('teken'), en: expect.stringContaining('character') },
        }),
      ]);
    }
    // Nested positions and object keys are checked too; a paired surrogate (an emoji) is fine.
    const nested = await officer.post('/api/organisations', {
      name: 'Acme 😀',
      helix: 'company',
      country: 'NL',
      foreignIdentifier: ['x\u0000'],
    });
    expect(nested.json().details[0].path).toBe('body.foreignIdentifier.0');
    const key = await officer.post('/api/organisations', { name: 'Acme', 'bad\u0000key': 1 });
    expect(key.json().details[0].path).toBe('body.bad\u0000key');
    expect(await auditCount()).toBe(before);
  });

  it('refuses a NUL in the query string and in path parameters', async () => {
    const query = await officer.get('/api/organisations?q=ab%00cd');
    expect(query.statusCode).toBe(400);
    expect(query.json().details[0].path).toBe('querystring.q');
    const params = await officer.get('/api/organisations/%00');
    expect(params.statusCode).toBe(400);
    expect(params.json().details[0].path).toBe('params.id');
  });

  it('refuses state aid granted on 0001-01-01 or 9999-12-31 and dates outside 1900–2200 elsewhere', async () => {
    const organisation = await t.database.db
      .selectFrom('organisations')
      .select('id')
      .executeTakeFirstOrThrow();
    for (const grantedOn of ['0001-01-01', '9999-12-31', '1899-12-31', '2201-01-01']) {
      const response = await officer.post('/api/state-aid/awards', {
        organisationId: organisation.id,
        regime: 'de_minimis',
        amountCents: 100,
        grantedOn,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().details).toEqual([
        expect.objectContaining({
          path: 'body.grantedOn',
          message: {
            nl: 'Verwacht een jaar tussen 1900 en 2200.',
            en: 'Expected a year between 1900 and 2200',
          },
        }),
      ]);
    }
    const call = await officer.post('/api/calls', {
      code: 'FAR-FUTURE',
      kind: 'cluster_project',
      titleNl: 'Oproep in de verre toekomst',
      budgetEnvelopeCents: 100,
      closesAtLocal: '9999-12-31T23:59',
    });
    expect(call.statusCode).toBe(400);
    expect(call.json().details[0].path).toBe('body.closesAtLocal');
  });

  it('answers an id in a body that points nowhere with a catalogue error naming the field', async () => {
    const project = await t.database.db.selectFrom('projects').select('id').executeTakeFirstOrThrow();
    const deliverable = await officer.post(`/api/projects/${project.id}/deliverables`, {
      title: 'Eindrapport',
      dueOn: '2027-06-30',
      milestoneId: MISSING_ID,
    });
    expect(deliverable.statusCode).toBe(400);
    expect(deliverable.json()).toMatchObject({
      code: 'REFERENCE_NOT_FOUND',
      details: [{ path: 'body.milestoneId' }],
    });
    const expert = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'expert')
      .executeTakeFirstOrThrow();
    const profile = await officer.put(`/api/review/experts/${expert.id}`, {
      maxLoad: 5,
      affiliations: [{ organisationId: MISSING_ID }],
    });
    expect(profile.statusCode).toBe(400);
    expect(profile.json()).toMatchObject({
      code: 'REFERENCE_NOT_FOUND',
      details: [{ path: 'body.affiliations.0.organisationId' }],
    });
  });

  it('refuses a member-import cell with a NUL at preview, so the commit never meets it', async () => {
    const cluster = await t.database.db
      .selectFrom('user_clusters')
      .innerJoin('users', 'users.id', 'user_clusters.user_id')
      .select('user_clusters.cluster_id')
      .where('users.role', '=', 'manager')
      .executeTakeFirstOrThrow();
    const csv = [
      'name,enterprise_number,country,foreign_identifier,helix,membership_type,valid_from',
      'Nulbedrijf\u0000 (voorbeeld),,NL,NL-NUL-1,company,member,2025-01-01',
      'Goed bedrijf (voorbeeld),,NL,NL-OK-1,company,member,0001-01-01',
    ].join('\n');
    const contentBase64 = Buffer.from(csv).toString('base64');
    const preview = await manager.post(`/api/clusters/${cluster.cluster_id}/member-import/preview`, {
      filename: 'leden.csv',
      contentBase64,
    });
    expect(preview.statusCode).toBe(200);
    const rows = preview.json().data.rows as {
      line: number;
      action: string;
      problems: { path: string; code: string }[];
    }[];
    expect(rows[0].action).toBe('skip');
    expect(rows[0].problems).toContainEqual(
      expect.objectContaining({ path: 'line 2: name', code: 'invalid_characters' }),
    );
    expect(rows[1].action).toBe('skip');
    expect(rows[1].problems.map((p) => p.path)).toContain('line 3: valid_from');
  });

  it('maps what the database refuses onto catalogue errors, never a 500', async () => {
    const db = t.database.db;
    await sql`create table boundary_parent (id int primary key)`.execute(db);
    await sql`create table boundary_child (
      id int primary key, parent_id int references boundary_parent (id),
      amount int not null check (amount >= 0), note text)`.execute(db);
    await sql`insert into boundary_parent values (1)`.execute(db);
    await sql`insert into boundary_child values (1, 1, 5, null)`.execute(db);
    const failureOf = async (statement: ReturnType<typeof sql>) => {
      try {
        await statement.execute(db);
      } catch (error) {
        return fromDatabaseError(error);
      }
      throw new Error('the statement succeeded');
    };
    const duplicate = await failureOf(sql`insert into boundary_child values (1, 1, 5, null)`);
    expect([duplicate?.code, duplicate?.status, duplicate?.details[0]?.path]).toEqual([
      'ALREADY_EXISTS',
      409,
      'body.id',
    ]);
    const missing = await failureOf(sql`insert into boundary_child values (2, 99, 5, null)`);
    expect([missing?.code, missing?.status, missing?.details[0]?.path]).toEqual([
      'REFERENCE_NOT_FOUND',
      400,
      'body.parentId',
    ]);
    const inUse = await failureOf(sql`delete from boundary_parent where id = 1`);
    expect([inUse?.code, inUse?.status]).toEqual(['STILL_REFERENCED', 409]);
    const check = await failureOf(sql`insert into boundary_child values (3, 1, -1, null)`);
    expect([check?.code, check?.status]).toEqual(['VALIDATION_FAILED', 400]);
    const notNull = await failureOf(sql`insert into boundary_child values (4, 1, null, null)`);
    expect([notNull?.code, notNull?.details[0]?.path]).toEqual(['VALIDATION_FAILED', 'body.amount']);
    const text = await failureOf(sql`select ${'twelve'}::int`);
    expect(text?.code).toBe('VALIDATION_FAILED');
    const nul = await failureOf(sql`insert into boundary_child values (5, 1, 1, ${'a\u0000b'})`);
    expect(nul?.code).toBe('VALIDATION_FAILED');
    expect(fromDatabaseError(new Error('not from the database'))).toBeNull();
  });
});
