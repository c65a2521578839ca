import { sql } from 'kysely';
import { createFundingLine } from '../modules/funding/create-funding-line';
import { reallocateFunds } from '../modules/funding/reallocate-funds';
import { grantBaseOperations } from '../modules/funding/grant-base-operations';
import { createProject } from '../modules/funding/create-project';
import { commitProjectGrant } from '../modules/funding/commit-project-grant';
import { planPayment } from '../modules/funding/plan-payment';
import { releasePayment } from '../modules/funding/release-payment';
import { reportMilestone } from '../modules/funding/report-milestone';
import { decideMilestone } from '../modules/funding/decide-milestone';
import { submitReport } from '../modules/funding/submit-report';
import { decideReport } from '../modules/funding/decide-report';
import { recordStateAid } from '../modules/funding/record-state-aid';
import { setDeliverableStatus } from '../modules/funding/set-deliverable-status';
import { idOf, type DemoSeed, type SeedContext } from './seed-context';

const EUR = 100; // cents per euro
const YEARS = [2024, 2025, 2026] as const;

/** Base-operations subsidy per year (euros, invented example figures). */
const BASE_SUBSIDY: Record<string, number> = {
  Catalisti: 2_100_000,
  VIL: 1_850_000,
  Flux50: 1_900_000,
  FlandersFOOD: 1_750_000,
  DeBlauweCluster: 1_600_000,
  MEDVIA: 1_700_000,
  'IBN-Waterstof': 320_000,
  'IBN-DigiBouw': 280_000,
};

interface DemoProject {
  code: string;
  title: string;
  clusters: string[];
  start: string;
  end: string;
  regime: 'de_minimis' | 'block_exemption';
  /** Stage reached in the demo: planned (no commitment) → committed → interim paid. */
  stage: 'planned' | 'committed' | 'interim_reported' | 'interim_paid';
  partners: number;
}

const PROJECTS: DemoProject[] = [
  {
    code: 'CP-2024-01',
    title: 'Chemisch recycleren van gemengd plastic afval (voorbeeld)',
    clusters: ['Catalisti'],
    start: '2023-03-01',
    end: '2026-08-31',
    regime: 'block_exemption',
    stage: 'interim_paid',
    partners: 5,
  },
  {
    code: 'CP-2025-02',
    title: 'Biogebaseerde coatings voor verpakkingen (voorbeeld)',
    clusters: ['Catalisti'],
    start: '2025-03-01',
    end: '2027-02-28',
    regime: 'de_minimis',
    stage: 'committed',
    partners: 4,
  },
  {
    code: 'CP-2024-03',
    title: 'Slimme stadsdistributie met elektrische vracht (voorbeeld)',
    clusters: ['VIL'],
    start: '2024-04-01',
    end: '2026-03-31',
    regime: 'de_minimis',
    stage: 'interim_paid',
    partners: 4,
  },
  {
    code: 'CP-2025-04',
    title: 'Digitale tweeling van de havenlogistiek (voorbeeld)',
    clusters: ['VIL'],
    start: '2025-01-01',
    end: '2027-06-30',
    regime: 'block_exemption',
    stage: 'interim_reported',
    partners: 5,
  },
  {
    code: 'CP-2024-05',
    title: 'Lokale energiegemeenschappen op bedrijventerreinen (voorbeeld)',
    clusters: ['Flux50'],
    start: '2023-02-01',
    end: '2026-01-31',
    regime: 'block_exemption',
    stage: 'interim_paid',
    partners: 6,
  },
  {
    code: 'CP-2025-06',
    title: 'Flexibel laden van bedrijfsvloten (voorbeeld)',
    clusters: ['Flux50'],
    start: '2025-09-01',
    end: '2027-08-31',
    regime: 'de_minimis',
    stage: 'committed',
    partners: 4,
  },
  {
    code: 'CP-2024-07',
    title: 'Eiwitten uit nevenstromen van de voedingsindustrie (voorbeeld)',
    clusters: ['FlandersFOOD'],
    start: '2023-06-01',
    end: '2026-05-31',
    regime: 'block_exemption',
    stage: 'interim_paid',
    partners: 5,
  },
  {
    code: 'CP-2025-08',
    title: 'Zoutreductie in bereide maaltijden (voorbeeld)',
    clusters: ['FlandersFOOD'],
    start: '2025-02-01',
    end: '2026-12-31',
    regime: 'de_minimis',
    stage: 'interim_reported',
    partners: 3,
  },
  {
    code: 'CP-2024-09',
    title: 'Natuurinclusieve offshore funderingen (voorbeeld)',
    clusters: ['DeBlauweCluster'],
    start: '2024-09-01',
    end: '2027-02-28',
    regime: 'block_exemption',
    stage: 'interim_paid',
    partners: 4,
  },
  {
    code: 'CP-2025-10',
    title: 'Telemonitoring na hartchirurgie (voorbeeld)',
    clusters: ['MEDVIA'],
    start: '2025-01-01',
    end: '2026-12-31',
    regime: 'block_exemption',
    stage: 'interim_reported',
    partners: 4,
  },
  {
    code: 'CP-2026-11',
    title: 'AI-ondersteunde beeldvorming in de eerste lijn (voorbeeld)',
    clusters: ['MEDVIA'],
    start: '2026-02-01',
    end: '2028-01-31',
    regime: 'block_exemption',
    stage: 'committed',
    partners: 5,
  },
  {
    code: 'CP-2025-12',
    title: 'Waterstof voor industriële hoge-temperatuurwarmte (voorbeeld)',
    clusters: ['IBN-Waterstof'],
    start: '2025-05-01',
    end: '2027-04-30',
    regime: 'de_minimis',
    stage: 'committed',
    partners: 3,
  },
  {
    code: 'ICP-2024-01',
    title: 'Groene waterstof als grondstof voor de chemie (voorbeeld)',
    clusters: ['Catalisti', 'Flux50', 'IBN-Waterstof'],
    start: '2023-05-01',
    end: '2027-04-30',
    regime: 'block_exemption',
    stage: 'interim_paid',
    partners: 7,
  },
  {
    code: 'ICP-2025-02',
    title: 'Emissievrije binnenvaart en short sea shipping (voorbeeld)',
    clusters: ['VIL', 'DeBlauweCluster'],
    start: '2025-04-01',
    end: '2027-09-30',
    regime: 'block_exemption',
    stage: 'interim_reported',
    partners: 6,
  },
  {
    code: 'ICP-2026-03',
    title: 'Gepersonaliseerde voeding voor ouderen in de thuiszorg (voorbeeld)',
    clusters: ['FlandersFOOD', 'MEDVIA'],
    start: '2026-01-01',
    end: '2027-12-31',
    regime: 'de_minimis',
    stage: 'committed',
    partners: 5,
  },
  {
    code: 'CP-2026-13',
    title: 'Digitale bouwvergunningen met BIM (voorbeeld)',
    clusters: ['IBN-DigiBouw'],
    start: '2026-09-01',
    end: '2028-08-31',
    regime: 'block_exemption',
    stage: 'planned',
    partners: 3,
  },
];

/** The company of the demo that sits close to the de minimis ceiling (see docs/funding.md). */
const NEAR_CEILING_ORG = 'org:0';
const NEAR_CEILING_PROJECT = {
  code: 'CP-2026-14',
  title: 'Circulaire polymeerkoppeling voor autobumpers (voorbeeld)',
};

function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function addMonths(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`;
}

async function organisationsOf(ctx: SeedContext) {
  const rows = await ctx.db
    .selectFrom('organisations as o')
    .select([
      'o.id',
      'o.helix',
      sql<
        string[]
      >`coalesce((select array_agg(m.cluster_id::text) from memberships m where m.organisation_id = o.id), '{}')`.as(
        'clusterIds',
      ),
    ])
    .where('o.id', '!=', idOf(ctx, NEAR_CEILING_ORG))
    .orderBy('o.enterprise_number')
    .execute();
  return rows;
}

export const fundingSeed: DemoSeed = {
  name: 'funding',
  async run(ctx) {
    const random = sequence(7);
    const clusterId = (short: string) => idOf(ctx, `cluster:${short}`);
    const spearheads = ['Catalisti', 'VIL', 'Flux50', 'FlandersFOOD', 'DeBlauweCluster', 'MEDVIA'];
    const networks = ['IBN-Waterstof', 'IBN-DigiBouw'];

    // Base operations: one line per year for the spearhead clusters, one for the business networks.
    for (const year of YEARS) {
      const spearheadLine = await createFundingLine(ctx, {
        code: `BW-${year}`,
        name: `Basiswerking speerpuntclusters ${year} (voorbeeld)`,
        purpose: 'base_operations',
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        amountCents: 11_500_000 * EUR,
        isRingFenced: true,
        ownContributionRatio: '1',
        clusterIds: spearheads.map(clusterId),
        isExample: true,
      });
      const networkLine = await createFundingLine(ctx, {
        code: `BW-IBN-${year}`,
        name: `Basiswerking innovatieve bedrijfsnetwerken ${year} (voorbeeld)`,
        purpose: 'base_operations',
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        amountCents: 700_000 * EUR,
        isRingFenced: true,
        ownContributionRatio: '0.5',
        clusterIds: networks.map(clusterId),
        isExample: true,
      });
      for (const short of [...spearheads, ...networks]) {
        const growth = year === 2024 ? 0 : year === 2025 ? 2 : 4; // per cent indexation
        const subsidy = Math.round((BASE_SUBSIDY[short] * (100 + growth)) / 100) * EUR;
        const grant = await grantBaseOperations(ctx, {
          clusterId: clusterId(short),
          year,
          lineId: spearheads.includes(short) ? spearheadLine.id : networkLine.id,
          subsidyCents: subsidy,
          decidedOn: `${year}-01-15`,
          isExample: true,
        });
        const advance = Math.round(subsidy * 0.6);
        const advancePayment = await planPayment(ctx, {
          commitmentId: grant.commitmentId,
          tranche: 'advance',
          amountCents: advance,
          plannedOn: `${year}-02-01`,
        });
        await releasePayment(ctx, { paymentId: advancePayment.id });
        if (year < 2026) {
          const ratio = spearheads.includes(short) ? 1 : 0.5;
          const report = await submitReport(ctx, {
            baseOperationId: grant.id,
            kind: 'costs',
            title: `Kostenstaat basiswerking ${year}`,
            summary: 'Personeels- en werkingskosten van de clusterorganisatie (voorbeeld).',
            reportedCostsCents: Math.round(subsidy * (1 + ratio) * 1.04),
            reportedOwnContributionCents: Math.round(subsidy * ratio * 1.08),
          });
          const balance = await planPayment(ctx, {
            commitmentId: grant.commitmentId,
            tranche: 'balance',
            amountCents: subsidy - advance,
            reportId: report.id,
            plannedOn: `${year + 1}-04-30`,
          });
          if (year === 2024) {
            await decideReport(ctx, {
              reportId: report.id,
              decision: 'accepted',
              comment: 'Kostenstaat nagekeken en in orde (voorbeeld).',
            });
            await releasePayment(ctx, { paymentId: balance.id });
          }
        }
      }
    }

    // Project lines: ring-fenced envelopes for cluster projects and inter-cluster projects, and a free reserve.
    const projectLine = await createFundingLine(ctx, {
      code: 'CP-2024-2026',
      name: 'Clusterprojecten 2024–2026 (voorbeeld)',
      purpose: 'cluster_projects',
      periodStart: '2024-01-01',
      periodEnd: '2026-12-31',
      amountCents: 9_000_000 * EUR,
      isRingFenced: true,
      ownContributionRatio: '0.5',
      clusterIds: [],
      isExample: true,
    });
    const interLine = await createFundingLine(ctx, {
      code: 'ICP-2024-2026',
      name: 'Interclusterprojecten 2024–2026 (voorbeeld)',
      purpose: 'inter_cluster_projects',
      periodStart: '2024-01-01',
      periodEnd: '2026-12-31',
      amountCents: 4_000_000 * EUR,
      isRingFenced: true,
      ownContributionRatio: '0.5',
      clusterIds: [],
      isExample: true,
    });
    const reserveLine = await createFundingLine(ctx, {
      code: 'RES-2025',
      name: 'Reserve clusterbeleid 2025 (voorbeeld)',
      purpose: 'cluster_projects',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      amountCents: 1_500_000 * EUR,
      isRingFenced: false,
      ownContributionRatio: '0',
      clusterIds: [],
      isExample: true,
    });
    await reallocateFunds(ctx, {
      fromLineId: reserveLine.id,
      toLineId: interLine.id,
      amountCents: 600_000 * EUR,
      motivation: 'Meer sterke interclustervoorstellen dan voorzien; aanbeveling 2 van VARIO (voorbeeld).',
    });

    const organisations = await organisationsOf(ctx);
    const themes = await ctx.db
      .selectFrom('themes')
      .select(['id', 'kind'])
      .where('kind', 'in', ['transition', 'strategic_theme'])
      .orderBy('kind')
      .orderBy('code')
      .execute();
    const deMinimisSeen = new Map<string, number>();
    let projectCount = 0;
    let interCount = 0;

    const projectList = [
      ...PROJECTS,
      {
        code: NEAR_CEILING_PROJECT.code,
        title: NEAR_CEILING_PROJECT.title,
        clusters: ['Catalisti'],
        start: '2026-12-01',
        end: '2028-11-30',
        regime: 'de_minimis' as const,
        stage: 'planned' as const,
        partners: 2,
      },
    ];
    for (const p of projectList) {
      const clusterIds = p.clusters.map(clusterId);
      const isNearCeiling = p.code === NEAR_CEILING_PROJECT.code || p.code === 'CP-2025-02';
      // Participants: members of the project's clusters first, then others; one knowledge institution where possible.
      const members = organisations.filter((o) => o.clusterIds.some((id) => clusterIds.includes(id)));
      const pool = [...members, ...organisations.filter((o) => !members.includes(o))];
      const chosen: typeof organisations = [];
      const knowledge = pool.find((o) => o.helix === 'knowledge_institution' && random() < 0.9);
      if (knowledge) chosen.push(knowledge);
      let guard = 0;
      while (chosen.length < p.partners - (isNearCeiling ? 1 : 0) && guard++ < 500) {
        const candidate = pool[Math.floor(random() * Math.min(pool.length, members.length + 10))];
        if (!candidate || chosen.includes(candidate)) continue;
        if (p.regime === 'de_minimis' && (deMinimisSeen.get(candidate.id) ?? 0) > 150_000 * EUR) continue;
        chosen.push(candidate);
      }
      const participants = chosen.map((o, index) => {
        const isCompany = o.helix === 'company';
        const budget =
          (isCompany
            ? 120_000 + Math.floor(random() * 28) * 10_000
            : 90_000 + Math.floor(random() * 12) * 10_000) * EUR;
        const intensity = p.regime === 'de_minimis' ? (isCompany ? 35 : 60) : isCompany ? 45 : 80;
        let aid = Math.round((budget * intensity) / 100);
        if (p.regime === 'de_minimis') aid = Math.min(aid, 95_000 * EUR);
        return {
          organisationId: o.id,
          role: index === 0 ? 'coordinator' : 'partner',
          budgetCents: budget,
          aidCents: aid,
        };
      });
      if (isNearCeiling) {
        const aid = p.code === 'CP-2025-02' ? 72_000 * EUR : 45_000 * EUR;
        participants.push({
          organisationId: idOf(ctx, NEAR_CEILING_ORG),
          role: 'partner',
          budgetCents: aid * 2,
          aidCents: aid,
        });
      }
      if (p.regime === 'de_minimis')
        for (const part of participants)
          deMinimisSeen.set(
            part.organisationId,
            (deMinimisSeen.get(part.organisationId) ?? 0) + part.aidCents,
          );
      const themeIds =
        themes.length > 0
          ? [
              ...new Set([
                themes[Math.floor(random() * themes.length)].id,
                themes[Math.floor(random() * themes.length)].id,
              ]),
            ]
          : [];
      const mid = addMonths(p.start, 12);
      const project = await createProject(ctx, {
        code: p.code,
        title: p.title,
        kind: p.clusters.length > 1 ? 'inter_cluster_project' : 'cluster_project',
        leadClusterId: clusterIds[0],
        clusterIds,
        startsOn: p.start,
        endsOn: p.end,
        isBottomUp: random() < 0.8,
        aidRegime: p.regime,
        aidLegalBasis:
          p.regime === 'de_minimis' ? 'Verordening (EU) 2023/2831' : 'AGVV (EU) 651/2014, art. 25 (O&O)',
        participants,
        themeIds,
        milestones: [
          { title: 'M1 Projectplan en nulmeting', dueOn: addMonths(p.start, 3) },
          { title: 'M2 Tussentijdse resultaten', dueOn: mid },
          { title: 'M3 Eindresultaten en valorisatie', dueOn: p.end },
        ],
        deliverables: [
          { title: 'D1 Haalbaarheidsstudie', dueOn: addMonths(p.start, 6) },
          { title: 'D2 Demonstrator', dueOn: mid },
          { title: 'D3 Kennisdiffusie-evenement voor niet-leden', dueOn: p.end },
        ],
        isExample: true,
      });
      projectCount += 1;
      if (p.clusters.length > 1) interCount += 1;
      if (p.code === 'CP-2025-02') {
        // Earlier de minimis aid of the near-ceiling company, from other sources (invented).
        await recordStateAid(ctx, {
          organisationId: idOf(ctx, NEAR_CEILING_ORG),
          regime: 'de_minimis',
          legalBasis: 'Verordening (EU) 2023/2831',
          amountCents: 110_000 * EUR,
          grantedOn: '2024-05-15',
          grantedByAuthority: 'Vlaamse overheid – KMO-groeisubsidie (voorbeeld)',
          description: 'Groeisubsidie (voorbeeld)',
          isExample: true,
        });
        await recordStateAid(ctx, {
          organisationId: idOf(ctx, NEAR_CEILING_ORG),
          regime: 'de_minimis',
          legalBasis: 'Verordening (EU) 2023/2831',
          amountCents: 90_000 * EUR,
          grantedOn: '2025-06-01',
          grantedByAuthority: 'Provincie Voorbeeldland (voorbeeld)',
          description: 'Innovatiecheque (voorbeeld)',
          isExample: true,
        });
      }
      if (p.stage === 'planned') continue;
      const decidedOn = addMonths(p.start, -1);
      const line = p.clusters.length > 1 ? interLine : projectLine;
      const commitment = await commitProjectGrant(ctx, {
        projectId: project.id,
        lineId: line.id,
        decidedOn,
        motivation: 'Positief advies na evaluatie (voorbeeld).',
        isExample: true,
      });
      const milestones = await ctx.db
        .selectFrom('project_milestones')
        .select(['id', 'title'])
        .where('project_id', '=', project.id)
        .orderBy('due_on')
        .execute();
      const deliverables = await ctx.db
        .selectFrom('project_deliverables')
        .select('id')
        .where('project_id', '=', project.id)
        .orderBy('due_on')
        .execute();
      const total = participants.reduce((s, x) => s + x.aidCents, 0);
      const advance = Math.round(total * 0.3);
      const interim = Math.round(total * 0.4);
      const advancePayment = await planPayment(ctx, {
        commitmentId: commitment.id,
        tranche: 'advance',
        amountCents: advance,
        plannedOn: p.start,
      });
      await releasePayment(ctx, { paymentId: advancePayment.id });
      const interimPayment = await planPayment(ctx, {
        commitmentId: commitment.id,
        tranche: 'interim',
        amountCents: interim,
        milestoneId: milestones[1].id,
        plannedOn: mid,
      });
      const progress = await submitReport(ctx, {
        projectId: project.id,
        kind: 'progress',
        title: 'Voortgangsrapport jaar 1',
        summary: 'Werkpakketten 1 en 2 volgens planning (voorbeeld).',
      });
      if (p.stage === 'interim_paid')
        await decideReport(ctx, {
          reportId: progress.id,
          decision: 'accepted',
          comment: 'Voortgang in orde.',
        });
      const finalReport =
        p.stage === 'interim_paid' && p.end < '2026-09-01'
          ? await submitReport(ctx, {
              projectId: project.id,
              kind: 'final',
              title: 'Eindrapport',
              summary: 'Resultaten, valorisatie en kennisdiffusie (voorbeeld).',
            })
          : null;
      await planPayment(ctx, {
        commitmentId: commitment.id,
        tranche: 'balance',
        amountCents: total - advance - interim,
        ...(finalReport ? { reportId: finalReport.id } : { milestoneId: milestones[2].id }),
        plannedOn: p.end,
      });
      if (p.stage === 'interim_reported' || p.stage === 'interim_paid') {
        await reportMilestone(ctx, { projectId: project.id, milestoneId: milestones[0].id });
        await decideMilestone(ctx, {
          projectId: project.id,
          milestoneId: milestones[0].id,
          decision: 'accepted',
          comment: 'In orde.',
        });
        await setDeliverableStatus(ctx, {
          projectId: project.id,
          deliverableId: deliverables[0].id,
          status: 'delivered',
        });
        await reportMilestone(ctx, { projectId: project.id, milestoneId: milestones[1].id });
      }
      if (p.stage === 'interim_paid') {
        await setDeliverableStatus(ctx, {
          projectId: project.id,
          deliverableId: deliverables[0].id,
          status: 'accepted',
        });
        await decideMilestone(ctx, {
          projectId: project.id,
          milestoneId: milestones[1].id,
          decision: 'accepted',
          comment: 'Tussentijdse resultaten aanvaard.',
        });
        await releasePayment(ctx, { paymentId: interimPayment.id });
      }
      if (p.code === 'CP-2024-05' && finalReport) {
        // One project fully done: final report accepted (the project completes), balance paid.
        await decideReport(ctx, {
          reportId: finalReport.id,
          decision: 'accepted',
          comment: 'Eindrapport aanvaard.',
        });
        const balance = await ctx.db
          .selectFrom('funding_payments')
          .select('id')
          .where('report_id', '=', finalReport.id)
          .executeTakeFirstOrThrow();
        await releasePayment(ctx, { paymentId: balance.id });
      }
    }
    ctx.log(
      `funding: ${YEARS.length * 8} base-funding grants, ${projectCount} example projects ` +
        `(${interCount} inter-cluster), one company near the de minimis ceiling`,
    );
  },
};
