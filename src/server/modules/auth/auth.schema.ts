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
