import { z } from 'zod';

export const RoleSchema = z.enum(['admin', 'officer', 'manager', 'applicant', 'expert', 'analyst']);

export const UserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  locale: z.enum(['nl', 'en']),
  isActive: z.boolean(),
  clusterIds: z.array(z.string()),
  createdAt: z.string(),
});
UserSchema.register(z.globalRegistry, { id: 'User', description: 'An account.' });

export const CreateUserBody = z.strictObject({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  role: RoleSchema,
  password: z.string().min(1).max(256),
  clusterIds: z.array(z.uuid()).max(50).default([]),
});

export const SetRoleBody = z.strictObject({
  role: RoleSchema,
  clusterIds: z.array(z.uuid()).max(50).default([]),
});

export const ResetPasswordBody = z.strictObject({ password: z.string().min(1).max(256) });
export const SetActiveBody = z.strictObject({ isActive: z.boolean() });
export const UserIdParams = z.strictObject({ id: z.uuid() });
