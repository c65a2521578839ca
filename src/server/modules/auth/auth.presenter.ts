import type { Actor } from '../../http/actor';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export function presentMe(actor: Actor) {
  return {
    user: {
      id: actor.userId,
      email: actor.email,
      name: actor.name,
      role: actor.role,
      locale: actor.locale,
      clusterIds: actor.clusterIds,
    },
    csrfToken: actor.csrfToken ?? null,
    signInStage: actor.signInStage ?? 'complete',
    mandates: actor.mandates ?? [],
  };
}

export function presentApiToken(row: {
  id: string;
  name: string;
  scope: 'read' | 'write';
  created_at: Date | string;
  expires_at: Date | string | null;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
}) {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: iso(row.expires_at),
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}
