import type { OidcProviderConfig, RoleMapping } from '../../../oidc-config';
import { parseEnterpriseNumber } from '../../../shared/enterprise-number';

export type Claims = Record<string, unknown>;

/** A claim by name, or by a dotted path into nested claims (`realm_access.roles`) when no claim has the name. */
function claimAt(claims: Claims, name: string): unknown {
  if (name in claims) return claims[name];
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Claims)[part];
  }
  return value;
}

function textValues(value: unknown): string[] {
  const items = Array.isArray(value) ? (value as unknown[]) : [value];
  return items
    .filter((item): item is string | number => typeof item === 'string' || typeof item === 'number')
    .map((item) => String(item).trim())
    .filter((item) => item !== '');
}

/**
 * The entry of the role mapping that applies: the first entry (in the configured order) whose value
 * the role claim holds, else the `*` entry; undefined when neither (the person gets no access).
 */
export function mappedRole(provider: OidcProviderConfig, claims: Claims): RoleMapping | undefined {
  const values = provider.roleClaim ? textValues(claimAt(claims, provider.roleClaim)) : [];
  return (
    provider.roleMap.find((entry) => entry.value !== '*' && values.includes(entry.value)) ??
    provider.roleMap.find((entry) => entry.value === '*')
  );
}

/** The enterprise numbers of the mandate claim, canonical (ten digits), unique and sorted; invalid ones dropped. */
export function mandatesOf(provider: OidcProviderConfig, claims: Claims): string[] {
  if (!provider.mandateClaim) return [];
  const raw = claimAt(claims, provider.mandateClaim);
  const items =
    provider.mandateFormat === 'delimited' && typeof raw === 'string'
      ? raw.split(/[,;\s]+/)
      : textValues(raw);
  const numbers = new Set<string>();
  for (const item of items) {
    const parsed = parseEnterpriseNumber(item);
    if (parsed.ok) numbers.add(parsed.value);
  }
  return [...numbers].sort();
}

/** E-mail (lower case, or null), whether the provider verified it, the display name, the locale. */
export function personOf(claims: Claims) {
  const text = (name: string) => {
    const value = claims[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  };
  const email = text('email')?.toLowerCase() ?? null;
  const given = [text('given_name'), text('family_name')].filter(Boolean).join(' ');
  return {
    email: email && /^[^\s@]+@[^\s@]+$/.test(email) ? email : null,
    emailVerified: claims.email_verified === true || claims.email_verified === 'true',
    name: (text('name') ?? (given || null) ?? email ?? '').slice(0, 200),
    locale: text('locale')?.toLowerCase().startsWith('en') ? ('en' as const) : ('nl' as const),
  };
}
