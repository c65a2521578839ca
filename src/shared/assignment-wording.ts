/**
 * Words the expert assignment's reasons (why a proposal lacks reviewers, why an expert stays under
 * the minimum load) from their codes and parameters in the reader's language, the way
 * selection-wording.ts words the ranking. The solver returns the codes; the API, the CLI and the
 * web app word them here, so Dutch readers never see English sentences.
 */
import type { Language } from './brussels-time';

/** Why a proposal gets fewer reviewers than it needs. */
export type ShortfallCode = 'too_few_experts' | 'loads_too_tight';
/** Why an expert stays under the minimum load. */
export type UnderloadCode = 'too_few_proposals' | 'not_enough_reviews';

export interface AssignmentReasonLike {
  code: string;
  params: Record<string, number>;
}

const n = (value: number | undefined) => String(value ?? 0);

/** The theme sentence the call's assignment adds: how many conflict-free experts share a theme. */
function themePart(params: AssignmentReasonLike['params'], language: Language): string {
  if (params.sharingTheme === undefined) return '';
  return language === 'nl'
    ? ` ${n(params.sharingTheme)} deskundige(n) zonder belangenconflict delen er een thema mee.`
    : ` ${n(params.sharingTheme)} conflict-free expert(s) share a theme with it.`;
}

/** Why a proposal lacks reviewers, as a sentence in the reader's language. */
export function wordShortfall(reason: AssignmentReasonLike, language: Language): string {
  const p = reason.params;
  const nl = language === 'nl';
  switch (reason.code) {
    case 'too_few_experts':
      return (
        (nl
          ? `Te weinig deskundigen: slechts ${n(p.available)} deskundige(n) zonder belangenconflict en met ` +
            `een belasting boven 0 kunnen dit voorstel beoordelen, het heeft er ${n(p.demand)} nodig ` +
            `(${n(p.conflicted)} uitgesloten door een belangenconflict).`
          : `Too few experts: only ${n(p.available)} expert(s) without a conflict of interest and with a ` +
            `load above 0 can review this proposal, it needs ${n(p.demand)} (${n(p.conflicted)} excluded ` +
            `by conflicts of interest).`) + themePart(p, language)
      );
    case 'loads_too_tight': {
      const others = p.others ?? 0;
      return (
        (nl
          ? `Belasting te krap: de ${n(p.experts)} deskundige(n) zonder belangenconflict die dit voorstel ` +
            `nog zouden kunnen nemen, zijn volgeboekt; dit voorstel` +
            (others > 0 ? ` en ${others} ander(e) voorstel(len) die dezelfde deskundigen nodig hebben` : '') +
            ` vragen ${n(p.needed)} beoordeling(en), er kunnen er hoogstens ${n(p.places)} gegeven ` +
            `worden (${n(p.conflicted)} deskundige(n) uitgesloten door een belangenconflict).`
          : `Loads too tight: the ${n(p.experts)} expert(s) without a conflict of interest who could ` +
            `still take this proposal are fully booked; this ` +
            `proposal${others > 0 ? ` and ${others} other proposal(s) competing for them` : ''} need ` +
            `${n(p.needed)} review(s) but at most ${n(p.places)} can be given (${n(p.conflicted)} ` +
            `expert(s) excluded by conflicts of interest).`) + themePart(p, language)
      );
    }
    default:
      return nl ? `Reden ${reason.code}.` : `Reason ${reason.code}.`;
  }
}

/** Why an expert stays under the minimum load, as a sentence in the reader's language. */
export function wordUnderload(reason: AssignmentReasonLike, language: Language): string {
  const p = reason.params;
  const nl = language === 'nl';
  switch (reason.code) {
    case 'too_few_proposals':
      return nl
        ? `Te weinig voorstellen: slechts ${n(p.open)} voorstel(len) zonder belangenconflict hebben ` +
            `beoordelingen nodig, de minimale belasting is ${n(p.minimum)}.`
        : `Too few proposals: only ${n(p.open)} proposal(s) without a conflict of interest need reviews, ` +
            `the minimum load is ${n(p.minimum)}.`;
    case 'not_enough_reviews':
      return nl
        ? 'Niet genoeg beoordelingen om te verdelen: de voorstellen die deze deskundige kan nemen, zijn ' +
            'volledig bediend zonder de minimale belasting van een andere deskundige of de vraag van een ' +
            'voorstel te breken.'
        : `Not enough reviews to go round: the proposals open to this expert are fully served ` +
            `without breaking another expert's minimum load or a proposal's demand.`;
    default:
      return nl ? `Reden ${reason.code}.` : `Reason ${reason.code}.`;
  }
}

interface Reasons {
  shortfall: AssignmentReasonLike[];
  underloaded?: AssignmentReasonLike[];
}
type Worded<R> = R & { reason: string };
type WordedReasons<T extends Reasons> = Omit<T, 'shortfall' | 'underloaded'> & {
  shortfall: Worded<T['shortfall'][number]>[];
  underloaded?: Worded<NonNullable<T['underloaded']>[number]>[];
};

/**
 * The result with every reason worded in the reader's language (the codes and parameters stay): the
 * one place where the API and the CLI add words to the solver's codes.
 */
export function wordAssignmentReasons<T extends Reasons>(result: T, language: Language): WordedReasons<T> {
  const { shortfall, underloaded, ...rest } = result;
  return {
    ...rest,
    shortfall: shortfall.map((s) => ({ ...s, reason: wordShortfall(s, language) })),
    ...(underloaded
      ? { underloaded: underloaded.map((u) => ({ ...u, reason: wordUnderload(u, language) })) }
      : {}),
  };
}
