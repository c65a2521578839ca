import type { ErrorSpecs } from '../../errors/error-spec';

/** Errors of calls and proposals. One line each: what the caller did wrong. */
export const callsErrors = {
  /** A call code is already used by another call. */
  CALL_CODE_TAKEN: {
    status: 409,
    nl: 'Deze oproepcode is al in gebruik.',
    en: 'This call code is already in use.',
  },
  /**
   * The call's definition is inconsistent (dates, criteria, tie-break rules, questions); `details` lists
   * each problem.
   */
  CALL_DEFINITION_INVALID: {
    status: 400,
    nl: 'De oproep is niet consistent. Controleer de aangeduide onderdelen.',
    en: 'The call is not consistent. Check the parts listed.',
  },
  /** The call is open or later: its rules change only through a logged amendment. */
  CALL_LOCKED: {
    status: 409,
    nl: 'Deze oproep is gepubliceerd; wijzigen kan enkel via een amendement met motivering.',
    en: 'This call is published; it can only change through an amendment with a motivation.',
  },
  /** The call is not in a state that allows this step (e.g. amending a draft, publishing twice). */
  CALL_STATUS_INVALID: {
    status: 409,
    nl: 'Dit kan niet in de huidige status van de oproep.',
    en: "This is not possible in the call's current status.",
  },
  /** Proposals can only be started or edited while the call is open (after it opens, before it closes). */
  CALL_NOT_OPEN: {
    status: 409,
    nl: 'Deze oproep staat niet open voor voorstellen.',
    en: 'This call is not open for proposals.',
  },
  /** The deadline has passed by the server's clock: the proposal can no longer be submitted or changed. */
  PROPOSAL_DEADLINE_PASSED: {
    status: 409,
    nl: 'De indieningstermijn is verstreken. Na de deadline aanvaardt het platform geen indiening of wijziging meer.',
    en: 'The submission deadline has passed. After the deadline the platform accepts no submission or change.',
  },
  /** The draft was saved elsewhere (another tab or a co-applicant) after you loaded it; reload first. */
  PROPOSAL_VERSION_CONFLICT: {
    status: 409,
    nl:
      'Dit voorstel werd intussen elders opgeslagen (ander tabblad of co-aanvrager). Herlaad om de ' +
      'laatste versie te zien; je wijziging werd niet bewaard.',
    en:
      'This proposal was saved elsewhere in the meantime (another tab or a co-applicant). Reload to ' +
      'see the latest version; your change was not saved.',
  },
  /** The proposal misses required parts or breaks a limit; `details` lists each one. */
  PROPOSAL_INCOMPLETE: {
    status: 400,
    nl: 'Het voorstel is nog niet volledig. Vul de aangeduide onderdelen aan.',
    en: 'The proposal is not complete. Complete the parts listed.',
  },
  /** Budget lines must add up: cost = requested aid + own contribution, and each partner's lines = its budget share. */
  BUDGET_DOES_NOT_ADD_UP: {
    status: 400,
    nl:
      'Het budget klopt niet: kost = gevraagde steun + eigen bijdrage, en de lijnen per partner ' +
      'moeten gelijk zijn aan zijn budgetaandeel.',
    en:
      "The budget does not add up: cost = requested aid + own contribution, and each partner's " +
      'lines must equal its budget share.',
  },
  /** An enterprise number in the consortium is not a valid Belgian enterprise number. */
  INVALID_ENTERPRISE_NUMBER: {
    status: 400,
    nl: 'Ongeldig ondernemingsnummer.',
    en: 'Invalid enterprise number.',
  },
  /** The consortium is inconsistent (no or several leads, duplicates, a new organisation without name or helix). */
  CONSORTIUM_INVALID: {
    status: 400,
    nl: 'Het consortium is niet consistent.',
    en: 'The consortium is not consistent.',
  },
  /** The proposal is not in a status that allows this step. */
  PROPOSAL_STATUS_INVALID: {
    status: 409,
    nl: 'Dit kan niet in de huidige status van het voorstel.',
    en: "This is not possible in the proposal's current status.",
  },
  /** Only the owner and co-applicants with edit rights may change the proposal. */
  PROPOSAL_READ_ONLY: {
    status: 403,
    nl: 'Je mag dit voorstel enkel lezen.',
    en: 'You may only read this proposal.',
  },
  /** The proposal's content is sealed until the deadline; use break-glass with a motivation. */
  PROPOSAL_SEALED: {
    status: 409,
    nl:
      'De inhoud van voorstellen is verzegeld tot de deadline. Inzage vooraf kan enkel via ' +
      'noodtoegang met motivering.',
    en: 'Proposal content is sealed until the deadline. Earlier access only through break-glass with a motivation.',
  },
  /** No account with that e-mail address can be added as co-applicant (must be an active applicant). */
  COLLABORATOR_UNKNOWN: {
    status: 400,
    nl: 'Er is geen actieve aanvrager met dit e-mailadres.',
    en: 'There is no active applicant with this e-mail address.',
  },
  /** Eligibility can only be decided once every rule is confirmed or overridden. */
  ELIGIBILITY_NOT_REVIEWED: {
    status: 409,
    nl: 'Bevestig of wijzig eerst elke ontvankelijkheidsregel.',
    en: 'Confirm or override every eligibility rule first.',
  },
  /** The clarification was already answered or its deadline has passed. */
  CLARIFICATION_CLOSED: {
    status: 409,
    nl: 'Deze vraag om verduidelijking is al beantwoord of de termijn is verstreken.',
    en: 'This clarification request was already answered or its deadline has passed.',
  },
} satisfies ErrorSpecs;
