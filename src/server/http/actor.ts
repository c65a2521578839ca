import type { Role, SignInStage } from '../db/core.tables';
import type { AuditActor } from '../audit/record-audit';

/** The signed-in user (or API token owner) behind a request. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: Role;
  locale: 'nl' | 'en';
  /** Clusters a cluster manager belongs to (empty for other roles). */
  clusterIds: string[];
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
  tokenScope?: 'read' | 'write';
  /** When the API token behind this request expires (a token cannot mint one that lives longer). */
  tokenExpiresAt?: Date;
  /** A session's stage: only 'complete' sessions reach routes that do not name the stage. */
  signInStage?: SignInStage;
  /** Enterprise numbers this session may represent (from an OpenID Connect mandate claim). */
  mandates?: string[];
}

export function auditActorOf(actor: Actor | null): AuditActor {
  return actor ? { userId: actor.userId, label: actor.email } : { userId: null, label: 'anonymous' };
}

export const systemActor = (label: string): AuditActor => ({ userId: null, label });
