import type { Helix } from '../../db/core.tables';
import type { SizeClass } from '../../db/shared.tables';
import type { ClusterRow, ClusterThemeRow, MemberStatsRow } from './clusters.repository';

const HELIXES: Helix[] = ['company', 'knowledge_institution', 'government', 'civil_society'];
const SIZES: SizeClass[] = ['micro', 'small', 'medium', 'large', 'unknown'];

/** Members on a date by helix and size class; the SME share is over companies with a known class. */
export function summariseMembers(rows: MemberStatsRow[]) {
  const byHelix = Object.fromEntries(HELIXES.map((h) => [h, 0])) as Record<Helix, number>;
  const bySize = Object.fromEntries(SIZES.map((s) => [s, 0])) as Record<SizeClass, number>;
  let members = 0;
  for (const row of rows) {
    members += row.members;
    byHelix[row.helix] += row.members;
    if (row.helix === 'company') bySize[row.size_class] += row.members;
  }
  const sme = bySize.micro + bySize.small + bySize.medium;
  const known = sme + bySize.large;
  return {
    members,
    byHelix,
    companiesBySize: bySize,
    smeCount: sme,
    /** SMEs among companies whose class is known; null when none is known. */
    smeShare: known === 0 ? null : Math.round((sme / known) * 1000) / 1000,
    companyShare: members === 0 ? null : Math.round((byHelix.company / members) * 1000) / 1000,
  };
}

export function presentTheme(row: Omit<ClusterThemeRow, 'cluster_id'>) {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    labelNl: row.label_nl,
    labelEn: row.label_en,
    isExample: row.is_example,
  };
}

/** A cluster in the overview; officer names only for viewers who may see people. */
export function presentCluster(
  row: ClusterRow,
  themes: ClusterThemeRow[],
  stats: MemberStatsRow[],
  seePeople: boolean,
) {
  const mine = themes.filter((t) => t.cluster_id === row.id);
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind,
    status: row.status,
    economicMission: row.economic_mission,
    legalEntity: row.legal_entity_id ? { id: row.legal_entity_id, name: row.legal_entity_name ?? '' } : null,
    officerName: seePeople ? row.officer_name : null,
    mandateStart: row.mandate_start,
    mandateEnd: row.mandate_end,
    isExample: row.is_example,
    transitions: mine.filter((t) => t.kind === 'transition').map(presentTheme),
    themes: mine.filter((t) => t.kind !== 'transition').map(presentTheme),
    memberSummary: summariseMembers(stats.filter((s) => s.cluster_id === row.id)),
  };
}

export type PresentedCluster = ReturnType<typeof presentCluster>;

export function auditCluster(row: ClusterRow, extra: Record<string, unknown> = {}) {
  return {
    name: row.name,
    shortName: row.short_name,
    kind: row.kind,
    status: row.status,
    economicMission: row.economic_mission,
    legalEntityId: row.legal_entity_id,
    officerUserId: row.officer_user_id,
    mandateStart: row.mandate_start,
    mandateEnd: row.mandate_end,
    ...extra,
  };
}
