import { describe, expect, it } from 'vitest';
import { evaluateRule } from '../../../src/server/modules/calls/evaluate-eligibility';
import type { ProposalSnapshot } from '../../../src/server/modules/calls/calls.schema';

const line = (requestedAidCents: number) => ({
  costCents: requestedAidCents * 2,
  requestedAidCents,
  ownContributionCents: requestedAidCents,
});
const snapshot = {
  consortium: [
    { helix: 'company', sizeClass: 'small' },
    { helix: 'knowledge_institution', sizeClass: 'unknown' },
  ],
  budgetLines: [line(27_600_000)],
  clusterIds: [],
  kpis: [],
  themeIds: [],
  requiresNewLegalEntity: false,
} as unknown as ProposalSnapshot;
const facts = { snapshot, callThemeIds: [], requiredKpiIds: [] };

describe('eligibility results in words', () => {
  it('words money in nl-BE and en, and helix categories without codes', () => {
    const aid = evaluateRule({ id: 'r1', kind: 'max_requested_aid', parameter: 30_000_000 }, facts);
    expect(aid.explanation.nl).toBe('Gevraagde steun € 276.000,00; maximum € 300.000,00.');
    expect(aid.explanation.en).toBe('Requested aid €276,000.00; maximum €300,000.00.');
    const helix = evaluateRule({ id: 'r2', kind: 'min_helix_categories', parameter: 2 }, facts);
    expect(helix.explanation.nl).toContain('(bedrijven, kennisinstellingen)');
    expect(helix.explanation.en).toContain('(companies, knowledge institutions)');
    const share = evaluateRule({ id: 'r3', kind: 'max_aid_share', parameter: 60 }, facts);
    expect(share.explanation.nl).toContain('Steunaandeel 50,0 %');
  });
});
