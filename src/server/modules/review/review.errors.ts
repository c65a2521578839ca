import type { ErrorSpecs } from '../../errors/error-spec';

/** Errors of expert review, assignment, ranking and decisions. One line each: what the caller did wrong. */
export const reviewErrors = {
  /**
   * An assignment instance is inconsistent (negative demand, unknown or duplicate ids, more forced pairs
   * than a demand or load allows); `details` lists each problem.
   */
  ASSIGNMENT_INPUT_INVALID: {
    status: 400,
    nl: 'De toewijzingsopdracht is ongeldig. Controleer de aangeduide punten.',
    en: 'The assignment instance is invalid. Check the points listed.',
  },
  /** The assignment instance is too large for the exact solver (pairs × reviews beyond its limits). */
  ASSIGNMENT_TOO_LARGE: {
    status: 413,
    nl: 'De toewijzingsopdracht is te groot om exact op te lossen.',
    en: 'The assignment instance is too large to solve exactly.',
  },
  /**
   * A ranking input is inconsistent (unknown or missing criteria, scores outside the scale, duplicate ids);
   * `details` lists each problem.
   */
  RANKING_INPUT_INVALID: {
    status: 400,
    nl: 'De rangschikkingsinvoer is ongeldig. Controleer de aangeduide punten.',
    en: 'The ranking input is invalid. Check the points listed.',
  },
  /** A score outside the criterion's scale, or a half point where the call allows whole points only. */
  REVIEW_SCORE_OUT_OF_SCALE: {
    status: 400,
    nl: 'Een score ligt buiten de schaal van het criterium.',
    en: "A score is outside the criterion's scale.",
  },
  /**
   * Submitting a review with a criterion unscored or a justification shorter than the minimum; `details`
   * lists each.
   */
  REVIEW_INCOMPLETE: {
    status: 400,
    nl: 'De beoordeling is onvolledig: elk criterium heeft een score en een motivering van voldoende lengte nodig.',
    en: 'The review is incomplete: every criterion needs a score and a justification of sufficient length.',
  },
  /** A submitted review is final and cannot be changed. */
  REVIEW_ALREADY_SUBMITTED: {
    status: 409,
    nl: 'Deze beoordeling is al ingediend en kan niet meer wijzigen.',
    en: 'This review has already been submitted and can no longer change.',
  },
  /** The expert has not yet accepted the confidentiality and independence declaration for this call. */
  DECLARATION_NOT_ACCEPTED: {
    status: 409,
    nl: 'Aanvaard eerst de verklaring van vertrouwelijkheid en onafhankelijkheid.',
    en: 'Accept the confidentiality and independence declaration first.',
  },
  /** The pair has an active conflict of interest, so it cannot be assigned. */
  REVIEW_CONFLICT_OF_INTEREST: {
    status: 409,
    nl: 'Deze expert heeft een belangenconflict met dit voorstel.',
    en: 'This expert has a conflict of interest with this proposal.',
  },
  /** The expert is not (or no longer) an accepted expert of this call. */
  EXPERT_NOT_ON_CALL: {
    status: 409,
    nl: 'Deze expert neemt niet deel aan deze oproep.',
    en: 'This expert does not take part in this call.',
  },
  /** The pair is already assigned. */
  ASSIGNMENT_EXISTS: {
    status: 409,
    nl: 'Deze expert is al aan dit voorstel toegewezen.',
    en: 'This expert is already assigned to this proposal.',
  },
  /** A review on this assignment has started, so it is kept. */
  ASSIGNMENT_REVIEW_STARTED: {
    status: 409,
    nl: 'De beoordeling is al begonnen; de toewijzing blijft behouden.',
    en: 'The review has started; the assignment is kept.',
  },
  /** The call is not in a state that allows this step (e.g. assigning before the call closed). */
  CALL_NOT_IN_EVALUATION: {
    status: 409,
    nl: 'De oproep is niet in de beoordelingsfase.',
    en: 'The call is not in its evaluation phase.',
  },
  /** A declared conflict cannot be lifted: the expert declared it. */
  CONFLICT_NOT_LIFTABLE: {
    status: 409,
    nl: 'Een zelf gemelde belangenconflict kan niet opgeheven worden.',
    en: 'A conflict declared by the expert cannot be lifted.',
  },
  /** The conflict was already lifted. */
  CONFLICT_ALREADY_LIFTED: {
    status: 409,
    nl: 'Dit belangenconflict is al opgeheven.',
    en: 'This conflict has already been lifted.',
  },
  /** Consensus can only be agreed when every criterion has an agreed score and at least one review was submitted. */
  CONSENSUS_INCOMPLETE: {
    status: 400,
    nl:
      'De consensus is onvolledig: elk criterium heeft een score nodig en er moet minstens één ' +
      'ingediende beoordeling zijn.',
    en: 'The consensus is incomplete: every criterion needs a score and at least one review must be submitted.',
  },
  /** Agreed consensus is final. */
  CONSENSUS_ALREADY_AGREED: {
    status: 409,
    nl: 'De consensus is al vastgelegd.',
    en: 'The consensus has already been agreed.',
  },
  /** Only the rapporteur of the proposal (or an officer) may write the consensus. */
  NOT_RAPPORTEUR: {
    status: 403,
    nl: 'Alleen de rapporteur van dit voorstel of een dossierbeheerder mag de consensus schrijven.',
    en: "Only this proposal's rapporteur or an officer may write the consensus.",
  },
  /** A decision needs an agreed consensus (a funded one also an amount); `details` says which proposal. */
  DECISION_NOT_READY: {
    status: 409,
    nl: 'Voor dit voorstel kan nog geen beslissing genomen worden.',
    en: 'This proposal cannot be decided yet.',
  },
  /** The proposal already has a decision. */
  DECISION_EXISTS: {
    status: 409,
    nl: 'Over dit voorstel is al beslist.',
    en: 'This proposal has already been decided.',
  },
  /** The objection period has ended. */
  OBJECTION_PERIOD_ENDED: {
    status: 409,
    nl: 'De bezwaartermijn is verstreken.',
    en: 'The objection period has ended.',
  },
  /** The applicant already has an open objection against this decision; one at a time. */
  OBJECTION_ALREADY_OPEN: {
    status: 409,
    nl: 'Je hebt al een bezwaar ingediend dat nog behandeld wordt.',
    en: 'You already filed an objection that is still being handled.',
  },
  /** The objection has already been handled. */
  OBJECTION_ALREADY_HANDLED: {
    status: 409,
    nl: 'Dit bezwaar is al behandeld.',
    en: 'This objection has already been handled.',
  },
  /** Only a funded proposal of a new-strategic-theme call can start a business network, once. */
  NETWORK_NOT_POSSIBLE: {
    status: 409,
    nl: 'Dit voorstel kan geen bedrijfsnetwerk starten.',
    en: 'This proposal cannot start a business network.',
  },
  /** The call's review deadline has passed: reviews can no longer be saved or submitted. */
  REVIEW_DEADLINE_PASSED: {
    status: 409,
    nl: 'De termijn voor beoordelingen is verstreken.',
    en: 'The review deadline has passed.',
  },
} satisfies ErrorSpecs;
