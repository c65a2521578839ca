import { addDays, brusselsDate } from '../../../src/shared/brussels-time';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import { runReminders } from '../../../src/server/modules/partnership/run-reminders';
import { recordAudit } from '../../../src/server/audit/record-audit';

describe('partnership between the agency and a cluster', () => {
  let t: TestApp;
  let officer: TestClient;
  let manager: TestClient;
  let analyst: TestClient;
  let expert: TestClient;
  let flux50: string;
  let catalisti: string;
  const today = brusselsDate(new Date());

  beforeAll(async () => {
    t = await createTestApp();
    [officer, manager, analyst, expert] = await Promise.all([
      t.loginAs('officer'),
      t.loginAs('manager'),
      t.loginAs('analyst'),
      t.loginAs('expert'),
    ]);
    const clusters = await t.database.db.selectFrom('clusters').select(['id', 'short_name']).execute();
    flux50 = clusters.find((c) => c.short_name === 'Flux50')!.id;
    catalisti = clusters.find((c) => c.short_name === 'Catalisti')!.id;
  });
  afterAll(() => t.close());

  it('the demo holds the Flux50 partnership of the "done when"', async () => {
    const agreements = (await manager.get(`/api/partnership/clusters/${flux50}/agreements`)).json().data;
    expect(agreements).toHaveLength(1);
    const agreement = agreements[0];
    expect(agreement.objectives).toHaveLength(4);
    // Objectives have an English title next to the Dutch one (the English UI shows it).
    expect(agreement.objectives[0]).toMatchObject({
      title: 'Meer kmo’s betrekken bij energie-innovatie (voorbeeld)',
      titleEn: 'Involve more SMEs in energy innovation (example)',
    });
    expect(agreement.isSigned).toBe(true);
    expect(agreement.clusterSignature.by).toContain('Mieke');
    expect(agreement.agencySignature.by).toContain('Olivier');
    const kpiCount = await t.database.db
      .selectFrom('kpi_definitions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(kpiCount.n) > 0)
      for (const objective of agreement.objectives) expect(objective.kpis.length).toBeGreaterThan(0);
    // Each linked KPI carries its English name next to the Dutch one (the English UI shows that one).
    const links = (
      agreement.objectives as { kpis: { id: string; name: string; nameEn: string }[] }[]
    ).flatMap((o) => o.kpis);
    for (const link of links) {
      const definition = await t.database.db
        .selectFrom('kpi_definitions')
        .select(['name_nl', 'name_en'])
        .where('id', '=', link.id)
        .executeTakeFirstOrThrow();
      expect({ name: link.name, nameEn: link.nameEn }).toEqual({
        name: definition.name_nl,
        nameEn: definition.name_en,
      });
    }
    if (links.length > 0) expect(links.some((l) => l.nameEn !== l.name)).toBe(true);

    const meetings = (await manager.get(`/api/partnership/clusters/${flux50}/meetings`)).json().data;
    expect(meetings).toHaveLength(2);
    for (const m of meetings) {
      expect(m.minutes.body.length).toBeGreaterThan(10);
      expect(m.kpiSnapshot.available).toBe(true);
      if (Number(kpiCount.n) > 0) expect(m.kpiSnapshot.items.length).toBeGreaterThan(0);
      expect(m.budgetSnapshot).not.toBeNull();
      expect(m.snapshotTakenAt).not.toBeNull();
    }

    const actions = (await manager.get(`/api/partnership/clusters/${flux50}/actions`)).json().data;
    expect(actions).toHaveLength(6);
    const overdue = actions.filter((a: { isOverdue: boolean }) => a.isOverdue);
    expect(overdue).toHaveLength(2);
    const reminded = await t.database.db
      .selectFrom('partnership_reminders_sent')
      .select(['item_id'])
      .where('kind', '=', 'partnership.action_overdue')
      .execute();
    for (const a of overdue) expect(reminded.map((r) => r.item_id)).toContain(a.id);
    const note = await t.database.db
      .selectFrom('notifications')
      .select('id')
      .where('kind', '=', 'partnership.action_overdue')
      .execute();
    expect(note.length).toBeGreaterThanOrEqual(2);

    const reports = (await manager.get(`/api/partnership/clusters/${flux50}/reports`)).json().data;
    expect(reports).toHaveLength(1);
    expect(reports[0].status).toBe('submitted');
    expect(reports[0].submissionCount).toBe(2);
    expect(reports[0].reviews.map((r: { outcome: string }) => r.outcome)).toEqual(['to_revise']);

    const timeline = (await manager.get(`/api/partnership/clusters/${flux50}/timeline`)).json().data;
    const kinds = new Set(timeline.map((e: { kind: string }) => e.kind));
    for (const kind of ['agreement', 'meeting', 'decision', 'report', 'action'])
      expect(kinds).toContain(kind);
    const times = timeline.map((e: { at: string }) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(
      timeline.filter(
        (e: { title: { en: string } }) => e.title.en === 'Progress report returned for revision',
      ),
    ).toHaveLength(1);
    expect(
      timeline.filter((e: { title: { en: string } }) => e.title.en === 'Progress report resubmitted'),
    ).toHaveLength(1);
  });

  it("mixes in other modules' events: payments, KPI validations and amendments of the cluster", async () => {
    const payments = (await officer.get(`/api/partnership/clusters/${flux50}/timeline?kinds=payment`)).json()
      .data;
    const released = await t.database.db
      .selectFrom('funding_payments as p')
      .innerJoin('funding_commitments as c', 'c.id', 'p.commitment_id')
      .leftJoin('base_operation_grants as b', 'b.id', 'c.base_operation_id')
      .leftJoin('project_clusters as pc', 'pc.project_id', 'c.project_id')
      .select('p.id')
      .distinct()
      .where('p.status', '=', 'released')
      .where((eb) => eb.or([eb('b.cluster_id', '=', flux50), eb('pc.cluster_id', '=', flux50)]))
      .execute();
    const audited = await t.database.db
      .selectFrom('audit_events')
      .select('entity_id')
      .where('action', '=', 'payment.released')
      .execute();
    const expected = released.filter((p) => audited.some((a) => a.entity_id === p.id)).length;
    expect(payments).toHaveLength(expected);
    expect(payments.every((e: { detail: string }) => /^€ \d{1,3}(\.\d{3})*,\d{2}$/.test(e.detail))).toBe(
      true,
    );

    // A KPI validation recorded by the KPI module (its audit shape) for a Flux50 measurement, and one for
    // another cluster.
    const own = await t.database.db
      .selectFrom('kpi_measurements')
      .select('id')
      .where('cluster_id', '=', flux50)
      .executeTakeFirst();
    const foreign = await t.database.db
      .selectFrom('kpi_measurements')
      .select('id')
      .where('cluster_id', '=', catalisti)
      .executeTakeFirst();
    if (own && foreign) {
      await t.database.db.transaction().execute(async (tx) => {
        await recordAudit(
          tx,
          { userId: officer.userId, label: 'officer' },
          {
            action: 'kpi.measurement_validated',
            entityType: 'kpi_measurement',
            entityId: own.id,
            after: { value: 12, status: 'validated', code: 'SME_SHARE' },
          },
        );
        await recordAudit(
          tx,
          { userId: officer.userId, label: 'officer' },
          {
            action: 'kpi.measurement_returned',
            entityType: 'kpi_measurement',
            entityId: foreign.id,
            after: { value: 3, status: 'returned', code: 'SME_SHARE' },
          },
        );
        await recordAudit(
          tx,
          { userId: officer.userId, label: 'officer' },
          {
            action: 'kpi.target_amended',
            entityType: 'kpi_target',
            entityId: own.id,
            after: { code: 'SME_SHARE', clusterId: flux50, motivation: 'Nieuwe nulmeting' },
          },
        );
      });
      const validations = (
        await manager.get(`/api/partnership/clusters/${flux50}/timeline?kinds=kpi_validation,amendment`)
      ).json().data;
      expect(validations.map((e: { title: { en: string } }) => e.title.en)).toEqual([
        'Amendment',
        'KPI value validated',
      ]);
      expect(validations[1].detail).toBe('SME_SHARE = 12');
    }
  });

  it('filters the timeline by kind and date', async () => {
    const onlyMeetings = (
      await officer.get(`/api/partnership/clusters/${flux50}/timeline?kinds=meeting`)
    ).json().data;
    expect(onlyMeetings.length).toBe(2);
    expect(onlyMeetings.every((e: { kind: string }) => e.kind === 'meeting')).toBe(true);
    const future = (
      await officer.get(`/api/partnership/clusters/${flux50}/timeline?from=${addDays(today, 1)}`)
    ).json().data;
    expect(future).toEqual([]);
  });

  it("a manager reaching for another cluster's partnership gets NOT_FOUND, like a missing one", async () => {
    const otherAgreement = await t.database.db
      .selectFrom('partnership_agreements')
      .select('id')
      .where('cluster_id', '=', catalisti)
      .executeTakeFirstOrThrow();
    const otherMeeting = await t.database.db
      .selectFrom('partnership_meetings')
      .select('id')
      .where('cluster_id', '=', catalisti)
      .executeTakeFirstOrThrow();
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const url of [
      `/api/partnership/clusters/${catalisti}/agreements`,
      `/api/partnership/agreements/${otherAgreement.id}`,
      `/api/partnership/meetings/${otherMeeting.id}`,
      `/api/partnership/clusters/${catalisti}/timeline`,
      `/api/partnership/agreements/${missing}`,
    ]) {
      const response = await manager.get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().code).toBe('NOT_FOUND');
    }
    const write = await manager.post(`/api/partnership/clusters/${catalisti}/actions`, {
      title: 'x',
      ownerUserId: manager.userId,
      dueOn: addDays(today, 3),
    });
    expect(write.statusCode).toBe(404);
    const overview = (await manager.get('/api/partnership/clusters')).json().data;
    expect(overview.map((c: { clusterId: string }) => c.clusterId)).toEqual([flux50]);
    expect((await officer.get(`/api/partnership/agreements/${otherAgreement.id}`)).statusCode).toBe(200);
    expect((await expert.get(`/api/partnership/clusters/${flux50}/agreements`)).statusCode).toBe(403);
  });

  it('an analyst sees objectives and statuses, not confidential minutes nor names, and cannot write', async () => {
    const agreements = (await analyst.get(`/api/partnership/clusters/${flux50}/agreements`)).json();
    expect(agreements.data[0].objectives).toHaveLength(4);
    expect(agreements.data[0].clusterSignature.by).toBeNull();
    expect(agreements.abilities.edit).toBe(false);
    const meetings = (await analyst.get(`/api/partnership/clusters/${flux50}/meetings`)).json().data;
    const confidential = meetings.find((m: { isConfidential: boolean }) => m.isConfidential);
    const open = meetings.find((m: { isConfidential: boolean }) => !m.isConfidential);
    expect(confidential.isRedacted).toBe(true);
    expect(confidential.minutes).toBeNull();
    expect(confidential.agenda).toBeNull();
    expect(confidential.decisions).toEqual([]);
    expect(open.minutes.body).toContain('stuurgroep');
    expect(open.participants.every((p: { name: string | null }) => p.name === null)).toBe(true);
    const versions = (
      await analyst.get(`/api/partnership/meetings/${confidential.id}/minutes/versions`)
    ).json().data;
    expect(versions).toEqual([]);
    const timeline = (await analyst.get(`/api/partnership/clusters/${flux50}/timeline?kinds=decision`)).json()
      .data;
    expect(timeline.some((e: { detail: string }) => e.detail.includes('kmo-leden'))).toBe(false);
    const actions = (await analyst.get(`/api/partnership/clusters/${flux50}/actions`)).json().data;
    expect(actions.every((a: { owner: unknown }) => a.owner === null)).toBe(true);
    expect(actions.filter((a: { isOverdue: boolean }) => a.isOverdue)).toHaveLength(2);
    expect(
      (await analyst.post(`/api/partnership/clusters/${flux50}/actions`, { title: 'x' })).statusCode,
    ).toBe(403);
  });

  it('refuses an action without owner, warns on a past due date and accepts it with a reason', async () => {
    const noOwner = await manager.post(`/api/partnership/clusters/${flux50}/actions`, {
      title: 'Zonder eigenaar',
      dueOn: addDays(today, 5),
    });
    expect(noOwner.statusCode).toBe(400);
    expect(noOwner.json().code).toBe('VALIDATION_FAILED');
    expect(noOwner.json().details.map((d: { path: string }) => d.path)).toContain('body.ownerUserId');

    const outsider = (
      await t.database.db
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'expert')
        .executeTakeFirstOrThrow()
    ).id;
    const wrongOwner = await manager.post(`/api/partnership/clusters/${flux50}/actions`, {
      title: 'Verkeerde eigenaar',
      ownerUserId: outsider,
      dueOn: addDays(today, 5),
    });
    expect(wrongOwner.json().code).toBe('PARTNERSHIP_OWNER_NOT_ELIGIBLE');

    const past = { title: 'Te laat ingevoerd', ownerUserId: manager.userId, dueOn: addDays(today, -3) };
    const warned = await manager.post(`/api/partnership/clusters/${flux50}/actions`, past);
    expect(warned.statusCode).toBe(422);
    expect(warned.json().code).toBe('PARTNERSHIP_DUE_DATE_IN_PAST');
    expect(warned.json().message.nl).toContain('reden');
    const count = await t.database.db
      .selectFrom('partnership_actions')
      .select('id')
      .where('title', '=', 'Te laat ingevoerd')
      .execute();
    expect(count).toHaveLength(0);
    const allowed = await manager.post(`/api/partnership/clusters/${flux50}/actions`, {
      ...past,
      pastDueReason: 'Afgesproken op het overleg van vorige week',
    });
    expect(allowed.statusCode).toBe(201);
    expect(allowed.json().data.isOverdue).toBe(true);
    expect(allowed.json().data.pastDueReason).toBe('Afgesproken op het overleg van vorige week');

    const officerOwned = await manager.post(`/api/partnership/clusters/${flux50}/actions`, {
      title: 'Voor VLAIO',
      ownerUserId: officer.userId,
      dueOn: addDays(today, 5),
    });
    expect(officerOwned.json().data.owner.side).toBe('agency');
    const mine = (await officer.get('/api/partnership/actions/mine')).json().data;
    expect(mine.map((a: { title: string }) => a.title)).toContain('Voor VLAIO');
    const assigned = await t.database.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', officer.userId!)
      .where('kind', '=', 'partnership.action_assigned')
      .execute();
    expect(assigned.length).toBeGreaterThan(0);

    const done = await officer.patch(`/api/partnership/actions/${officerOwned.json().data.id}`, {
      status: 'done',
    });
    expect(done.json().data.status).toBe('done');
    const commented = await manager.post(`/api/partnership/actions/${officerOwned.json().data.id}/comments`, {
      body: 'Dank je!',
    });
    expect(commented.statusCode).toBe(201);
    expect(commented.json().data.comments.at(-1).body).toBe('Dank je!');
  });

  it('minutes edited after sign-off become a new version; the signed one stays', async () => {
    const created = await manager.post(`/api/partnership/clusters/${flux50}/meetings`, {
      kind: 'other',
      title: 'Werkoverleg',
      startsAtLocal: `${addDays(today, -1)}T15:00`,
      participants: [{ side: 'cluster', name: 'Mieke' }],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().data.id;
    expect(created.json().data.kpiSnapshot.asOf).toBe(addDays(today, -1));
    expect(created.json().data.kpiSnapshot.available).toBe(true);
    expect(created.json().data.budgetSnapshot.asOf).toBe(today);
    expect(created.json().data.budgetSnapshot.available).toBe(true);
    expect(created.json().data.budgetSnapshot.items.map((i: { label: string }) => i.label)).toContain('paid');
    expect((await manager.post(`/api/partnership/meetings/${id}/minutes/sign-off`)).json().code).toBe(
      'PARTNERSHIP_MINUTES_MISSING',
    );
    await manager.put(`/api/partnership/meetings/${id}/minutes`, {
      body: 'Eerste tekst',
      decisions: ['Beslissing A'],
    });
    const edited = await manager.put(`/api/partnership/meetings/${id}/minutes`, {
      body: 'Eerste tekst, verbeterd',
      decisions: ['Beslissing A'],
    });
    expect(edited.json().data.minutes.version).toBe(1);
    expect(edited.json().abilities.newVersion).toBe(false);
    await officer.post(`/api/partnership/meetings/${id}/minutes/sign-off`);
    expect((await officer.post(`/api/partnership/meetings/${id}/minutes/sign-off`)).json().code).toBe(
      'PARTNERSHIP_MINUTES_ALREADY_SIGNED',
    );
    const after = await manager.put(`/api/partnership/meetings/${id}/minutes`, {
      body: 'Tekst na goedkeuring',
      decisions: ['Beslissing A', 'Beslissing B'],
    });
    expect(after.json().data.minutes.version).toBe(2);
    expect(after.json().data.minutes.signedOffAt).toBeNull();
    expect(after.json().abilities.newVersion).toBe(true);
    const versions = (await manager.get(`/api/partnership/meetings/${id}/minutes/versions`)).json().data;
    expect(versions.map((v: { version: number; body: string }) => [v.version, v.body])).toEqual([
      [2, 'Tekst na goedkeuring'],
      [1, 'Eerste tekst, verbeterd'],
    ]);
    expect(versions[1].signedOffAt).not.toBeNull();
  });

  it('refuses a report for a closed period clearly, and nothing is lost', async () => {
    const agreement = (await manager.get(`/api/partnership/clusters/${flux50}/agreements`)).json().data[0];
    const closed = agreement.periods.find((p: { isClosed: boolean }) => p.isClosed);
    const refused = await manager.post(`/api/partnership/clusters/${flux50}/reports`, {
      periodId: closed.id,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('PARTNERSHIP_PERIOD_CLOSED');
    expect(refused.json().message.nl).toContain('afgesloten');

    // A draft for an open period, then the officer closes the period before it is submitted.
    const open = agreement.periods.find(
      (p: { isClosed: boolean; reportId: string | null }) => !p.isClosed && !p.reportId,
    );
    const draft = await manager.post(`/api/partnership/clusters/${flux50}/reports`, { periodId: open.id });
    expect(draft.statusCode).toBe(201);
    const reportId = draft.json().data.id;
    const sections = agreement.objectives.map((o: { id: string }) => ({
      objectiveId: o.id,
      narrative: `Tekst voor ${o.id}`,
      kpiValues: [],
    }));
    expect(
      (await manager.put(`/api/partnership/reports/${reportId}`, { risks: 'Risico X', sections })).statusCode,
    ).toBe(200);
    expect((await manager.post(`/api/partnership/periods/${open.id}/close`)).statusCode).toBe(403);
    expect((await officer.post(`/api/partnership/periods/${open.id}/close`)).statusCode).toBe(200);
    const late = await manager.post(`/api/partnership/reports/${reportId}/submit`);
    expect(late.json().code).toBe('PARTNERSHIP_PERIOD_CLOSED');
    const kept = (await manager.get(`/api/partnership/reports/${reportId}`)).json().data;
    expect(kept.status).toBe('draft');
    expect(kept.risks).toBe('Risico X');
    expect(kept.sections[0].narrative).toContain('Tekst voor');
  });

  it('the officer returns a report with feedback and accepts the resubmission', async () => {
    const report = (await officer.get(`/api/partnership/clusters/${flux50}/reports`))
      .json()
      .data.find((r: { status: string }) => r.status === 'submitted');
    expect(
      (await manager.post(`/api/partnership/reports/${report.id}/review`, { outcome: 'accepted' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await officer.post(`/api/partnership/reports/${report.id}/review`, {
          outcome: 'to_revise',
          feedback: ' ',
        })
      ).json().code,
    ).toBe('PARTNERSHIP_FEEDBACK_REQUIRED');
    const accepted = await officer.post(`/api/partnership/reports/${report.id}/review`, {
      outcome: 'accepted',
      feedback: 'Goed.',
    });
    expect(accepted.json().data.status).toBe('accepted');
    expect(accepted.json().data.reviews).toHaveLength(2);
    expect((await manager.put(`/api/partnership/reports/${report.id}`, { sections: [] })).json().code).toBe(
      'PARTNERSHIP_REPORT_STATE',
    );
  });

  it('amending a signed agreement clears both signatures and shows as an amendment', async () => {
    const agreement = (await officer.get(`/api/partnership/clusters/${flux50}/agreements`)).json().data[0];
    const body = {
      title: agreement.title,
      periodStart: agreement.periodStart,
      periodEnd: agreement.periodEnd,
      clusterCommitments: agreement.clusterCommitments,
      agencyCommitments: `${agreement.agencyCommitments} Extra: twee introducties per jaar.`,
      followUpRhythm: agreement.followUpRhythm,
      objectives: agreement.objectives.map(
        (o: { id: string; title: string; description: string; kpis: { id: string }[] }) => ({
          id: o.id,
          title: o.title,
          description: o.description,
          kpiDefinitionIds: o.kpis.map((k) => k.id),
        }),
      ),
      reportingPeriods: agreement.periods.map(
        (p: { id: string; label: string; startsOn: string; endsOn: string; dueOn: string }) => ({
          id: p.id,
          label: p.label,
          startsOn: p.startsOn,
          endsOn: p.endsOn,
          dueOn: p.dueOn,
        }),
      ),
    };
    const removeUsed = await officer.put(`/api/partnership/agreements/${agreement.id}`, {
      ...body,
      objectives: body.objectives.slice(1),
    });
    expect(removeUsed.json().code).toBe('PARTNERSHIP_OBJECTIVE_IN_USE');
    const badKpi = await officer.put(`/api/partnership/agreements/${agreement.id}`, {
      ...body,
      objectives: [
        { ...body.objectives[0], kpiDefinitionIds: ['00000000-0000-4000-8000-000000000000'] },
        ...body.objectives.slice(1),
      ],
    });
    expect(badKpi.json().code).toBe('PARTNERSHIP_KPI_UNKNOWN');
    const amended = await officer.put(`/api/partnership/agreements/${agreement.id}`, body);
    expect(amended.statusCode).toBe(200);
    expect(amended.json().data.isSigned).toBe(false);
    expect(amended.json().data.amendmentCount).toBe(1);
    expect(amended.json().data.objectives.map((o: { id: string }) => o.id)).toEqual(
      agreement.objectives.map((o: { id: string }) => o.id),
    );
    const resigned = await manager.post(`/api/partnership/agreements/${agreement.id}/sign`);
    expect(resigned.json().data.clusterSignature).not.toBeNull();
    expect((await manager.post(`/api/partnership/agreements/${agreement.id}/sign`)).json().code).toBe(
      'PARTNERSHIP_ALREADY_SIGNED',
    );
    const timeline = (
      await manager.get(`/api/partnership/clusters/${flux50}/timeline?kinds=amendment`)
    ).json().data;
    expect(timeline.length).toBeGreaterThanOrEqual(1);
  });

  it('sends each reminder once per item per day, honours preferences, and offers a weekly digest', async () => {
    const actor = { userId: null, label: 'test' };
    const tomorrow = new Date(Date.now() + 86_400_000);
    const first = await runReminders(t.database.db, { now: tomorrow, auditActor: actor });
    expect(first.actionOverdue).toBeGreaterThanOrEqual(2);
    const again = await runReminders(t.database.db, { now: tomorrow, auditActor: actor });
    expect(again.actionOverdue + again.actionDue + again.reportDeadline).toBe(0);

    // The manager turns off e-mail for overdue actions: the next day brings an in-app message only.
    const prefs = await manager.put('/api/partnership/preferences', {
      weeklyDigest: false,
      kinds: [{ kind: 'partnership.action_overdue', inApp: true, email: false }],
    });
    expect(
      prefs.json().data.kinds.find((k: { kind: string }) => k.kind === 'partnership.action_overdue').email,
    ).toBe(false);
    const dayAfter = new Date(Date.now() + 2 * 86_400_000);
    const before = await t.database.db
      .selectFrom('outbox_emails')
      .select('id')
      .where('to_address', '=', 'manager@speerpunt.example')
      .execute();
    const notesBefore = await t.database.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', manager.userId!)
      .where('kind', '=', 'partnership.action_overdue')
      .execute();
    await runReminders(t.database.db, { now: dayAfter, auditActor: actor });
    const afterMails = await t.database.db
      .selectFrom('outbox_emails')
      .select(['id', 'subject'])
      .where('to_address', '=', 'manager@speerpunt.example')
      .execute();
    const notesAfter = await t.database.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', manager.userId!)
      .where('kind', '=', 'partnership.action_overdue')
      .execute();
    expect(notesAfter.length).toBeGreaterThan(notesBefore.length);
    expect(
      afterMails.filter((m) => !before.some((b) => b.id === m.id) && /over tijd|overdue/i.test(m.subject)),
    ).toEqual([]);

    // The officer chooses the weekly digest: one digest a week, whatever the number of runs.
    await officer.put('/api/partnership/preferences', { weeklyDigest: true, kinds: [] });
    // A Wednesday 10:00 UTC a week or more ahead: the run an hour later falls in the same calendar
    // week (from late on a Sunday, Brussels time, an hour later was already the next week's digest).
    const ahead = new Date(Date.now() + 7 * 86_400_000);
    const week = new Date(
      Date.UTC(
        ahead.getUTCFullYear(),
        ahead.getUTCMonth(),
        ahead.getUTCDate() + ((3 - ahead.getUTCDay() + 7) % 7),
        10,
      ),
    );
    const d1 = await runReminders(t.database.db, { now: week, auditActor: actor });
    const d2 = await runReminders(t.database.db, {
      now: new Date(week.getTime() + 3_600_000),
      auditActor: actor,
    });
    expect(d1.digests).toBeGreaterThanOrEqual(1);
    expect(d2.digests).toBe(0);
    const digest = await t.database.db
      .selectFrom('notifications')
      .select(['title_nl'])
      .where('user_id', '=', officer.userId!)
      .where('kind', '=', 'partnership.digest')
      .execute();
    expect(digest.length).toBe(1);
  });

  it('reminds report deadlines to the managers and open KPI validations to the officer', async () => {
    const actor = { userId: null, label: 'test' };
    const agreement = await t.database.db
      .selectFrom('partnership_agreements')
      .select(['id', 'period_end'])
      .where('cluster_id', '=', flux50)
      .executeTakeFirstOrThrow();
    const period = await t.database.db
      .insertInto('partnership_report_periods')
      .values({
        agreement_id: agreement.id,
        label: 'Extra (test)',
        starts_on: addDays(agreement.period_end, -60),
        ends_on: agreement.period_end,
        due_on: addDays(agreement.period_end, -10),
      })
      .returning(['id', 'due_on'])
      .executeTakeFirstOrThrow();
    const measurement = await t.database.db
      .selectFrom('kpi_measurements')
      .select('id')
      .where('cluster_id', '=', flux50)
      .executeTakeFirst();
    if (measurement)
      await t.database.db
        .updateTable('kpi_measurements')
        .set({ status: 'reported' })
        .where('id', '=', measurement.id)
        .execute();
    const at = new Date(`${addDays(period.due_on, -5)}T10:00:00Z`);
    const result = await runReminders(t.database.db, { now: at, auditActor: actor });
    expect(result.reportDeadline).toBeGreaterThanOrEqual(1);
    const sent = await t.database.db
      .selectFrom('partnership_reminders_sent')
      .select('user_id')
      .where('kind', '=', 'partnership.report_deadline')
      .where('item_id', '=', period.id)
      .execute();
    expect(sent.map((s) => s.user_id)).toContain(manager.userId);
    if (measurement) {
      expect(result.validationOpen).toBeGreaterThanOrEqual(1);
      const note = await t.database.db
        .selectFrom('notifications')
        .select('title_nl')
        .where('user_id', '=', officer.userId!)
        .where('kind', '=', 'partnership.validation_open')
        .execute();
      expect(note.some((n) => n.title_nl.includes('Flux50'))).toBe(true);
    }
  });

  it('refuses a meeting participant who is on neither side', async () => {
    const outsider = (
      await t.database.db
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'applicant')
        .executeTakeFirstOrThrow()
    ).id;
    const refused = await manager.post(`/api/partnership/clusters/${flux50}/meetings`, {
      kind: 'other',
      title: 'Met buitenstaander',
      startsAtLocal: `${addDays(today, 3)}T10:00`,
      participants: [{ side: 'cluster', name: 'X', userId: outsider }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details[0].path).toBe('body.participants.0.userId');
  });

  it('serves an iCalendar feed per person behind a secret URL', async () => {
    expect(
      (await t.anonymous.get('/api/partnership/calendar/abcdefghijklmnopqrstuvwxyz.ics')).statusCode,
    ).toBe(404);
    const created = await manager.post('/api/partnership/calendar-token');
    expect(created.statusCode).toBe(201);
    const url = new URL(created.json().data.url);
    const feed = await t.anonymous.get(url.pathname);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const text = feed.body;
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('Stuurgroep');
    expect(unfolded).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    expect(unfolded).toMatch(/DTSTART;VALUE=DATE:\d{8}/);
    expect(unfolded).not.toContain('Catalisti');
    // The confidential meeting's agenda stays out of the feed.
    expect(unfolded).not.toContain('vertrouwelijke bespreking');
    // A new token replaces the old URL.
    await manager.post('/api/partnership/calendar-token');
    expect((await t.anonymous.get(url.pathname)).statusCode).toBe(404);
  });

  it('exports tables as XLSX', async () => {
    for (const url of [
      `/api/partnership/clusters/${flux50}/actions.xlsx`,
      `/api/partnership/clusters/${flux50}/meetings.xlsx`,
      `/api/partnership/clusters/${flux50}/reports.xlsx`,
      `/api/partnership/clusters/${flux50}/timeline.xlsx`,
      '/api/partnership/actions/mine.xlsx',
    ]) {
      const response = await manager.get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
    }
  });

  it('writes an audit row with every change', async () => {
    const rows = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', 'like', 'partnership%')
      .execute();
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      'partnership_agreement.created',
      'partnership_agreement.signed',
      'partnership_meeting.created',
      'partnership_minutes.new_version',
      'partnership_action.created',
      'partnership_report.returned',
      'partnership_report.resubmitted',
    ])
      expect(actions).toContain(a);
  });
});
