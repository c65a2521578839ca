import { formatEnterpriseNumber } from '../../../shared/enterprise-number';
import type { OrganisationRow } from './organisations.repository';
import { pioneerStatus } from './pioneer';

/** An organisation as the portfolio shows it (no personal data: organisations only). */
export function presentOrganisation(row: OrganisationRow, today: string, pioneerYears: number) {
  const pioneer = pioneerStatus(
    { helix: row.helix, foundedOn: row.founded_on, firstParticipationOn: row.first_participation_on },
    today,
    pioneerYears,
  );
  return {
    id: row.id,
    name: row.name,
    enterpriseNumber: row.enterprise_number,
    enterpriseNumberDisplay: row.enterprise_number ? formatEnterpriseNumber(row.enterprise_number) : null,
    country: row.country,
    foreignIdentifier: row.foreign_identifier,
    helix: row.helix,
    sizeClass: row.size_class,
    isSme: row.size_class === 'micro' || row.size_class === 'small' || row.size_class === 'medium',
    foundedOn: row.founded_on,
    firstParticipationOn: row.first_participation_on,
    isPioneer: pioneer.isPioneer,
    isStartUp: pioneer.isStartUp,
    isFirstTimer: pioneer.isFirstTimer,
    clusterCount: Number(row.cluster_count),
    isExample: row.is_example,
  };
}

export type PresentedOrganisation = ReturnType<typeof presentOrganisation>;

/** The audit view: the identifying fields only. */
export function auditOrganisation(
  row: Pick<
    OrganisationRow,
    'name' | 'enterprise_number' | 'country' | 'foreign_identifier' | 'helix' | 'founded_on' | 'size_class'
  >,
) {
  return {
    name: row.name,
    enterpriseNumber: row.enterprise_number,
    country: row.country,
    foreignIdentifier: row.foreign_identifier,
    helix: row.helix,
    foundedOn: row.founded_on,
    sizeClass: row.size_class,
  };
}
