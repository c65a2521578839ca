export default {
  nl: {
    title: 'Aanmelden',
    intro: 'Meld je aan met je e-mailadres en wachtwoord.',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    submit: 'Aanmelden',
    publicIntro: 'Zonder account:',
    publicLink: 'open oproepen, clusterportefeuille en open data',
    demoHint:
      'Demo: gebruik bv. officer@speerpunt.example met het wachtwoord dat de server bij de eerste start toonde.',
    accountTitle: 'Mijn account',
    changePassword: 'Wachtwoord wijzigen',
    currentPassword: 'Huidig wachtwoord',
    newPassword: 'Nieuw wachtwoord (minstens 12 tekens)',
    passwordChanged: 'Je wachtwoord is gewijzigd.',
    tokens: 'API-tokens voor scripts',
    developerTools: 'Voor ontwikkelaars',
    developerToolsIntro:
      'Hulpmiddelen voor wie met scripts of de API werkt; niet nodig voor het dagelijkse werk.',
    apiDocs: 'API-documentatie',
    jsonTools: 'Toewijzing en rangschikking uit JSON',
    tokenName: 'Naam',
    tokenScope: 'Rechten',
    scopeRead: 'Alleen lezen',
    scopeWrite: 'Lezen en schrijven',
    createToken: 'Token aanmaken',
    tokenSecret: 'Kopieer dit token nu; het wordt niet meer getoond:',
    revoke: 'Intrekken',
    revoked: 'Ingetrokken',
    created: 'Aangemaakt',
    lastUsed: 'Laatst gebruikt',
    nav: { account: 'Mijn account' },
    totpTitle: 'Tweede factor (authenticator-app)',
    totpIntro:
      'Beveilig je account met een code uit een authenticator-app (bv. FreeOTP, Google ' +
      'Authenticator of Microsoft Authenticator).',
    totpRequired: 'Voor jouw rol is een tweede factor verplicht.',
    totpViaProvider: 'Je meldt je aan via een identiteitsprovider; die regelt de tweede factor.',
    totpStart: 'Tweede factor instellen',
    totpScan:
      'Scan deze QR-code met je authenticator-app, of typ de geheime sleutel over. Geef dan de code die de app toont.',
    totpQrAlt: 'QR-code om de tweede factor in je authenticator-app toe te voegen',
    totpSecret: 'Geheime sleutel:',
    totpCode: 'Code uit de app (6 cijfers) of herstelcode',
    totpConfirm: 'Bevestigen',
    totpOn: 'Ingeschakeld',
    totpDisable: 'Tweede factor uitschakelen',
    recoveryTitle: 'Je herstelcodes',
    recoveryIntro:
      'Bewaar deze codes op een veilige plaats. Elke code werkt één keer als je je app niet ' +
      'bij de hand hebt. Ze worden niet meer getoond.',
    recoveryDone: 'Ik heb ze bewaard',
    recoveryLeft_one: 'Nog {{count}} herstelcode ongebruikt.',
    recoveryLeft_other: 'Nog {{count}} herstelcodes ongebruikt.',
    secondFactorTitle: 'Tweede factor',
    secondFactorIntro: 'Geef de code die je authenticator-app nu toont, of een van je herstelcodes.',
    secondFactorSubmit: 'Doorgaan',
    enrolTitle: 'Stel eerst je tweede factor in',
    signInWith: 'Aanmelden met {{label}}',
    providersIntro: 'Meld je aan via je identiteitsprovider.',
    orWithPassword: 'of met e-mailadres en wachtwoord',
    signInFailed: 'Aanmelden is niet gelukt',
    signInError: {
      OIDC_NO_ROLE:
        'Je bent aangemeld bij de identiteitsprovider, maar je hebt geen toegang tot dit platform. ' +
        'Vraag toegang aan de beheerder.',
      OIDC_STATE_INVALID:
        'Het antwoord van de identiteitsprovider hoort niet bij een aanmelding uit deze browser of is ' +
        'verlopen. Meld je opnieuw aan.',
      OIDC_SIGNIN_FAILED:
        'De aanmelding bij de identiteitsprovider is mislukt. Probeer opnieuw of neem contact op met de beheerder.',
      OIDC_ACCOUNT_INACTIVE: 'Je account op dit platform is gedeactiveerd. Neem contact op met de beheerder.',
      OIDC_EMAIL_UNUSABLE:
        'De identiteitsprovider gaf geen (geverifieerd) e-mailadres dat we aan een account kunnen koppelen. ' +
        'Neem contact op met de beheerder.',
      OIDC_PROVIDER_UNKNOWN: 'Deze aanmeldmethode bestaat niet.',
      other: 'Aanmelden is niet gelukt. Probeer opnieuw.',
    },
    signInStage: {
      complete: 'Aangemeld',
      second_factor: 'Wacht op de tweede factor',
      enrolment: 'Moet de tweede factor instellen',
    },
  },
  en: {
    title: 'Sign in',
    intro: 'Sign in with your e-mail address and password.',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Sign in',
    publicIntro: 'Without an account:',
    publicLink: 'open calls, cluster portfolio and open data',
    demoHint: 'Demo: use e.g. officer@speerpunt.example with the password the server printed at first start.',
    accountTitle: 'My account',
    changePassword: 'Change password',
    currentPassword: 'Current password',
    newPassword: 'New password (at least 12 characters)',
    passwordChanged: 'Your password has been changed.',
    tokens: 'API tokens for scripts',
    developerTools: 'For developers',
    developerToolsIntro: 'Tools for those who work with scripts or the API; not needed for daily work.',
    apiDocs: 'API documentation',
    jsonTools: 'Assignment and ranking from JSON',
    tokenName: 'Name',
    tokenScope: 'Rights',
    scopeRead: 'Read only',
    scopeWrite: 'Read and write',
    createToken: 'Create token',
    tokenSecret: 'Copy this token now; it will not be shown again:',
    revoke: 'Revoke',
    revoked: 'Revoked',
    created: 'Created',
    lastUsed: 'Last used',
    nav: { account: 'My account' },
    totpTitle: 'Second factor (authenticator app)',
    totpIntro:
      'Protect your account with a code from an authenticator app (e.g. FreeOTP, Google ' +
      'Authenticator or Microsoft Authenticator).',
    totpRequired: 'A second factor is required for your role.',
    totpViaProvider: 'You sign in through an identity provider, which handles the second factor.',
    totpStart: 'Set up a second factor',
    totpScan:
      'Scan this QR code with your authenticator app, or type the secret key. Then enter the code the app shows.',
    totpQrAlt: 'QR code to add the second factor to your authenticator app',
    totpSecret: 'Secret key:',
    totpCode: 'Code from the app (6 digits) or recovery code',
    totpConfirm: 'Confirm',
    totpOn: 'Switched on',
    totpDisable: 'Switch the second factor off',
    recoveryTitle: 'Your recovery codes',
    recoveryIntro:
      'Keep these codes somewhere safe. Each works once when you do not have your app at ' +
      'hand. They will not be shown again.',
    recoveryDone: 'I have saved them',
    recoveryLeft_one: '{{count}} recovery code left unused.',
    recoveryLeft_other: '{{count}} recovery codes left unused.',
    secondFactorTitle: 'Second factor',
    secondFactorIntro: 'Enter the code your authenticator app shows now, or one of your recovery codes.',
    secondFactorSubmit: 'Continue',
    enrolTitle: 'Set up your second factor first',
    signInWith: 'Sign in with {{label}}',
    providersIntro: 'Sign in through your identity provider.',
    orWithPassword: 'or with e-mail address and password',
    signInFailed: 'Signing in did not work',
    signInError: {
      OIDC_NO_ROLE:
        'You signed in with the identity provider, but you have no access to this platform. ' +
        'Ask the administrator for access.',
      OIDC_STATE_INVALID:
        'The identity provider answer does not belong to a sign-in from this browser, or it expired. Sign in again.',
      OIDC_SIGNIN_FAILED:
        'Signing in with the identity provider failed. Try again or contact the administrator.',
      OIDC_ACCOUNT_INACTIVE: 'Your account on this platform has been deactivated. Contact the administrator.',
      OIDC_EMAIL_UNUSABLE:
        'The identity provider gave no (verified) e-mail address we can link to an account. ' +
        'Contact the administrator.',
      OIDC_PROVIDER_UNKNOWN: 'This sign-in method does not exist.',
      other: 'Signing in did not work. Try again.',
    },
    signInStage: {
      complete: 'Signed in',
      second_factor: 'Waiting for the second factor',
      enrolment: 'Must set up the second factor',
    },
  },
};
