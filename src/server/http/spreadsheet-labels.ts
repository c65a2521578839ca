/**
 * Labels of the closed lists that appear in spreadsheets and PDFs, [Dutch, English], so a
 * download shows "Kwartaalopvolging" instead of `quarterly_follow_up`. The web app has its own
 * copies in each feature's locales.ts; these are the server's.
 */
export type LabelSet = Readonly<Record<string, readonly [string, string]>>;

export const YES_NO = { yes: ['ja', 'yes'], no: ['nee', 'no'] } as const satisfies LabelSet;

export const ROLE = {
  admin: ['Beheerder', 'Administrator'],
  officer: ['Dossierbeheerder', 'Officer'],
  manager: ['Clustermanager', 'Cluster manager'],
  applicant: ['Aanvrager', 'Applicant'],
  expert: ['Expert', 'Expert'],
  analyst: ['Beleidsanalist', 'Policy analyst'],
} as const satisfies LabelSet;

export const HELIX = {
  company: ['Bedrijf', 'Company'],
  knowledge_institution: ['Kennisinstelling', 'Knowledge institution'],
  government: ['Overheid', 'Government'],
  civil_society: ['Middenveld', 'Civil society'],
} as const satisfies LabelSet;

export const SIZE_CLASS = {
  micro: ['Micro', 'Micro'],
  small: ['Klein', 'Small'],
  medium: ['Middelgroot', 'Medium'],
  large: ['Groot', 'Large'],
  unknown: ['Onbekend', 'Unknown'],
} as const satisfies LabelSet;

export const MEMBERSHIP_TYPE = {
  member: ['Lid', 'Member'],
  strategic_partner: ['Strategische partner', 'Strategic partner'],
  associate: ['Geassocieerd', 'Associate'],
} as const satisfies LabelSet;

export const CLUSTER_KIND = {
  spearhead: ['Speerpuntcluster', 'Spearhead cluster'],
  business_network: ['Innovatief bedrijfsnetwerk', 'Business network'],
} as const satisfies LabelSet;

export const CLUSTER_STATUS = {
  candidate: ['Kandidaat', 'Candidate'],
  active: ['Actief', 'Active'],
  ended: ['Beëindigd', 'Ended'],
} as const satisfies LabelSet;

export const THEME_KIND = {
  strategic_theme: ['Strategisch thema', 'Strategic theme'],
  transition: ['Transitie', 'Transition'],
  technology_domain: ['Technologiedomein', 'Technology domain'],
  sector: ['Sector', 'Sector'],
} as const satisfies LabelSet;

export const CALL_KIND = {
  new_strategic_theme: ['Nieuw strategisch thema', 'New strategic theme'],
  business_network: ['Innovatief bedrijfsnetwerk', 'Business network'],
  cluster_project: ['Clusterproject', 'Cluster project'],
  inter_cluster_project: ['Interclusterproject', 'Inter-cluster project'],
} as const satisfies LabelSet;

export const CALL_STATUS = {
  draft: ['Ontwerp', 'Draft'],
  open: ['Open', 'Open'],
  closed: ['Gesloten', 'Closed'],
  in_evaluation: ['In evaluatie', 'In evaluation'],
  decided: ['Beslist', 'Decided'],
} as const satisfies LabelSet;

export const PROPOSAL_STATUS = {
  draft: ['Ontwerp', 'Draft'],
  submitted: ['Ingediend', 'Submitted'],
  eligible: ['Ontvankelijk', 'Eligible'],
  ineligible: ['Onontvankelijk', 'Ineligible'],
  under_review: ['In beoordeling', 'Under review'],
  ranked: ['Gerangschikt', 'Ranked'],
  funded: ['Toegekend', 'Funded'],
  reserve: ['Reservelijst', 'Reserve list'],
  rejected: ['Niet toegekend', 'Rejected'],
  withdrawn: ['Ingetrokken', 'Withdrawn'],
} as const satisfies LabelSet;

export const RANKING_STATUS = {
  funded: ['Toegekend', 'Funded'],
  reserve: ['Reservelijst', 'Reserve list'],
  rejected: ['Niet toegekend', 'Rejected'],
  below_threshold: ['Onder de drempel', 'Below threshold'],
} as const satisfies LabelSet;

export const ASSIGNMENT_ORIGIN = {
  solver: ['Berekend', 'Solver'],
  manual: ['Handmatig', 'Manual'],
} as const satisfies LabelSet;

export const REVIEW_STATUS = {
  not_started: ['Niet begonnen', 'Not started'],
  draft: ['Ontwerp', 'Draft'],
  submitted: ['Ingediend', 'Submitted'],
} as const satisfies LabelSet;

export const CONSENSUS_STATUS = {
  none: ['Nog geen', 'None yet'],
  draft: ['Ontwerp', 'Draft'],
  agreed: ['Bereikt', 'Agreed'],
} as const satisfies LabelSet;

export const KPI_UNIT = {
  count: ['Aantal', 'Count'],
  percent: ['Procent', 'Percent'],
  ratio: ['Verhouding', 'Ratio'],
  euro: ['Euro', 'Euro'],
  number: ['Getal', 'Number'],
  tonnes: ['Ton', 'Tonnes'],
  days: ['Dagen', 'Days'],
  score: ['Score', 'Score'],
} as const satisfies LabelSet;

export const KPI_DIRECTION = {
  higher: ['Hoger is beter', 'Higher is better'],
  lower: ['Lager is beter', 'Lower is better'],
} as const satisfies LabelSet;

export const KPI_AGGREGATION = {
  sum: ['Som', 'Sum'],
  average: ['Gemiddelde', 'Average'],
  last: ['Laatste waarde', 'Last value'],
} as const satisfies LabelSet;

export const KPI_LENS = {
  economic: ['Economische valorisatie', 'Economic value'],
  transition: ['Maatschappelijke transitie', 'Societal transition'],
  both: ['Beide', 'Both'],
} as const satisfies LabelSet;

export const KPI_SOURCE = {
  computed: ['Berekend', 'Computed'],
  reported: ['Gerapporteerd', 'Reported'],
  formula: ['Formule', 'Formula'],
} as const satisfies LabelSet;

export const KPI_APPROVAL = {
  proposed: ['Voorgesteld', 'Proposed'],
  approved: ['Goedgekeurd', 'Approved'],
  rejected: ['Afgewezen', 'Rejected'],
} as const satisfies LabelSet;

export const MEASUREMENT_STATUS = {
  reported: ['Gerapporteerd', 'Reported'],
  validated: ['Gevalideerd', 'Validated'],
  returned: ['Teruggestuurd', 'Returned'],
  computed: ['Berekend', 'Computed'],
} as const satisfies LabelSet;

export const KPI_STATUS = {
  on_track: ['Op koers', 'On track'],
  at_risk: ['Risico', 'At risk'],
  off_track: ['Niet op koers', 'Off track'],
  no_target: ['Geen doel', 'No target'],
  no_data: ['Geen waarde', 'No value'],
  not_computable: ['Niet berekenbaar', 'Not computable'],
} as const satisfies LabelSet;

export const PERIOD_STATUS = {
  planned: ['Gepland', 'Planned'],
  open: ['Open', 'Open'],
  closed: ['Afgesloten', 'Closed'],
} as const satisfies LabelSet;

export const DIFFUSION_KIND = {
  event: ['Evenement', 'Event'],
  workshop: ['Workshop', 'Workshop'],
  training: ['Opleiding', 'Training'],
  publication: ['Publicatie', 'Publication'],
  demonstrator: ['Demonstrator', 'Demonstrator'],
} as const satisfies LabelSet;

export const EU_LINK_METHOD = {
  vat: ['Via btw-nummer', 'By VAT number'],
  manual: ['Handmatig', 'Manual'],
  unmatched: ['Niet gekoppeld', 'Not matched'],
} as const satisfies LabelSet;

export const EU_ROLE = {
  coordinator: ['Coördinator', 'Coordinator'],
  participant: ['Partner', 'Participant'],
  partner: ['Partner', 'Partner'],
  thirdparty: ['Derde partij', 'Third party'],
  associatedpartner: ['Geassocieerde partner', 'Associated partner'],
} as const satisfies LabelSet;

export const FUNDING_PURPOSE = {
  base_operations: ['Basiswerking', 'Base operations'],
  cluster_projects: ['Clusterprojecten', 'Cluster projects'],
  inter_cluster_projects: ['Interclusterprojecten', 'Inter-cluster projects'],
  call: ['Oproep', 'Call'],
} as const satisfies LabelSet;

export const AID_REGIME = {
  de_minimis: ['De minimis', 'De minimis'],
  block_exemption: ['Groepsvrijstelling (AGVV)', 'Block exemption (GBER)'],
  other: ['Andere', 'Other'],
} as const satisfies LabelSet;

export const TRANCHE = {
  advance: ['Voorschot', 'Advance'],
  interim: ['Tussentijdse schijf', 'Interim'],
  balance: ['Saldo', 'Balance'],
} as const satisfies LabelSet;

export const PAYMENT_STATUS = {
  planned: ['Gepland', 'Planned'],
  released: ['Vrijgegeven', 'Released'],
} as const satisfies LabelSet;

export const PAYMENT_CONDITION = {
  none: ['Geen', 'None'],
  milestone: ['Mijlpaal', 'Milestone'],
  report: ['Rapport', 'Report'],
} as const satisfies LabelSet;

export const PROJECT_KIND = {
  cluster_project: ['Clusterproject', 'Cluster project'],
  inter_cluster_project: ['Interclusterproject', 'Inter-cluster project'],
} as const satisfies LabelSet;

export const PROJECT_STATUS = {
  planned: ['Gepland', 'Planned'],
  running: ['Lopend', 'Running'],
  active: ['Lopend', 'Active'],
  ended: ['Afgelopen', 'Ended'],
  closed: ['Afgesloten', 'Closed'],
} as const satisfies LabelSet;

export const REPORT_KIND = {
  progress: ['Voortgangsrapport', 'Progress report'],
  final: ['Eindrapport', 'Final report'],
  costs: ['Kostenstaat', 'Cost statement'],
} as const satisfies LabelSet;

/** Milestones, deliverables and reports of projects. */
export const WORK_STATUS = {
  open: ['Open', 'Open'],
  planned: ['Gepland', 'Planned'],
  delivered: ['Opgeleverd', 'Delivered'],
  reported: ['Gerapporteerd', 'Reported'],
  submitted: ['Ingediend', 'Submitted'],
  accepted: ['Aanvaard', 'Accepted'],
  returned: ['Teruggestuurd', 'Returned'],
} as const satisfies LabelSet;

export const CONSORTIUM_ROLE = {
  lead: ['Hoofdaanvrager', 'Lead'],
  partner: ['Partner', 'Partner'],
  associated: ['Geassocieerd', 'Associated'],
} as const satisfies LabelSet;

export const MEETING_KIND = {
  steering_committee: ['Stuurgroep', 'Steering committee'],
  quarterly_follow_up: ['Kwartaalopvolging', 'Quarterly follow-up'],
  other: ['Andere', 'Other'],
} as const satisfies LabelSet;

export const PARTICIPANT_SIDE = {
  cluster: ['Cluster', 'Cluster'],
  agency: ['Agentschap', 'Agency'],
} as const satisfies LabelSet;

export const ACTION_STATUS = {
  open: ['Open', 'Open'],
  in_progress: ['Bezig', 'In progress'],
  done: ['Klaar', 'Done'],
  cancelled: ['Geannuleerd', 'Cancelled'],
} as const satisfies LabelSet;

export const PARTNERSHIP_REPORT_STATUS = {
  draft: ['Ontwerp', 'Draft'],
  submitted: ['Ingediend', 'Submitted'],
  accepted: ['Aanvaard', 'Accepted'],
  to_revise: ['Aan te passen', 'To revise'],
  due: ['Te doen', 'Due'],
  overdue: ['Te laat', 'Overdue'],
} as const satisfies LabelSet;

export const TIMELINE_KIND = {
  agreement: ['Overeenkomst', 'Agreement'],
  meeting: ['Vergadering', 'Meeting'],
  decision: ['Beslissing', 'Decision'],
  report: ['Rapport', 'Report'],
  action: ['Actie', 'Action'],
  kpi_validation: ['KPI-validatie', 'KPI validation'],
  payment: ['Betaling', 'Payment'],
  amendment: ['Wijziging', 'Amendment'],
} as const satisfies LabelSet;

export const SCENARIO_STATUS = {
  complete: ['Volledig gescoord', 'Fully scored'],
  incomplete: ['Onvolledig gescoord', 'Partly scored'],
  no_scores: ['Nog geen scores', 'No scores yet'],
} as const satisfies LabelSet;

/** The label of a code in a language; the code itself when the list does not know it. */
export function labelOf(labels: LabelSet, code: string, lang: 'nl' | 'en'): string {
  const label = labels[code];
  return label ? label[lang === 'en' ? 1 : 0] : code;
}
