import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import { buildCallDefinition, createThemes } from './call-fixtures';

// 2026-03-29 02:30 does not exist in Brussels (02:00 → 03:00); 2026-10-25 02:30 happens twice
// (03:00 → 02:00): at 00:30 UTC (+02:00) and at 01:30 UTC (+01:00).
describe('Brussels local times on the two DST nights of 2026', () => {
  let t: TestApp;
  let officer: TestClient;
  let manager: TestClient;
  let themeIds: string[];
  let flux50: string;

  beforeAll(async () => {
    t = await createTestApp();
    [officer, manager] = await Promise.all([t.loginAs('officer'), t.loginAs('manager')]);
    themeIds = await createThemes(t.database.db, 'dst-2026');
    const cluster = await t.database.db
      .selectFrom('clusters')
      .select('id')
      .where('short_name', '=', 'Flux50')
      .executeTakeFirstOrThrow();
    flux50 = cluster.id;
  });
  afterAll(() => t?.close());

  const call = (code: string, closesAtLocal: string) =>
    buildCallDefinition({ code, themeIds, opensAtLocal: '2026-02-02T09:00', closesAtLocal });

  it('refuses a call deadline that does not exist, naming the field in Dutch and English', async () => {
    const response = await officer.post('/api/calls', call('DST-GAP', '2026-03-29T02:30'));
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.code).toBe('LOCAL_TIME_DOES_NOT_EXIST');
    expect(body.message.nl).toContain('02:00 naar 03:00');
    expect(body.message.en).toContain('02:00 to 03:00');
    expect(body.details).toEqual([
      {
        path: 'closesAtLocal',
        code: 'local_time_does_not_exist',
        message: {
          nl: 'Deadline: 2026-03-29T02:30 bestaat niet in Brusselse tijd (de klok springt van 02:00 naar 03:00).',
          en: 'Deadline: 2026-03-29T02:30 does not exist in Brussels time (clocks jump from 02:00 to 03:00).',
        },
      },
    ]);
    const stored = await t.database.db
      .selectFrom('calls')
      .select('id')
      .where('code', '=', 'DST-GAP')
      .execute();
    expect(stored).toEqual([]);
  });

  it('refuses a deadline in the repeated hour without an offset, asking which of the two', async () => {
    const response = await officer.post('/api/calls', call('DST-TWICE', '2026-10-25T02:30'));
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.code).toBe('LOCAL_TIME_AMBIGUOUS');
    expect(body.details[0].path).toBe('closesAtLocal');
    expect(body.details[0].message.en).toBe(
      'Deadline: 2026-10-25T02:30 occurs twice in Brussels time. Say which: ' +
        '2026-10-25T02:30+02:00 (summer time) or 2026-10-25T02:30+01:00 (winter time).',
    );
    expect(body.details[0].message.nl).toContain('2026-10-25T02:30+01:00 (wintertijd)');
  });

  it('takes either occurrence with an explicit offset and answers with that offset', async () => {
    const later = await officer.post('/api/calls', call('DST-LATER', '2026-10-25T02:30+01:00'));
    expect(later.statusCode).toBe(201);
    expect(later.json().data.closesAt).toBe('2026-10-25T01:30:00.000Z');
    expect(later.json().data.closesAtLocal).toBe('2026-10-25T02:30+01:00');

    const earlier = await officer.post('/api/calls', call('DST-EARLIER', '2026-10-25T02:30+02:00'));
    expect(earlier.statusCode).toBe(201);
    expect(earlier.json().data.closesAt).toBe('2026-10-25T00:30:00.000Z');
    expect(earlier.json().data.closesAtLocal).toBe('2026-10-25T02:30+02:00');

    // The answer can be sent back unchanged: the same instant stays.
    const id = later.json().data.id;
    const definition = { ...call('DST-LATER', later.json().data.closesAtLocal) };
    const saved = await officer.put(`/api/calls/${id}`, definition);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().data.closesAt).toBe('2026-10-25T01:30:00.000Z');
    // An unambiguous time is answered without an offset, as before.
    expect(saved.json().data.opensAtLocal).toBe('2026-02-02T09:00');
  });

  it('refuses an offset Brussels did not have at that time', async () => {
    const response = await officer.post('/api/calls', call('DST-WRONG', '2026-10-25T02:30+03:00'));
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect(response.json().details[0].path).toBe('closesAtLocal');
  });

  it(
    'refuses a partnership meeting that starts in the spring gap, and one in the autumn hour ' +
      'without offset',
    async () => {
      const meeting = (startsAtLocal: string) => ({
        kind: 'other',
        title: 'Werkoverleg',
        startsAtLocal,
        participants: [{ side: 'cluster', name: 'Mieke' }],
      });
      const gap = await manager.post(
        `/api/partnership/clusters/${flux50}/meetings`,
        meeting('2026-03-29T02:30'),
      );
      expect(gap.statusCode).toBe(422);
      expect(gap.json().code).toBe('LOCAL_TIME_DOES_NOT_EXIST');
      expect(gap.json().details[0].path).toBe('body.startsAtLocal');
      expect(gap.json().details[0].message.nl).toContain('Begin van de vergadering');

      const twice = await manager.post(
        `/api/partnership/clusters/${flux50}/meetings`,
        meeting('2026-10-25T02:30'),
      );
      expect(twice.statusCode).toBe(422);
      expect(twice.json().code).toBe('LOCAL_TIME_AMBIGUOUS');
      expect(twice.json().details[0].message.en).toContain('Start of the meeting');

      const chosen = await manager.post(
        `/api/partnership/clusters/${flux50}/meetings`,
        meeting('2026-10-25T02:30+01:00'),
      );
      expect(chosen.statusCode).toBe(201);
      expect(chosen.json().data.startsAt).toBe('2026-10-25T01:30:00.000Z');
    },
  );
});
