import { parseEnterpriseNumber } from '../../../shared/enterprise-number';
import { AppError, detail } from '../../errors/app-error';

export interface OrganisationIdentity {
  country: string;
  enterpriseNumber: string | null;
  foreignIdentifier: string | null;
}

const REASONS = {
  format: {
    nl: 'verwacht 10 cijfers (bv. BE 0123.456.749) of 9 zonder voorloopnul',
    en: 'expected 10 digits (e.g. BE 0123.456.749) or 9 without the leading zero',
  },
  first_digit: { nl: 'het eerste cijfer moet 0 of 1 zijn', en: 'the first digit must be 0 or 1' },
  check_digits: { nl: 'de controlecijfers kloppen niet', en: 'the check digits do not match' },
};

/** Explains why an enterprise number is refused, in both languages (import rows, form fields). */
export function enterpriseNumberProblem(input: string): { nl: string; en: string } | null {
  const parsed = parseEnterpriseNumber(input);
  return parsed.ok ? null : REASONS[parsed.reason];
}

/**
 * A Belgian organisation carries a valid enterprise number (stored canonical: ten digits); a
 * foreign one its country and own identifier (an enterprise number is optional for it).
 */
export function resolveIdentity(input: {
  country?: string | null;
  enterpriseNumber?: string | null;
  foreignIdentifier?: string | null;
}): OrganisationIdentity {
  const country = (input.country ?? 'BE').toUpperCase();
  const rawNumber = input.enterpriseNumber?.trim() || null;
  let enterpriseNumber: string | null = null;
  if (rawNumber) {
    const parsed = parseEnterpriseNumber(rawNumber);
    if (!parsed.ok) {
      const reason = REASONS[parsed.reason];
      throw new AppError('ENTERPRISE_NUMBER_INVALID', {
        details: [detail('enterpriseNumber', parsed.reason, reason.nl, reason.en)],
      });
    }
    enterpriseNumber = parsed.value;
  }
  const foreignIdentifier = country === 'BE' ? null : input.foreignIdentifier?.trim() || null;
  if (country === 'BE' && !enterpriseNumber) throw new AppError('ORGANISATION_IDENTIFIER_REQUIRED');
  if (country !== 'BE' && !enterpriseNumber && !foreignIdentifier)
    throw new AppError('ORGANISATION_IDENTIFIER_REQUIRED');
  return { country, enterpriseNumber, foreignIdentifier };
}
