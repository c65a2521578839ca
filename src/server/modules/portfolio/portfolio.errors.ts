import type { ErrorSpecs } from '../../errors/error-spec';

/** Errors of the cluster portfolio: clusters, organisations, memberships, themes, imports. */
export const portfolioErrors = {
  /** The enterprise number is not a valid Belgian number (format, first digit or check digits). */
  ENTERPRISE_NUMBER_INVALID: {
    status: 400,
    nl: 'Het ondernemingsnummer is ongeldig (vorm of controlecijfers).',
    en: 'The enterprise number is invalid (format or check digits).',
  },
  /** Another organisation already has this enterprise number (or this foreign identifier). */
  ORGANISATION_DUPLICATE: {
    status: 409,
    nl: 'Er bestaat al een organisatie met dit ondernemingsnummer of deze buitenlandse identificatie.',
    en: 'An organisation with this enterprise number or foreign identifier already exists.',
  },
  /** A Belgian organisation needs an enterprise number; a foreign one needs its own identifier. */
  ORGANISATION_IDENTIFIER_REQUIRED: {
    status: 400,
    nl: 'Een Belgische organisatie heeft een ondernemingsnummer nodig; een buitenlandse een eigen identificatie.',
    en: 'A Belgian organisation needs an enterprise number; a foreign one its own identifier.',
  },
  /** Size-class inputs only apply to companies. */
  SME_FIGURES_ONLY_FOR_COMPANIES: {
    status: 409,
    nl: 'Kmo-gegevens gelden alleen voor bedrijven.',
    en: 'SME figures apply to companies only.',
  },
  /** A short name is already used by another cluster. */
  CLUSTER_SHORT_NAME_TAKEN: {
    status: 409,
    nl: 'Deze korte naam wordt al door een andere cluster gebruikt.',
    en: 'Another cluster already uses this short name.',
  },
  /** The requested lifecycle change is not allowed from the current status. */
  CLUSTER_STATUS_TRANSITION_INVALID: {
    status: 409,
    nl: 'Deze statuswijziging is niet toegelaten vanuit de huidige status.',
    en: 'This status change is not allowed from the current status.',
  },
  /** Only an active or candidate business network can be promoted to a spearhead cluster. */
  CLUSTER_NOT_PROMOTABLE: {
    status: 409,
    nl: 'Alleen een lopend of kandidaat-bedrijfsnetwerk kan speerpuntcluster worden.',
    en: 'Only an active or candidate business network can become a spearhead cluster.',
  },
  /** The mandate ends before it starts. */
  CLUSTER_MANDATE_INVALID: {
    status: 400,
    nl: 'Het mandaat eindigt vóór het begint.',
    en: 'The mandate ends before it starts.',
  },
  /** A theme, transition or user given does not exist or has the wrong kind or role. */
  REFERENCE_INVALID: {
    status: 400,
    nl: 'Een verwijzing (thema, transitie, gebruiker of organisatie) bestaat niet of past niet.',
    en: 'A reference (theme, transition, user or organisation) does not exist or does not fit.',
  },
  /** A theme with this kind and code already exists. */
  THEME_CODE_TAKEN: {
    status: 409,
    nl: 'Er bestaat al een thema met deze soort en code.',
    en: 'A theme with this kind and code already exists.',
  },
  /** A theme's parent must have the same kind and may not be the theme itself or one of its children. */
  THEME_PARENT_INVALID: {
    status: 400,
    nl: 'Het bovenliggende thema moet van dezelfde soort zijn en mag geen onderliggend thema zijn.',
    en: 'The parent must be of the same kind and may not be one of its descendants.',
  },
  /** The same organisation already has an overlapping membership of this cluster. */
  MEMBERSHIP_OVERLAPS: {
    status: 409,
    nl: 'Deze organisatie is in die periode al lid van deze cluster.',
    en: 'This organisation is already a member of this cluster in that period.',
  },
  /**
   * The uploaded member list cannot be read (not XLSX/CSV, empty, damaged, wrong delimiter or encoding,
   * missing columns).
   */
  IMPORT_FILE_UNREADABLE: {
    status: 400,
    nl: 'Het bestand kan niet gelezen worden. Zie de details.',
    en: 'The file cannot be read. See the details.',
  },
  /** The member list has no good row to commit. */
  IMPORT_NOTHING_TO_COMMIT: {
    status: 400,
    nl: 'Er is geen enkele correcte rij om op te slaan.',
    en: 'There is no correct row to save.',
  },
} satisfies ErrorSpecs;
