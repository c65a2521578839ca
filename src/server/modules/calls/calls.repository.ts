import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/types';
import type { CallDefinition } from './calls.schema';
import { instantOrNullFromBrusselsLocal } from '../../http/brussels-local-input';
import { CALL_TIME_LABELS } from './validate-call-definition';

type Db = Kysely<DB> | Transaction<DB>;

export function findCallRow(db: Db, id: string) {
  return db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The public sees every call but a draft: the one rule for one public call (`/api/public/calls/:id`)
 * and the resolver of its URI (`/id/call/:id`); the public list filters the same in SQL (callsQuery).
 */
export async function findPublicCallRow(db: Db, id: string) {
  const call = await findCallRow(db, id);
  return call && call.status !== 'draft' ? call : undefined;
}

/** The call with its rules, criteria, questions and themes, in their published order. */
export async function findCallDetail(db: Db, id: string) {
  const call = await findCallRow(db, id);
  return call ? callDetailOf(db, call) : undefined;
}

/** A call the public may see (findPublicCallRow), with its rules, criteria, questions and themes. */
export async function findPublicCallDetail(db: Db, id: string) {
  const call = await findPublicCallRow(db, id);
  return call ? callDetailOf(db, call) : undefined;
}

type CallRow = NonNullable<Awaited<ReturnType<typeof findCallRow>>>;

async function callDetailOf(db: Db, call: CallRow) {
  const id = call.id;
  const [themes, criteria, tieBreakRules, eligibilityRules, requiredKpis, questions, amendments] =
    await Promise.all([
      db
        .selectFrom('call_themes as ct')
        .innerJoin('themes as t', 't.id', 'ct.theme_id')
        .select(['t.id', 't.code', 't.label_nl', 't.label_en'])
        .where('ct.call_id', '=', id)
        .orderBy('t.code')
        .execute(),
      db.selectFrom('call_criteria').selectAll().where('call_id', '=', id).orderBy('position').execute(),
      db
        .selectFrom('call_tie_break_rules')
        .selectAll()
        .where('call_id', '=', id)
        .orderBy('position')
        .execute(),
      db
        .selectFrom('call_eligibility_rules')
        .selectAll()
        .where('call_id', '=', id)
        .orderBy('position')
        .execute(),
      db.selectFrom('call_required_kpis').selectAll().where('call_id', '=', id).orderBy('position').execute(),
      db.selectFrom('call_questions').selectAll().where('call_id', '=', id).orderBy('position').execute(),
      db
        .selectFrom('call_amendments')
        .select(['number', 'motivation', 'amended_at'])
        .where('call_id', '=', id)
        .orderBy('number')
        .execute(),
    ]);
  return { call, themes, criteria, tieBreakRules, eligibilityRules, requiredKpis, questions, amendments };
}
export type CallDetail = NonNullable<Awaited<ReturnType<typeof findCallDetail>>>;

export interface CallListOptions {
  includeDrafts: boolean;
  status?: string;
  /** Only the calls accepting proposals at this instant (open, opened, not yet closed), closing first. */
  acceptingAt?: Date;
}

export function callsQuery(db: Db, options: CallListOptions) {
  let query = db
    .selectFrom('calls as c')
    .selectAll('c')
    .select(
      sql<number>`(select count(*) from proposals p where p.call_id = c.id and p.status not in
        ('draft','withdrawn'))::int`.as('proposal_count'),
    );
  // The rule of findPublicCallRow, in SQL.
  if (!options.includeDrafts) query = query.where('c.status', '!=', 'draft');
  if (options.status) query = query.where('c.status', '=', options.status as 'open');
  if (options.acceptingAt)
    return query
      .where('c.status', '=', 'open')
      .where('c.opens_at', '<=', options.acceptingAt)
      .where('c.closes_at', '>', options.acceptingAt)
      .orderBy('c.closes_at')
      .orderBy('c.code')
      .orderBy('c.id');
  return query.orderBy('c.closes_at', 'desc').orderBy('c.code').orderBy('c.id');
}

export function findCalls(db: Db, options: CallListOptions) {
  return callsQuery(db, options).execute();
}

/**
 * Writes the whole definition of a call. Criteria, questions and eligibility rules keep their
 * ids when their code (or kind) stays, so reviews and eligibility results stay linked through
 * an amendment; required KPIs keep theirs when the editor sends the id back.
 */
export async function writeCallDefinition(
  tx: Transaction<DB>,
  callId: string,
  def: CallDefinition,
): Promise<void> {
  await tx
    .updateTable('calls')
    .set({
      code: def.code,
      kind: def.kind,
      title_nl: def.titleNl,
      title_en: def.titleEn,
      summary_nl: def.summaryNl,
      summary_en: def.summaryEn,
      description_nl: def.descriptionNl,
      description_en: def.descriptionEn,
      budget_envelope_cents: def.budgetEnvelopeCents,
      opens_at: instantOrNullFromBrusselsLocal(
        def.opensAtLocal,
        'opensAtLocal',
        CALL_TIME_LABELS.opensAtLocal,
      ),
      closes_at: instantOrNullFromBrusselsLocal(
        def.closesAtLocal,
        'closesAtLocal',
        CALL_TIME_LABELS.closesAtLocal,
      ),
      evaluation_starts_at: instantOrNullFromBrusselsLocal(
        def.evaluationStartsAtLocal,
        'evaluationStartsAtLocal',
        CALL_TIME_LABELS.evaluationStartsAtLocal,
      ),
      decision_at: instantOrNullFromBrusselsLocal(
        def.decisionAtLocal,
        'decisionAtLocal',
        CALL_TIME_LABELS.decisionAtLocal,
      ),
      overall_threshold: def.overallThreshold,
      budget_rule: def.budgetRule,
      reviews_per_proposal: def.reviewsPerProposal,
      updated_at: new Date(),
    })
    .where('id', '=', callId)
    .execute();

  await tx.deleteFrom('call_themes').where('call_id', '=', callId).execute();
  const themeIds = [...new Set(def.themeIds)];
  if (themeIds.length > 0)
    await tx
      .insertInto('call_themes')
      .values(themeIds.map((theme_id) => ({ call_id: callId, theme_id })))
      .execute();

  // Move positions out of the way so that reordering never collides with the unique (call_id, position).
  for (const table of [
    'call_criteria',
    'call_tie_break_rules',
    'call_eligibility_rules',
    'call_required_kpis',
    'call_questions',
  ] as const) {
    await tx
      .updateTable(table)
      .set({ position: sql`-1 - position` })
      .where('call_id', '=', callId)
      .execute();
  }

  const criteria = await tx
    .selectFrom('call_criteria')
    .select(['id', 'code'])
    .where('call_id', '=', callId)
    .execute();
  const criterionIdByCode = new Map<string, string>();
  for (const [position, c] of def.criteria.entries()) {
    const values = {
      position,
      code: c.code,
      name_nl: c.nameNl,
      name_en: c.nameEn,
      description_nl: c.descriptionNl,
      description_en: c.descriptionEn,
      scale_min: c.scaleMin,
      scale_max: c.scaleMax,
      allows_half_points: c.allowsHalfPoints,
      weight: c.weight,
      threshold: c.threshold,
    };
    const existing = criteria.find((row) => row.code === c.code);
    if (existing) {
      await tx.updateTable('call_criteria').set(values).where('id', '=', existing.id).execute();
      criterionIdByCode.set(c.code, existing.id);
    } else {
      const row = await tx
        .insertInto('call_criteria')
        .values({ call_id: callId, ...values })
        .returning('id')
        .executeTakeFirstOrThrow();
      criterionIdByCode.set(c.code, row.id);
    }
  }

  await tx.deleteFrom('call_tie_break_rules').where('call_id', '=', callId).execute();
  if (def.tieBreakRules.length > 0) {
    await tx
      .insertInto('call_tie_break_rules')
      .values(
        def.tieBreakRules.map((rule, position) => ({
          call_id: callId,
          position,
          kind: rule.kind,
          criterion_id:
            rule.kind === 'criterion_score' && rule.criterionCode
              ? (criterionIdByCode.get(rule.criterionCode) ?? null)
              : null,
          direction: rule.direction,
          explanation_nl: rule.explanationNl,
          explanation_en: rule.explanationEn,
        })),
      )
      .execute();
  }
  const keptCriteria = def.criteria.map((c) => c.code);
  await tx
    .deleteFrom('call_criteria')
    .where('call_id', '=', callId)
    .$if(keptCriteria.length > 0, (q) => q.where('code', 'not in', keptCriteria))
    .execute();

  const rules = await tx
    .selectFrom('call_eligibility_rules')
    .select(['id', 'kind'])
    .where('call_id', '=', callId)
    .execute();
  for (const [position, rule] of def.eligibilityRules.entries()) {
    const values = {
      position,
      kind: rule.kind,
      parameter: rule.parameter,
      explanation_nl: rule.explanationNl,
      explanation_en: rule.explanationEn,
    };
    const existing = rules.find((row) => row.kind === rule.kind);
    if (existing)
      await tx.updateTable('call_eligibility_rules').set(values).where('id', '=', existing.id).execute();
    else
      await tx
        .insertInto('call_eligibility_rules')
        .values({ call_id: callId, ...values })
        .execute();
  }
  const keptKinds = def.eligibilityRules.map((r) => r.kind);
  await tx
    .deleteFrom('call_eligibility_rules')
    .where('call_id', '=', callId)
    .$if(keptKinds.length > 0, (q) => q.where('kind', 'not in', keptKinds))
    .execute();

  const kpis = await tx.selectFrom('call_required_kpis').select('id').where('call_id', '=', callId).execute();
  const keptKpiIds: string[] = [];
  for (const [position, kpi] of def.requiredKpis.entries()) {
    const values = {
      position,
      kpi_code: kpi.kpiCode,
      name_nl: kpi.nameNl,
      name_en: kpi.nameEn,
      unit: kpi.unit,
      direction: kpi.direction,
    };
    if (kpi.id && kpis.some((row) => row.id === kpi.id)) {
      await tx.updateTable('call_required_kpis').set(values).where('id', '=', kpi.id).execute();
      keptKpiIds.push(kpi.id);
    } else {
      const row = await tx
        .insertInto('call_required_kpis')
        .values({ call_id: callId, ...values })
        .returning('id')
        .executeTakeFirstOrThrow();
      keptKpiIds.push(row.id);
    }
  }
  await tx
    .deleteFrom('call_required_kpis')
    .where('call_id', '=', callId)
    .$if(keptKpiIds.length > 0, (q) => q.where('id', 'not in', keptKpiIds))
    .execute();

  const questions = await tx
    .selectFrom('call_questions')
    .select(['id', 'code'])
    .where('call_id', '=', callId)
    .execute();
  for (const [position, q] of def.questions.entries()) {
    const values = {
      position,
      code: q.code,
      kind: q.kind,
      label_nl: q.labelNl,
      label_en: q.labelEn,
      help_nl: q.helpNl,
      help_en: q.helpEn,
      is_required: q.isRequired,
      max_words: q.maxWords,
      max_chars: q.maxChars,
      options: JSON.stringify(q.options),
      condition_question_code: q.conditionQuestionCode,
      condition_value: q.conditionValue,
    };
    const existing = questions.find((row) => row.code === q.code);
    if (existing) await tx.updateTable('call_questions').set(values).where('id', '=', existing.id).execute();
    else
      await tx
        .insertInto('call_questions')
        .values({ call_id: callId, ...values })
        .execute();
  }
  const keptQuestions = def.questions.map((q) => q.code);
  await tx
    .deleteFrom('call_questions')
    .where('call_id', '=', callId)
    .$if(keptQuestions.length > 0, (q) => q.where('code', 'not in', keptQuestions))
    .execute();
}
