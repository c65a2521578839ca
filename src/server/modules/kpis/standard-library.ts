import type { KpiAggregation, KpiDirection, KpiLens, KpiSource, KpiUnit } from './kpis.tables';

export interface StandardKpi {
  code: string;
  nl: string;
  en: string;
  definitionNl: string;
  definitionEn: string;
  unit: KpiUnit;
  direction: KpiDirection;
  aggregation: KpiAggregation;
  lens: KpiLens;
  source: KpiSource;
  evidenceRequired?: boolean;
  computedKey?: string;
  numerator?: string;
  denominator?: string;
  factor?: number;
}

const c = (code: string, key: string, nl: string, en: string, unit: KpiUnit, aggregation: KpiAggregation, lens: KpiLens, definitionNl: string, definitionEn: string): StandardKpi => ({
  code, nl, en, definitionNl, definitionEn, unit, direction: 'higher', aggregation, lens, source: 'computed', computedKey: key,
});

/**
 * The standard KPI library (VARIO advice 36, recommendations 1.1–1.3): installed by the demo
 * seed and by `speerpunt kpis install-library`. Computed ones run the SQL in `kpi-queries.ts`.
 */
export const STANDARD_KPIS: StandardKpi[] = [
  c('MEMBERS', 'members', 'Ledenorganisaties', 'Member organisations', 'count', 'last', 'economic', 'Aantal organisaties met een geldig lidmaatschap op de laatste dag van de periode.', 'Organisations with a valid membership on the last day of the period.'),
  c('COMPANY_SHARE', 'company_share', 'Aandeel bedrijven onder de leden', 'Share of companies among members', 'percent', 'last', 'economic', 'Bedrijven (helix) als percentage van alle leden.', 'Companies (helix) as a percentage of all members.'),
  c('SME_SHARE', 'sme_share_of_companies', 'Aandeel kmo’s onder de bedrijfsleden', 'Share of SMEs among company members', 'percent', 'last', 'economic', 'Micro-, kleine en middelgrote ondernemingen als percentage van de bedrijfsleden.', 'Micro, small and medium enterprises as a percentage of company members.'),
  c('PIONEERS_JOINED', 'pioneers_joined', 'Nieuwe pioniers', 'Pioneers joined', 'count', 'sum', 'economic', 'Bedrijven die in de periode toetraden en jonger zijn dan vijf jaar of voor het eerst lid zijn van een cluster.', 'Companies that joined in the period and are under five years old or members of a cluster for the first time.'),
  c('HELIX_CATEGORIES', 'helix_categories', 'Vertegenwoordigde helixcategorieën', 'Helix categories represented', 'count', 'last', 'both', 'Aantal helixcategorieën (bedrijven, kennisinstellingen, overheid, middenveld) onder de leden.', 'Number of helix categories (companies, knowledge institutions, government, civil society) among members.'),
  c('PROJECTS_3HELIX_SHARE', 'projects_three_helix_share', 'Aandeel projecten met drie of meer helixcategorieën', 'Share of projects with three or more helix categories', 'percent', 'last', 'transition', 'Lopende projecten van de cluster waarvan de deelnemers minstens drie helixcategorieën omvatten.', 'Active projects of the cluster whose participants span at least three helix categories.'),
  c('COLLAB_PROJECTS_STARTED', 'collaborative_projects_started', 'Gestarte samenwerkingsprojecten', 'Collaborative projects started', 'count', 'sum', 'economic', 'Projecten van de cluster met minstens twee deelnemers die in de periode startten.', 'Projects of the cluster with at least two participants that started in the period.'),
  c('INTERCLUSTER_PROJECTS', 'inter_cluster_projects_started', 'Gestarte interclusterprojecten', 'Inter-cluster projects started', 'count', 'sum', 'both', 'Interclusterprojecten met deze cluster die in de periode startten.', 'Inter-cluster projects with this cluster that started in the period.'),
  c('INTERCLUSTER_BUDGET_SHARE', 'inter_cluster_budget_share', 'Aandeel interclusterprojecten in het projectbudget', 'Inter-cluster share of project budget', 'percent', 'last', 'both', 'Budget van lopende interclusterprojecten als percentage van het budget van alle lopende projecten.', 'Budget of active inter-cluster projects as a percentage of all active projects’ budget.'),
  c('SME_AID_SHARE', 'sme_aid_share', 'Aandeel projectsteun naar kmo’s', 'Share of project aid going to SMEs', 'percent', 'last', 'economic', 'Steun aan kmo-deelnemers als percentage van alle steun in lopende projecten.', 'Aid to SME participants as a percentage of all aid in active projects.'),
  { ...c('PRIVATE_COFUNDING', 'private_cofunding_per_aid_euro', 'Private cofinanciering per euro steun', 'Private co-funding per euro of public aid', 'ratio', 'last', 'economic', 'Eigen inbreng van bedrijven (budget min steun) gedeeld door de totale steun, in lopende projecten.', 'Companies’ own contribution (budget minus aid) divided by total aid, in active projects.') },
  c('EU_FUNDING_MEMBERS', 'eu_funding_members', 'EU-middelen naar leden', 'EU funding drawn by members', 'euro', 'sum', 'economic', 'EU-bijdrage aan leden in Europese projecten die in de periode startten (CORDIS).', 'EU contribution to members in EU projects that started in the period (CORDIS).'),
  c('EU_FUNDING_SME_MEMBERS', 'eu_funding_sme_members', 'EU-middelen naar kmo-leden', 'EU funding drawn by SME members', 'euro', 'sum', 'economic', 'Idem, voor leden die kmo zijn.', 'As above, for members that are SMEs.'),
  c('DIFFUSION_ACTIVITIES', 'diffusion_activities', 'Kennisdiffusie-activiteiten', 'Knowledge-diffusion activities', 'count', 'sum', 'both', 'Activiteiten in het kennisdiffusieregister van de cluster in de periode.', 'Activities in the cluster’s knowledge-diffusion register in the period.'),
  c('NONMEMBER_COMPANIES_REACHED', 'non_member_companies_reached', 'Bereikte niet-ledenbedrijven', 'Non-member companies reached', 'count', 'sum', 'both', 'Som van de bereikte bedrijven die geen lid zijn, over de kennisdiffusie-activiteiten van de periode.', 'Sum of non-member companies reached by the period’s knowledge-diffusion activities.'),
  c('MEMBERS_AT_START', 'members_at_start', 'Leden bij de start van de periode', 'Members at the start of the period', 'count', 'last', 'economic', 'Organisaties met een geldig lidmaatschap op de eerste dag van de periode.', 'Organisations with a valid membership on the first day of the period.'),
  c('MEMBERS_STAYED', 'members_stayed', 'Gebleven leden', 'Members who stayed', 'count', 'last', 'economic', 'Leden bij de start die op de laatste dag nog lid zijn.', 'Members at the start who are still members on the last day.'),
  c('MEMBERS_JOINED', 'members_joined', 'Toegetreden leden', 'Members who joined', 'count', 'sum', 'economic', 'Organisaties die in de periode lid werden.', 'Organisations that became members in the period.'),
  { ...c('MEMBERS_LEFT', 'members_left', 'Vertrokken leden', 'Members who left', 'count', 'sum', 'economic', 'Leden waarvan het lidmaatschap in de periode eindigde.', 'Members whose membership ended in the period.'), direction: 'lower' },
  {
    code: 'MEMBER_RETENTION', nl: 'Ledenbehoud', en: 'Member retention', unit: 'percent', direction: 'higher', aggregation: 'average', lens: 'economic', source: 'formula',
    numerator: 'MEMBERS_STAYED', denominator: 'MEMBERS_AT_START', factor: 100,
    definitionNl: 'Gebleven leden / leden bij de start × 100.', definitionEn: 'Members who stayed / members at the start × 100.',
  },
  c('TRANSITION_BUDGET_SHARE', 'transition_budget_share', 'Aandeel projectbudget gelinkt aan een transitie', 'Share of project budget linked to a transition', 'percent', 'last', 'transition', 'Budget van lopende projecten met een transitiethema als percentage van het budget van alle lopende projecten.', 'Budget of active projects tagged with a transition theme as a percentage of all active projects’ budget.'),
  {
    code: 'REACH_PER_ACTIVITY', nl: 'Bereikte niet-leden per activiteit', en: 'Non-members reached per activity', unit: 'ratio', direction: 'higher', aggregation: 'average', lens: 'both', source: 'formula',
    numerator: 'NONMEMBER_COMPANIES_REACHED', denominator: 'DIFFUSION_ACTIVITIES', factor: 1,
    definitionNl: 'Bereikte niet-ledenbedrijven / kennisdiffusie-activiteiten.', definitionEn: 'Non-member companies reached / knowledge-diffusion activities.',
  },
  {
    code: 'NEW_PRODUCTS', nl: 'Nieuwe producten en diensten bij leden', en: 'New products and services at members', unit: 'count', direction: 'higher', aggregation: 'sum', lens: 'economic', source: 'reported', evidenceRequired: true,
    definitionNl: 'Door leden op de markt gebrachte producten of diensten die voortkomen uit clusterprojecten (gerapporteerd, met bewijs).', definitionEn: 'Products or services launched by members that result from cluster projects (reported, with evidence).',
  },
  {
    code: 'PRIVATE_RD_INVESTMENT', nl: 'Uitgelokte private O&O-investeringen', en: 'Private R&D investment triggered', unit: 'euro', direction: 'higher', aggregation: 'sum', lens: 'economic', source: 'reported', evidenceRequired: true,
    definitionNl: 'O&O&I-investeringen van leden die de cluster uitlokte (gerapporteerd).', definitionEn: 'R&D&I investment by members triggered by the cluster (reported).',
  },
  {
    code: 'CO2_AVOIDED', nl: 'Vermeden CO2-uitstoot', en: 'CO2 emissions avoided', unit: 'tonnes', direction: 'higher', aggregation: 'sum', lens: 'transition', source: 'reported', evidenceRequired: true,
    definitionNl: 'Ton CO2-equivalent vermeden door toepassing van projectresultaten (gerapporteerd, met berekening als bewijs).', definitionEn: 'Tonnes of CO2 equivalent avoided by applying project results (reported, with the calculation as evidence).',
  },
  {
    code: 'MEMBER_SATISFACTION', nl: 'Tevredenheid van de leden', en: 'Member satisfaction', unit: 'score', direction: 'higher', aggregation: 'average', lens: 'both', source: 'reported',
    definitionNl: 'Gemiddelde score (0–10) in de jaarlijkse ledenbevraging.', definitionEn: 'Average score (0–10) in the annual member survey.',
  },
  {
    code: 'PROJECT_LEAD_TIME', nl: 'Doorlooptijd van idee tot projectstart', en: 'Lead time from idea to project start', unit: 'days', direction: 'lower', aggregation: 'average', lens: 'economic', source: 'reported',
    definitionNl: 'Gemiddeld aantal dagen tussen de eerste projectidee en de start van het project (lager is beter).', definitionEn: 'Average number of days between the first project idea and the project start (lower is better).',
  },
];
