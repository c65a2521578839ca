import { enterpriseNumberFrom } from '../../shared/enterprise-number';
import type { DemoSeed } from './seed-context';
import { getDemoActor } from './demo-actor';
import { COMPANY_CONSORTIUM_RULES } from './consortium-rules';
import { createCall } from '../modules/calls/create-call';
import { publishCall } from '../modules/calls/publish-call';
import { startProposal } from '../modules/calls/start-proposal';
import { saveProposalDraft } from '../modules/calls/save-proposal-draft';
import { instantToBrusselsLocal } from '../../shared/brussels-time';
import type { CallDefinition } from '../modules/calls/calls.schema';

/**
 * An open example call for new strategic themes (three criteria, two tie-break rules, five
 * eligibility rules, two required KPIs, a conditional question), published through the same
 * steps the officer uses, and a draft proposal of the demo applicant.
 */
export const callsSeed: DemoSeed = {
  name: 'calls',
  async run(ctx) {
    const day = 86_400_000;
    const now = ctx.now();
    const themes = await ctx.db
      .selectFrom('themes')
      .select('id')
      .where('kind', '=', 'strategic_theme')
      .orderBy('code')
      .limit(4)
      .execute();
    const definition: CallDefinition = {
      code: 'VB-2027-THEMA',
      kind: 'new_strategic_theme',
      titleNl: 'Open oproep nieuwe strategische thema’s 2027 (voorbeeld)',
      titleEn: 'Open call for new strategic themes 2027 (example)',
      summaryNl:
        'Bottom-up oproep voor nieuwe strategische thema’s, bij voorkeur projectgebaseerd, met ' +
        'ambitieuze KPI’s vooraf (voorbeeld).',
      summaryEn:
        'Bottom-up call for new strategic themes, preferably project-based, with ambitious KPIs ' +
        'set in advance (example).',
      descriptionNl:
        'Deze voorbeeldoproep volgt aanbeveling 4 van het VARIO-advies: een open oproep met ' +
        'strikte selectie. Consortia van bedrijven, kennisinstellingen, overheden en middenveld ' +
        'dienen een voorstel in met nulmeting en doel voor de verplichte KPI’s.',
      descriptionEn:
        'This example call follows recommendation 4 of the VARIO advice: an open call with strict selection.',
      budgetEnvelopeCents: 400_000_000,
      opensAtLocal: instantToBrusselsLocal(new Date(now.getTime() - 7 * day)),
      closesAtLocal: `${instantToBrusselsLocal(new Date(now.getTime() + 45 * day)).slice(0, 10)}T17:00`,
      evaluationStartsAtLocal: `${instantToBrusselsLocal(new Date(now.getTime() + 50 * day)).slice(0, 10)}T09:00`,
      decisionAtLocal: `${instantToBrusselsLocal(new Date(now.getTime() + 100 * day)).slice(0, 10)}T12:00`,
      overallThreshold: 3,
      budgetRule: 'skip_to_next_fit',
      reviewsPerProposal: 3,
      themeIds: themes.map((t) => t.id),
      criteria: [
        {
          code: 'excellence',
          nameNl: 'Excellentie en vernieuwing',
          nameEn: 'Excellence and novelty',
          descriptionNl: 'Hoe nieuw en ambitieus is het thema?',
          descriptionEn: null,
          scaleMin: 0,
          scaleMax: 5,
          allowsHalfPoints: true,
          weight: 40,
          threshold: 3,
        },
        {
          code: 'impact',
          nameNl: 'Economische en maatschappelijke impact',
          nameEn: 'Economic and societal impact',
          descriptionNl: 'Valorisatie en bijdrage aan transities.',
          descriptionEn: null,
          scaleMin: 0,
          scaleMax: 5,
          allowsHalfPoints: true,
          weight: 40,
          threshold: 3,
        },
        {
          code: 'implementation',
          nameNl: 'Uitvoering en consortium',
          nameEn: 'Implementation and consortium',
          descriptionNl: 'Kwaliteit van plan, budget en partners.',
          descriptionEn: null,
          scaleMin: 0,
          scaleMax: 5,
          allowsHalfPoints: false,
          weight: 20,
          threshold: 2,
        },
      ],
      tieBreakRules: [
        {
          kind: 'criterion_score',
          criterionCode: 'impact',
          direction: 'desc',
          explanationNl: 'Eerst de hoogste score op impact.',
          explanationEn: 'First the highest impact score.',
        },
        {
          kind: 'sme_budget_share',
          criterionCode: null,
          direction: 'desc',
          explanationNl: 'Dan het grootste kmo-aandeel in het budget.',
          explanationEn: 'Then the largest SME share of the budget.',
        },
      ],
      eligibilityRules: [
        ...COMPANY_CONSORTIUM_RULES,
        {
          kind: 'min_helix_categories',
          parameter: 2,
          explanationNl: 'Minstens twee helixcategorieën.',
          explanationEn: 'At least two helix categories.',
        },
        {
          kind: 'max_aid_share',
          parameter: 60,
          explanationNl: 'De steun is hoogstens 60 % van het totale budget.',
          explanationEn: 'Aid is at most 60 % of the total budget.',
        },
        {
          kind: 'required_kpis_proposed',
          parameter: null,
          explanationNl: 'Elke verplichte KPI heeft een nulmeting en een doel.',
          explanationEn: 'Every required KPI has a baseline and a target.',
        },
      ],
      requiredKpis: [
        {
          kpiCode: null,
          nameNl: 'Aantal betrokken kmo’s',
          nameEn: 'Number of SMEs involved',
          unit: 'aantal',
          direction: 'higher_is_better',
        },
        {
          kpiCode: null,
          nameNl: 'Vermeden CO2-uitstoot',
          nameEn: 'CO2 emissions avoided',
          unit: 'ton/jaar',
          direction: 'higher_is_better',
        },
      ],
      questions: [
        {
          code: 'ambition',
          kind: 'long_text',
          labelNl: 'Wat is de ambitie van het nieuwe thema?',
          labelEn: 'What is the ambition of the new theme?',
          helpNl: 'Beschrijf het thema en waarom het nu nodig is.',
          helpEn: null,
          isRequired: true,
          maxWords: 300,
          maxChars: null,
          options: [],
          conditionQuestionCode: null,
          conditionValue: null,
        },
        {
          code: 'has_pilot',
          kind: 'yes_no',
          labelNl: 'Loopt er al een pilootproject?',
          labelEn: 'Is a pilot project running?',
          helpNl: '',
          helpEn: null,
          isRequired: true,
          maxWords: null,
          maxChars: null,
          options: [],
          conditionQuestionCode: null,
          conditionValue: null,
        },
        {
          code: 'pilot_site',
          kind: 'short_text',
          labelNl: 'Waar loopt de piloot?',
          labelEn: 'Where does the pilot run?',
          helpNl: '',
          helpEn: null,
          isRequired: true,
          maxWords: null,
          maxChars: 120,
          options: [],
          conditionQuestionCode: 'has_pilot',
          conditionValue: 'true',
        },
      ],
    };
    const officerCtx = { ...ctx, actor: await getDemoActor(ctx, 'officer') };
    const created = await createCall(officerCtx, definition);
    await publishCall(officerCtx, created.call.id);
    ctx.ids.set('calls:open', created.call.id);

    const applicantCtx = { ...ctx, actor: await getDemoActor(ctx, 'applicant') };
    const proposal = await startProposal(applicantCtx, created.call.id, {
      title: 'Blauwe waterstof uit zeewind (voorbeeld)',
    });
    const orgs = await ctx.db
      .selectFrom('organisations')
      .select(['enterprise_number'])
      .where('helix', '=', 'knowledge_institution')
      .where('enterprise_number', 'is not', null)
      .orderBy('name')
      .limit(1)
      .execute();
    await saveProposalDraft(applicantCtx, proposal.id, {
      draftVersion: 1,
      title: 'Blauwe waterstof uit zeewind (voorbeeld)',
      summary: 'Voorbeeldvoorstel: een consortium rond waterstofproductie met offshore windenergie.',
      themeIds: themes.slice(0, 1).map((t) => t.id),
      clusterIds: [],
      requiresNewLegalEntity: false,
      answers: { ambition: 'Groene waterstof uit zeewind voor de havenindustrie (voorbeeld).' },
      consortium: [
        {
          enterpriseNumber: enterpriseNumberFrom(17_500_001),
          name: 'Zeewaterstof BV (voorbeeld)',
          helix: 'company',
          sizeClass: 'small',
          role: 'lead',
          budgetShareCents: 50_000_000,
        },
        ...orgs.map((o) => ({
          enterpriseNumber: o.enterprise_number as string,
          name: null,
          helix: null,
          sizeClass: null,
          role: 'partner' as const,
          budgetShareCents: 20_000_000,
        })),
      ],
      budgetLines: [
        {
          enterpriseNumber: enterpriseNumberFrom(17_500_001),
          category: 'personnel',
          description: 'Onderzoekers',
          costCents: 50_000_000,
          requestedAidCents: 25_000_000,
          ownContributionCents: 25_000_000,
        },
      ],
      kpis: [],
    });
    ctx.log(
      'calls: one open example call (3 criteria, 2 tie-break rules, 5 eligibility rules) and a ' +
        'draft proposal of the demo applicant',
    );
  },
};
