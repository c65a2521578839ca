import type { ErrorSpecs } from '../../errors/error-spec';

/** Errors of partnership agreements, meetings, actions, reports, reminders and calendar feeds. */
export const partnershipErrors = {
  /** Another agreement of this cluster already starts on that date. */
  PARTNERSHIP_AGREEMENT_EXISTS: {
    status: 409,
    nl: 'Deze cluster heeft al een partnerschapsovereenkomst die op die datum begint.',
    en: 'This cluster already has a partnership agreement starting on that date.',
  },
  /** This side already signed the agreement in its current version. */
  PARTNERSHIP_ALREADY_SIGNED: {
    status: 409,
    nl: 'Jouw kant heeft deze versie van de overeenkomst al ondertekend.',
    en: 'Your side has already signed this version of the agreement.',
  },
  /** Only a cluster manager (cluster side) or a programme officer (agency side) can sign. */
  PARTNERSHIP_CANNOT_SIGN: {
    status: 403,
    nl: 'Alleen een clustermanager of een programmabeheerder kan ondertekenen.',
    en: 'Only a cluster manager or a programme officer can sign.',
  },
  /** An objective that progress reports already refer to cannot be removed; change its text instead. */
  PARTNERSHIP_OBJECTIVE_IN_USE: {
    status: 409,
    nl: 'Een doelstelling waarnaar een voortgangsrapport verwijst, kan niet verwijderd worden. Pas de tekst aan.',
    en: 'An objective a progress report refers to cannot be removed. Change its text instead.',
  },
  /** A linked KPI definition that does not exist, is not approved, or belongs to another cluster. */
  PARTNERSHIP_KPI_UNKNOWN: {
    status: 400,
    nl: 'Een gekoppelde KPI bestaat niet of geldt niet voor deze cluster.',
    en: 'A linked KPI does not exist or does not apply to this cluster.',
  },
  /** A reporting period lies (partly) outside the agreement period, or its dates are inconsistent. */
  PARTNERSHIP_PERIOD_INVALID: {
    status: 400,
    nl: 'Een rapportageperiode valt buiten de looptijd van de overeenkomst of heeft ongeldige data.',
    en: 'A reporting period lies outside the agreement period or has inconsistent dates.',
  },
  /** The action owner must be a manager of this cluster or a programme officer. */
  PARTNERSHIP_OWNER_NOT_ELIGIBLE: {
    status: 400,
    nl: 'De eigenaar van een actie moet een clustermanager van deze cluster of een programmabeheerder zijn.',
    en: 'The owner of an action must be a manager of this cluster or a programme officer.',
  },
  /** The due date lies in the past: confirm with a reason (`pastDueReason`) to create it anyway. */
  PARTNERSHIP_DUE_DATE_IN_PAST: {
    status: 422,
    nl: 'De vervaldatum ligt in het verleden. Geef een reden op om de actie toch aan te maken.',
    en: 'The due date is in the past. Give a reason to create the action anyway.',
  },
  /** The minutes were already signed off; there is nothing to sign. */
  PARTNERSHIP_MINUTES_ALREADY_SIGNED: {
    status: 409,
    nl: 'Deze versie van het verslag is al goedgekeurd.',
    en: 'This version of the minutes has already been signed off.',
  },
  /** There are no minutes yet to sign off. */
  PARTNERSHIP_MINUTES_MISSING: {
    status: 409,
    nl: 'Er is nog geen verslag om goed te keuren.',
    en: 'There are no minutes to sign off yet.',
  },
  /** The reporting period is closed: no report can be created or submitted for it. Nothing was changed. */
  PARTNERSHIP_PERIOD_CLOSED: {
    status: 409,
    nl:
      'Deze rapportageperiode is afgesloten: er kan geen rapport meer voor ingediend worden. Er ' +
      'werd niets gewijzigd.',
    en: 'This reporting period is closed: no report can be submitted for it any more. Nothing was changed.',
  },
  /** A report for this period exists already; open it instead. */
  PARTNERSHIP_REPORT_EXISTS: {
    status: 409,
    nl: 'Er bestaat al een rapport voor deze periode.',
    en: 'A report for this period already exists.',
  },
  /** The report is not in a state that allows this step (e.g. editing a submitted report). */
  PARTNERSHIP_REPORT_STATE: {
    status: 409,
    nl: 'Het rapport is niet in een toestand die deze stap toelaat.',
    en: 'The report is not in a state that allows this step.',
  },
  /** Returning a report for revision needs written feedback. */
  PARTNERSHIP_FEEDBACK_REQUIRED: {
    status: 400,
    nl: 'Geef schriftelijke feedback wanneer je een rapport terugstuurt.',
    en: 'Give written feedback when you return a report.',
  },
  /** The objective does not belong to this report's agreement. */
  PARTNERSHIP_OBJECTIVE_MISMATCH: {
    status: 400,
    nl: 'De doelstelling hoort niet bij de overeenkomst van dit rapport.',
    en: 'The objective does not belong to the agreement of this report.',
  },
  /** The calendar link is unknown or was replaced by a newer one. */
  PARTNERSHIP_CALENDAR_TOKEN_INVALID: {
    status: 404,
    nl: 'Deze agendalink is ongeldig of werd vervangen.',
    en: 'This calendar link is invalid or was replaced.',
  },
} satisfies ErrorSpecs;
