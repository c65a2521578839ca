import type { ErrorSpecs } from '../../errors/error-spec';

/** Errors of funding lines, commitments, payments, projects and state aid. */
export const fundingErrors = {
  /** A funding line with this code exists already. */
  FUNDING_LINE_CODE_TAKEN: {
    status: 409,
    nl: 'Er bestaat al een financieringslijn met deze code.',
    en: 'A funding line with this code already exists.',
  },
  /** A line for one call needs the call id, other purposes must not have one. */
  FUNDING_LINE_CALL_MISMATCH: {
    status: 400,
    nl: 'Enkel een lijn voor één oproep verwijst naar een oproep, en die moet er dan ook naar verwijzen.',
    en: 'Only a line for one call refers to a call, and such a line must.',
  },
  /**
   * The commitment, payment or reallocation would take the line below zero; `context.remainingCents` says
   * what is left.
   */
  FUNDING_LINE_INSUFFICIENT: {
    status: 409,
    nl: 'Onvoldoende middelen op deze financieringslijn.',
    en: 'Not enough money left on this funding line.',
  },
  /** Ring-fencing: money on an earmarked line may only go to the line's purpose (and the clusters it serves). */
  FUNDING_PURPOSE_MISMATCH: {
    status: 409,
    nl: 'Deze lijn is geoormerkt voor een ander doel of andere clusters.',
    en: 'This line is earmarked for another purpose or other clusters.',
  },
  /** A reallocation needs two different lines. */
  REALLOCATION_SAME_LINE: {
    status: 400,
    nl: 'Een herverdeling gaat tussen twee verschillende lijnen.',
    en: 'A reallocation moves money between two different lines.',
  },
  /** The cluster already has base funding for this year. */
  BASE_OPERATIONS_EXISTS: {
    status: 409,
    nl: 'Deze cluster heeft al basisfinanciering voor dit jaar.',
    en: 'This cluster already has base funding for this year.',
  },
  /** The year of the base funding lies outside the line's period. */
  BASE_OPERATIONS_YEAR_OUTSIDE_LINE: {
    status: 400,
    nl: 'Het jaar valt buiten de periode van de financieringslijn.',
    en: 'The year lies outside the funding line period.',
  },
  /** An inter-cluster project needs two or more clusters. */
  INTER_CLUSTER_NEEDS_TWO_CLUSTERS: {
    status: 400,
    nl: 'Een interclusterproject heeft minstens twee clusters nodig.',
    en: 'An inter-cluster project needs at least two clusters.',
  },
  /** A cluster project belongs to exactly one cluster (use an inter-cluster project for more). */
  CLUSTER_PROJECT_ONE_CLUSTER: {
    status: 400,
    nl: 'Een clusterproject hoort bij precies één cluster; kies een interclusterproject voor meer clusters.',
    en: 'A cluster project belongs to exactly one cluster; choose an inter-cluster project for more.',
  },
  /** A participant's aid is larger than its budget. */
  AID_EXCEEDS_BUDGET: {
    status: 400,
    nl: 'De steun van een deelnemer is groter dan zijn budget.',
    en: "A participant's aid exceeds its budget.",
  },
  /** An organisation, cluster or theme referred to does not exist. */
  FUNDING_UNKNOWN_REFERENCE: {
    status: 400,
    nl: 'Een verwezen organisatie, cluster of thema bestaat niet.',
    en: 'A referenced organisation, cluster or theme does not exist.',
  },
  /** A project with this code exists already. */
  PROJECT_CODE_TAKEN: {
    status: 409,
    nl: 'Er bestaat al een project met deze code.',
    en: 'A project with this code already exists.',
  },
  /** The project's grant is committed already (one commitment per project). */
  PROJECT_ALREADY_COMMITTED: {
    status: 409,
    nl: 'De steun voor dit project is al vastgelegd.',
    en: "This project's grant is already committed.",
  },
  /** The project has no aid to commit. */
  PROJECT_HAS_NO_AID: {
    status: 400,
    nl: 'Dit project heeft geen steunbedrag om vast te leggen.',
    en: 'This project has no aid to commit.',
  },
  /**
   * De minimis: the aid would take an undertaking over the ceiling in a rolling window; `context` shows the
   * headroom.
   */
  DE_MINIMIS_CEILING_EXCEEDED: {
    status: 409,
    nl:
      'Deze steun overschrijdt het de-minimisplafond van de onderneming. Een gemachtigde ' +
      'programmabeheerder kan met motivering afwijken.',
    en: "This aid exceeds the undertaking's de minimis ceiling. An authorised officer may override with a motivation.",
  },
  /** Planned tranches would exceed the commitment. */
  PAYMENT_EXCEEDS_COMMITMENT: {
    status: 409,
    nl: 'De schijven overschrijden het vastgelegde bedrag.',
    en: 'The tranches exceed the committed amount.',
  },
  /** The milestone or report the tranche needs does not belong to the commitment's project or base funding. */
  PAYMENT_CONDITION_INVALID: {
    status: 400,
    nl: 'De mijlpaal of het rapport hoort niet bij dit project of deze basisfinanciering.',
    en: 'The milestone or report does not belong to this project or base funding.',
  },
  /** A tranche is released only after its milestone or report is accepted. */
  PAYMENT_CONDITION_NOT_MET: {
    status: 409,
    nl: 'Deze schijf kan pas betaald worden als de mijlpaal of het rapport aanvaard is.',
    en: 'This tranche can only be paid once its milestone or report is accepted.',
  },
  /** The tranche is paid already. */
  PAYMENT_ALREADY_RELEASED: {
    status: 409,
    nl: 'Deze schijf is al betaald.',
    en: 'This tranche has already been paid.',
  },
  /** The milestone or report is not in a state that allows this step. */
  FUNDING_INVALID_STATE: {
    status: 409,
    nl: 'Deze stap kan niet in de huidige toestand.',
    en: 'This step is not possible in the current state.',
  },
  /** A costs report needs the reported costs and own contribution; project reports must not carry them. */
  REPORT_FIELDS_MISMATCH: {
    status: 400,
    nl: 'Een kostenrapport vermeldt kosten en eigen bijdrage; een projectrapport niet.',
    en: 'A costs report states costs and own contribution; a project report does not.',
  },
} satisfies ErrorSpecs;
