import { buildXlsx, type SheetColumn, type SheetLanguage } from '../../http/spreadsheet';
import { AID_REGIME } from '../../http/spreadsheet-labels';
import type { presentAidAward } from './funding.presenter';

type Award = ReturnType<typeof presentAidAward>;
/** The aid export for reporting: one row per aid amount, exact euros. */
const awardColumns: SheetColumn<Award>[] = [
  { header: 'organisation', value: (a) => a.organisationName, width: 40 },
  { header: 'enterprise_number', value: (a) => a.enterpriseNumber, width: 16 },
  { header: 'regime', value: (a) => a.regime, labels: AID_REGIME, withCode: true, width: 22 },
  { header: 'legal_basis', value: (a) => a.legalBasis, width: 32 },
  { header: 'amount_eur', value: (a) => a.amountCents, kind: 'money' },
  { header: 'amount_cents', value: (a) => a.amountCents, kind: 'integer', width: 14 },
  { header: 'granted_on', value: (a) => a.grantedOn, kind: 'date' },
  { header: 'granting_authority', value: (a) => a.grantedByAuthority, width: 32 },
  { header: 'project', value: (a) => a.projectCode },
  { header: 'description', value: (a) => a.description, width: 40 },
  { header: 'override_motivation', value: (a) => a.overrideMotivation, width: 40 },
];

/** The state-aid register as XLSX (the HTTP download and `speerpunt funding aid-export` write the same file). */
export function buildAidExport(rows: Award[], lang: SheetLanguage): Promise<Buffer> {
  return buildXlsx(lang, { name: { nl: 'Staatssteun', en: 'State aid' }, columns: awardColumns, rows });
}
