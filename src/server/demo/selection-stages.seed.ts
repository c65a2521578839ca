import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import type { BudgetRule } from '../../shared/selection-wording';
import { decideProposals, fileObjection } from '../modules/decisions/decisions';
import { buildCallRankingInput } from '../modules/ranking/rank-call';
import { rankProposals } from '../modules/ranking/rank-proposals';
import { idOf, type DemoSeed, type SeedContext } from './seed-context';
import { getDemoActor } from './demo-actor';

const DAY = 86_400_000;

type Scores = [number, number, number];
interface DemoProposal {
  title: string;
  /** Requested aid in euro (split over two partners). */
  aidEuro: number;
  scores: Scores;
  consensus: 'agreed' | 'draft' | 'none';
  /**
   * The third review is still to be written, by the late expert of the call (the demo expert,
   * invited to replace the panel's third expert; the declaration is not accepted yet).
   */
  expertReviewOpen?: boolean;
}

/** One small call with three criteria, its proposals, three experts' reviews and consensus. */
async function seedCall(
  tx: Kysely<DB>,
  ctx: SeedContext,
  options: {
    code: string;
    titleNl: string;
    titleEn: string;
    budgetEuro: number;
    budgetRule: BudgetRule;
    closedDaysAgo: number;
    referencePrefix: string;
    /** Seed keys of the three experts; the first is the rapporteur. */
    expertKeys: [string, string, string];
    /** Seed key of an expert invited late (no declaration yet), third reviewer of the open reviews. */
    lateExpertKey?: string;
    proposals: DemoProposal[];
  },
) {
  const now = ctx.now();
  const officer = idOf(ctx, 'user:officer');
  const applicant = idOf(ctx, 'user:applicant');
  const experts = options.expertKeys.map((key) => idOf(ctx, key));
  const call = await tx
    .insertInto('calls')
    .values({
      code: options.code,
      kind: 'cluster_project',
      status: 'in_evaluation',
      title_nl: options.titleNl,
      title_en: options.titleEn,
      summary_nl: 'Voorbeeldoproep om de selectie tot het einde te tonen.',
      summary_en: 'Example call that shows the selection to its end.',
      budget_envelope_cents: options.budgetEuro * 100,
      budget_rule: options.budgetRule,
      opens_at: new Date(now.getTime() - (options.closedDaysAgo + 60) * DAY),
      closes_at: new Date(now.getTime() - options.closedDaysAgo * DAY),
      evaluation_starts_at: new Date(now.getTime() - (options.closedDaysAgo - 2) * DAY),
      decision_at: new Date(now.getTime() + 20 * DAY),
      published_at: new Date(now.getTime() - (options.closedDaysAgo + 60) * DAY),
      overall_threshold: 3,
      reviews_per_proposal: 3,
      created_by: officer,
      is_example: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('call_review_settings')
    .values({ call_id: call.id, review_deadline: new Date(now.getTime() + 10 * DAY), updated_by: officer })
    .execute();
  const criteria = await tx
    .insertInto('call_criteria')
    .values([
      {
        call_id: call.id,
        position: 1,
        code: 'excellence',
        name_nl: 'Excellentie',
        name_en: 'Excellence',
        description_nl: 'Hoe vernieuwend en ambitieus is het project?',
        scale_max: 5,
        allows_half_points: true,
        weight: 0.4,
        threshold: 3,
      },
      {
        call_id: call.id,
        position: 2,
        code: 'impact',
        name_nl: 'Impact',
        name_en: 'Impact',
        description_nl: 'Economische en maatschappelijke impact, verspreiding naar kmo’s.',
        scale_max: 5,
        allows_half_points: true,
        weight: 0.4,
        threshold: 3,
      },
      {
        call_id: call.id,
        position: 3,
        code: 'implementation',
        name_nl: 'Uitvoering',
        name_en: 'Implementation',
        description_nl: 'Plan, budget en consortium.',
        scale_max: 5,
        allows_half_points: true,
        weight: 0.2,
        threshold: null,
      },
    ])
    .returning(['id', 'code'])
    .execute();
  const companies = await tx
    .selectFrom('organisations')
    .select('id')
    .where('helix', '=', 'company')
    .where('size_class', 'in', ['micro', 'small', 'medium'])
    .orderBy('name', 'desc')
    .limit(12)
    .execute();
  const institutes = await tx
    .selectFrom('organisations')
    .select('id')
    .where('helix', '=', 'knowledge_institution')
    .orderBy('name')
    .limit(3)
    .execute();
  for (const expert of experts)
    await tx
      .insertInto('call_experts')
      .values({
        call_id: call.id,
        user_id: expert,
        status: 'accepted',
        invited_by: officer,
        declaration_accepted_at: new Date(now.getTime() - (options.closedDaysAgo - 1) * DAY),
        declaration_version: '2026-1',
      })
      .execute();

  const late = options.lateExpertKey ? idOf(ctx, options.lateExpertKey) : null;
  if (late)
    await tx
      .insertInto('call_experts')
      .values({ call_id: call.id, user_id: late, status: 'invited', invited_by: officer })
      .execute();

  const ids: string[] = [];
  for (const [i, p] of options.proposals.entries()) {
    const proposal = await tx
      .insertInto('proposals')
      .values({
        call_id: call.id,
        reference: `${options.referencePrefix}-${String(i + 1).padStart(3, '0')}`,
        status: 'under_review',
        title: `${p.title} (voorbeeld)`,
        summary: `Voorbeeldproject: ${p.title.toLowerCase()}, met een demonstrator bij kmo’s.`,
        owner_user_id: applicant,
        submitted_version: 1,
        submitted_at: new Date(now.getTime() - (options.closedDaysAgo + 1) * DAY + i * 3_600_000),
        eligibility_motivation: 'Voldoet aan alle ontvankelijkheidsregels (voorbeeld).',
        eligibility_decided_by: officer,
        eligibility_decided_at: new Date(now.getTime() - (options.closedDaysAgo - 1) * DAY),
        is_example: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(proposal.id);
    const partners = [companies[(i * 2) % companies.length], institutes[i % Math.max(1, institutes.length)]];
    const halves = [Math.round(p.aidEuro * 0.6) * 100, (p.aidEuro - Math.round(p.aidEuro * 0.6)) * 100];
    for (const [position, partner] of partners.entries()) {
      if (!partner) continue;
      await tx
        .insertInto('proposal_consortium_members')
        .values({
          proposal_id: proposal.id,
          organisation_id: partner.id,
          position: position + 1,
          role: position === 0 ? 'lead' : 'partner',
        })
        .execute();
      await tx
        .insertInto('proposal_budget_lines')
        .values({
          proposal_id: proposal.id,
          organisation_id: partner.id,
          position: position + 1,
          category: 'personnel',
          description: 'Personeel (voorbeeld)',
          cost_cents: halves[position] * 2,
          requested_aid_cents: halves[position],
          own_contribution_cents: halves[position],
        })
        .execute();
    }
    await tx
      .insertInto('proposal_collaborators')
      .values({ proposal_id: proposal.id, user_id: applicant, access: 'owner' })
      .onConflict((oc) => oc.doNothing())
      .execute();

    const panel = p.expertReviewOpen && late ? [experts[0], experts[1], late] : experts;
    for (const [e, expert] of panel.entries()) {
      const assignment = await tx
        .insertInto('review_assignments')
        .values({
          call_id: call.id,
          proposal_id: proposal.id,
          expert_user_id: expert,
          origin: 'manual',
          is_rapporteur: e === 0,
          created_by: officer,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // The last expert (the late one, where the call has one) has this review still to do.
      if (e === 2 && p.expertReviewOpen) continue;
      const review = await tx
        .insertInto('reviews')
        .values({
          assignment_id: assignment.id,
          proposal_id: proposal.id,
          expert_user_id: expert,
          status: 'submitted',
          overall_comment: 'Degelijk voorstel met een duidelijke rol voor kmo’s (voorbeeld).',
          submitted_at: new Date(now.getTime() - 3 * DAY),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('review_scores')
        .values(
          criteria.map((c, k) => ({
            review_id: review.id,
            criterion_id: c.id,
            // Experts differ by half a point around the consensus.
            score: Math.max(0, Math.min(5, p.scores[k] + (e - 1) * 0.5)),
            justification:
              'Onderbouwd met de werkplanning, de begroting en de rol van de partners in het consortium (voorbeeld).',
          })),
        )
        .execute();
    }
    if (p.consensus !== 'none') {
      await tx
        .insertInto('consensus_reports')
        .values({
          proposal_id: proposal.id,
          rapporteur_user_id: experts[0],
          status: p.consensus,
          agreed_at: p.consensus === 'agreed' ? new Date(now.getTime() - 2 * DAY) : null,
          agreed_by: p.consensus === 'agreed' ? experts[0] : null,
        })
        .execute();
      await tx
        .insertInto('consensus_scores')
        .values(
          criteria.map((c, k) => ({
            proposal_id: proposal.id,
            criterion_id: c.id,
            score: p.scores[k],
            comment:
              `Consensus van het panel over ` +
              `${c.code === 'excellence' ? 'de excellentie' : c.code === 'impact' ? 'de impact' : 'de uitvoering'}` +
              ' (voorbeeld).',
          })),
        )
        .execute();
    }
  }
  return { callId: call.id, proposalIds: ids };
}

/**
 * The selection at every stage, so each screen has data: besides the open call (calls seed) and
 * the call waiting for assignment (review seed), a call in review with submitted reviews, agreed
 * and draft consensus and one proposal without consensus, whose third review waits for the demo
 * expert, invited late with the declaration still to accept (ranked under "skip to the next that
 * fits"), and a decided call (rule "stop at the first that does not fit") with decisions, their
 * evaluation summaries and an open objection of the demo applicant. Decisions and the objection
 * go through the same steps the officer and the applicant use.
 */
export const selectionStagesSeed: DemoSeed = {
  name: 'selection-stages',
  async run(ctx) {
    const inReview = await ctx.db.transaction().execute((tx) =>
      seedCall(tx, ctx, {
        code: 'VB-2026-SELECTIE',
        titleNl: 'Clusterprojecten 2026, in beoordeling (voorbeeld)',
        titleEn: 'Cluster projects 2026, in review (example)',
        budgetEuro: 800_000,
        budgetRule: 'skip_to_next_fit',
        closedDaysAgo: 12,
        referencePrefix: 'VB-SEL',
        expertKeys: ['review:expert:2', 'review:expert:3', 'review:expert:5'],
        lateExpertKey: 'user:expert',
        proposals: [
          {
            title: 'Warmtepompen in rijwoningen',
            aidEuro: 400_000,
            scores: [4.5, 4.5, 4],
            consensus: 'agreed',
          },
          { title: 'Hergebruik van bouwstaal', aidEuro: 450_000, scores: [4, 4, 4], consensus: 'agreed' },
          {
            title: 'Slimme laadpalen voor kmo’s',
            aidEuro: 200_000,
            scores: [3.5, 3.5, 4],
            consensus: 'agreed',
          },
          { title: 'Algenkweek in de haven', aidEuro: 150_000, scores: [2.5, 3.5, 3], consensus: 'agreed' },
          { title: 'Digitale bouwvergunning', aidEuro: 250_000, scores: [4, 3.5, 3.5], consensus: 'draft' },
          {
            title: 'Drones voor dijkinspectie',
            aidEuro: 180_000,
            scores: [3.5, 4, 3],
            consensus: 'none',
            expertReviewOpen: true,
          },
        ],
      }),
    );
    const decided = await ctx.db.transaction().execute((tx) =>
      seedCall(tx, ctx, {
        code: 'VB-2025-BESLIST',
        titleNl: 'Clusterprojecten 2025, beslist (voorbeeld)',
        titleEn: 'Cluster projects 2025, decided (example)',
        budgetEuro: 600_000,
        budgetRule: 'stop_at_first_misfit',
        closedDaysAgo: 40,
        referencePrefix: 'VB-BES',
        expertKeys: ['review:expert:2', 'review:expert:3', 'review:expert:4'],
        proposals: [
          { title: 'Circulaire verpakking', aidEuro: 300_000, scores: [4.5, 4, 4], consensus: 'agreed' },
          { title: 'Waterstof voor binnenvaart', aidEuro: 350_000, scores: [4, 4, 3.5], consensus: 'agreed' },
          {
            title: 'Sensoren in de landbouw',
            aidEuro: 150_000,
            scores: [3.5, 3.5, 3.5],
            consensus: 'agreed',
          },
          { title: 'Robots in de zorg', aidEuro: 200_000, scores: [3, 2.5, 3], consensus: 'agreed' },
        ],
      }),
    );
    // Decide the whole decided call as ranked, through the officer's step.
    const officerCtx = { ...ctx, actor: await getDemoActor(ctx, 'officer') };
    const { input } = await buildCallRankingInput(ctx.db, decided.callId);
    const ranking = rankProposals(input);
    await decideProposals(officerCtx, {
      callId: decided.callId,
      decisions: ranking.ranking.map((r) => ({
        proposalId: r.id,
        outcome: r.status,
        amountCents: r.status === 'funded' ? r.requestedCents : null,
        motivation:
          'Beslist volgens de rangschikking van het expertpanel en het budget van de oproep (voorbeeld).',
      })),
    });
    // The applicant objects to the reserve-list decision that would have fitted the money.
    const objected = ranking.ranking.find(
      (r) => r.status === 'reserve' && r.reasons[0]?.code === 'funding_stopped',
    );
    if (objected)
      await fileObjection(
        { ...ctx, actor: await getDemoActor(ctx, 'applicant') },
        {
          proposalId: objected.id,
          grounds:
            'Ons project past binnen het resterende budget; wij vragen de regel van de oproep ' +
            'opnieuw toe te passen (voorbeeld).',
        },
      );
    ctx.ids.set('selection:in-review', inReview.callId);
    ctx.ids.set('selection:decided', decided.callId);
    ctx.log(
      'selection: VB-2026-SELECTIE in review (6 proposals, reviews and consensus), ' +
        'VB-2025-BESLIST decided with an objection',
    );
  },
};
