import { recordAudit } from '../audit/record-audit';
import { hashPassword } from '../modules/auth/secrets';
import { DEMO_PASSWORD } from './accounts.seed';
import { idOf, type DemoSeed } from './seed-context';

/** Invented expert names for the demo pool (the demo expert account is the twelfth). */
const EXPERTS = [
  'Bram Beoordelaar',
  'Chloé Claes',
  'Dirk De Smet',
  'Els Evers',
  'Filip Franssens',
  'Griet Goossens',
  'Hanne Hermans',
  'Ilse Janssens',
  'Jonas Jacobs',
  'Katrien Kools',
  'Lode Lambrechts',
];
const TOPICS = [
  'Waterstof in de haven',
  'Circulaire bouwmaterialen',
  'AI voor kwaliteitscontrole',
  'Digitale tweeling van het net',
  'Biogebaseerde verpakking',
  'Slimme warmtenetten',
  'Precisielandbouw met drones',
  'Batterijrecyclage',
  'Cyberveilige maakindustrie',
  'Eiwittransitie',
];

function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * Demo of expert review: a closed call "(voorbeeld)" with 3 criteria, tie-break rules and a
 * budget, 30 eligible proposals with consortia and budgets, and 12 experts (the demo expert
 * included) who accepted the declaration; three experts are affiliated with consortium
 * members (derived conflicts appear when the officer assigns) and one officer conflict exists.
 */
export const reviewSeed: DemoSeed = {
  name: 'review',
  async run(ctx) {
    const random = sequence(55);
    const officer = idOf(ctx, 'user:officer');
    const applicant = idOf(ctx, 'user:applicant');
    const themes = await ctx.db
      .selectFrom('themes')
      .select(['id', 'code'])
      .orderBy('code')
      .limit(12)
      .execute();
    const companies = await ctx.db
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('helix', '=', 'company')
      .orderBy('name')
      .limit(60)
      .execute();
    const institutes = await ctx.db
      .selectFrom('organisations')
      .select(['id'])
      .where('helix', '=', 'knowledge_institution')
      .orderBy('name')
      .execute();
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const now = new Date();
    const day = 86_400_000;

    await ctx.db.transaction().execute(async (tx) => {
      const call = await tx
        .insertInto('calls')
        .values({
          code: 'VB-2026-BEOORDELING',
          kind: 'new_strategic_theme',
          status: 'closed',
          title_nl: 'Oproep nieuwe strategische thema’s 2026 (voorbeeld)',
          title_en: 'Call for new strategic themes 2026 (example)',
          summary_nl: 'Voorbeeldoproep om de deskundige beoordeling te tonen.',
          budget_envelope_cents: 300_000_000,
          opens_at: new Date(now.getTime() - 60 * day),
          closes_at: new Date(now.getTime() - 5 * day),
          published_at: new Date(now.getTime() - 60 * day),
          overall_threshold: 3.5,
          reviews_per_proposal: 3,
          created_by: officer,
          is_example: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ctx.ids.set('review:call', call.id);
      const criteria = await tx
        .insertInto('call_criteria')
        .values([
          {
            call_id: call.id,
            position: 1,
            code: 'excellence',
            name_nl: 'Excellentie',
            name_en: 'Excellence',
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
            scale_max: 5,
            allows_half_points: true,
            weight: 0.2,
            threshold: null,
          },
        ])
        .returning(['id', 'code'])
        .execute();
      const impact = criteria.find((c) => c.code === 'impact');
      await tx
        .insertInto('call_tie_break_rules')
        .values([
          {
            call_id: call.id,
            position: 1,
            kind: 'criterion_score',
            criterion_id: impact?.id ?? null,
            direction: 'desc',
            explanation_nl: 'Hoogste score op impact eerst',
          },
          {
            call_id: call.id,
            position: 2,
            kind: 'sme_budget_share',
            direction: 'desc',
            explanation_nl: 'Hoogste kmo-aandeel in de steun eerst',
          },
          {
            call_id: call.id,
            position: 3,
            kind: 'submitted_at',
            direction: 'asc',
            explanation_nl: 'Vroegst ingediend eerst',
          },
        ])
        .execute();
      if (themes.length)
        await tx
          .insertInto('call_themes')
          .values(themes.slice(0, 6).map((t) => ({ call_id: call.id, theme_id: t.id })))
          .execute();

      for (let i = 0; i < 30; i++) {
        const topic = TOPICS[i % TOPICS.length];
        const proposal = await tx
          .insertInto('proposals')
          .values({
            call_id: call.id,
            reference: `VB-26-${String(i + 1).padStart(3, '0')}`,
            status: 'eligible',
            title: `${topic} ${Math.floor(i / TOPICS.length) + 1} (voorbeeld)`,
            summary:
              `Voorbeeldvoorstel over ${topic.toLowerCase()}: onderzoek, demonstrator en ` +
              `verspreiding naar kmo's.`,
            owner_user_id: applicant,
            submitted_version: 1,
            submitted_at: new Date(now.getTime() - (10 + (i % 7)) * day + i * 60_000),
            eligibility_motivation: 'Voldoet aan alle ontvankelijkheidsregels (voorbeeld).',
            eligibility_decided_by: officer,
            eligibility_decided_at: new Date(now.getTime() - 2 * day),
            is_example: true,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        ctx.ids.set(`review:proposal:${i}`, proposal.id);
        if (themes.length) {
          const own = [themes[i % Math.min(6, themes.length)], themes[(i * 7 + 3) % themes.length]];
          await tx
            .insertInto('proposal_themes')
            .values(
              [...new Set(own.map((t) => t.id))].map((theme_id) => ({ proposal_id: proposal.id, theme_id })),
            )
            .execute();
        }
        const members = [
          companies[(i * 2) % companies.length],
          companies[(i * 2 + 1) % companies.length],
          ...(institutes.length ? [institutes[i % institutes.length]] : []),
        ];
        for (const [position, member] of members.entries()) {
          await tx
            .insertInto('proposal_consortium_members')
            .values({
              proposal_id: proposal.id,
              organisation_id: member.id,
              position: position + 1,
              role: position === 0 ? 'lead' : 'partner',
            })
            .execute();
          const aid = Math.round((40_000 + random() * 110_000) / 1000) * 1000 * 100;
          await tx
            .insertInto('proposal_budget_lines')
            .values({
              proposal_id: proposal.id,
              organisation_id: member.id,
              position: position + 1,
              category: 'personnel',
              description: 'Personeel (voorbeeld)',
              cost_cents: aid * 2,
              requested_aid_cents: aid,
              own_contribution_cents: aid,
            })
            .execute();
        }
        await tx
          .insertInto('proposal_collaborators')
          .values({ proposal_id: proposal.id, user_id: applicant, access: 'owner' })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }

      const expertIds: string[] = [];
      for (const [i, name] of EXPERTS.entries()) {
        const user = await tx
          .insertInto('users')
          .values({
            email: `expert${i + 2}@speerpunt.example`,
            name: `${name} (voorbeeld)`,
            role: 'expert',
            password_hash: passwordHash,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        expertIds.push(user.id);
        ctx.ids.set(`review:expert:${i + 2}`, user.id);
      }
      expertIds.push(idOf(ctx, 'user:expert'));
      for (const [i, userId] of expertIds.entries()) {
        await tx
          .insertInto('expert_profiles')
          .values({
            user_id: userId,
            headline: 'Onafhankelijk expert (voorbeeld)',
            keywords: [
              TOPICS[i % TOPICS.length].split(' ')[0].toLowerCase(),
              TOPICS[(i + 3) % TOPICS.length].split(' ')[0].toLowerCase(),
            ],
            max_load: 9,
            min_load: i % 4 === 0 ? 3 : 0,
            is_example: true,
          })
          .execute();
        if (themes.length) {
          const own = [
            themes[i % themes.length],
            themes[(i + 5) % themes.length],
            themes[(i * 3 + 1) % themes.length],
          ];
          await tx
            .insertInto('expert_themes')
            .values([...new Set(own.map((t) => t.id))].map((theme_id) => ({ user_id: userId, theme_id })))
            .execute();
        }
        await tx
          .insertInto('call_experts')
          .values({
            call_id: call.id,
            user_id: userId,
            status: 'accepted',
            invited_by: officer,
            declaration_accepted_at: new Date(now.getTime() - day),
            declaration_version: '2026-1',
          })
          .execute();
      }
      // Affiliations that make derived conflicts: current, recently ended, and one long ago (no conflict).
      await tx
        .insertInto('expert_affiliations')
        .values([
          {
            user_id: expertIds[0],
            organisation_id: companies[0].id,
            role: 'bestuurder',
            valid_from: '2019-01-01',
            valid_to: null,
          },
          {
            user_id: expertIds[1],
            organisation_id: companies[5].id,
            role: 'consultant',
            valid_from: '2020-01-01',
            valid_to: new Date(now.getTime() - 400 * day).toISOString().slice(0, 10),
          },
          {
            user_id: expertIds[2],
            organisation_id: companies[9].id,
            role: 'onderzoeker',
            valid_from: '2005-01-01',
            valid_to: '2010-12-31',
          },
        ])
        .execute();
      await tx
        .insertInto('review_conflicts')
        .values({
          call_id: call.id,
          proposal_id: idOf(ctx, 'review:proposal:10'),
          expert_user_id: expertIds[3],
          source: 'officer',
          reason: 'Familieband met de projectleider (voorbeeld)',
          created_by: officer,
        })
        .execute();
      await recordAudit(
        tx,
        ctx.auditActor,
        {
          action: 'demo.review_loaded',
          entityType: 'demo',
          after: { call: call.id, proposals: 30, experts: expertIds.length },
        },
        ctx.requestId,
      );
    });
    ctx.log(
      'review: call VB-2026-BEOORDELING (voorbeeld) with 30 proposals and 12 experts (password as ' +
        'the other demo accounts)',
    );
  },
};
