import type { CallDefinition } from '../modules/calls/calls.schema';
import { createCall } from '../modules/calls/create-call';
import { publishCall } from '../modules/calls/publish-call';
import { startProposal } from '../modules/calls/start-proposal';
import { saveProposalDraft } from '../modules/calls/save-proposal-draft';
import { submitProposal } from '../modules/calls/submit-proposal';
import { closeExpiredCalls } from '../modules/calls/move-call-status';
import { instantToBrusselsLocal } from '../../shared/brussels-time';
import type { DemoSeed, SeedContext } from './seed-context';
import { enterpriseNumberFrom } from '../../shared/enterprise-number';
import { getDemoActor } from './demo-actor';
import { COMPANY_CONSORTIUM_RULES } from './consortium-rules';

const DAY = 86_400_000;

/**
 * The consortium of the example proposal, by enterprise number (from the portfolio seed): three
 * SMEs, the first the lead, and a knowledge institution; enough to pass the call's consortium
 * rules. Names may change; the seed stops if one of these is missing or no longer of its kind.
 */
const CONSORTIUM = [
  { enterpriseNumber: enterpriseNumberFrom(7_000_105), helix: 'company', isSme: true },
  { enterpriseNumber: enterpriseNumberFrom(7_000_106), helix: 'company', isSme: true },
  { enterpriseNumber: enterpriseNumberFrom(7_000_118), helix: 'company', isSme: true },
  { enterpriseNumber: enterpriseNumberFrom(7_000_161), helix: 'knowledge_institution', isSme: false },
] as const;

async function getConsortium(ctx: SeedContext): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('organisations')
    .select(['enterprise_number', 'helix', 'size_class'])
    .where(
      'enterprise_number',
      'in',
      CONSORTIUM.map((m) => m.enterpriseNumber),
    )
    .execute();
  return CONSORTIUM.map((member) => {
    const row = rows.find((r) => r.enterprise_number === member.enterpriseNumber);
    const isSme = row?.size_class === 'small' || row?.size_class === 'medium';
    if (!row || row.helix !== member.helix || isSme !== member.isSme)
      throw new Error(
        `Demo seed eligibility-check needs organisation ${member.enterpriseNumber} as ${member.helix}`,
      );
    return member.enterpriseNumber;
  });
}

const localDate = (at: Date) => instantToBrusselsLocal(at).slice(0, 10);

/**
 * The first stage of the selection: a call whose deadline passed two days ago, with one
 * proposal submitted before it that waits for the officer's eligibility check. The call is made,
 * published, filled in and submitted through the same steps people use, on a clock set back a
 * month; the clock then closes the call.
 */
export const eligibilityCheckSeed: DemoSeed = {
  name: 'eligibility-check',
  async run(ctx) {
    const now = ctx.now();
    const then = new Date(now.getTime() - 30 * DAY);
    const past = { ...ctx, now: () => then };
    const themes = await ctx.db
      .selectFrom('themes')
      .select('id')
      .where('kind', '=', 'strategic_theme')
      .orderBy('code', 'desc')
      .limit(2)
      .execute();
    const definition: CallDefinition = {
      code: 'VB-2026-ONTVANKELIJKHEID',
      kind: 'cluster_project',
      titleNl: 'Oproep clusterprojecten najaar 2026 (voorbeeld)',
      titleEn: 'Call for cluster projects autumn 2026 (example)',
      summaryNl:
        'Voorbeeldoproep waarvan de termijn voorbij is: het ingediende voorstel wacht op de ontvankelijkheidscontrole.',
      summaryEn: 'Example call past its deadline: the submitted proposal waits for the eligibility check.',
      descriptionNl: 'Clusterprojecten van minstens drie bedrijven, waarvan twee kmo’s (voorbeeld).',
      descriptionEn: 'Cluster projects of at least three companies, two of them SMEs (example).',
      budgetEnvelopeCents: 150_000_000,
      opensAtLocal: instantToBrusselsLocal(new Date(then.getTime() - 2 * DAY)),
      closesAtLocal: `${localDate(new Date(now.getTime() - 2 * DAY))}T17:00`,
      evaluationStartsAtLocal: `${localDate(new Date(now.getTime() + 5 * DAY))}T09:00`,
      decisionAtLocal: `${localDate(new Date(now.getTime() + 60 * DAY))}T12:00`,
      overallThreshold: 3,
      budgetRule: 'stop_at_first_misfit',
      reviewsPerProposal: 3,
      themeIds: themes.map((t) => t.id),
      criteria: [
        {
          code: 'excellence',
          nameNl: 'Excellentie',
          nameEn: 'Excellence',
          descriptionNl: 'Hoe vernieuwend is het project?',
          descriptionEn: 'How innovative is the project?',
          scaleMin: 0,
          scaleMax: 5,
          allowsHalfPoints: true,
          weight: 50,
          threshold: 3,
        },
        {
          code: 'impact',
          nameNl: 'Impact',
          nameEn: 'Impact',
          descriptionNl: 'Economische impact en verspreiding naar kmo’s.',
          descriptionEn: 'Economic impact and spread to SMEs.',
          scaleMin: 0,
          scaleMax: 5,
          allowsHalfPoints: true,
          weight: 50,
          threshold: 3,
        },
      ],
      tieBreakRules: [],
      eligibilityRules: [
        ...COMPANY_CONSORTIUM_RULES,
        {
          kind: 'max_aid_share',
          parameter: 60,
          explanationNl: 'De steun is hoogstens 60 % van het totale budget.',
          explanationEn: 'Aid is at most 60 % of the total budget.',
        },
      ],
      requiredKpis: [],
      questions: [
        {
          code: 'plan',
          kind: 'long_text',
          labelNl: 'Wat gaat het consortium doen?',
          labelEn: 'What will the consortium do?',
          helpNl: '',
          helpEn: null,
          isRequired: true,
          maxWords: 300,
          maxChars: null,
          options: [],
          conditionQuestionCode: null,
          conditionValue: null,
        },
      ],
    };
    const officerCtx = { ...past, actor: await getDemoActor(ctx, 'officer') };
    const created = await createCall(officerCtx, definition);
    await publishCall(officerCtx, created.call.id);
    ctx.ids.set('calls:eligibility', created.call.id);

    const members = (await getConsortium(ctx)).map((enterpriseNumber, i) => ({
      enterpriseNumber,
      costCents: (i === 0 ? 40_000_000 : 20_000_000) as number,
    }));
    const applicantCtx = { ...past, actor: await getDemoActor(ctx, 'applicant') };
    const title = 'Gedeelde testlijn voor gerecycleerde kunststoffen (voorbeeld)';
    const proposal = await startProposal(applicantCtx, created.call.id, { title });
    const saved = await saveProposalDraft(applicantCtx, proposal.id, {
      draftVersion: 1,
      title,
      summary: 'Voorbeeldvoorstel: drie kmo’s en een kennisinstelling delen een testlijn voor recyclaat.',
      themeIds: themes.slice(0, 1).map((t) => t.id),
      clusterIds: [],
      requiresNewLegalEntity: false,
      answers: { plan: 'Een gedeelde testlijn bouwen en tien kmo’s laten testen (voorbeeld).' },
      consortium: members.map((m, i) => ({
        enterpriseNumber: m.enterpriseNumber,
        name: null,
        helix: null,
        sizeClass: null,
        role: i === 0 ? ('lead' as const) : ('partner' as const),
        budgetShareCents: m.costCents,
      })),
      budgetLines: members.map((m) => ({
        enterpriseNumber: m.enterpriseNumber,
        category: 'personnel' as const,
        description: 'Personeel (voorbeeld)',
        costCents: m.costCents,
        requestedAidCents: m.costCents / 2,
        ownContributionCents: m.costCents / 2,
      })),
      kpis: [],
    });
    await submitProposal(applicantCtx, proposal.id, { draftVersion: saved.draftVersion });
    await closeExpiredCalls(ctx.db, now, { userId: null, label: 'clock' });
    ctx.log(
      'eligibility: call VB-2026-ONTVANKELIJKHEID past its deadline, one submitted proposal awaiting the ' +
        'eligibility check',
    );
  },
};
