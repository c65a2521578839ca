import { formatDateTime } from '../../../shared/brussels-time';
import { AppError } from '../../errors/app-error';
import { brusselsLocalForAnswer } from '../../http/brussels-local-input';
import { PdfReport, type PdfLanguage } from '../../http/pdf-document';
import { actorOf, type StepContext } from '../../http/request-context';
import { findProposalForViewer } from './proposal-visibility';
import { findLatestVersion } from './proposals.repository';

export interface Receipt {
  reference: string;
  versionNumber: number;
  submittedAt: string;
  submittedAtLocal: string;
  contentSha256: string;
  callCode: string;
  callTitle: string;
  title: string;
}

/** The receipt of the latest submitted version, for the applicant (owner or collaborator). */
export async function getReceipt(ctx: StepContext, proposalId: string): Promise<Receipt> {
  const proposal = await findProposalForViewer(ctx.db, actorOf(ctx), proposalId);
  const latest = proposal ? await findLatestVersion(ctx.db, proposal.id) : undefined;
  if (!proposal || !latest) throw new AppError('NOT_FOUND');
  const snapshot = latest.snapshot as { title: string };
  return {
    reference: proposal.reference,
    versionNumber: latest.version_number,
    submittedAt: latest.submitted_at.toISOString(),
    submittedAtLocal: brusselsLocalForAnswer(latest.submitted_at),
    contentSha256: latest.content_sha256,
    callCode: proposal.call_code,
    callTitle: proposal.call_title_nl,
    title: snapshot.title,
  };
}

const WORDS = {
  nl: {
    title: 'Ontvangstbevestiging',
    intro:
      'VLAIO heeft het volgende voorstel ontvangen via Speerpunt. Het controlegetal bewijst welke inhoud ' +
      'werd ingediend: dezelfde inhoud geeft altijd hetzelfde getal.',
    reference: 'Referentie',
    proposal: 'Voorstel',
    call: 'Oproep',
    version: 'Versie',
    submittedAt: 'Ingediend op',
    checksum: 'Controlegetal (SHA-256)',
    field: 'Gegeven',
    value: 'Waarde',
    zone: '(Brusselse tijd)',
  },
  en: {
    title: 'Receipt',
    intro:
      'VLAIO received the following proposal through Speerpunt. The checksum proves which content was ' +
      'submitted: the same content always gives the same number.',
    reference: 'Reference',
    proposal: 'Proposal',
    call: 'Call',
    version: 'Version',
    submittedAt: 'Submitted at',
    checksum: 'Checksum (SHA-256)',
    field: 'Item',
    value: 'Value',
    zone: '(Brussels time)',
  },
};

/** The receipt as a PDF the applicant keeps, in their language. */
export async function buildReceiptPdf(
  receipt: Receipt,
  lang: PdfLanguage,
  generatedAt: Date,
): Promise<Buffer> {
  const w = WORDS[lang];
  const pdf = await PdfReport.create({ title: `${w.title} ${receipt.reference}`, lang, generatedAt });
  pdf.title(`${w.title} ${receipt.reference}`, receipt.title);
  pdf.paragraph(w.intro);
  pdf.space();
  pdf.table(
    [
      { header: w.field, width: 1 },
      { header: w.value, width: 3 },
    ],
    [
      [w.reference, receipt.reference],
      [w.proposal, receipt.title],
      [w.call, `${receipt.callCode}: ${receipt.callTitle}`],
      [w.version, String(receipt.versionNumber)],
      [w.submittedAt, `${formatDateTime(receipt.submittedAt, lang)} ${w.zone}`],
      [w.checksum, receipt.contentSha256],
    ],
    { fontSize: 10 },
  );
  return pdf.finish();
}
