import type { Actor } from '../../http/actor';
import { canSeeConfidential, canSeePeople } from './partnership.policy';
import type { ActionRow, AgreementRow, Db, MeetingRow, ReportRow } from './partnership.repository';
import {
  findComments,
  findDecisions,
  findMinutes,
  findObjectives,
  findParticipants,
  findPeriods,
  findReviews,
  findSections,
} from './partnership.repository';
import { findKpiLinks } from './kpi-links';
import { toIso } from './partnership-dates';
import type { StatusSnapshot } from './partnership.schema';

const iso = (value: Date | string) => new Date(value).toISOString();

/** One agreement for one viewer (signers' names only for those who see people). */
export async function presentAgreement(db: Db, row: AgreementRow, viewer: Actor) {
  const [agreement] = await presentAgreements(db, [row], viewer);
  return agreement;
}

/** Agreements for one viewer, their objectives, KPI links and periods read once for all of them. */
export async function presentAgreements(db: Db, rows: AgreementRow[], viewer: Actor) {
  const people = canSeePeople(viewer);
  const ids = rows.map((r) => r.id);
  const [allObjectives, allPeriods] = await Promise.all([findObjectives(db, ids), findPeriods(db, ids)]);
  const kpis = await findKpiLinks(
    db,
    allObjectives.map((o) => o.id),
  );
  const signature = (by: string | null, at: Date | string | null) =>
    at ? { by: people ? by : null, at: iso(at) } : null;
  return rows.map((row) => {
    const objectives = allObjectives.filter((o) => o.agreement_id === row.id);
    const periods = allPeriods.filter((p) => p.agreement_id === row.id);
    return {
      id: row.id,
      clusterId: row.cluster_id,
      clusterName: row.cluster_name,
      title: row.title,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      clusterCommitments: row.cluster_commitments,
      agencyCommitments: row.agency_commitments,
      followUpRhythm: row.follow_up_rhythm,
      clusterSignature: signature(row.cluster_signer_name, row.cluster_signed_at),
      agencySignature: signature(row.agency_signer_name, row.agency_signed_at),
      isSigned: Boolean(row.cluster_signed_at && row.agency_signed_at),
      amendmentCount: row.amendment_count,
      isExample: row.is_example,
      objectives: objectives.map((o) => ({
        id: o.id,
        position: o.position,
        title: o.title,
        titleEn: o.title_en,
        description: o.description,
        kpis: kpis.get(o.id) ?? [],
      })),
      periods: periods.map((p) => ({
        id: p.id,
        label: p.label,
        startsOn: p.starts_on,
        endsOn: p.ends_on,
        dueOn: p.due_on,
        isClosed: p.closed_at !== null,
        reportId: p.report_id ?? null,
        reportStatus: p.report_status ?? null,
      })),
    };
  });
}

function parseSnapshot(value: unknown): StatusSnapshot | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as StatusSnapshot;
}

/** A meeting for one viewer: confidential content is withheld from analysts, as are people's names. */
export async function presentMeetings(db: Db, rows: MeetingRow[], viewer: Actor) {
  const ids = rows.map((r) => r.id);
  const [participants, minutes, decisions] = await Promise.all([
    findParticipants(db, ids),
    findMinutes(db, ids),
    findDecisions(db, ids),
  ]);
  const people = canSeePeople(viewer);
  return rows.map((row) => {
    const redacted = row.is_confidential && !canSeeConfidential(viewer);
    const versions = minutes.filter((m) => m.meeting_id === row.id);
    const latest = versions[0];
    return {
      id: row.id,
      clusterId: row.cluster_id,
      agreementId: row.agreement_id,
      kind: row.kind,
      title: row.title,
      startsAt: iso(row.starts_at),
      location: row.location,
      isConfidential: row.is_confidential,
      isRedacted: redacted,
      agenda: redacted ? null : row.agenda,
      participants: participants
        .filter((p) => p.meeting_id === row.id)
        .map((p) => ({ side: p.side, userId: people ? p.user_id : null, name: people ? p.name : null })),
      minutes:
        latest && !redacted
          ? {
              version: latest.version,
              body: latest.body,
              writtenAt: iso(latest.written_at),
              writtenBy: people ? latest.writer_name : null,
              signedOffAt: toIso(latest.signed_off_at),
              signedOffBy: people ? latest.signer_name : null,
            }
          : null,
      minutesVersions: redacted
        ? []
        : versions.map((m) => ({
            version: m.version,
            writtenAt: iso(m.written_at),
            signedOffAt: toIso(m.signed_off_at),
          })),
      decisions: redacted
        ? []
        : decisions.filter((d) => d.meeting_id === row.id).map((d) => ({ id: d.id, text: d.text })),
      kpiSnapshot: parseSnapshot(row.kpi_snapshot),
      budgetSnapshot: parseSnapshot(row.budget_snapshot),
      snapshotTakenAt: toIso(row.snapshot_taken_at),
      isExample: row.is_example,
    };
  });
}

export function isOverdue(row: { due_on: string; status: string }, today: string): boolean {
  return (row.status === 'open' || row.status === 'in_progress') && row.due_on < today;
}

export async function presentActions(
  db: Db,
  rows: ActionRow[],
  viewer: Actor,
  today: string,
  withComments = false,
) {
  const people = canSeePeople(viewer);
  const comments = withComments
    ? await findComments(
        db,
        rows.map((r) => r.id),
      )
    : [];
  return rows.map((row) => {
    const side = row.owner_role === 'officer' ? ('agency' as const) : ('cluster' as const);
    return {
      id: row.id,
      clusterId: row.cluster_id,
      clusterName: row.cluster_name,
      meetingId: row.meeting_id,
      title: row.title,
      description: row.description,
      owner: people ? { id: row.owner_user_id, name: row.owner_name, side } : null,
      ownerSide: side,
      dueOn: row.due_on,
      status: row.status,
      isOverdue: isOverdue(row, today),
      pastDueReason: row.past_due_reason,
      createdAt: iso(row.created_at),
      isExample: row.is_example,
      comments: comments
        .filter((c) => c.action_id === row.id)
        .map((c) => ({
          id: c.id,
          author: people ? c.author_name : null,
          body: c.body,
          createdAt: iso(c.created_at),
        })),
    };
  });
}

interface KpiValue {
  kpiDefinitionId?: string;
  label: string;
  value: string;
  period: string;
}

export async function presentReports(db: Db, rows: ReportRow[], viewer: Actor) {
  const ids = rows.map((r) => r.id);
  const [sections, reviews] = await Promise.all([findSections(db, ids), findReviews(db, ids)]);
  const people = canSeePeople(viewer);
  return rows.map((row) => ({
    id: row.id,
    clusterId: row.cluster_id,
    periodId: row.period_id,
    periodLabel: row.period_label,
    periodStartsOn: row.period_starts_on,
    periodEndsOn: row.period_ends_on,
    dueOn: row.period_due_on,
    isPeriodClosed: row.period_closed_at !== null,
    status: row.status,
    risks: row.risks,
    submissionCount: row.submission_count,
    submittedAt: toIso(row.submitted_at),
    feedback: row.feedback,
    reviewedAt: toIso(row.reviewed_at),
    isExample: row.is_example,
    sections: sections
      .filter((s) => s.report_id === row.id)
      .map((s) => ({
        objectiveId: s.objective_id,
        objectiveTitle: s.objective_title,
        narrative: s.narrative,
        kpiValues: (typeof s.kpi_values === 'string' ? JSON.parse(s.kpi_values) : s.kpi_values) as KpiValue[],
      })),
    reviews: reviews
      .filter((v) => v.report_id === row.id)
      .map((v) => ({
        submission: v.submission,
        outcome: v.outcome,
        feedback: v.feedback,
        reviewedAt: iso(v.reviewed_at),
        reviewedBy: people ? v.reviewer_name : null,
      })),
  }));
}

/** What the audit trail keeps of an agreement (no personal data beyond ids). */
export function auditAgreement(
  row: { title: string; period_start: string; period_end: string; cluster_id: string },
  objectives: { title: string }[],
) {
  return {
    clusterId: row.cluster_id,
    title: row.title,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    objectives: objectives.map((o) => o.title),
  };
}
