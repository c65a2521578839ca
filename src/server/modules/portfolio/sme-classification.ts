/**
 * The EU SME definition (Commission Recommendation 2003/361/EC, annex), as pure functions.
 *
 * - A class holds when the staff headcount is under its ceiling AND (turnover ≤ its ceiling OR
 *   balance-sheet total ≤ its ceiling): micro < 10 / €2m / €2m, small < 50 / €10m / €10m,
 *   medium < 250 / €50m / €43m; anything above is large.
 * - Partner enterprises (25 % up to 50 % held) add their figures pro rata to the holding share;
 *   linked enterprises (more than 50 %, or controlled by other means) add 100 %. Holdings under
 *   25 % leave the enterprise autonomous for that relation.
 * - 25 % or more of the capital or voting rights controlled by public bodies: not an SME (large).
 * - A company changes class only when it crosses a ceiling in two consecutive reference years
 *   (art. 4.2 of the annex).
 * - Missing figures never lead to a guess: the class is 'unknown' and the reasoning says why.
 */
import { formatMoney } from '../../../shared/money';
export type SmeClass = 'micro' | 'small' | 'medium' | 'large';
export type SizeClassResult = SmeClass | 'unknown';

export interface RelatedEnterpriseFigures {
  name: string;
  enterpriseNumber?: string | null;
  /** Percentage 0–100 of capital or voting rights held (either direction). */
  holdingShare: number;
  /** Controlled by other means (dominant influence): linked whatever the share. */
  isControlled?: boolean;
  headcount: number | null;
  turnoverCents: number | null;
  balanceSheetCents: number | null;
}

export interface YearFigures {
  referenceYear: number;
  headcount: number | null;
  turnoverCents: number | null;
  balanceSheetCents: number | null;
  /** Percentage of capital or voting rights controlled by public bodies. */
  publicControlShare?: number;
  related?: RelatedEnterpriseFigures[];
}

export const SME_CEILINGS: Record<
  Exclude<SmeClass, 'large'>,
  { headcountBelow: number; turnoverCents: number; balanceSheetCents: number }
> = {
  micro: { headcountBelow: 10, turnoverCents: 2_000_000_00, balanceSheetCents: 2_000_000_00 },
  small: { headcountBelow: 50, turnoverCents: 10_000_000_00, balanceSheetCents: 10_000_000_00 },
  medium: { headcountBelow: 250, turnoverCents: 50_000_000_00, balanceSheetCents: 43_000_000_00 },
};

const ORDER: SmeClass[] = ['micro', 'small', 'medium', 'large'];

export type Relation = 'autonomous' | 'partner' | 'linked';

/** Which kind of relation a holding makes: linked above 50 % (or by control), partner from 25 %. */
export function relationOf(holdingShare: number, isControlled = false): Relation {
  if (isControlled || holdingShare > 50) return 'linked';
  if (holdingShare >= 25) return 'partner';
  return 'autonomous';
}

export interface Contribution {
  name: string;
  relation: Relation;
  /** The share of the related enterprise's figures that is added (0, the holding share, or 100). */
  countedPercent: number;
  headcount: number | null;
  turnoverCents: number | null;
  balanceSheetCents: number | null;
}

export interface ClassCheck {
  sizeClass: Exclude<SmeClass, 'large'>;
  headcountOk: boolean;
  turnoverOk: boolean | null;
  balanceSheetOk: boolean | null;
  holds: boolean | null;
}

/** The class of one reference year on its own, with the figures and tests behind it. */
export interface YearClassification {
  referenceYear: number;
  sizeClass: SizeClassResult;
  /** What decided: the rule that fixed the class, or which figure is missing. */
  decidedBy:
    | 'headcount'
    | 'turnover'
    | 'balance_sheet'
    | 'turnover_and_balance_sheet'
    | 'public_control'
    | 'missing_figures'
    | 'above_all_ceilings';
  aggregated: { headcount: number | null; turnoverCents: number | null; balanceSheetCents: number | null };
  contributions: Contribution[];
  checks: ClassCheck[];
  missing: string[];
}

export interface SmeClassification {
  sizeClass: SizeClassResult;
  /** The last reference year's own class (before the two-year rule). */
  latestYearClass: SizeClassResult;
  referenceYear: number | null;
  /** True when the two-year rule kept the class although the last year crossed a ceiling. */
  keptByTwoYearRule: boolean;
  years: YearClassification[];
  explanation: { nl: string; en: string };
}

function share(value: number, percent: number): number {
  return Math.round((value * percent) / 100);
}

function addContribution(total: number | null, part: number | null): number | null {
  if (total === null || part === null) return null;
  return total + part;
}

/** Classifies one reference year (no two-year rule). */
export function classifyYear(year: YearFigures): YearClassification {
  const contributions: Contribution[] = [];
  const missing: string[] = [];
  let headcount: number | null = year.headcount;
  let turnover: number | null = year.turnoverCents;
  let balance: number | null = year.balanceSheetCents;
  if (year.headcount === null) missing.push('headcount');
  if (year.turnoverCents === null && year.balanceSheetCents === null)
    missing.push('turnover_or_balance_sheet');

  for (const related of year.related ?? []) {
    const relation = relationOf(related.holdingShare, related.isControlled);
    const countedPercent = relation === 'linked' ? 100 : relation === 'partner' ? related.holdingShare : 0;
    const part = (v: number | null) =>
      v === null
        ? null
        : relation === 'linked'
          ? v
          : relation === 'partner'
            ? share(v, related.holdingShare)
            : 0;
    const contribution: Contribution = {
      name: related.name,
      relation,
      countedPercent,
      headcount:
        relation === 'autonomous'
          ? 0
          : related.headcount === null
            ? null
            : relation === 'linked'
              ? related.headcount
              : Math.round(related.headcount * related.holdingShare) / 100,
      turnoverCents: part(related.turnoverCents),
      balanceSheetCents: part(related.balanceSheetCents),
    };
    contributions.push(contribution);
    if (relation === 'autonomous') continue;
    if (related.headcount === null) missing.push(`related:${related.name}:headcount`);
    headcount = addContribution(headcount, contribution.headcount);
    // A partner's missing turnover makes the aggregated turnover unknown (and so for the balance sheet).
    turnover = addContribution(turnover, contribution.turnoverCents);
    balance = addContribution(balance, contribution.balanceSheetCents);
  }
  if (
    (year.related ?? []).some(
      (r) =>
        relationOf(r.holdingShare, r.isControlled) !== 'autonomous' &&
        r.turnoverCents === null &&
        r.balanceSheetCents === null,
    )
  ) {
    missing.push('related_turnover_or_balance_sheet');
  }
  const aggregated = {
    headcount: headcount === null ? null : Math.round(headcount * 10) / 10,
    turnoverCents: turnover,
    balanceSheetCents: balance,
  };
  const base = { referenceYear: year.referenceYear, aggregated, contributions, missing };

  if ((year.publicControlShare ?? 0) >= 25) {
    return { ...base, sizeClass: 'large', decidedBy: 'public_control', checks: [] };
  }
  if (headcount === null || (turnover === null && balance === null)) {
    return { ...base, sizeClass: 'unknown', decidedBy: 'missing_figures', checks: [] };
  }

  const checks: ClassCheck[] = [];
  for (const sizeClass of ['micro', 'small', 'medium'] as const) {
    const ceiling = SME_CEILINGS[sizeClass];
    const headcountOk = headcount < ceiling.headcountBelow;
    const turnoverOk = turnover === null ? null : turnover <= ceiling.turnoverCents;
    const balanceSheetOk = balance === null ? null : balance <= ceiling.balanceSheetCents;
    // Turnover OR balance sheet: one known figure within the ceiling is enough; one known figure
    // above it with the other unknown leaves the question open.
    const financialOk =
      turnoverOk === true || balanceSheetOk === true
        ? true
        : turnoverOk === null || balanceSheetOk === null
          ? null
          : false;
    const holds = !headcountOk ? false : financialOk;
    checks.push({ sizeClass, headcountOk, turnoverOk, balanceSheetOk, holds });
    if (holds === true) {
      const decidedBy =
        turnoverOk === true && balanceSheetOk === true
          ? 'turnover_and_balance_sheet'
          : turnoverOk === true
            ? 'turnover'
            : 'balance_sheet';
      return { ...base, sizeClass, decidedBy, checks };
    }
    if (holds === null) {
      missing.push(turnover === null ? 'turnover' : 'balance_sheet');
      return { ...base, sizeClass: 'unknown', decidedBy: 'missing_figures', checks };
    }
  }
  const last = checks[checks.length - 1];
  return {
    ...base,
    sizeClass: 'large',
    decidedBy: last.headcountOk ? 'above_all_ceilings' : 'headcount',
    checks,
  };
}

const rank = (c: SmeClass) => ORDER.indexOf(c);

/**
 * Classifies over the reference years: the class of the first year with known figures, then a
 * change only when two consecutive years both fall on the same side of the current class; the
 * new class is the one of those two years nearest to the current one (the ceiling crossed twice).
 * A public-control year applies at once (it is a status, not a ceiling).
 */
export function classifySme(years: YearFigures[]): SmeClassification {
  const sorted = [...years].sort((a, b) => a.referenceYear - b.referenceYear);
  const perYear = sorted.map(classifyYear);
  const latest = perYear[perYear.length - 1];
  if (!latest) {
    return {
      sizeClass: 'unknown',
      latestYearClass: 'unknown',
      referenceYear: null,
      keptByTwoYearRule: false,
      years: [],
      explanation: explain('unknown', null, false),
    };
  }
  if (latest.sizeClass === 'unknown' || latest.decidedBy === 'public_control') {
    return {
      sizeClass: latest.sizeClass,
      latestYearClass: latest.sizeClass,
      referenceYear: latest.referenceYear,
      keptByTwoYearRule: false,
      years: perYear,
      explanation: explain(latest.sizeClass, latest, false),
    };
  }
  let current: SmeClass | null = null;
  let previous: YearClassification | null = null;
  for (const year of perYear) {
    if (year.sizeClass === 'unknown' || year.decidedBy === 'public_control') {
      current = year.sizeClass === 'unknown' ? current : 'large';
      previous = null;
      continue;
    }
    const raw = year.sizeClass;
    const consecutive =
      previous !== null &&
      previous.referenceYear === year.referenceYear - 1 &&
      previous.sizeClass !== 'unknown';
    if (current === null) {
      current = raw;
    } else if (raw !== current && consecutive && previous !== null) {
      const before = previous.sizeClass as SmeClass;
      const up = rank(raw) > rank(current) && rank(before) > rank(current);
      const down = rank(raw) < rank(current) && rank(before) < rank(current);
      if (up) current = ORDER[Math.min(rank(raw), rank(before))];
      else if (down) current = ORDER[Math.max(rank(raw), rank(before))];
    }
    previous = year;
  }
  const sizeClass = current ?? latest.sizeClass;
  const kept = sizeClass !== latest.sizeClass;
  return {
    sizeClass,
    latestYearClass: latest.sizeClass,
    referenceYear: latest.referenceYear,
    keptByTwoYearRule: kept,
    years: perYear,
    explanation: explain(sizeClass, latest, kept),
  };
}

const NAMES = {
  micro: { nl: 'micro-onderneming', en: 'micro enterprise' },
  small: { nl: 'kleine onderneming', en: 'small enterprise' },
  medium: { nl: 'middelgrote onderneming', en: 'medium-sized enterprise' },
  large: { nl: 'grote onderneming (geen kmo)', en: 'large enterprise (not an SME)' },
  unknown: { nl: 'onbekend', en: 'unknown' },
};

function euros(cents: number | null, lang: 'nl' | 'en'): string {
  return cents === null ? '?' : formatMoney(cents, lang, { decimals: 0 });
}

/** One sentence in each language: the class, and the rule that decided it. */
function explain(
  sizeClass: SizeClassResult,
  year: YearClassification | null,
  kept: boolean,
): { nl: string; en: string } {
  if (!year)
    return { nl: 'Onbekend: er zijn geen cijfers ingevoerd.', en: 'Unknown: no figures have been entered.' };
  const name = NAMES[sizeClass];
  const figures = (lang: 'nl' | 'en') =>
    `${year.aggregated.headcount ?? '?'} ${lang === 'nl' ? 'VTE' : 'AWU'}, ` +
    `${lang === 'nl' ? 'omzet' : 'turnover'} ${euros(year.aggregated.turnoverCents, lang)}, ` +
    `${lang === 'nl' ? 'balanstotaal' : 'balance sheet'} ` +
    `${euros(year.aggregated.balanceSheetCents, lang)}`;
  const prefix = {
    nl: `${name.nl} (referentiejaar ${year.referenceYear}; ${figures('nl')})`,
    en: `${name.en} (reference year ${year.referenceYear}; ${figures('en')})`,
  };
  const reasons: Record<YearClassification['decidedBy'], { nl: string; en: string }> = {
    public_control: {
      nl: '25 % of meer in handen van openbare instanties: geen kmo.',
      en: '25% or more controlled by public bodies: not an SME.',
    },
    missing_figures: {
      nl: `cijfers ontbreken (${year.missing.join(', ')}); er wordt niets geraden.`,
      en: `figures missing (${year.missing.join(', ')}); nothing is guessed.`,
    },
    headcount: { nl: 'de personeelsdrempel van 250 is bereikt.', en: 'the staff ceiling of 250 is reached.' },
    above_all_ceilings: {
      nl: 'zowel omzet als balanstotaal liggen boven de drempels van een middelgrote onderneming.',
      en: 'both turnover and balance sheet exceed the medium-sized ceilings.',
    },
    turnover: {
      nl: 'personeel onder de drempel en de omzet onder het plafond (balanstotaal erboven of onbekend).',
      en: 'headcount under the ceiling and turnover within it (balance sheet above it or unknown).',
    },
    balance_sheet: {
      nl: 'personeel onder de drempel en het balanstotaal onder het plafond (omzet erboven of onbekend).',
      en: 'headcount under the ceiling and balance sheet within it (turnover above it or unknown).',
    },
    turnover_and_balance_sheet: {
      nl: 'personeel, omzet en balanstotaal onder de drempels.',
      en: 'headcount, turnover and balance sheet within the ceilings.',
    },
  };
  const reason = reasons[year.decidedBy];
  const keptText = kept
    ? {
        nl:
          ` Het laatste jaar gaf ${NAMES[year.sizeClass].nl}, maar een klasse wijzigt pas na twee ` +
          `opeenvolgende jaren over een drempel.`,
        en:
          ` The last year alone gives ${NAMES[year.sizeClass].en}, but the class changes only after ` +
          `two consecutive years across a ceiling.`,
      }
    : { nl: '', en: '' };
  const related = year.contributions.filter((c) => c.relation !== 'autonomous').length;
  const relatedText =
    related > 0
      ? {
          nl: ` Inclusief ${related} partner- of verbonden onderneming(en).`,
          en: ` Including ${related} partner or linked enterprise(s).`,
        }
      : { nl: '', en: '' };
  const sentence = (lang: 'nl' | 'en') =>
    kept
      ? `${capitalise(prefix[lang])}.${relatedText[lang]}${keptText[lang]}`
      : `${capitalise(prefix[lang])}: ${reason[lang]}${relatedText[lang]}`;
  return { nl: sentence('nl'), en: sentence('en') };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Pioneer: a start-up founded fewer than `years` years ago, or a first-time participant. */
export function isStartUp(foundedOn: string | null, today: string, years: number): boolean {
  if (!foundedOn) return false;
  const [y, m, d] = today.split('-').map(Number);
  const limit = `${String(y - years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return foundedOn > limit;
}
