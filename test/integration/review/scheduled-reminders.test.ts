import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import { systemActor } from '../../../src/server/http/actor';
import type { StepContext } from '../../../src/server/http/request-context';
import { runReviewReminders } from '../../../src/server/modules/review/schedule-review-reminders';

describe('scheduled reminders to experts with open reviews', () => {
  let t: TestApp;
  let officer: TestClient;
  let callId: string;
  let now = new Date();
  const ctx = (): StepContext => ({
    db: t.database.db,
    actor: null,
    auditActor: systemActor('review-scheduler'),
    requestId: null,
    now: () => now,
    config: t.config,
  });
  const reminders = async () =>
    (
      await t.database.db
        .selectFrom('notifications')
        .select('user_id')
        .where('kind', '=', 'review.reminder')
        .execute()
    ).length;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.loginAs('officer');
    callId = (
      await t.database.db
        .selectFrom('calls')
        .select('id')
        .where('code', '=', 'VB-2026-BEOORDELING')
        .executeTakeFirstOrThrow()
    ).id;
    expect((await officer.post(`/api/review/calls/${callId}/assign`, {})).json().data.saved).toBe(true);
  });
  afterAll(() => t?.close());

  it('waits until the deadline is within three days, reminds once a day, and stops after the deadline', async () => {
    const start = new Date();
    await officer.put(`/api/review/calls/${callId}/settings`, {
      reviewDeadline: new Date(start.getTime() + 5 * 86_400_000).toISOString(),
      showReviewerIdentities: false,
    });
    expect(await runReviewReminders(ctx())).toBe(0);
    expect(await reminders()).toBe(0);

    const deadline = new Date(start.getTime() + 2 * 86_400_000);
    await officer.put(`/api/review/calls/${callId}/settings`, {
      reviewDeadline: deadline.toISOString(),
      showReviewerIdentities: false,
    });
    expect(await runReviewReminders(ctx())).toBe(1);
    const first = await reminders();
    expect(first).toBe(12);
    // Again within the day: nothing new (several server processes may run the job).
    expect(await runReviewReminders(ctx())).toBe(0);
    expect(await reminders()).toBe(first);

    // The next day (the last reminder, read from the audit trail, is 21 hours old).
    now = new Date(start.getTime() + 21 * 3_600_000);
    expect(await runReviewReminders(ctx())).toBe(1);
    expect(await reminders()).toBe(2 * first);

    now = new Date(deadline.getTime() + 60_000);
    expect(await runReviewReminders(ctx())).toBe(0);
  });
});
