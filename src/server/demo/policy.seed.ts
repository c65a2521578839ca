import { recordAudit } from '../audit/record-audit';
import { idOf, type DemoSeed } from './seed-context';

/**
 * Policy scenarios. The green paper's four scenarios are seeded as editable PLACEHOLDERS (their
 * wording is to be copied from the green paper by an officer; nothing of their content is
 * invented here). VARIO's preferred direction comes from advice 36, recommendation 1.
 */
export const POLICY_SCENARIOS = [
  ...[1, 2, 3, 4].map((n) => ({
    code: `GREEN-PAPER-${n}`,
    name: `Scenario ${n} uit het groenboek (plaatshouder)`,
    description:
      `Plaatshouder voor scenario ${n} van het groenboek over de toekomst van het Vlaamse ` +
      `clusterbeleid. Vervang deze tekst door de omschrijving uit het groenboek.`,
    isPlaceholder: true,
    isPreferred: false,
  })),
  {
    code: 'VARIO-PREFERRED',
    name: 'Voorkeursrichting VARIO',
    description:
      'Speerpuntclusters behouden een duidelijke plaats in het innovatiebeleid, met hoofdzakelijk ' +
      'een economische missie (valorisatie via O&O&I) en een sterke link naar transformatief ' +
      'innovatiebeleid (maatschappelijke uitdagingen en transities). Bron: VARIO-advies 36 (6 mei ' +
      '2024), aanbeveling 1.',
    isPlaceholder: false,
    isPreferred: true,
  },
];

export const POLICY_CRITERIA = [
  {
    code: 'economic_valorisation',
    nl: 'Economische valorisatie',
    en: 'Economic valorisation',
    dnl: 'Valorisatie van O&O&I in de Vlaamse economie.',
    den: 'Valorisation of R&D&I in the Flemish economy.',
    weight: '0.25',
  },
  {
    code: 'societal_challenges',
    nl: 'Maatschappelijke uitdagingen',
    en: 'Societal challenges',
    dnl: 'Bijdrage aan transities en maatschappelijke uitdagingen.',
    den: 'Contribution to transitions and societal challenges.',
    weight: '0.20',
  },
  {
    code: 'company_involvement',
    nl: 'Betrokkenheid van bedrijven',
    en: 'Company involvement',
    dnl: 'Hoge betrokkenheid van bedrijven, ook kmo’s en pioniers.',
    den: 'High involvement of companies, including SMEs and pioneers.',
    weight: '0.15',
  },
  {
    code: 'independence',
    nl: 'Onafhankelijkheid',
    en: 'Independence',
    dnl: 'Onafhankelijke, neutrale rol van de cluster.',
    den: 'Independent, neutral role of the cluster.',
    weight: '0.10',
  },
  {
    code: 'european_relevance',
    nl: 'Europese relevantie',
    en: 'European relevance',
    dnl: 'Europese hefboom en zichtbaarheid.',
    den: 'European leverage and visibility.',
    weight: '0.15',
  },
  {
    code: 'cost',
    nl: 'Kost',
    en: 'Cost',
    dnl: 'Kost voor de overheid; 5 = laagste kost.',
    den: 'Cost to the government; 5 = lowest cost.',
    weight: '0.15',
  },
];

const STAKEHOLDERS = [
  'Werkgeversorganisatie (voorbeeld)',
  'Kennisinstelling (voorbeeld)',
  'Middenveldorganisatie (voorbeeld)',
  'Kmo-federatie (voorbeeld)',
  'Clusterorganisatie (voorbeeld)',
];

/** Invented example scores (1–5) per scenario code and criterion, before a small per-stakeholder spread. */
const BASE_SCORES: Record<string, number[]> = {
  'GREEN-PAPER-1': [3, 3, 3, 3, 3, 3],
  'GREEN-PAPER-2': [2, 4, 3, 3, 3, 2],
  'GREEN-PAPER-3': [4, 2, 4, 2, 3, 4],
  'VARIO-PREFERRED': [5, 4, 4, 4, 4, 3],
};

export const policySeed: DemoSeed = {
  name: 'policy',
  async run(ctx) {
    const officerId = idOf(ctx, 'user:officer');
    await ctx.db.transaction().execute(async (tx) => {
      const scenarios = await tx
        .insertInto('policy_scenarios')
        .values(
          POLICY_SCENARIOS.map((s, position) => ({
            code: s.code,
            position,
            name: s.name,
            description: s.description,
            is_placeholder: s.isPlaceholder,
            is_preferred_direction: s.isPreferred,
          })),
        )
        .returning(['id', 'code'])
        .execute();
      const criteria = await tx
        .insertInto('policy_criteria')
        .values(
          POLICY_CRITERIA.map((c, position) => ({
            code: c.code,
            position,
            name_nl: c.nl,
            name_en: c.en,
            description_nl: c.dnl,
            description_en: c.den,
            weight: c.weight,
          })),
        )
        .returning(['id', 'code'])
        .execute();
      const stakeholders = await tx
        .insertInto('policy_stakeholders')
        .values(
          STAKEHOLDERS.map((name) => ({
            kind: 'organisation' as const,
            name,
            is_example: true,
            created_by: officerId,
          })),
        )
        .returning(['id', 'name'])
        .execute();
      const scores = [];
      for (const [s, stakeholder] of stakeholders.entries()) {
        for (const scenario of scenarios) {
          const base = BASE_SCORES[scenario.code];
          if (!base) continue; // scenario 4 stays unscored: the page shows it as such
          for (const [c, criterion] of criteria.entries()) {
            const spread = ((s * 7 + c * 3 + scenario.code.length) % 3) - 1;
            const score = Math.min(5, Math.max(1, base[c] + spread));
            const comment = c === 0 ? `Voorbeeldcommentaar van ${stakeholder.name} bij dit scenario.` : '';
            scores.push({
              stakeholder_id: stakeholder.id,
              scenario_id: scenario.id,
              criterion_id: criterion.id,
              score,
              comment,
              entered_by: officerId,
            });
          }
        }
      }
      await tx.insertInto('policy_scores').values(scores).execute();
      ctx.ids.set('policy:stakeholder:0', stakeholders[0].id);
      await recordAudit(
        tx,
        ctx.auditActor,
        {
          action: 'demo.policy_loaded',
          entityType: 'demo',
          after: {
            scenarios: scenarios.length,
            criteria: criteria.length,
            stakeholders: stakeholders.length,
            scores: scores.length,
          },
        },
        ctx.requestId,
      );
    });
    ctx.log(
      `policy: ${POLICY_SCENARIOS.length} scenarios (4 ` +
        `placeholders), ${POLICY_CRITERIA.length} criteria, ${STAKEHOLDERS.length} example ` +
        `stakeholders`,
    );
  },
};
