import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { AppError } from '../../errors/app-error';
import { deMinimisHeadroom } from './funding-rules';
import { findDeMinimisAids, findUndertakingIds, getDeMinimisSettings } from './funding.repository';

export interface AidRequest {
  organisationId: string;
  amountCents: number;
}

export interface HeadroomCheck {
  organisationId: string;
  organisationName: string;
  undertakingOrganisationIds: string[];
  requestedCents: number;
  usedCents: number;
  headroomCents: number;
  ceilingCents: number;
  windowYears: number;
  breaches: boolean;
}

/**
 * The de minimis headroom of each receiving undertaking on `on`, and whether the requested aid
 * breaks the ceiling. Aid to the same undertaking in one request is added up first.
 */
export async function checkDeMinimis(
  db: Kysely<DB>,
  requests: AidRequest[],
  on: string,
): Promise<HeadroomCheck[]> {
  const settings = await getDeMinimisSettings(db);
  const byOrganisation = new Map<string, number>();
  for (const r of requests)
    if (r.amountCents > 0)
      byOrganisation.set(r.organisationId, (byOrganisation.get(r.organisationId) ?? 0) + r.amountCents);
  if (byOrganisation.size === 0) return [];
  const names = new Map(
    (
      await db
        .selectFrom('organisations')
        .select(['id', 'name'])
        .where('id', 'in', [...byOrganisation.keys()])
        .execute()
    ).map((o) => [o.id, o.name]),
  );
  const checks: HeadroomCheck[] = [];
  for (const [organisationId, requestedCents] of byOrganisation) {
    const undertaking = await findUndertakingIds(db, organisationId);
    const headroom = deMinimisHeadroom(
      await findDeMinimisAids(db, undertaking),
      on,
      settings.ceilingCents,
      settings.windowYears,
    );
    checks.push({
      organisationId,
      organisationName: names.get(organisationId) ?? '',
      undertakingOrganisationIds: undertaking,
      requestedCents,
      ...headroom,
      breaches: requestedCents > headroom.headroomCents,
    });
  }
  return checks.sort((a, b) => a.organisationName.localeCompare(b.organisationName));
}

/** Refuses a breach unless an authorised officer gave an override motivation. */
export function assertWithinDeMinimis(checks: HeadroomCheck[], overrideMotivation: string | undefined): void {
  const breaches = checks.filter((c) => c.breaches);
  if (breaches.length > 0 && !overrideMotivation) {
    throw new AppError('DE_MINIMIS_CEILING_EXCEEDED', {
      context: {
        organisations: breaches.map((c) => ({
          organisationId: c.organisationId,
          organisationName: c.organisationName,
          requestedCents: c.requestedCents,
          usedCents: c.usedCents,
          headroomCents: c.headroomCents,
          ceilingCents: c.ceilingCents,
          windowYears: c.windowYears,
        })),
      },
    });
  }
}
