import type { ErrorSpecs } from './error-spec';

/** Errors of the HTTP layer, accounts and sessions. One line each: what the caller did wrong. */
export const coreErrors = {
  /** A body, query or path parameter does not match the route's contract; `details` lists each field. */
  VALIDATION_FAILED: {
    status: 400,
    nl: 'De invoer is ongeldig. Controleer de aangeduide velden.',
    en: 'The input is invalid. Check the fields listed.',
  },
  /** A Brussels local date-time falls in the spring gap (e.g. 2026-03-29 02:30); `details` names the field. */
  LOCAL_TIME_DOES_NOT_EXIST: {
    status: 422,
    nl:
      'Dit tijdstip bestaat niet in Brusselse tijd: bij de overgang naar zomertijd springt de klok ' +
      'van 02:00 naar 03:00.',
    en: 'This time does not exist in Brussels: when summer time starts, clocks jump from 02:00 to 03:00.',
  },
  /** A Brussels local date-time falls in the autumn hour (e.g. 2026-10-25 02:30) without an offset saying which. */
  LOCAL_TIME_AMBIGUOUS: {
    status: 422,
    nl: 'Dit tijdstip komt twee keer voor in Brusselse tijd (einde zomertijd). Vermeld welke: +02:00 of +01:00.',
    en: 'This time occurs twice in Brussels (summer time ends). Say which one: +02:00 or +01:00.',
  },
  /** The request body is not valid JSON. */
  INVALID_JSON: {
    status: 400,
    nl: 'De inhoud van het verzoek is geen geldige JSON.',
    en: 'The request body is not valid JSON.',
  },
  /** The request body is larger than the route accepts. */
  BODY_TOO_LARGE: { status: 413, nl: 'Het verzoek is te groot.', en: 'The request body is too large.' },
  /** The content type is not one the route accepts. */
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    nl: 'Dit inhoudstype wordt niet aanvaard.',
    en: 'This content type is not accepted.',
  },
  /** Any other malformed request the framework rejects. */
  BAD_REQUEST: { status: 400, nl: 'Het verzoek is ongeldig.', en: 'The request is malformed.' },
  /** No route, or an object the caller may not see: both answer the same. */
  NOT_FOUND: { status: 404, nl: 'Niet gevonden.', en: 'Not found.' },
  /** The route needs a signed-in user. */
  UNAUTHENTICATED: { status: 401, nl: 'Meld je aan om verder te gaan.', en: 'Sign in to continue.' },
  /** The session cookie is unknown, expired or ended. */
  SESSION_INVALID: {
    status: 401,
    nl: 'Je sessie is verlopen. Meld je opnieuw aan.',
    en: 'Your session has expired. Sign in again.',
  },
  /** The caller's role may not use this route. */
  FORBIDDEN: {
    status: 403,
    nl: 'Je hebt geen toegang tot deze functie.',
    en: 'You do not have access to this function.',
  },
  /** A cookie-authenticated write without the session's CSRF token in `x-csrf-token`. */
  CSRF_TOKEN_INVALID: {
    status: 403,
    nl: 'Het beveiligingstoken ontbreekt of is ongeldig. Herlaad de pagina.',
    en: 'The security token is missing or invalid. Reload the page.',
  },
  /** A read-only API token was used for a write. */
  TOKEN_SCOPE_INSUFFICIENT: {
    status: 403,
    nl: 'Dit API-token mag alleen lezen.',
    en: 'This API token is read-only.',
  },
  /** The API token is unknown, revoked or expired. */
  TOKEN_INVALID: {
    status: 401,
    nl: 'Het API-token is ongeldig, ingetrokken of verlopen.',
    en: 'The API token is invalid, revoked or expired.',
  },
  /** E-mail address and password do not match an active account. */
  INVALID_CREDENTIALS: {
    status: 401,
    nl: 'E-mailadres of wachtwoord is onjuist.',
    en: 'E-mail address or password is incorrect.',
  },
  /** No longer answered by login (it told who has an account); kept so old clients still read it. */
  ACCOUNT_LOCKED: {
    status: 423,
    nl: 'Dit account is tijdelijk vergrendeld na te veel mislukte aanmeldingen. Probeer later opnieuw.',
    en: 'This account is temporarily locked after too many failed sign-ins. Try again later.',
  },
  /**
   * Too many attempts (from this address, or on this account whether or not it exists): wait
   * `context.retryAfterSeconds` (also the `Retry-After` header).
   */
  RATE_LIMITED: {
    status: 429,
    nl: 'Te veel pogingen. Wacht even en probeer opnieuw.',
    en: 'Too many attempts. Wait a moment and try again.',
  },
  /** The new password breaks the password rules; `details` says which. */
  PASSWORD_TOO_WEAK: {
    status: 400,
    nl: 'Het wachtwoord voldoet niet aan de regels.',
    en: 'The password does not meet the rules.',
  },
  /** Another account already uses this e-mail address. */
  EMAIL_TAKEN: {
    status: 409,
    nl: 'Er bestaat al een account met dit e-mailadres.',
    en: 'An account with this e-mail address already exists.',
  },
  /** The current password given to change it is wrong. */
  CURRENT_PASSWORD_WRONG: {
    status: 400,
    nl: 'Het huidige wachtwoord is onjuist.',
    en: 'The current password is incorrect.',
  },
  /** A cluster manager must belong to at least one existing cluster. */
  MANAGER_NEEDS_CLUSTER: {
    status: 400,
    nl: 'Een clustermanager moet aan minstens één bestaande cluster gekoppeld zijn.',
    en: 'A cluster manager must belong to at least one existing cluster.',
  },
  /** The admin cannot remove their own admin role or deactivate themselves. */
  CANNOT_CHANGE_OWN_ADMIN: {
    status: 409,
    nl: 'Je kan je eigen beheerdersrol niet wijzigen.',
    en: 'You cannot change your own admin role.',
  },
  /** Someone saved the object after you loaded it; reload and apply your change again. */
  STALE_VERSION: {
    status: 409,
    nl: 'Iemand anders heeft dit intussen gewijzigd. Herlaad en probeer opnieuw.',
    en: 'Someone else changed this in the meantime. Reload and try again.',
  },
  /** The same object was created or changed at the same moment by another request; one of them won. */
  ALREADY_EXISTS: {
    status: 409,
    nl: 'Dit bestaat al of werd net door een ander verzoek aangemaakt. Herlaad en controleer.',
    en: 'This already exists or was just created by another request. Reload and check.',
  },
  /** An id in the request points to an object that does not exist; `details` names the field. */
  REFERENCE_NOT_FOUND: {
    status: 400,
    nl: 'Een verwijzing in de invoer wijst naar iets dat niet bestaat.',
    en: 'A reference in the input points to something that does not exist.',
  },
  /** The object is still used elsewhere and cannot be removed. */
  STILL_REFERENCED: {
    status: 409,
    nl: 'Dit wordt nog elders gebruikt en kan niet verwijderd worden.',
    en: 'This is still used elsewhere and cannot be removed.',
  },
  /** Another request changed the same data at the same moment; try again. */
  CONCURRENT_UPDATE: {
    status: 409,
    nl: 'Een ander verzoek wijzigde dezelfde gegevens op hetzelfde moment. Probeer opnieuw.',
    en: 'Another request changed the same data at the same moment. Try again.',
  },
  /** An upload of a type the platform does not accept (checked on content, not only the name). */
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    nl: 'Dit bestandstype is niet toegelaten.',
    en: 'This file type is not allowed.',
  },
  /** An upload over the size limit. */
  FILE_TOO_LARGE: { status: 413, nl: 'Het bestand is te groot.', en: 'The file is too large.' },
  /** A backup through the server exists only for the embedded database; on PostgreSQL use pg_dump. */
  BACKUP_NOT_AVAILABLE: {
    status: 409,
    nl: 'Een back-up via de server kan alleen van de ingebouwde databank; gebruik pg_dump op PostgreSQL.',
    en: 'A backup through the server is only possible for the embedded database; use pg_dump on PostgreSQL.',
  },
  /** The database does not answer. */
  DATABASE_UNAVAILABLE: {
    status: 503,
    nl: 'De databank is niet bereikbaar.',
    en: 'The database is not reachable.',
  },
  /** An unexpected failure; the request id lets support find it in the logs. */
  INTERNAL_ERROR: {
    status: 500,
    nl: 'Er liep iets onverwacht mis. Vermeld het verzoeknummer aan de helpdesk.',
    en: 'Something unexpected went wrong. Quote the request id to the helpdesk.',
  },
} satisfies ErrorSpecs;
