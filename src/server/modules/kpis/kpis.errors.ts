import type { ErrorSpecs } from '../../errors/error-spec';

/** Errors of the KPI framework, knowledge diffusion and EU participations. */
export const kpisErrors = {
  /** Another KPI definition already uses this code. */
  KPI_CODE_TAKEN: {
    status: 409,
    nl: 'Er bestaat al een KPI met deze code.',
    en: 'A KPI with this code already exists.',
  },
  /** A formula KPI names itself as numerator or denominator. */
  KPI_FORMULA_SELF_REFERENCE: {
    status: 400,
    nl: 'Een formule-KPI kan niet naar zichzelf verwijzen.',
    en: 'A formula KPI cannot refer to itself.',
  },
  /** Following the formula's operands leads back to the KPI itself; `context.path` shows the loop. */
  KPI_FORMULA_CYCLE: {
    status: 400,
    nl: 'De formule vormt een kringverwijzing.',
    en: 'The formula forms a circular reference.',
  },
  /** A formula refers to a KPI code that does not exist (or is not visible for this cluster). */
  KPI_FORMULA_UNKNOWN_KPI: {
    status: 400,
    nl: 'De formule verwijst naar een onbekende KPI.',
    en: 'The formula refers to an unknown KPI.',
  },
  /** Only KPIs with source "reported" are reported by a cluster; computed and formula values come from the data. */
  KPI_NOT_REPORTABLE: {
    status: 409,
    nl: 'Deze KPI wordt berekend en kan niet gerapporteerd worden.',
    en: 'This KPI is computed and cannot be reported.',
  },
  /** The value does not fit the KPI's unit (e.g. a fraction for a count, a percentage above 100). */
  KPI_VALUE_INVALID: {
    status: 400,
    nl: 'De waarde past niet bij de eenheid van de KPI.',
    en: 'The value does not fit the KPI’s unit.',
  },
  /** The reporting period is closed: values can no longer be reported or changed. */
  KPI_PERIOD_CLOSED: {
    status: 409,
    nl: 'De rapporteringsperiode is afgesloten.',
    en: 'The reporting period is closed.',
  },
  /** The reporting period has not been opened yet. */
  KPI_PERIOD_NOT_OPEN: {
    status: 409,
    nl: 'De rapporteringsperiode is nog niet geopend.',
    en: 'The reporting period is not open yet.',
  },
  /** A period with this code exists, or its dates overlap another period. */
  KPI_PERIOD_CONFLICT: {
    status: 409,
    nl: 'Er bestaat al een periode met deze code of met overlappende data.',
    en: 'A period with this code or overlapping dates already exists.',
  },
  /** The KPI requires evidence (a file, link or text) with every reported value. */
  KPI_EVIDENCE_REQUIRED: {
    status: 400,
    nl: 'Deze KPI vereist bewijs (bestand, link of tekst).',
    en: 'This KPI requires evidence (a file, link or text).',
  },
  /** Only a reported value waits for validation; this one is validated, returned or computed. */
  KPI_MEASUREMENT_NOT_REPORTED: {
    status: 409,
    nl: 'Deze waarde wacht niet op validatie.',
    en: 'This value is not awaiting validation.',
  },
  /** A validated value is final; the officer must return it before it changes. */
  KPI_MEASUREMENT_VALIDATED: {
    status: 409,
    nl: 'Deze waarde is al gevalideerd.',
    en: 'This value has already been validated.',
  },
  /** Returning a value needs a comment that tells the cluster what to correct. */
  KPI_RETURN_NEEDS_COMMENT: {
    status: 400,
    nl: 'Geef een opmerking bij het terugsturen.',
    en: 'Give a comment when returning a value.',
  },
  /** The target's period has started: a change is an amendment and needs a motivation. */
  KPI_TARGET_NEEDS_MOTIVATION: {
    status: 409,
    nl: 'De periode is gestart: een wijziging van de doelwaarde vraagt een motivering.',
    en: 'The period has started: changing the target is an amendment and needs a motivation.',
  },
  /** Only a proposed cluster KPI can be approved or rejected. */
  KPI_DEFINITION_NOT_PROPOSED: {
    status: 409,
    nl: 'Deze KPI is niet voorgesteld.',
    en: 'This KPI is not a proposal.',
  },
  /** A CORDIS file lacks columns the import needs; `details` names them. */
  CORDIS_COLUMNS_MISSING: {
    status: 400,
    nl: 'Het CORDIS-bestand mist verplichte kolommen.',
    en: 'The CORDIS file lacks required columns.',
  },
  /** A CORDIS file could not be read as semicolon-separated text, or a row is malformed. */
  CORDIS_FILE_INVALID: {
    status: 400,
    nl: 'Het CORDIS-bestand kan niet gelezen worden.',
    en: 'The CORDIS file cannot be read.',
  },
} satisfies ErrorSpecs;
