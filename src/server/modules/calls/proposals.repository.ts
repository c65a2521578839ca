import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/types';
import type { ProposalSnapshot } from './calls.schema';

type Db = Kysely<DB> | Transaction<DB>;

/** The editable working copy of a proposal, in the shape of a submitted version's snapshot. */
export async function loadProposalContent(db: Db, proposalId: string): Promise<ProposalSnapshot | undefined> {
  const proposal = await db
    .selectFrom('proposals')
    .select(['title', 'summary', 'answers', 'requires_new_legal_entity'])
    .where('id', '=', proposalId)
    .executeTakeFirst();
  if (!proposal) return undefined;
  const [themes, clusters, members, lines, kpis] = await Promise.all([
    db
      .selectFrom('proposal_themes')
      .select('theme_id')
      .where('proposal_id', '=', proposalId)
      .orderBy('theme_id')
      .execute(),
    db
      .selectFrom('proposal_clusters')
      .select('cluster_id')
      .where('proposal_id', '=', proposalId)
      .orderBy('cluster_id')
      .execute(),
    db
      .selectFrom('proposal_consortium_members as m')
      .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
      // A partner not known yet lives only in the draft's row (see save-proposal-draft.ts).
      .select((eb) => [
        'm.organisation_id',
        eb.fn.coalesce('o.enterprise_number', 'm.pending_enterprise_number').as('enterprise_number'),
        eb.fn.coalesce('o.name', 'm.pending_name').$notNull().as('name'),
        eb.fn.coalesce('o.helix', 'm.pending_helix').$notNull().as('helix'),
        eb.fn.coalesce('o.size_class', 'm.pending_size_class').$notNull().as('size_class'),
        'm.role',
        'm.budget_share_cents',
      ])
      .where('m.proposal_id', '=', proposalId)
      .orderBy('m.position')
      .execute(),
    db
      .selectFrom('proposal_budget_lines as l')
      .leftJoin('organisations as o', 'o.id', 'l.organisation_id')
      .select((eb) => [
        'l.organisation_id',
        eb.fn.coalesce('o.enterprise_number', 'l.pending_enterprise_number').as('enterprise_number'),
        'l.category',
        'l.description',
        'l.cost_cents',
        'l.requested_aid_cents',
        'l.own_contribution_cents',
      ])
      .where('l.proposal_id', '=', proposalId)
      .orderBy('l.position')
      .execute(),
    db
      .selectFrom('proposal_kpis')
      .selectAll()
      .where('proposal_id', '=', proposalId)
      .orderBy('position')
      .execute(),
  ]);
  return {
    title: proposal.title,
    summary: proposal.summary,
    themeIds: themes.map((t) => t.theme_id),
    clusterIds: clusters.map((c) => c.cluster_id),
    requiresNewLegalEntity: proposal.requires_new_legal_entity,
    answers: (proposal.answers ?? {}) as Record<string, unknown>,
    consortium: members.map((m) => ({
      organisationId: m.organisation_id,
      enterpriseNumber: m.enterprise_number,
      name: m.name,
      helix: m.helix,
      sizeClass: m.size_class,
      role: m.role,
      budgetShareCents: Number(m.budget_share_cents),
    })),
    budgetLines: lines.map((l) => ({
      organisationId: l.organisation_id,
      enterpriseNumber: l.enterprise_number,
      category: l.category,
      description: l.description,
      costCents: Number(l.cost_cents),
      requestedAidCents: Number(l.requested_aid_cents),
      ownContributionCents: Number(l.own_contribution_cents),
    })),
    kpis: kpis.map((k) => ({
      requiredKpiId: k.required_kpi_id,
      kpiCode: k.kpi_code,
      name: k.name,
      unit: k.unit,
      direction: k.direction,
      baselineValue: Number(k.baseline_value),
      baselineDate: k.baseline_date,
      targetValue: Number(k.target_value),
      targetPeriod: k.target_period,
    })),
  };
}

export async function findLatestVersion(db: Db, proposalId: string) {
  return db
    .selectFrom('proposal_versions')
    .selectAll()
    .where('proposal_id', '=', proposalId)
    .orderBy('version_number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function findVersions(db: Db, proposalId: string) {
  return db
    .selectFrom('proposal_versions')
    .select(['version_number', 'submitted_at', 'content_sha256'])
    .where('proposal_id', '=', proposalId)
    .orderBy('version_number')
    .execute();
}

export function findAttachments(db: Db, proposalId: string) {
  return db
    .selectFrom('proposal_attachments as a')
    .innerJoin('stored_files as f', 'f.id', 'a.stored_file_id')
    .select([
      'a.id',
      'a.kind',
      'a.created_at',
      'f.id as file_id',
      'f.filename',
      'f.content_type',
      'f.size_bytes',
      'f.sha256',
    ])
    .where('a.proposal_id', '=', proposalId)
    .orderBy('a.created_at')
    .execute();
}

export function findCollaborators(db: Db, proposalId: string) {
  return db
    .selectFrom('proposal_collaborators as pc')
    .innerJoin('users as u', 'u.id', 'pc.user_id')
    .select(['pc.user_id', 'pc.access', 'u.name', 'u.email'])
    .where('pc.proposal_id', '=', proposalId)
    .orderBy('pc.created_at')
    .execute();
}

export function findEligibilityResults(db: Db, proposalId: string) {
  return db
    .selectFrom('proposal_eligibility_results as r')
    .innerJoin('call_eligibility_rules as rule', 'rule.id', 'r.rule_id')
    .selectAll('r')
    .select([
      'rule.kind',
      'rule.explanation_nl as rule_explanation_nl',
      'rule.explanation_en as rule_explanation_en',
      'rule.position',
    ])
    .where('r.proposal_id', '=', proposalId)
    .orderBy('rule.position')
    .execute();
}

export function findClarifications(db: Db, proposalId: string) {
  return db
    .selectFrom('proposal_clarifications')
    .selectAll()
    .where('proposal_id', '=', proposalId)
    .orderBy('asked_at')
    .execute();
}

/**
 * Clusters whose themes cover at least half of the proposal's themes: a warning for the officer
 * that a "new" theme may already be served by an existing cluster.
 */
export async function findThemeOverlap(db: Db, themeIds: string[]) {
  if (themeIds.length === 0) return [];
  const rows = await db
    .selectFrom('cluster_themes as ct')
    .innerJoin('clusters as c', 'c.id', 'ct.cluster_id')
    .select(['c.id', 'c.name', (eb) => eb.fn.countAll<number>().as('shared')])
    .where('ct.theme_id', 'in', themeIds)
    .where('c.status', '!=', 'ended')
    .groupBy(['c.id', 'c.name'])
    .execute();
  return rows
    .map((r) => ({
      clusterId: r.id,
      clusterName: r.name,
      sharedThemes: Number(r.shared),
      share: Number(r.shared) / themeIds.length,
    }))
    .filter((r) => r.share >= 0.5)
    .sort((a, b) => b.share - a.share || a.clusterName.localeCompare(b.clusterName));
}

/** Rows of a proposals table: metadata plus, from the latest submitted version, the key figures. */
export function proposalListQuery(db: Db) {
  return db
    .selectFrom('proposals as p')
    .innerJoin('calls as c', 'c.id', 'p.call_id')
    .leftJoin('proposal_versions as v', (join) =>
      join.onRef('v.proposal_id', '=', 'p.id').onRef('v.version_number', '=', 'p.submitted_version'),
    )
    .select([
      'p.id',
      'p.call_id',
      'p.reference',
      'p.status',
      'p.title',
      'p.submitted_version',
      'p.submitted_at',
      'c.closes_at as call_closes_at',
      'v.snapshot',
      sql<number>`(select count(*) from proposal_eligibility_results r where r.proposal_id = p.id and
        coalesce(r.officer_outcome, r.auto_outcome) = 'passed')::int`.as('eligibility_passed'),
      sql<number>`(select count(*) from proposal_eligibility_results r where r.proposal_id = p.id and
        coalesce(r.officer_outcome, r.auto_outcome) = 'failed')::int`.as('eligibility_failed'),
      sql<number>`(select count(*) from proposal_eligibility_results r where r.proposal_id = p.id and
        r.officer_outcome is null)::int`.as('eligibility_to_review'),
    ])
    .orderBy('p.reference');
}
