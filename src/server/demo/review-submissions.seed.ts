import PDFDocument from 'pdfkit';
import { storeFile } from '../files/store-file';
import { loadProposalContent } from '../modules/calls/proposals.repository';
import { contentHash } from '../modules/calls/save-proposal-draft';
import { idOf, type DemoSeed } from './seed-context';

async function examplePdf(title: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    info: { Title: title, Author: 'Speerpunt (voorbeeld)' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.fontSize(16).text(title);
  doc.moveDown().fontSize(10).text('Werkplan en planning (voorbeeldbijlage, verzonnen inhoud).');
  doc.end();
  return done;
}

/**
 * The demo's proposals in review were placed directly in their state, without a submitted
 * version. This seed gives each call in review (and the decided one) two questions (one shown only
 * after a "yes"), gives each proposal answers, two KPIs with baseline and target and (for the first five) a PDF annex,
 * and then stores version 1 exactly as submission would, so the full proposal can be reviewed.
 */
export const reviewSubmissionsSeed: DemoSeed = {
  name: 'review-submissions',
  run: async (ctx) => {
    const applicant = idOf(ctx, 'user:applicant');
    const calls = await ctx.db
      .selectFrom('proposals')
      .select('call_id')
      .distinct()
      .where('submitted_version', 'is not', null)
      .where('is_example', '=', true)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('proposal_versions as v')
              .select('v.id')
              .whereRef('v.proposal_id', '=', 'proposals.id'),
          ),
        ),
      )
      .execute();
    for (const { call_id: callId } of calls)
      await ctx.db.transaction().execute(async (tx) => {
        const existing = await tx
          .selectFrom('call_questions')
          .select(({ fn }) => fn.countAll<string>().as('n'))
          .where('call_id', '=', callId)
          .executeTakeFirstOrThrow();
        if (Number(existing.n) === 0)
          await tx
            .insertInto('call_questions')
            .values([
              {
                call_id: callId,
                position: 1,
                code: 'has_pilot',
                kind: 'yes_no',
                label_nl: 'Loopt er een pilootproject bij een kmo?',
                label_en: 'Is there a pilot project at an SME?',
                is_required: true,
              },
              {
                call_id: callId,
                position: 2,
                code: 'pilot_description',
                kind: 'long_text',
                label_nl: 'Beschrijf het pilootproject',
                label_en: 'Describe the pilot project',
                is_required: true,
                max_words: 300,
                condition_question_code: 'has_pilot',
                condition_value: 'true',
              },
            ])
            .execute();
        const proposals = await tx
          .selectFrom('proposals')
          .select(['id', 'reference', 'title', 'submitted_at'])
          .where('call_id', '=', callId)
          .where('submitted_version', 'is not', null)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('proposal_versions as v')
                  .select('v.id')
                  .whereRef('v.proposal_id', '=', 'proposals.id'),
              ),
            ),
          )
          .orderBy('reference')
          .execute();
        for (const [i, proposal] of proposals.entries()) {
          const hasPilot = i % 3 !== 2;
          await tx
            .updateTable('proposals')
            .set({
              answers: JSON.stringify(
                hasPilot
                  ? {
                      has_pilot: true,
                      pilot_description:
                        `Piloot bij een kmo-partner: demonstrator in bedrijf, zes maanden ` +
                        `(voorbeeld ${i + 1}).`,
                    }
                  : { has_pilot: false },
              ),
            })
            .where('id', '=', proposal.id)
            .execute();
          await tx
            .insertInto('proposal_kpis')
            .values([
              {
                proposal_id: proposal.id,
                position: 1,
                kpi_code: null,
                name: 'Kmo’s die de demonstrator testen',
                unit: 'aantal',
                direction: 'higher_is_better',
                baseline_value: 0,
                baseline_date: '2026-01-01',
                target_value: 5 + (i % 6),
                target_period: '2028',
              },
              {
                proposal_id: proposal.id,
                position: 2,
                kpi_code: null,
                name: 'CO₂-reductie bij de partners',
                unit: 'ton per jaar',
                direction: 'higher_is_better',
                baseline_value: 0,
                baseline_date: '2026-01-01',
                target_value: 120 + i * 10,
                target_period: '2029',
              },
            ])
            .execute();
          if (i < 5 || i === proposals.length - 1) {
            const buffer = await examplePdf(`${proposal.reference} · ${proposal.title}`);
            const stored = await storeFile(tx, {
              purpose: 'proposal_attachment',
              filename: `werkplan-${proposal.reference}.pdf`,
              buffer,
              uploadedBy: applicant,
            });
            await tx
              .insertInto('proposal_attachments')
              .values({
                proposal_id: proposal.id,
                stored_file_id: stored.id,
                kind: 'annex',
                uploaded_by: applicant,
              })
              .execute();
          }
          const snapshot = await loadProposalContent(tx, proposal.id);
          if (!snapshot) continue;
          await tx
            .insertInto('proposal_versions')
            .values({
              proposal_id: proposal.id,
              version_number: 1,
              snapshot: JSON.stringify(snapshot),
              content_sha256: contentHash(snapshot),
              submitted_by: applicant,
              submitted_at: proposal.submitted_at ?? ctx.now(),
            })
            .execute();
        }
        ctx.log(
          `Demo: ${proposals.length} proposals in review got their submitted version (answers, KPIs, annexes)`,
        );
      });
  },
};
