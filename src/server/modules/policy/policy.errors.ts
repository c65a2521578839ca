import type { ErrorSpecs } from '../../errors/error-spec';

/** Errors of the policy analytics (scenarios, coverage, overlap, network, economic footprint). */
export const policyErrors = {
  /** A score refers to a scenario or criterion that does not exist. */
  POLICY_UNKNOWN_REFERENCE: {
    status: 400,
    nl: 'Een score verwijst naar een scenario of criterium dat niet bestaat.',
    en: 'A score refers to a scenario or criterion that does not exist.',
  },
  /** The weights list must name every criterion exactly once. */
  POLICY_WEIGHTS_INCOMPLETE: {
    status: 400,
    nl: 'Geef precies één gewicht voor elk criterium.',
    en: 'Give exactly one weight for each criterion.',
  },
  /** A stakeholder organisation with this name exists already. */
  POLICY_STAKEHOLDER_TAKEN: {
    status: 409,
    nl: 'Er bestaat al een belanghebbende met deze naam.',
    en: 'A stakeholder with this name already exists.',
  },
  /** The generator fills an empty enterprise register only; a loaded register is never overwritten. */
  POLICY_REGISTER_NOT_EMPTY: {
    status: 409,
    nl: 'Het ondernemingsregister bevat al gegevens; de generator vult enkel een leeg register.',
    en: 'The enterprise register already holds data; the generator only fills an empty register.',
  },
} satisfies ErrorSpecs;
