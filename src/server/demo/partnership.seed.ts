import { addDays, brusselsDate } from '../../shared/brussels-time';
import type { Actor } from '../http/actor';
import { auditActorOf } from '../http/actor';
import { createAgreement, signAgreement, updateAgreement } from '../modules/partnership/save-agreement';
import { createMeeting, saveMinutes, signOffMinutes } from '../modules/partnership/save-meeting';
import { createAction, updateAction } from '../modules/partnership/save-action';
import {
  createReport,
  reviewReport,
  submitReport,
  updateReport,
  closeReportPeriod,
} from '../modules/partnership/save-report';
import { runReminders } from '../modules/partnership/run-reminders';
import type { StepContext } from '../http/request-context';
import { idOf, type DemoSeed, type SeedContext } from './seed-context';
import { getDemoActor } from './demo-actor';

function as(ctx: SeedContext, actor: Actor): StepContext {
  return { ...ctx, actor, auditActor: auditActorOf(actor) };
}

/** Standard-library KPI definitions to link objectives to, when the KPI framework's seed ran before this one. */
async function kpiIds(ctx: SeedContext): Promise<string[]> {
  try {
    const rows = await ctx.db
      .selectFrom('kpi_definitions')
      .select('id')
      .where('cluster_id', 'is', null)
      .where('approval_status', '=', 'approved')
      .orderBy('sort_order')
      .orderBy('code')
      .limit(8)
      .execute();
    return rows.map((r) => r.id);
  } catch {
    return [];
  }
}

/**
 * Example partnership for Flux50 (the demo manager's cluster): a signed agreement with four
 * objectives linked to KPIs, two meetings with minutes and snapshots (the first signed off and then
 * amended into a second version), six action items of which two overdue and reminded, and one
 * progress report returned for revision and resubmitted. Plus a small agreement for Catalisti, so
 * that a manager of Flux50 has someone else's partnership not to see. Dates are relative to today.
 */
export const partnershipSeed: DemoSeed = {
  name: 'partnership',
  async run(ctx: SeedContext) {
    const officer = as(ctx, await getDemoActor(ctx, 'officer'));
    const manager = as(ctx, await getDemoActor(ctx, 'manager'));
    const flux50 = idOf(ctx, 'cluster:Flux50');
    const today = brusselsDate(ctx.now());
    const year = Number(today.slice(0, 4));
    const kpis = await kpiIds(ctx);
    const pick = (i: number) =>
      kpis.length > 0
        ? [kpis[i % kpis.length], kpis[(i + 4) % kpis.length]].filter((v, k, a) => a.indexOf(v) === k)
        : [];

    const objectives = [
      {
        title: 'Meer kmo’s betrekken bij energie-innovatie (voorbeeld)',
        titleEn: 'Involve more SMEs in energy innovation (example)',
        description: 'Het aandeel kmo-leden en nieuwe kmo-deelnemers aan projecten verhogen.',
      },
      {
        title: 'Interclusterprojecten rond flexibiliteit en opslag (voorbeeld)',
        titleEn: 'Inter-cluster projects on flexibility and storage (example)',
        description: 'Samen met andere speerpuntclusters projecten opzetten rond netflexibiliteit.',
      },
      {
        title: 'Kennisdiffusie naar niet-leden (voorbeeld)',
        titleEn: 'Knowledge diffusion to non-members (example)',
        description: 'Workshops en demonstraties voor bedrijven buiten het ledenbestand.',
      },
      {
        title: 'Europese hefboom voor leden (voorbeeld)',
        titleEn: 'European leverage for members (example)',
        description: 'Leden begeleiden naar Europese programma’s (Horizon Europe, Clean Energy Transition).',
      },
    ].map((o, i) => ({ ...o, kpiDefinitionIds: pick(i) }));

    let agreement = await createAgreement(officer, {
      clusterId: flux50,
      isExample: true,
      input: {
        title: `Partnerschapsovereenkomst Flux50 ${year - 1}–${year + 1} (voorbeeld)`,
        periodStart: `${year - 1}-01-01`,
        periodEnd: `${year + 1}-12-31`,
        clusterCommitments:
          'Flux50 rapporteert halfjaarlijks over de doelstellingen, levert KPI-waarden met bewijs ' +
          'aan en betrekt kmo’s actief in de projectwerking. (voorbeeld)',
        agencyCommitments:
          'VLAIO begeleidt de cluster bij de roadmap, legt introducties bij andere clusters en ' +
          'Europese partners, en volgt op met een kwartaaloverleg en een jaarlijkse stuurgroep. ' +
          '(voorbeeld)',
        followUpRhythm: 'Kwartaaloverleg; stuurgroep jaarlijks in het voorjaar',
        objectives,
        reportingPeriods: [
          {
            label: `${year - 1}`,
            startsOn: `${year - 1}-01-01`,
            endsOn: `${year - 1}-12-31`,
            dueOn: `${year}-02-28`,
          },
          { label: `${year}-H1`, startsOn: `${year}-01-01`, endsOn: `${year}-06-30`, dueOn: `${year}-08-31` },
          {
            label: `${year}-H2`,
            startsOn: `${year}-07-01`,
            endsOn: `${year}-12-31`,
            dueOn: `${year + 1}-02-28`,
          },
        ],
      },
    });
    await signAgreement(manager, { agreementId: agreement.id });
    agreement = await signAgreement(officer, { agreementId: agreement.id });

    const people = [
      { side: 'cluster' as const, userId: idOf(ctx, 'user:manager'), name: 'Mieke Manager (voorbeeld)' },
      { side: 'cluster' as const, name: 'Voorzitter raad van bestuur Flux50 (voorbeeld)' },
      { side: 'agency' as const, userId: idOf(ctx, 'user:officer'), name: 'Olivier Opvolging (voorbeeld)' },
    ];
    const localAt = (date: string, time: string) => `${date}T${time}`;
    const steering = await createMeeting(officer, {
      clusterId: flux50,
      isExample: true,
      input: {
        kind: 'steering_committee',
        title: `Stuurgroep ${year} (voorbeeld)`,
        startsAtLocal: localAt(addDays(today, -60), '10:00'),
        location: 'VLAIO, Brussel',
        agenda: '1. Stand van de KPI’s\n2. Budget basiswerking\n3. Roadmap flexibiliteit',
        isConfidential: false,
        agreementId: agreement.id,
        participants: people,
      },
    });
    await saveMinutes(officer, {
      meetingId: steering.id,
      body:
        'De stuurgroep overloopt de KPI’s: kmo-betrokkenheid ligt op schema, Europese deelname ' +
        'blijft achter. (voorbeeld)',
      decisions: [
        'Werkgroep Europese projecten opstarten (voorbeeld)',
        'Roadmap flexibiliteit tegen volgend kwartaal bijwerken (voorbeeld)',
      ],
    });
    await signOffMinutes(manager, { meetingId: steering.id });
    // An edit after sign-off: becomes version 2, version 1 stays.
    await saveMinutes(manager, {
      meetingId: steering.id,
      body:
        'De stuurgroep overloopt de KPI’s: kmo-betrokkenheid ligt op schema, Europese deelname ' +
        'blijft achter. Aanvulling: de werkgroep rapporteert op het kwartaaloverleg. (voorbeeld)',
      decisions: [
        'Werkgroep Europese projecten opstarten (voorbeeld)',
        'Roadmap flexibiliteit tegen volgend kwartaal bijwerken (voorbeeld)',
      ],
    });

    const quarterly = await createMeeting(manager, {
      clusterId: flux50,
      isExample: true,
      input: {
        kind: 'quarterly_follow_up',
        title: 'Kwartaalopvolging Q3 (voorbeeld)',
        startsAtLocal: localAt(addDays(today, -14), '14:00'),
        location: 'Online',
        agenda: 'Budgetopvolging en vertrouwelijke bespreking van een ledendossier',
        isConfidential: true,
        agreementId: agreement.id,
        participants: [people[0], people[2]],
      },
    });
    await saveMinutes(manager, {
      meetingId: quarterly.id,
      body:
        'Vertrouwelijk: bespreking van de financiële situatie van een lid. Budget basiswerking ' +
        'volgt de planning. (voorbeeld)',
      decisions: ['Bijkomende begeleiding voor twee kmo-leden (voorbeeld)'],
    });
    await signOffMinutes(officer, { meetingId: quarterly.id });

    const managerId = idOf(ctx, 'user:manager');
    const officerId = idOf(ctx, 'user:officer');
    const late = 'Achteraf geregistreerd na de stuurgroep (voorbeeld).';
    const actions = [
      {
        title: 'KPI-bewijsstukken kmo-deelname opladen (voorbeeld)',
        ownerUserId: managerId,
        dueOn: addDays(today, -10),
        meetingId: steering.id,
        pastDueReason: late,
      },
      {
        title: 'Introductie bij De Blauwe Cluster voor offshore-opslag (voorbeeld)',
        ownerUserId: officerId,
        dueOn: addDays(today, -5),
        meetingId: steering.id,
        pastDueReason: late,
      },
      {
        title: 'Roadmap flexibiliteit bijwerken (voorbeeld)',
        ownerUserId: managerId,
        dueOn: addDays(today, 2),
        meetingId: steering.id,
      },
      {
        title: 'Werkgroep Europese projecten samenstellen (voorbeeld)',
        ownerUserId: managerId,
        dueOn: addDays(today, 21),
        meetingId: quarterly.id,
      },
      {
        title: 'Feedback op jaarplan bezorgen (voorbeeld)',
        ownerUserId: officerId,
        dueOn: addDays(today, 30),
      },
      {
        title: 'Ledenbevraging kmo-noden versturen (voorbeeld)',
        ownerUserId: managerId,
        dueOn: addDays(today, 10),
        meetingId: quarterly.id,
      },
    ];
    const created = [];
    for (const input of actions)
      created.push(
        await createAction(officer, {
          clusterId: flux50,
          input: { description: '', ...input },
          isExample: true,
        }),
      );
    await updateAction(manager, { actionId: created[5].id, status: 'done' });
    await updateAction(manager, { actionId: created[3].id, status: 'in_progress' });

    const periods = await ctx.db
      .selectFrom('partnership_report_periods')
      .select(['id', 'label'])
      .where('agreement_id', '=', agreement.id)
      .orderBy('starts_on')
      .execute();
    await closeReportPeriod(officer, { periodId: periods[0].id });
    const objectiveRows = await ctx.db
      .selectFrom('partnership_objectives')
      .select(['id', 'position'])
      .where('agreement_id', '=', agreement.id)
      .orderBy('position')
      .execute();
    const report = await createReport(manager, {
      clusterId: flux50,
      periodId: periods[1].id,
      isExample: true,
    });
    const narratives = [
      'Twaalf nieuwe kmo-leden; drie kmo’s voor het eerst in een project. (voorbeeld)',
      'Eén interclusterproject met De Blauwe Cluster in voorbereiding. (voorbeeld)',
      'Vier workshops met 140 deelnemers, waarvan 60 niet-leden. (voorbeeld)',
      'Twee voorstellen ingediend bij Horizon Europe. (voorbeeld)',
    ];
    await updateReport(manager, {
      reportId: report.id,
      risks: 'Vertraging bij netbeheerders kan de pilootprojecten rond flexibiliteit uitstellen. (voorbeeld)',
      sections: objectiveRows.map((o, i) => ({
        objectiveId: o.id,
        narrative: narratives[i] ?? '',
        kpiValues: [
          {
            label:
              ['Kmo-aandeel leden', 'Interclusterprojecten', 'Bereik niet-leden', 'EU-voorstellen'][i] ??
              'KPI',
            value: ['38 %', '1', '60', '2'][i] ?? '0',
            period: `${year}-H1`,
          },
        ],
      })),
    });
    await submitReport(manager, { reportId: report.id });
    await reviewReport(officer, {
      reportId: report.id,
      outcome: 'to_revise',
      feedback:
        'Graag de cijfers over niet-leden staven met deelnemerslijsten en het risico rond ' +
        'netbeheerders concreter maken. (voorbeeld)',
    });
    await updateReport(manager, {
      reportId: report.id,
      risks:
        'Vertraging bij netbeheerders (twee pilootprojecten, samen 6 maanden vertraging ' +
        'verwacht); mitigatie: alternatieve testsite. (voorbeeld)',
      sections: objectiveRows.map((o, i) => ({
        objectiveId: o.id,
        narrative: `${narratives[i] ?? ''} Deelnemerslijsten toegevoegd als bewijs.`,
        kpiValues: [],
      })),
    });
    await submitReport(manager, { reportId: report.id });

    const reminders = await runReminders(ctx.db, { now: ctx.now(), auditActor: ctx.auditActor });

    // Another cluster's partnership, which the Flux50 manager must not see.
    const catalisti = idOf(ctx, 'cluster:Catalisti');
    const other = await createAgreement(officer, {
      clusterId: catalisti,
      isExample: true,
      input: {
        title: `Partnerschapsovereenkomst Catalisti ${year}–${year + 1} (voorbeeld)`,
        periodStart: `${year}-01-01`,
        periodEnd: `${year + 1}-12-31`,
        clusterCommitments: 'Voorbeeld.',
        agencyCommitments: 'Voorbeeld.',
        followUpRhythm: 'Kwartaal',
        objectives: [
          {
            title: 'Circulaire kunststoffen (voorbeeld)',
            titleEn: 'Circular plastics (example)',
            description: '',
            kpiDefinitionIds: [],
          },
        ],
        reportingPeriods: [],
      },
    });
    await updateAgreement(officer, {
      agreementId: other.id,
      input: {
        title: other.title,
        periodStart: other.period_start,
        periodEnd: other.period_end,
        clusterCommitments: other.cluster_commitments,
        agencyCommitments: other.agency_commitments,
        followUpRhythm: other.follow_up_rhythm,
        objectives: [
          {
            title: 'Circulaire kunststoffen (voorbeeld)',
            titleEn: 'Circular plastics (example)',
            description: 'Recyclageketens sluiten.',
            kpiDefinitionIds: [],
          },
        ],
        reportingPeriods: [],
      },
    });
    await createMeeting(officer, {
      clusterId: catalisti,
      isExample: true,
      input: {
        kind: 'quarterly_follow_up',
        title: 'Kwartaalopvolging Catalisti (voorbeeld)',
        startsAtLocal: localAt(addDays(today, 7), '09:30'),
        location: 'Gent',
        agenda: '',
        isConfidential: false,
        participants: [],
      },
    });
    ctx.ids.set('partnership:agreement:Flux50', agreement.id);
    ctx.ids.set('partnership:agreement:Catalisti', other.id);
    ctx.log(
      `partnership: Flux50 agreement (4 ` +
        `objectives, ${kpis.length > 0 ? 'linked to KPIs' : 'no KPI library yet'}), 2 meetings, 6 ` +
        `actions, 1 report returned and resubmitted; ` +
        `reminders: ${reminders.actionOverdue} overdue, ${reminders.actionDue} due soon`,
    );
  },
};
