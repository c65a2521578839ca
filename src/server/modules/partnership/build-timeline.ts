import { formatMoney } from '../../../shared/money';
import { sql } from 'kysely';

import type { Actor } from '../../http/actor';
import { canSeeConfidential } from './partnership.policy';
import type { Db } from './partnership.repository';
import type { TimelineKind } from './partnership.schema';
import { textOf } from '../../../shared/text-of';

export interface TimelineEntry {
  id: string;
  at: string;
  kind: TimelineKind;
  title: { nl: string; en: string };
  detail: string;
  link: string | null;
}

/**
 * Classifies an audit event of another module for the timeline, by its action and entity type
 * (KPI framework: `kpi.measurement_validated` / `_returned` on `kpi_measurement`, `kpi.target_amended`;
 * funding: `payment.released` on `funding_payment`; any other `*amend*` action naming the cluster).
 * Events of other kinds are left out.
 */
export function classifyForeignEvent(action: string, entityType: string): TimelineKind | null {
  if (
    entityType === 'kpi_measurement' &&
    (action === 'kpi.measurement_validated' || action === 'kpi.measurement_returned')
  )
    return 'kpi_validation';
  if (entityType === 'funding_payment' && action === 'payment.released') return 'payment';
  if (/amend/.test(action)) return 'amendment';
  return null;
}

function foreignEntry(
  kind: TimelineKind,
  action: string,
  after: Record<string, unknown>,
): Pick<TimelineEntry, 'title' | 'detail'> {
  const code = typeof after.code === 'string' ? after.code : '';
  if (kind === 'kpi_validation') {
    const returned = action.endsWith('returned');
    return {
      title: returned
        ? { nl: 'KPI-waarde teruggestuurd', en: 'KPI value returned' }
        : { nl: 'KPI-waarde gevalideerd', en: 'KPI value validated' },
      detail: [code, textOf(after.value)].filter((v) => v !== '').join(' = '),
    };
  }
  if (kind === 'payment') {
    const cents = typeof after.amountCents === 'number' ? after.amountCents : null;
    return {
      title: { nl: 'Betaling uitgevoerd', en: 'Payment released' },
      detail: cents === null ? '' : formatMoney(cents, 'nl'),
    };
  }
  return {
    title: { nl: 'Wijziging', en: 'Amendment' },
    detail: [action, code, typeof after.motivation === 'string' ? after.motivation : '']
      .filter(Boolean)
      .join(' – '),
  };
}

const REPORT_TITLES: Record<string, { nl: string; en: string }> = {
  'partnership_report.submitted': { nl: 'Voortgangsrapport ingediend', en: 'Progress report submitted' },
  'partnership_report.resubmitted': {
    nl: 'Voortgangsrapport opnieuw ingediend',
    en: 'Progress report resubmitted',
  },
  'partnership_report.accepted': { nl: 'Voortgangsrapport aanvaard', en: 'Progress report accepted' },
  'partnership_report.returned': {
    nl: 'Voortgangsrapport terug ter herwerking',
    en: 'Progress report returned for revision',
  },
};

const MEETING_KIND: Record<string, { nl: string; en: string }> = {
  steering_committee: { nl: 'Stuurgroep', en: 'Steering committee' },
  quarterly_follow_up: { nl: 'Kwartaalopvolging', en: 'Quarterly follow-up' },
  other: { nl: 'Overleg', en: 'Meeting' },
};

/**
 * The newest rows read from each source of the timeline (agreements, meetings, decisions,
 * completed actions, audit events): the timeline merges its sources in memory, so each is bounded;
 * a cluster's partnership history stays far below it (a few agreements, some meetings a year).
 */
export const TIMELINE_SOURCE_LIMIT = 2000;

function afterOf(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  return (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
}

/**
 * One cluster's partnership history, newest first: agreements and amendments, meetings and their
 * decisions, reports (each submission and review), completed actions, and, from the audit trail,
 * the KPI validations, payments and amendments other modules record for the cluster (events
 * whose `after` (or `before`) names the cluster as `clusterId` or `cluster_id`).
 */
export async function buildTimeline(
  db: Db,
  actor: Actor,
  clusterId: string,
  filter: { kinds?: TimelineKind[]; from?: string; to?: string },
): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = [];
  const base = `/partnership/clusters/${clusterId}`;
  const confidentialOk = canSeeConfidential(actor);

  const agreements = await db
    .selectFrom('partnership_agreements')
    .selectAll()
    .where('cluster_id', '=', clusterId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(TIMELINE_SOURCE_LIMIT)
    .execute();
  for (const a of agreements) {
    entries.push({
      id: `agreement-created-${a.id}`,
      at: new Date(a.created_at).toISOString(),
      kind: 'agreement',
      title: { nl: 'Partnerschapsovereenkomst opgesteld', en: 'Partnership agreement drafted' },
      detail: `${a.title} (${a.period_start} – ${a.period_end})`,
      link: `${base}?tab=agreement`,
    });
    if (a.cluster_signed_at && a.agency_signed_at) {
      const at = new Date(
        Math.max(new Date(a.cluster_signed_at).getTime(), new Date(a.agency_signed_at).getTime()),
      ).toISOString();
      entries.push({
        id: `agreement-signed-${a.id}`,
        at,
        kind: 'agreement',
        title: {
          nl: 'Overeenkomst door beide partners ondertekend',
          en: 'Agreement signed by both partners',
        },
        detail: a.title,
        link: `${base}?tab=agreement`,
      });
    }
  }

  const meetings = await db
    .selectFrom('partnership_meetings')
    .selectAll()
    .where('cluster_id', '=', clusterId)
    .orderBy('starts_at', 'desc')
    .orderBy('id')
    .limit(TIMELINE_SOURCE_LIMIT)
    .execute();
  for (const m of meetings) {
    const kind = MEETING_KIND[m.kind];
    entries.push({
      id: `meeting-${m.id}`,
      at: new Date(m.starts_at).toISOString(),
      kind: 'meeting',
      title: { nl: `${kind.nl}: ${m.title}`, en: `${kind.en}: ${m.title}` },
      detail: m.location,
      link: `${base}?tab=meetings&meeting=${m.id}`,
    });
  }
  // Decisions of confidential meetings only for those who may read them.
  let decisionQuery = db
    .selectFrom('partnership_decisions as d')
    .innerJoin('partnership_meetings as m', 'm.id', 'd.meeting_id')
    .select(['d.id', 'd.text', 'm.starts_at', 'm.title', 'm.id as meeting_id'])
    .where('m.cluster_id', '=', clusterId);
  if (!confidentialOk) decisionQuery = decisionQuery.where('m.is_confidential', '=', false);
  const decisions = await decisionQuery
    .orderBy('m.starts_at', 'desc')
    .orderBy('d.id')
    .limit(TIMELINE_SOURCE_LIMIT)
    .execute();
  for (const d of decisions) {
    entries.push({
      id: `decision-${d.id}`,
      at: new Date(d.starts_at).toISOString(),
      kind: 'decision',
      title: { nl: `Beslissing (${d.title})`, en: `Decision (${d.title})` },
      detail: d.text,
      link: `${base}?tab=meetings&meeting=${d.meeting_id}`,
    });
  }

  const done = await db
    .selectFrom('partnership_actions')
    .select(['id', 'title', 'completed_at'])
    .where('cluster_id', '=', clusterId)
    .where('status', '=', 'done')
    .where('completed_at', 'is not', null)
    .orderBy('completed_at', 'desc')
    .orderBy('id')
    .limit(TIMELINE_SOURCE_LIMIT)
    .execute();
  for (const a of done)
    entries.push({
      id: `action-${a.id}`,
      at: new Date(a.completed_at as Date).toISOString(),
      kind: 'action',
      title: { nl: 'Actie afgerond', en: 'Action completed' },
      detail: a.title,
      link: `${base}?tab=actions`,
    });

  // Events that name the cluster themselves, and those of other modules' objects that belong to it
  // (KPI measurements of the cluster; payments on commitments for its base operations or projects).
  const events = await sql<{
    id: number;
    occurred_at: Date;
    action: string;
    entity_type: string;
    entity_id: string | null;
    after: unknown;
  }>`
    select e.id, e.occurred_at, e.action, e.entity_type, e.entity_id, e.after
    from audit_events e
    where e.after->>'clusterId' = ${clusterId} or e.after->>'cluster_id' = ${clusterId}
       or e.before->>'clusterId' = ${clusterId} or e.before->>'cluster_id' = ${clusterId}
       or (e.entity_type = 'kpi_measurement' and e.action in ('kpi.measurement_validated', 'kpi.measurement_returned')
           and exists (select 1 from kpi_measurements m where m.id::text = e.entity_id and m.cluster_id = ${clusterId}))
       or (e.entity_type = 'funding_payment' and e.action = 'payment.released'
           and exists (select 1 from funding_payments p join funding_commitments c on c.id = p.commitment_id
                       left join base_operation_grants b on b.id = c.base_operation_id
                       where p.id::text = e.entity_id
                         and (b.cluster_id = ${clusterId} or exists (select 1 from project_clusters pc where
                           pc.project_id = c.project_id and pc.cluster_id = ${clusterId}))))
    order by e.id desc
    limit ${TIMELINE_SOURCE_LIMIT}`
    .execute(db)
    .then((r) => r.rows);
  for (const e of events) {
    const at = new Date(e.occurred_at).toISOString();
    const after = afterOf(e.after);
    if (REPORT_TITLES[e.action]) {
      entries.push({
        id: `audit-${e.id}`,
        at,
        kind: 'report',
        title: REPORT_TITLES[e.action],
        detail: textOf(after.period),
        link: `${base}?tab=reports`,
      });
    } else if (e.action === 'partnership_agreement.amended') {
      entries.push({
        id: `audit-${e.id}`,
        at,
        kind: 'amendment',
        title: {
          nl: 'Overeenkomst gewijzigd (opnieuw te ondertekenen)',
          en: 'Agreement amended (to be signed again)',
        },
        detail: textOf(after.title),
        link: `${base}?tab=agreement`,
      });
    } else if (!e.entity_type.startsWith('partnership')) {
      const kind = classifyForeignEvent(e.action, e.entity_type);
      if (kind)
        entries.push({ id: `audit-${e.id}`, at, kind, ...foreignEntry(kind, e.action, after), link: null });
    }
  }

  const filtered = entries.filter(
    (e) =>
      (!filter.kinds || filter.kinds.length === 0 || filter.kinds.includes(e.kind)) &&
      (!filter.from || e.at.slice(0, 10) >= filter.from) &&
      (!filter.to || e.at.slice(0, 10) <= filter.to),
  );
  return filtered.sort((a, b) => (a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at)));
}
