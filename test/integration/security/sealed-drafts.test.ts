import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';
import type { Role } from '../../../src/server/db/core.tables';
import { parseEnterpriseNumber } from '../../../src/shared/enterprise-number';
import { buildProposalContent, publishedCall } from '../calls/call-fixtures';

const CLOSES_LOCAL = '2028-03-01T12:00';
const AFTER_DEADLINE = '2028-03-01T12:00:01Z';

const canonical = (value: string) => {
  const parsed = parseEnterpriseNumber(value);
  if (!parsed.ok) throw new Error(`bad enterprise number ${value}`);
  return parsed.value;
};

/**
 * Issue 15 (privacy): a draft's unknown partners exist only inside the draft until submission,
 * and the audit trail of sealed content shows no content before the deadline.
 */
describe('sealed drafts: unknown partners stay in the draft, the audit trail shows no sealed content', () => {
  let t: TestApp;
  let nowMs = Date.parse('2028-02-01T09:00:00Z');
  let officer: TestClient;
  let applicant: TestClient;
  let callId: string;
  let proposalId: string;
  let draftVersion: number;
  let content: Awaited<ReturnType<typeof fullContent>>;
  let newNumbers: string[];
  let newNames: string[];
  let firstAuditId: number;
  let themeIds: string[];

  const fullContent = (serial: number) =>
    buildProposalContent(t.database.db, applicant, {
      callId,
      themeIds,
      serial,
      title: 'Verzegelde partners (voorbeeld)',
    });

  const organisationsWith = async (numbers: string[]) =>
    t.database.db
      .selectFrom('organisations')
      .select(['id', 'enterprise_number', 'name', 'helix', 'size_class'])
      .where('enterprise_number', 'in', numbers)
      .orderBy('enterprise_number')
      .execute();

  /** Audit rows since the test began whose before/after mention any of the strings. */
  const auditRowsNaming = async (needles: string[]) => {
    const rows = await t.database.db
      .selectFrom('audit_events')
      .select(['action', sql<string>`coalesce(before::text, '') || coalesce(after::text, '')`.as('text')])
      .where('id', '>=', firstAuditId)
      .execute();
    return rows.filter((row) => needles.some((n) => row.text.includes(n)));
  };

  beforeAll(async () => {
    t = await createTestApp({ clock: () => new Date(nowMs) });
    officer = await t.loginAs('officer');
    applicant = await t.loginAs('applicant');
    ({ callId, themeIds } = await publishedCall(t.database.db, officer, {
      code: 'OPR-2028-SEAL',
      themePrefix: 'sealed-drafts',
      opensAtLocal: '2028-02-01T11:00',
      closesAtLocal: CLOSES_LOCAL,
    }));
    nowMs = Date.parse('2028-02-02T09:00:00Z');
    officer = await t.loginAs('officer');
    applicant = await t.loginAs('applicant');
    const started = await applicant.post(`/api/calls/${callId}/proposals`, {
      title: 'Verzegeld (voorbeeld)',
    });
    expect(started.statusCode, started.body).toBe(201);
    proposalId = started.json().data.id;
    draftVersion = 1;
    content = await fullContent(18_500_001);
    // The first three members are unknown to the platform (buildConsortium), the last two exist.
    newNumbers = content.consortium.slice(0, 3).map((m) => canonical(m.enterpriseNumber));
    newNames = content.consortium.slice(0, 3).map((m) => m.name as string);
    expect(await organisationsWith(newNumbers)).toEqual([]);
    const head = await t.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    firstAuditId = Number(head.id) + 1;
  });
  afterAll(() => t?.close());

  it('an autosave with unknown enterprise numbers creates no organisation and no audit row naming them', async () => {
    const saved = await applicant.put(`/api/proposals/${proposalId}`, { draftVersion, ...content });
    expect(saved.statusCode, saved.body).toBe(200);
    draftVersion = saved.json().data.draftVersion;
    expect(await organisationsWith(newNumbers)).toEqual([]);
    expect(await auditRowsNaming([...newNumbers, ...newNames])).toEqual([]);
    const organisationRows = await t.database.db
      .selectFrom('audit_events')
      .select('id')
      .where('id', '>=', firstAuditId)
      .where('action', '=', 'organisation.created')
      .execute();
    expect(organisationRows).toEqual([]);
    // The partners live in the draft's rows only, without an organisation.
    const rows = await t.database.db
      .selectFrom('proposal_consortium_members')
      .select(['organisation_id', 'pending_enterprise_number', 'pending_name'])
      .where('proposal_id', '=', proposalId)
      .orderBy('position')
      .execute();
    expect(rows.slice(0, 3)).toEqual(
      newNumbers.map((n, i) => ({
        organisation_id: null,
        pending_enterprise_number: n,
        pending_name: newNames[i],
      })),
    );
    expect(rows.slice(3).every((r) => r.organisation_id !== null && r.pending_name === null)).toBe(true);
  });

  it('the applicant sees the unknown partners in the draft, their budget lines, a complete progress', async () => {
    const view = (await applicant.get(`/api/proposals/${proposalId}`)).json().data;
    const consortium = view.content.consortium as { organisationId: string | null; name: string }[];
    expect(consortium.map((m) => m.name)).toEqual(
      content.consortium.map((m, i) => m.name ?? consortium[i].name),
    );
    expect(consortium.slice(0, 3).map((m) => m.organisationId)).toEqual([null, null, null]);
    const lines = view.content.budgetLines as { enterpriseNumber: string | null }[];
    expect(lines.slice(0, 3).map((l) => l.enterpriseNumber)).toEqual(newNumbers);
    const progress = view.progress as { part: string; problems: { path: string }[] }[];
    expect(progress.find((p) => p.part === 'consortium')?.problems).toEqual([]);
    expect(progress.find((p) => p.part === 'budget')?.problems).toEqual([]);
  });

  it('officers, managers and analysts find no organisation of the draft', async () => {
    for (const role of ['officer', 'manager', 'analyst', 'admin'] as Role[]) {
      const client = await t.loginAs(role);
      for (const name of newNames) {
        const found = await client.get(`/api/organisations?q=${encodeURIComponent(name)}`);
        expect(found.statusCode, `${role}: ${found.body}`).toBe(200);
        expect(found.json().data, `${role} searching ${name}`).toEqual([]);
      }
    }
  });

  it('submission creates the organisations in its transaction, audited then, and links rows and lines', async () => {
    const submitted = await applicant.post(`/api/proposals/${proposalId}/submit`, { draftVersion });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const organisations = await organisationsWith(newNumbers);
    expect(organisations.map((o) => o.enterprise_number)).toEqual([...newNumbers].sort());
    const byNumber = new Map(organisations.map((o) => [o.enterprise_number, o]));
    content.consortium.slice(0, 3).forEach((m, i) => {
      expect(byNumber.get(newNumbers[i])).toMatchObject({
        name: m.name,
        helix: m.helix,
        size_class: m.sizeClass,
      });
    });
    const created = await t.database.db
      .selectFrom('audit_events')
      .select(['entity_id', 'after', 'actor_user_id'])
      .where('id', '>=', firstAuditId)
      .where('action', '=', 'organisation.created')
      .execute();
    expect(created.map((r) => r.entity_id).sort()).toEqual(organisations.map((o) => o.id).sort());
    expect(created.every((r) => (r.after as { source: string }).source === 'proposal')).toBe(true);
    const members = await t.database.db
      .selectFrom('proposal_consortium_members')
      .select(['organisation_id', 'pending_enterprise_number'])
      .where('proposal_id', '=', proposalId)
      .execute();
    expect(members.every((m) => m.organisation_id !== null && m.pending_enterprise_number === null)).toBe(
      true,
    );
    const lines = await t.database.db
      .selectFrom('proposal_budget_lines')
      .select(['organisation_id', 'pending_enterprise_number'])
      .where('proposal_id', '=', proposalId)
      .execute();
    expect(lines.every((l) => l.organisation_id !== null && l.pending_enterprise_number === null)).toBe(true);
    // The submitted version names organisations only; its eligibility counted the new companies.
    const version = await t.database.db
      .selectFrom('proposal_versions')
      .select('snapshot')
      .where('proposal_id', '=', proposalId)
      .executeTakeFirstOrThrow();
    const snapshot = version.snapshot as { consortium: { organisationId: string | null }[] };
    expect(snapshot.consortium.every((m) => typeof m.organisationId === 'string')).toBe(true);
    const companies = await t.database.db
      .selectFrom('proposal_eligibility_results as r')
      .innerJoin('call_eligibility_rules as c', 'c.id', 'r.rule_id')
      .select(['r.auto_outcome'])
      .where('r.proposal_id', '=', proposalId)
      .where('c.kind', '=', 'min_companies')
      .executeTakeFirstOrThrow();
    expect(companies.auto_outcome).toBe('passed');
  });

  it('a partner that became known before submission is linked, not created twice', async () => {
    const number = newNumbers[0];
    const started = await applicant.post(`/api/calls/${callId}/proposals`, { title: 'Tweede (voorbeeld)' });
    const secondId = started.json().data.id as string;
    const second = await fullContent(18_600_001);
    // Member 0 is now known (created at the first submission); member 1 becomes known meanwhile.
    Object.assign(second.consortium[0], { enterpriseNumber: number, name: 'Andere naam' });
    second.budgetLines[0].enterpriseNumber = number;
    const saved = await applicant.put(`/api/proposals/${secondId}`, { draftVersion: 1, ...second });
    expect(saved.statusCode, saved.body).toBe(200);
    const meanwhile = canonical(second.consortium[1].enterpriseNumber);
    const officerMade = await officer.post('/api/organisations', {
      name: 'Intussen gekend (voorbeeld)',
      helix: 'company',
      enterpriseNumber: meanwhile,
    });
    expect(officerMade.statusCode, officerMade.body).toBe(201);
    const submitted = await applicant.post(`/api/proposals/${secondId}/submit`, {
      draftVersion: saved.json().data.draftVersion,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const linked = await organisationsWith([number, meanwhile]);
    expect(linked.map((o) => o.name).sort()).toEqual(
      [content.consortium[0].name, 'Intussen gekend (voorbeeld)'].sort(),
    );
    const members = await t.database.db
      .selectFrom('proposal_consortium_members')
      .select('organisation_id')
      .where('proposal_id', '=', secondId)
      .orderBy('position')
      .execute();
    expect(members.slice(0, 2).map((m) => m.organisation_id)).toEqual([
      linked.find((o) => o.enterprise_number === number)?.id,
      linked.find((o) => o.enterprise_number === meanwhile)?.id,
    ]);
  });

  it('20 proposals naming the same two new partners, submitted at once: one organisation each, linked', async () => {
    const shared = (await fullContent(18_790_001)).consortium.slice(1, 3);
    const sharedNumbers = shared.map((m) => canonical(m.enterpriseNumber));
    expect(await organisationsWith(sharedNumbers)).toEqual([]);
    const drafts: { id: string; draftVersion: number }[] = [];
    for (let i = 0; i < 20; i += 1) {
      const started = await applicant.post(`/api/calls/${callId}/proposals`, {
        title: `Race ${i} (voorbeeld)`,
      });
      const body = await fullContent(18_800_001 + i * 10);
      // Half name the partners in the other order, so the submissions meet them in both orders.
      const partners = i % 2 === 0 ? shared : [...shared].reverse();
      partners.forEach((partner, k) => {
        body.consortium[k + 1] = { ...body.consortium[k + 1], ...partner, role: 'partner' };
        body.budgetLines[k + 1].enterpriseNumber = partner.enterpriseNumber;
      });
      const id = started.json().data.id as string;
      const saved = await applicant.put(`/api/proposals/${id}`, { draftVersion: 1, ...body });
      expect(saved.statusCode, saved.body).toBe(200);
      drafts.push({ id, draftVersion: saved.json().data.draftVersion });
    }
    const responses = await Promise.all(
      drafts.map((d) => applicant.post(`/api/proposals/${d.id}/submit`, { draftVersion: d.draftVersion })),
    );
    expect(responses.map((r) => r.statusCode).filter((s) => s >= 500)).toEqual([]);
    expect(responses.map((r) => r.statusCode)).toEqual(drafts.map(() => 200));
    const organisations = await organisationsWith(sharedNumbers);
    expect(organisations.map((o) => o.enterprise_number)).toEqual([...sharedNumbers].sort());
    const created = await t.database.db
      .selectFrom('audit_events')
      .select('entity_id')
      .where('action', '=', 'organisation.created')
      .where(
        'entity_id',
        'in',
        organisations.map((o) => o.id),
      )
      .execute();
    expect(created).toHaveLength(2);
    const links = await t.database.db
      .selectFrom('proposal_consortium_members')
      .select(['proposal_id', 'organisation_id'])
      .where(
        'proposal_id',
        'in',
        drafts.map((d) => d.id),
      )
      .where(
        'organisation_id',
        'in',
        organisations.map((o) => o.id),
      )
      .execute();
    expect(links).toHaveLength(40);
    expect(new Set(links.map((l) => l.proposal_id)).size).toBe(20);
  });

  it('before the deadline no audit row carries eligibility outcomes; the trail withholds proposal rows', async () => {
    const raw = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'after'])
      .where('entity_type', '=', 'proposal')
      .where('entity_id', '=', proposalId)
      .execute();
    expect(raw.map((r) => r.action)).toEqual(
      expect.arrayContaining(['proposal.started', 'proposal.draft_saved', 'proposal.submitted']),
    );
    for (const row of raw) {
      const text = JSON.stringify(row.after ?? {});
      expect(text, row.action).not.toMatch(/eligibility|outcome|passed|failed/);
      expect(text, row.action).not.toMatch(/"members"|"budgetLines"|"kpis"/);
    }
    for (const role of ['officer', 'admin'] as Role[]) {
      const client = await t.loginAs(role);
      const trail = await client.get(`/api/audit?entityType=proposal&entityId=${proposalId}`);
      expect(trail.statusCode, trail.body).toBe(200);
      const events = trail.json().data as { sealed: boolean; before: unknown; after: unknown }[];
      expect(events.length).toBeGreaterThanOrEqual(3);
      for (const event of events) expect(event).toMatchObject({ sealed: true, before: null, after: null });
    }
  });

  it('after the deadline the trail shows the rows in full again', async () => {
    nowMs = Date.parse(AFTER_DEADLINE);
    officer = await t.loginAs('officer');
    const trail = await officer.get(`/api/audit?entityType=proposal&entityId=${proposalId}`);
    const events = trail.json().data as {
      action: string;
      sealed: boolean;
      after: { contentSha256?: string };
    }[];
    const submitted = events.find((e) => e.action === 'proposal.submitted');
    expect(submitted?.sealed).toBe(false);
    expect(submitted?.after.contentSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
