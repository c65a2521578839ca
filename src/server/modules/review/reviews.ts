import { sql } from 'kysely';
import { AppError, detail, type ErrorDetail } from '../../errors/app-error';
import { recordAudit } from '../../audit/record-audit';
import { selectPage, type PageRequest } from '../../http/paging';
import { actorOf, type StepContext } from '../../http/request-context';
import { pseudonym, seesPersonalData } from '../../http/personal-data';
import { getProposalForExpert, getProposalForViewer } from './review.policy';
import { getReviewSettings } from './review-settings';
import { findSubmission } from './proposal-submission';
import { findRepresentation } from '../calls/proposal-representatives';
import { assertBeforeReviewDeadline, getCallReviewSettings } from './call-review-settings';

type Db = StepContext['db'];

export interface CriterionView {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  description: string;
  descriptionEn: string | null;
  scaleMin: number;
  scaleMax: number;
  allowsHalfPoints: boolean;
  weight: number;
  threshold: number | null;
}

export async function findCriteria(db: Db, callId: string): Promise<CriterionView[]> {
  const rows = await db
    .selectFrom('call_criteria')
    .selectAll()
    .where('call_id', '=', callId)
    .orderBy('position')
    .execute();
  return rows.map((c) => ({
    id: c.id,
    code: c.code,
    name: c.name_nl,
    nameEn: c.name_en,
    description: c.description_nl,
    descriptionEn: c.description_en,
    scaleMin: Number(c.scale_min),
    scaleMax: Number(c.scale_max),
    allowsHalfPoints: c.allows_half_points,
    weight: Number(c.weight),
    threshold: c.threshold === null ? null : Number(c.threshold),
  }));
}

/** Submitted (and, for staff, draft) reviews of a proposal with their scores. */
async function findReviews(db: Db, proposalId: string) {
  const reviews = await db
    .selectFrom('reviews as r')
    .innerJoin('users as u', 'u.id', 'r.expert_user_id')
    .select([
      'r.id',
      'r.expert_user_id',
      'u.name',
      'r.status',
      'r.overall_comment',
      'r.submitted_at',
      'r.version',
    ])
    .where('r.proposal_id', '=', proposalId)
    .orderBy('r.created_at')
    .execute();
  const ids = reviews.map((r) => r.id);
  const scores = ids.length
    ? await db.selectFrom('review_scores').selectAll().where('review_id', 'in', ids).execute()
    : [];
  return reviews.map((r) => ({
    ...r,
    scores: scores
      .filter((s) => s.review_id === r.id)
      .map((s) => ({
        criterionId: s.criterion_id,
        score: s.score === null ? null : Number(s.score),
        justification: s.justification,
      })),
  }));
}

/** Per criterion, the spread (max − min) of submitted scores; flagged above the setting. */
export function disagreements(
  criteria: CriterionView[],
  submitted: { scores: { criterionId: string; score: number | null }[] }[],
  threshold: number,
) {
  return criteria
    .map((c) => {
      const values = submitted.flatMap((r) =>
        r.scores.filter((s) => s.criterionId === c.id && s.score !== null).map((s) => s.score as number),
      );
      const spread = values.length >= 2 ? Math.max(...values) - Math.min(...values) : 0;
      return { criterionId: c.id, code: c.code, spread, flagged: spread > threshold };
    })
    .filter((d) => d.flagged);
}

/**
 * The review screen of one proposal. An expert sees their own review; the others only after
 * submitting their own, and then only as "Expert A, B…" (never who wrote them). Officers see all.
 */
export async function getReviewWorkspace(ctx: StepContext, proposalId: string) {
  const actor = actorOf(ctx);
  const { proposal, asExpert } = await getProposalForViewer(ctx.db, actor, proposalId);
  const settings = await getReviewSettings(ctx.db);
  const call = await ctx.db
    .selectFrom('calls')
    .select(['id', 'code', 'title_nl', 'kind', 'status'])
    .where('id', '=', proposal.call_id)
    .executeTakeFirstOrThrow();
  const criteria = await findCriteria(ctx.db, call.id);
  const themes = await ctx.db
    .selectFrom('proposal_themes as pt')
    .innerJoin('themes as t', 't.id', 'pt.theme_id')
    .select(['t.label_nl', 't.label_en'])
    .where('pt.proposal_id', '=', proposal.id)
    .execute();
  const consortium = await ctx.db
    .selectFrom('proposal_consortium_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.name', 'm.role', 'o.size_class'])
    .where('m.proposal_id', '=', proposal.id)
    .orderBy('m.position')
    .execute();
  const requested = await ctx.db
    .selectFrom('proposal_budget_lines')
    .select(sql<string>`coalesce(sum(requested_aid_cents), 0)`.as('total'))
    .where('proposal_id', '=', proposal.id)
    .executeTakeFirstOrThrow();
  const all = await findReviews(ctx.db, proposal.id);
  const own = asExpert ? (all.find((r) => r.expert_user_id === actor.userId) ?? null) : null;
  const submitted = all.filter((r) => r.status === 'submitted');
  const mayCompare = !asExpert || own?.status === 'submitted';
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const callSettings = await getCallReviewSettings(ctx.db, call.id);
  const others = mayCompare
    ? (asExpert ? submitted.filter((r) => r.expert_user_id !== actor.userId) : all).map((r, i) => ({
        label: asExpert && !callSettings.showReviewerIdentities ? `Expert ${letters[i] ?? i + 1}` : r.name,
        status: r.status,
        overallComment: r.overall_comment,
        scores: r.scores,
      }))
    : [];
  const consensus = await getConsensus(ctx.db, proposal.id);
  const found = await findSubmission(ctx.db, proposal.id, call.id);
  // Reviewers learn per partner only whether a representative confirmed it, never who.
  const submission = found && {
    ...found,
    representation: await findRepresentation(ctx.db, proposal.id, found.content.consortium, false),
  };
  const isRapporteur = asExpert && 'is_rapporteur' in proposal && proposal.is_rapporteur === true;
  return {
    data: {
      proposal: {
        id: proposal.id,
        reference: proposal.reference,
        title: proposal.title,
        summary: proposal.summary,
        status: proposal.status,
        themes: themes.map((t) => t.label_nl),
        consortium,
        requestedCents: Number(requested.total),
      },
      call: { id: call.id, code: call.code, title: call.title_nl, status: call.status },
      submission,
      criteria,
      minJustificationChars: settings.minJustificationChars,
      reviewDeadline: callSettings.reviewDeadline,
      ownReview: own
        ? {
            status: own.status,
            overallComment: own.overall_comment,
            scores: own.scores,
            submittedAt: own.submitted_at ? own.submitted_at.toISOString() : null,
            version: own.version,
          }
        : null,
      otherReviews: others,
      otherReviewsHidden: !mayCompare,
      disagreements: mayCompare ? disagreements(criteria, submitted, settings.disagreementThreshold) : [],
      consensus: mayCompare ? consensus : null,
      isRapporteur,
    },
    abilities: {
      editReview: asExpert && own?.status !== 'submitted',
      submitReview: asExpert && own?.status !== 'submitted',
      declareConflict: asExpert && own?.status !== 'submitted',
      writeConsensus: (!asExpert || isRapporteur) && consensus?.status !== 'agreed' && submitted.length > 0,
    },
  };
}

export async function getConsensus(db: Db, proposalId: string) {
  const report = await db
    .selectFrom('consensus_reports')
    .selectAll()
    .where('proposal_id', '=', proposalId)
    .executeTakeFirst();
  if (!report) return null;
  const scores = await db
    .selectFrom('consensus_scores')
    .selectAll()
    .where('proposal_id', '=', proposalId)
    .execute();
  return {
    status: report.status,
    minorityView: report.minority_view,
    agreedAt: report.agreed_at ? report.agreed_at.toISOString() : null,
    scores: scores.map((s) => ({ criterionId: s.criterion_id, score: Number(s.score), comment: s.comment })),
  };
}

/** Checks scores against each criterion's scale (and half points); returns one detail per problem. */
export function checkScores(
  criteria: CriterionView[],
  scores: { criterionId: string; score: number | null }[],
  path = 'body.scores',
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  scores.forEach((s, i) => {
    const c = criteria.find((x) => x.id === s.criterionId);
    if (!c) {
      problems.push(
        detail(
          `${path}.${i}.criterionId`,
          'unknown_criterion',
          'Onbekend criterium voor deze oproep.',
          'Unknown criterion for this call.',
        ),
      );
      return;
    }
    if (s.score === null) return;
    const step = c.allowsHalfPoints ? 0.5 : 1;
    if (s.score < c.scaleMin || s.score > c.scaleMax || !Number.isInteger((s.score - c.scaleMin) / step)) {
      problems.push(
        detail(
          `${path}.${i}.score`,
          'score_out_of_scale',
          `Score ${s.score} valt buiten de ` +
            `schaal ${c.scaleMin}–${c.scaleMax}${c.allowsHalfPoints ? ' (halve punten)' : ' (hele punten)'}.`,
          `Score ${s.score} is outside the ` +
            `scale ${c.scaleMin}–${c.scaleMax}${c.allowsHalfPoints ? ' (half points)' : ' (whole points)'}.`,
        ),
      );
    }
  });
  return problems;
}

export interface SaveReviewOptions {
  proposalId: string;
  overallComment: string;
  scores: { criterionId: string; score: number | null; justification: string }[];
}

/** Saves the expert's draft review (creates it on first save). A submitted review is final. */
export async function saveReviewDraft(ctx: StepContext, options: SaveReviewOptions) {
  const actor = actorOf(ctx);
  const proposal = await getProposalForExpert(ctx.db, actor.userId, options.proposalId);
  await assertBeforeReviewDeadline(ctx, proposal.call_id);
  const criteria = await findCriteria(ctx.db, proposal.call_id);
  const problems = checkScores(criteria, options.scores);
  if (problems.length) throw new AppError('REVIEW_SCORE_OUT_OF_SCALE', { details: problems });
  const existing = await ctx.db
    .selectFrom('reviews')
    .selectAll()
    .where('assignment_id', '=', proposal.assignment_id)
    .executeTakeFirst();
  if (existing?.status === 'submitted') throw new AppError('REVIEW_ALREADY_SUBMITTED');
  await ctx.db.transaction().execute(async (tx) => {
    // Created on the first save, updated after; one statement, so two first saves at once make
    // one review (the later one an update), and a submitted review is never touched.
    const review = await tx
      .insertInto('reviews')
      .values({
        assignment_id: proposal.assignment_id,
        proposal_id: proposal.id,
        expert_user_id: actor.userId,
        overall_comment: options.overallComment,
      })
      .onConflict((oc) =>
        oc
          .column('assignment_id')
          .doUpdateSet({
            overall_comment: options.overallComment,
            version: sql<number>`reviews.version + 1`,
            updated_at: ctx.now(),
          })
          .where('reviews.status', '=', 'draft'),
      )
      .returning('id')
      .executeTakeFirst();
    if (!review) throw new AppError('REVIEW_ALREADY_SUBMITTED');
    for (const s of options.scores) {
      await tx
        .insertInto('review_scores')
        .values({
          review_id: review.id,
          criterion_id: s.criterionId,
          score: s.score,
          justification: s.justification,
        })
        .onConflict((oc) =>
          oc
            .columns(['review_id', 'criterion_id'])
            .doUpdateSet({ score: s.score, justification: s.justification }),
        )
        .execute();
    }
    await recordAudit(
      tx,
      ctx.auditActor,
      { action: 'review.draft_saved', entityType: 'review', entityId: review.id, after: options },
      ctx.requestId,
    );
  });
}

/** Submits the review: every criterion scored and justified (minimum length a setting). Final afterwards. */
export async function submitReview(ctx: StepContext, proposalId: string) {
  const actor = actorOf(ctx);
  const proposal = await getProposalForExpert(ctx.db, actor.userId, proposalId);
  const review = await ctx.db
    .selectFrom('reviews')
    .selectAll()
    .where('assignment_id', '=', proposal.assignment_id)
    .executeTakeFirst();
  if (review?.status === 'submitted') throw new AppError('REVIEW_ALREADY_SUBMITTED');
  await assertBeforeReviewDeadline(ctx, proposal.call_id);
  const criteria = await findCriteria(ctx.db, proposal.call_id);
  const settings = await getReviewSettings(ctx.db);
  const scores = review
    ? await ctx.db.selectFrom('review_scores').selectAll().where('review_id', '=', review.id).execute()
    : [];
  const problems: ErrorDetail[] = [];
  for (const c of criteria) {
    const s = scores.find((x) => x.criterion_id === c.id);
    if (!s || s.score === null)
      problems.push(
        detail(
          `scores.${c.code}.score`,
          'missing_score',
          `Geen score voor "${c.name}".`,
          `No score for "${c.nameEn ?? c.name}".`,
        ),
      );
    if (!s || s.justification.trim().length < settings.minJustificationChars) {
      problems.push(
        detail(
          `scores.${c.code}.justification`,
          'justification_too_short',
          `De motivering voor "${c.name}" telt minder dan ${settings.minJustificationChars} tekens.`,
          `The justification for "${c.nameEn ?? c.name}" has fewer than ${settings.minJustificationChars} characters.`,
        ),
      );
    }
  }
  if (!review || problems.length) throw new AppError('REVIEW_INCOMPLETE', { details: problems });
  await ctx.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('reviews')
      .set({ status: 'submitted', submitted_at: ctx.now(), updated_at: ctx.now() })
      .where('id', '=', review.id)
      .where('status', '=', 'draft')
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new AppError('REVIEW_ALREADY_SUBMITTED');
    await recordAudit(
      tx,
      ctx.auditActor,
      { action: 'review.submitted', entityType: 'review', entityId: review.id, after: { scores } },
      ctx.requestId,
    );
  });
}

/** One page of the expert's assigned, visible proposals with their review state. */
export async function findMyAssignments(ctx: StepContext, p: PageRequest) {
  const actor = actorOf(ctx);
  const query = ctx.db
    .selectFrom('review_assignments as a')
    .innerJoin('proposals as p', 'p.id', 'a.proposal_id')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .innerJoin('call_experts as ce', (join) =>
      join.onRef('ce.call_id', '=', 'a.call_id').on('ce.user_id', '=', actor.userId),
    )
    .leftJoin('reviews as r', 'r.assignment_id', 'a.id')
    .leftJoin('consensus_reports as cr', 'cr.proposal_id', 'p.id')
    .select([
      'p.id',
      'p.reference',
      'p.title',
      'c.code as call_code',
      'c.title_nl as call_title',
      'r.status as review_status',
      'a.is_rapporteur',
      'cr.status as consensus_status',
    ])
    .where('a.expert_user_id', '=', actor.userId)
    .where('ce.status', '=', 'accepted')
    .where('ce.declaration_accepted_at', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('review_conflicts as rc')
            .select(sql`1`.as('one'))
            .whereRef('rc.proposal_id', '=', 'p.id')
            .where('rc.expert_user_id', '=', actor.userId)
            .where('rc.lifted_at', 'is', null),
        ),
      ),
    )
    .orderBy('c.code')
    .orderBy('p.reference')
    .orderBy('a.id');
  const { rows, total } = await selectPage(query, p);
  const presented = rows.map((r) => ({
    proposalId: r.id,
    reference: r.reference,
    title: r.title,
    callCode: r.call_code,
    callTitle: r.call_title,
    reviewStatus: r.review_status ?? 'not_started',
    isRapporteur: r.is_rapporteur,
    consensusStatus: r.consensus_status ?? null,
  }));
  return { rows: presented, total };
}

export interface SaveConsensusOptions {
  proposalId: string;
  minorityView: string;
  scores: { criterionId: string; score: number; comment: string }[];
}

/** Writes the consensus (rapporteur or officer); `agree` makes it final when complete. */
export async function saveConsensus(ctx: StepContext, options: SaveConsensusOptions & { agree: boolean }) {
  const actor = actorOf(ctx);
  const { proposal, asExpert } = await getProposalForViewer(ctx.db, actor, options.proposalId);
  if (asExpert && !('is_rapporteur' in proposal && proposal.is_rapporteur))
    throw new AppError('NOT_RAPPORTEUR');
  const criteria = await findCriteria(ctx.db, proposal.call_id);
  const problems = checkScores(criteria, options.scores);
  if (problems.length) throw new AppError('REVIEW_SCORE_OUT_OF_SCALE', { details: problems });
  const existing = await ctx.db
    .selectFrom('consensus_reports')
    .selectAll()
    .where('proposal_id', '=', proposal.id)
    .executeTakeFirst();
  if (existing?.status === 'agreed') throw new AppError('CONSENSUS_ALREADY_AGREED');
  if (options.agree) {
    const submitted = await ctx.db
      .selectFrom('reviews')
      .select('id')
      .where('proposal_id', '=', proposal.id)
      .where('status', '=', 'submitted')
      .execute();
    const missing = criteria.filter((c) => !options.scores.some((s) => s.criterionId === c.id));
    if (submitted.length === 0 || missing.length) {
      throw new AppError('CONSENSUS_INCOMPLETE', {
        details: missing.map((c) =>
          detail(
            `body.scores.${c.code}`,
            'missing_score',
            `Geen score voor "${c.name}".`,
            `No score for "${c.nameEn ?? c.name}".`,
          ),
        ),
      });
    }
  }
  await ctx.db.transaction().execute(async (tx) => {
    const values = {
      rapporteur_user_id: actor.userId,
      minority_view: options.minorityView,
      status: options.agree ? ('agreed' as const) : ('draft' as const),
      agreed_at: options.agree ? ctx.now() : null,
      agreed_by: options.agree ? actor.userId : null,
      updated_at: ctx.now(),
    };
    await tx
      .insertInto('consensus_reports')
      .values({ proposal_id: proposal.id, ...values })
      .onConflict((oc) => oc.column('proposal_id').doUpdateSet(values))
      .execute();
    await tx.deleteFrom('consensus_scores').where('proposal_id', '=', proposal.id).execute();
    if (options.scores.length)
      await tx
        .insertInto('consensus_scores')
        .values(
          options.scores.map((s) => ({
            proposal_id: proposal.id,
            criterion_id: s.criterionId,
            score: s.score,
            comment: s.comment,
          })),
        )
        .execute();
    await recordAudit(
      tx,
      ctx.auditActor,
      {
        action: options.agree ? 'review.consensus_agreed' : 'review.consensus_saved',
        entityType: 'proposal',
        entityId: proposal.id,
        before: existing ?? null,
        after: options,
      },
      ctx.requestId,
    );
  });
}

/**
 * Calibration for officers: per expert, the mean of their submitted scores (each score as a
 * share of its criterion's scale, 0–1) against the panel mean on the same proposals, the spread,
 * and a normalised score (z-score against the panel) only from `review.calibration_min_reviews` reviews.
 */
export async function getCalibration(ctx: StepContext, callId: string) {
  const settings = await getReviewSettings(ctx.db);
  const criteria = await findCriteria(ctx.db, callId);
  const rows = await ctx.db
    .selectFrom('review_scores as s')
    .innerJoin('reviews as r', 'r.id', 's.review_id')
    .innerJoin('review_assignments as a', 'a.id', 'r.assignment_id')
    .innerJoin('users as u', 'u.id', 'r.expert_user_id')
    .select(['r.expert_user_id', 'u.name', 'r.proposal_id', 's.criterion_id', 's.score'])
    .where('a.call_id', '=', callId)
    .where('r.status', '=', 'submitted')
    .where('s.score', 'is not', null)
    .execute();
  const share = (criterionId: string, score: number) => {
    const c = criteria.find((x) => x.id === criterionId);
    return c ? (score - c.scaleMin) / (c.scaleMax - c.scaleMin) : 0;
  };
  const values = rows.map((r) => ({
    expert: r.expert_user_id,
    name: r.name,
    key: `${r.proposal_id}|${r.criterion_id}`,
    proposal: r.proposal_id,
    value: share(r.criterion_id, Number(r.score)),
  }));
  const panelMean = new Map<string, number>();
  for (const key of new Set(values.map((v) => v.key))) {
    const same = values.filter((v) => v.key === key);
    panelMean.set(key, same.reduce((sum, v) => sum + v.value, 0) / same.length);
  }
  const all = values.map((v) => v.value);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const sd = (xs: number[]) => {
    const m = mean(xs);
    return xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1)) : 0;
  };
  const overallMean = mean(all);
  const overallSd = sd(all);
  const experts = [...new Set(values.map((v) => v.expert))].map((expert) => {
    const own = values.filter((v) => v.expert === expert);
    const reviews = new Set(own.map((v) => v.proposal)).size;
    const ownMean = mean(own.map((v) => v.value));
    const panel = mean(own.map((v) => panelMean.get(v.key) ?? 0));
    const enough = reviews >= settings.calibrationMinReviews;
    return {
      expertUserId: expert,
      name: own[0].name,
      reviews,
      mean: round(ownMean),
      spread: round(sd(own.map((v) => v.value))),
      panelMean: round(panel),
      difference: round(ownMean - panel),
      normalisedScore: enough && overallSd > 0 ? round((ownMean - overallMean) / overallSd) : null,
    };
  });
  experts.sort((a, b) => a.name.localeCompare(b.name));
  if (!seesPersonalData(actorOf(ctx))) {
    // Analysts: pseudonyms in a stable order that does not follow the names.
    experts.sort((a, b) => a.expertUserId.localeCompare(b.expertUserId));
    experts.forEach((expert, index) => {
      expert.name = pseudonym('Expert', index);
      expert.expertUserId = expert.name;
    });
  }
  return {
    minReviews: settings.calibrationMinReviews,
    overallMean: round(overallMean),
    overallSpread: round(overallSd),
    experts,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
