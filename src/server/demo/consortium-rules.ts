import type { CallDefinition } from '../modules/calls/calls.schema';

/** The consortium rules of the example calls: at least three companies, two of them SMEs. */
export const COMPANY_CONSORTIUM_RULES: CallDefinition['eligibilityRules'] = [
  {
    kind: 'min_companies',
    parameter: 3,
    explanationNl: 'Minstens drie bedrijven in het consortium.',
    explanationEn: 'At least three companies in the consortium.',
  },
  {
    kind: 'min_smes',
    parameter: 2,
    explanationNl: 'Minstens twee kmo’s (EU-definitie).',
    explanationEn: 'At least two SMEs (EU definition).',
  },
];
