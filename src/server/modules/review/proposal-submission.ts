import { AppError } from '../../errors/app-error';
import { actorOf, type StepContext } from '../../http/request-context';
import { readStoredFile } from '../../files/store-file';
import type { ProposalSnapshot } from '../calls/calls.schema';
import { getProposalForViewer } from './review.policy';

type Db = StepContext['db'];

/**
 * The submitted version of a proposal in full, as a reviewer reads it: the snapshot (answers,
 * consortium, budget lines, KPIs), the call's questions (to word the answers and apply their
 * conditions as the applicant saw them) and the attachments. Callers have checked visibility.
 */
export async function findSubmission(db: Db, proposalId: string, callId: string) {
  const [version, questions, attachments] = await Promise.all([
    db
      .selectFrom('proposal_versions')
      .select(['version_number', 'submitted_at', 'snapshot'])
      .where('proposal_id', '=', proposalId)
      .orderBy('version_number', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('call_questions')
      .select([
        'code',
        'kind',
        'label_nl',
        'label_en',
        'options',
        'condition_question_code',
        'condition_value',
      ])
      .where('call_id', '=', callId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('proposal_attachments as a')
      .innerJoin('stored_files as f', 'f.id', 'a.stored_file_id')
      .select(['a.id', 'a.kind', 'f.filename', 'f.content_type', 'f.size_bytes'])
      .where('a.proposal_id', '=', proposalId)
      .orderBy('a.created_at')
      .execute(),
  ]);
  if (!version) return null;
  return {
    versionNumber: version.version_number,
    submittedAt: new Date(version.submitted_at).toISOString(),
    content: version.snapshot as ProposalSnapshot,
    questions: questions.map((q) => ({
      code: q.code,
      kind: q.kind,
      labelNl: q.label_nl,
      labelEn: q.label_en,
      options: Array.isArray(q.options) ? (q.options as string[]) : [],
      conditionQuestionCode: q.condition_question_code,
      conditionValue: q.condition_value,
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      kind: a.kind,
      filename: a.filename,
      contentType: a.content_type,
      sizeBytes: Number(a.size_bytes),
    })),
  };
}

/** An attachment of a proposal the reviewer may open (same visibility as the workspace). */
export async function getReviewAttachment(ctx: StepContext, proposalId: string, attachmentId: string) {
  const { proposal } = await getProposalForViewer(ctx.db, actorOf(ctx), proposalId);
  const attachment = await ctx.db
    .selectFrom('proposal_attachments')
    .select('stored_file_id')
    .where('id', '=', attachmentId)
    .where('proposal_id', '=', proposal.id)
    .executeTakeFirst();
  const file = attachment ? await readStoredFile(ctx.db, attachment.stored_file_id) : undefined;
  if (!file) throw new AppError('NOT_FOUND');
  return { filename: file.filename, contentType: file.content_type, content: file.content };
}
