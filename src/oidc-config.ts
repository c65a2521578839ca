import type { Role } from './server/db/core.tables';
import { ROLES } from './server/http/access';

/** One entry of a provider's role mapping: a claim value gives a role. */
export interface RoleMapping {
  /** The claim value, or `*` for everyone the other entries do not match. */
  value: string;
  role: Role;
  /** Written as `value=role!`: this role replaces one an admin set by hand. */
  overridesManual: boolean;
}

/** An OpenID Connect provider, from `OIDC_<ID>_*` environment variables. */
export interface OidcProviderConfig {
  /** Lower-case id from `OIDC_PROVIDERS`, used in the URLs (`/api/auth/oidc/<id>/start`). */
  id: string;
  label: string;
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  scopes: string;
  /** Where the provider sends the browser back: `<public URL>/api/auth/oidc/<id>/callback`. */
  redirectUrl: string;
  /** The claim that holds the role (a string or a list, e.g. `groups`); absent: only `*` maps. */
  roleClaim: string | undefined;
  roleMap: RoleMapping[];
  /** The claim listing the enterprise numbers the person may represent. */
  mandateClaim: string | undefined;
  /** `array`: a JSON list of numbers; `delimited`: one string, numbers separated by commas, spaces or `;`. */
  mandateFormat: 'array' | 'delimited';
  /** Only for tests against a provider on 127.0.0.1 over plain HTTP. */
  allowInsecureHttp: boolean;
}

/** `OIDC_<ID>_ROLE_MAP=staff-officers=officer,analysts=analyst,*=applicant` (a `!` after the role: overrides). */
export function parseRoleMap(value: string | undefined, name: string): RoleMapping[] {
  const entries = (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return entries.map((entry) => {
    const at = entry.lastIndexOf('=');
    if (at <= 0) throw new Error(`${name}: expected claim-value=role, got "${entry}"`);
    const rolePart = entry.slice(at + 1).trim();
    const overridesManual = rolePart.endsWith('!');
    const role = (overridesManual ? rolePart.slice(0, -1) : rolePart) as Role;
    if (!ROLES.includes(role)) throw new Error(`${name}: unknown role "${rolePart}"`);
    return { value: entry.slice(0, at).trim(), role, overridesManual };
  });
}

export function parseOidcProviders(env: NodeJS.ProcessEnv): OidcProviderConfig[] {
  const ids = (env.OIDC_PROVIDERS ?? '')
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
  return ids.map((id) => {
    if (!/^[a-z][a-z0-9_]{0,30}$/.test(id)) throw new Error(`OIDC_PROVIDERS: invalid provider id "${id}"`);
    const prefix = `OIDC_${id.toUpperCase()}_`;
    const read = (key: string) => env[prefix + key]?.trim() || undefined;
    const required = (key: string) => {
      const value = read(key);
      if (!value) throw new Error(`${prefix}${key} is required for provider "${id}"`);
      return value;
    };
    const format = read('MANDATE_FORMAT') ?? 'array';
    if (format !== 'array' && format !== 'delimited')
      throw new Error(`${prefix}MANDATE_FORMAT: expected array or delimited, got "${format}"`);
    return {
      id,
      label: read('LABEL') ?? id,
      issuer: required('ISSUER'),
      clientId: required('CLIENT_ID'),
      clientSecret: read('CLIENT_SECRET'),
      scopes: read('SCOPES') ?? 'openid email profile',
      redirectUrl: required('REDIRECT_URL'),
      roleClaim: read('ROLE_CLAIM'),
      roleMap: parseRoleMap(read('ROLE_MAP'), `${prefix}ROLE_MAP`),
      mandateClaim: read('MANDATE_CLAIM'),
      mandateFormat: format,
      allowInsecureHttp: read('ALLOW_HTTP') === 'true',
    };
  });
}
