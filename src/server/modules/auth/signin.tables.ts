import type { Generated } from 'kysely';
import type { Instant, InstantDefault } from '../../db/core.tables';

export interface UserTotpTable {
  user_id: string;
  /** The base32 secret the authenticator app holds, sealed (`v1.…`, AES-256-GCM: totp-secret-box.ts). */
  secret: string;
  /** Null until the first code confirms the enrolment. */
  confirmed_at: Date | string | null;
  /** The last accepted time step: a code of that step or earlier is not accepted again. */
  last_time_step: string | number | null;
  created_at: InstantDefault;
}

export interface UserRecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  used_at: Date | string | null;
}

export interface OidcIdentitiesTable {
  issuer: string;
  subject: string;
  provider_id: string;
  user_id: string;
  created_at: InstantDefault;
  last_login_at: InstantDefault;
  /**
   * Linked to a local account with a confirmed second factor: the next sign-ins through the provider
   * ask that factor until it is given once.
   */
  second_factor_pending: Generated<boolean>;
}

export interface OidcFlowsTable {
  /** SHA-256 of the browser's flow cookie: the answer must come back to the browser that started. */
  id: string;
  provider_id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  next_path: Generated<string>;
  created_at: InstantDefault;
  expires_at: Instant;
}

export interface ProposalRepresentativesTable {
  proposal_id: string;
  organisation_id: string;
  user_id: string;
  enterprise_number: string;
  /** When the representative was first confirmed: kept when the mandate is gone later. */
  first_acted_at: InstantDefault;
  last_acted_at: InstantDefault;
  /** The identity provider whose mandate claim confirmed it (the session's provider). */
  oidc_provider: string | null;
}

export interface SigninTables {
  user_totp: UserTotpTable;
  user_recovery_codes: UserRecoveryCodesTable;
  oidc_identities: OidcIdentitiesTable;
  oidc_flows: OidcFlowsTable;
  proposal_representatives: ProposalRepresentativesTable;
}
