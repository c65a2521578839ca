import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app';

describe('the list of calls in review tells each viewer whether the review file opens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('opens for officers, not for analysts (who get 403 on the file itself)', async () => {
    const officer = await t.loginAs('officer');
    const analyst = await t.loginAs('analyst');
    const forOfficer = (await officer.get('/api/review/calls')).json();
    const forAnalyst = (await analyst.get('/api/review/calls')).json();
    expect(forOfficer.abilities.open).toBe(true);
    expect(forAnalyst.abilities.open).toBe(false);
    expect(forAnalyst.data.length).toBe(forOfficer.data.length);
    const callId = forOfficer.data[0].id as string;
    expect((await analyst.get(`/api/review/calls/${callId}`)).statusCode).toBe(403);
  });
});
