import type { ErrorSpecs } from '../../errors/error-spec';

/** Errors of the second factor (TOTP) and of sign-in through OpenID Connect providers. */
export const signinErrors = {
  /** The password was right; the session waits for the code of the authenticator app. */
  SECOND_FACTOR_REQUIRED: {
    status: 401,
    nl: 'Geef eerst de code uit je authenticator-app (tweede factor).',
    en: 'Enter the code from your authenticator app (second factor) first.',
  },
  /** The role's local accounts must use a second factor: set it up on the account page first. */
  TOTP_ENROLMENT_REQUIRED: {
    status: 403,
    nl: 'Stel eerst een tweede factor (authenticator-app) in voor je account.',
    en: 'Set up a second factor (authenticator app) for your account first.',
  },
  /** The six-digit code (or recovery code) is wrong, expired or already used. */
  TOTP_CODE_INVALID: {
    status: 400,
    nl: 'De code is onjuist, verlopen of al gebruikt. Geef de huidige code uit je app of een ongebruikte herstelcode.',
    en: 'The code is wrong, expired or already used. Enter the current code from your app or an unused recovery code.',
  },
  /** Enrolment started while a confirmed second factor exists: switch it off first. */
  TOTP_ALREADY_ENROLLED: {
    status: 409,
    nl: 'Je account heeft al een tweede factor. Schakel die eerst uit om een nieuwe in te stellen.',
    en: 'Your account already has a second factor. Switch it off first to set up a new one.',
  },
  /** A confirmation without a started enrolment. */
  TOTP_NOT_STARTED: {
    status: 409,
    nl: 'Start eerst het instellen van de tweede factor (QR-code) en bevestig dan met een code.',
    en: 'Start setting up the second factor (QR code) first, then confirm with a code.',
  },
  /** The second factor cannot be switched off: the configuration requires it for this role. */
  TOTP_REQUIRED_FOR_ROLE: {
    status: 409,
    nl: 'Voor jouw rol is een tweede factor verplicht; je kan ze niet uitschakelen.',
    en: 'A second factor is required for your role; you cannot switch it off.',
  },
  /** There is no second factor to switch off. */
  TOTP_NOT_ENROLLED: {
    status: 409,
    nl: 'Je account heeft geen tweede factor.',
    en: 'Your account has no second factor.',
  },
  /** The account signs in through an identity provider, which handles the second factor. */
  TOTP_NOT_FOR_SSO: {
    status: 409,
    nl: 'Je meldt je aan via een identiteitsprovider; die regelt de tweede factor.',
    en: 'You sign in through an identity provider, which handles the second factor.',
  },
  /** Local passwords are switched off (LOCAL_LOGIN=false): sign in through a provider. */
  LOCAL_LOGIN_DISABLED: {
    status: 403,
    nl: 'Aanmelden met wachtwoord is uitgeschakeld. Meld je aan via een van de knoppen.',
    en: 'Signing in with a password is switched off. Sign in with one of the buttons.',
  },
  /** No OpenID Connect provider with this id is configured. */
  OIDC_PROVIDER_UNKNOWN: {
    status: 404,
    nl: 'Deze aanmeldmethode bestaat niet.',
    en: 'This sign-in method does not exist.',
  },
  /** The provider's answer does not belong to a sign-in started in this browser (state, nonce, expired). */
  OIDC_STATE_INVALID: {
    status: 400,
    nl:
      'Het antwoord van de identiteitsprovider hoort niet bij een aanmelding uit deze ' +
      'browser of is verlopen. Meld je opnieuw aan.',
    en: 'The identity provider answer does not belong to a sign-in from this browser, or it expired. Sign in again.',
  },
  /** The provider refused or its answer could not be checked (signature, issuer, audience). */
  OIDC_SIGNIN_FAILED: {
    status: 502,
    nl: 'De aanmelding bij de identiteitsprovider is mislukt. Probeer opnieuw of neem contact op met de beheerder.',
    en: 'Signing in with the identity provider failed. Try again or contact the administrator.',
  },
  /** The provider's claims give no role on this platform (the role mapping has no entry for them). */
  OIDC_NO_ROLE: {
    status: 403,
    nl:
      'Je bent aangemeld bij de identiteitsprovider, maar je hebt geen toegang tot dit ' +
      'platform. Vraag toegang aan de beheerder.',
    en:
      'You signed in with the identity provider, but you have no access to this platform. ' +
      'Ask the administrator for access.',
  },
  /** The account behind this identity was deactivated by an admin. */
  OIDC_ACCOUNT_INACTIVE: {
    status: 403,
    nl: 'Je account op dit platform is gedeactiveerd. Neem contact op met de beheerder.',
    en: 'Your account on this platform has been deactivated. Contact the administrator.',
  },
  /** The provider gave no e-mail address, or one a local account uses without a verified match. */
  OIDC_EMAIL_UNUSABLE: {
    status: 409,
    nl:
      'De identiteitsprovider gaf geen (geverifieerd) e-mailadres dat we aan een account ' +
      'kunnen koppelen. Neem contact op met de beheerder.',
    en: 'The identity provider gave no (verified) e-mail address we can link to an account. Contact the administrator.',
  },
} satisfies ErrorSpecs;
