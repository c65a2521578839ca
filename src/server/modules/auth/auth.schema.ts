import { z } from 'zod';
import { RoleSchema } from '../users/users.schema';

export const LoginBody = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(256),
});

export const MeSchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    locale: z.enum(['nl', 'en']),
    clusterIds: z.array(z.string()),
  }),
  /** Send back in `x-csrf-token` on every write made with the session cookie. */
  csrfToken: z.string().nullable(),
  /** 'second_factor': send the authenticator code; 'enrolment': set up the second factor first. */
  signInStage: z.enum(['complete', 'second_factor', 'enrolment']),
  /** Enterprise numbers this session may represent (from the identity provider's mandate claim). */
  mandates: z.array(z.string()),
});

/** A provider sign-out: where the browser goes next (RP-initiated logout). */
export const LogoutSchema = z.object({ endSessionUrl: z.string() });

export const OidcProvidersSchema = z.object({
  /** False when passwords are switched off (`LOCAL_LOGIN=false`): the login page shows only the buttons. */
  localLogin: z.boolean(),
  providers: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      /** Where the button goes: the browser is sent on to the provider. */
      startUrl: z.string(),
    }),
  ),
});

export const OidcStartQuery = z.strictObject({
  /** A path in the app to open after signing in (default `/`). */
  next: z.string().max(1000).optional(),
});

/** What a provider sends the browser back with (RFC 6749, OpenID Connect, RFC 9207). */
export const OidcCallbackQuery = z.looseObject({
  code: z.string().max(4000).optional(),
  state: z.string().max(1000).optional(),
  iss: z.string().max(1000).optional(),
  error: z.string().max(1000).optional(),
  error_description: z.string().max(4000).optional(),
});

export const OidcProviderParams = z.strictObject({ id: z.string().max(40) });

export const TotpCodeBody = z.strictObject({
  /** Six digits from the authenticator app, or a recovery code (xxxx-xxxx-xxxx). */
  code: z.string().trim().min(6).max(20),
});

export const TotpStatusSchema = z.object({
  enrolled: z.boolean(),
  required: z.boolean(),
  /** False for an account that signs in only through an identity provider. */
  available: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});

export const TotpEnrolmentSchema = z.object({
  secret: z.string(),
  uri: z.string(),
  qrSvg: z.string(),
});

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(['read', 'write']),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const CreateApiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scope: z.enum(['read', 'write']),
  /** Days until it expires; at most the configured maximum, which is also the default. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const TokenIdParams = z.strictObject({ id: z.uuid() });
