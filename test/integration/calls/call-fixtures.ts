import type { Kysely } from 'kysely';
import type { DB } from '../../../src/server/db/types';
import { enterpriseNumberFrom } from '../../../src/shared/enterprise-number';
import type { TestApp, TestClient } from '../../helpers/test-app';

/** Three example themes of the strategic-theme kind (codes unique to these tests). */
export async function createThemes(db: Kysely<DB>, prefix: string): Promise<string[]> {
  const rows = await db
    .insertInto('themes')
    .values(
      [1, 2, 3].map((n) => ({
        kind: 'strategic_theme' as const,
        code: `${prefix}-${n}`,
        label_nl: `Thema ${n} (voorbeeld)`,
        label_en: `Theme ${n} (example)`,
        is_example: true,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** A call with three criteria, two tie-break rules, five eligibility rules, two required KPIs, three questions. */
export function buildCallDefinition(options: {
  code: string;
  themeIds: string[];
  opensAtLocal: string;
  closesAtLocal: string;
}) {
  return {
    code: options.code,
    kind: 'new_strategic_theme',
    titleNl: `Oproep nieuwe strategische thema's ${options.code} (voorbeeld)`,
    titleEn: `Call for new strategic themes ${options.code} (example)`,
    summaryNl: "Bottom-up oproep voor nieuwe thema's, projectgebaseerd.",
    descriptionNl: 'Voorbeeldoproep.',
    budgetEnvelopeCents: 500_000_000,
    opensAtLocal: options.opensAtLocal,
    closesAtLocal: options.closesAtLocal,
    evaluationStartsAtLocal: null,
    decisionAtLocal: null,
    overallThreshold: 10,
    themeIds: options.themeIds,
    criteria: [
      {
        code: 'excellence',
        nameNl: 'Excellentie',
        scaleMax: 5,
        allowsHalfPoints: true,
        weight: 40,
        threshold: 3,
      },
      { code: 'impact', nameNl: 'Impact', scaleMax: 5, allowsHalfPoints: true, weight: 40, threshold: 3 },
      { code: 'implementation', nameNl: 'Uitvoering', scaleMax: 5, weight: 20, threshold: 2 },
    ],
    tieBreakRules: [
      {
        kind: 'criterion_score',
        criterionCode: 'impact',
        direction: 'desc',
        explanationNl: 'Hoogste score op impact.',
      },
      { kind: 'sme_budget_share', direction: 'desc', explanationNl: 'Grootste kmo-aandeel in het budget.' },
    ],
    eligibilityRules: [
      { kind: 'min_companies', parameter: 3, explanationNl: 'Minstens drie bedrijven.' },
      { kind: 'min_smes', parameter: 2, explanationNl: "Minstens twee kmo's." },
      { kind: 'min_helix_categories', parameter: 2, explanationNl: 'Minstens twee helixcategorieën.' },
      { kind: 'max_aid_share', parameter: 60, explanationNl: 'Steun hoogstens 60 % van het budget.' },
      { kind: 'required_kpis_proposed', explanationNl: 'Elke verplichte KPI heeft een nulmeting en doel.' },
    ],
    requiredKpis: [
      {
        nameNl: "Aantal betrokken kmo's",
        unit: 'aantal',
        direction: 'higher_is_better',
        kpiCode: 'SME_COUNT',
      },
      { nameNl: 'CO2-uitstoot', unit: 'ton', direction: 'lower_is_better' },
    ],
    questions: [
      { code: 'ambition', kind: 'long_text', labelNl: 'Wat is de ambitie?', isRequired: true, maxWords: 50 },
      { code: 'has_pilot', kind: 'yes_no', labelNl: 'Is er een pilootproject?', isRequired: true },
      {
        code: 'pilot_site',
        kind: 'short_text',
        labelNl: 'Waar loopt de piloot?',
        isRequired: true,
        maxChars: 100,
        conditionQuestionCode: 'has_pilot',
        conditionValue: 'true',
      },
    ],
  };
}

/** Five organisations: two that exist in the demo database and three new ones (created by the save). */
export async function buildConsortium(db: Kysely<DB>, serial: number) {
  const existing = await db
    .selectFrom('organisations')
    .select(['enterprise_number', 'helix'])
    .where('helix', 'in', ['knowledge_institution', 'government'])
    .orderBy('enterprise_number')
    .limit(2)
    .execute();
  const members = [
    {
      enterpriseNumber: `BE ${enterpriseNumberFrom(serial)}`,
      name: `Lead Tech ${serial} BV (voorbeeld)`,
      helix: 'company',
      sizeClass: 'small',
      role: 'lead',
      budgetShareCents: 40_000_00,
    },
    {
      enterpriseNumber: enterpriseNumberFrom(serial + 1),
      name: `Partner Micro ${serial} BV (voorbeeld)`,
      helix: 'company',
      sizeClass: 'micro',
      role: 'partner',
      budgetShareCents: 20_000_00,
    },
    {
      enterpriseNumber: enterpriseNumberFrom(serial + 2),
      name: `Groot Bedrijf ${serial} NV (voorbeeld)`,
      helix: 'company',
      sizeClass: 'large',
      role: 'partner',
      budgetShareCents: 20_000_00,
    },
    ...existing.map((o) => ({
      enterpriseNumber: o.enterprise_number as string,
      name: null,
      helix: null,
      sizeClass: null,
      role: 'partner',
      budgetShareCents: 10_000_00,
    })),
  ];
  const budgetLines = members.map((m) => ({
    enterpriseNumber: m.enterpriseNumber,
    category: 'personnel',
    description: 'Personeel',
    costCents: m.budgetShareCents,
    requestedAidCents: m.budgetShareCents / 2,
    ownContributionCents: m.budgetShareCents / 2,
  }));
  return { members, budgetLines };
}

export async function requiredKpiIds(client: TestClient, callId: string): Promise<string[]> {
  const call = (await client.get(`/api/calls/${callId}`)).json();
  return call.data.requiredKpis.map((k: { id: string }) => k.id);
}

export function buildKpis(ids: string[]) {
  return [
    {
      requiredKpiId: ids[0],
      kpiCode: 'SME_COUNT',
      name: "Aantal betrokken kmo's",
      unit: 'aantal',
      direction: 'higher_is_better',
      baselineValue: 4,
      baselineDate: '2026-12-31',
      targetValue: 25,
      targetPeriod: '2030',
    },
    {
      requiredKpiId: ids[1],
      name: 'CO2-uitstoot',
      unit: 'ton',
      direction: 'lower_is_better',
      baselineValue: 1200,
      targetValue: 800,
      targetPeriod: '2030',
    },
  ];
}

/**
 * A complete proposal body (it passes every completeness check): the consortium and budget of
 * `buildConsortium(serial)`, the call's required KPIs, the first of the given themes.
 */
export async function buildProposalContent(
  db: Kysely<DB>,
  applicant: TestClient,
  options: { callId: string; themeIds: string[]; serial: number; title: string },
) {
  const { members, budgetLines } = await buildConsortium(db, options.serial);
  return {
    title: options.title,
    summary: 'Voorbeeld.',
    themeIds: [options.themeIds[0]],
    answers: { ambition: 'Circulaire coatings voor de bouw.', has_pilot: true, pilot_site: 'Gent' },
    consortium: members,
    budgetLines,
    kpis: buildKpis(await requiredKpiIds(applicant, options.callId)),
  };
}

/** A call of `buildCallDefinition` on three new themes, created and published by the officer. */
export async function publishedCall(
  db: Kysely<DB>,
  officer: TestClient,
  options: { code: string; themePrefix: string; opensAtLocal: string; closesAtLocal: string },
) {
  const themeIds = await createThemes(db, options.themePrefix);
  const created = await officer.post('/api/calls', buildCallDefinition({ ...options, themeIds }));
  if (created.statusCode !== 201) throw new Error(`create call: ${created.body}`);
  const call = created.json().data as { id: string; closesAt: string };
  const published = await officer.post(`/api/calls/${call.id}/publish`, {});
  if (published.statusCode !== 200) throw new Error(`publish call: ${published.body}`);
  return { callId: call.id, closesAt: call.closesAt, themeIds };
}

export const LATE_PASSWORD = 'Voorbeeld-Wachtwoord-2027!';

/** Creates a second applicant account through the admin API and signs in. */
export async function secondApplicant(t: TestApp, email: string): Promise<TestClient> {
  const admin = await t.loginAs('admin');
  const password = LATE_PASSWORD;
  const created = await admin.post('/api/users', {
    email,
    name: 'Tweede Aanvrager (voorbeeld)',
    role: 'applicant',
    password,
  });
  if (created.statusCode !== 201) throw new Error(`create user: ${created.body}`);
  return t.login(email, password);
}

/** A multipart body with one file, for app.inject. */
export function multipart(filename: string, content: Buffer, contentType = 'application/octet-stream') {
  const boundary = '----speerpunt-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; ` +
      `filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
