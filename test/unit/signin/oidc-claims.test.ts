import { describe, expect, it } from 'vitest';
import { parseRoleMap, type OidcProviderConfig } from '../../../src/oidc-config';
import { mandatesOf, mappedRole, personOf } from '../../../src/server/modules/auth/oidc-claims';
import { enterpriseNumberFrom, formatEnterpriseNumber } from '../../../src/shared/enterprise-number';

const provider = (overrides: Partial<OidcProviderConfig> = {}): OidcProviderConfig => ({
  id: 'idp',
  label: 'IdP',
  issuer: 'https://idp.example',
  clientId: 'c',
  clientSecret: 's',
  scopes: 'openid',
  redirectUrl: 'https://app.example/api/auth/oidc/idp/callback',
  roleClaim: 'groups',
  roleMap: parseRoleMap('admins=admin!,officers=officer,*=applicant', 'test'),
  mandateClaim: 'mandates',
  mandateFormat: 'array',
  allowInsecureHttp: false,
  ...overrides,
});

const A = enterpriseNumberFrom(2_032_013);
const B = enterpriseNumberFrom(4_174_971);

describe('claims of an identity provider', () => {
  it('maps the first entry, in the configured order, that the role claim holds, else `*`', () => {
    expect(mappedRole(provider(), { groups: ['officers', 'admins'] })).toMatchObject({
      role: 'admin',
      overridesManual: true,
    });
    expect(mappedRole(provider(), { groups: 'officers' })?.role).toBe('officer');
    expect(mappedRole(provider(), { groups: ['visitors'] })?.role).toBe('applicant');
    const strict = provider({ roleMap: parseRoleMap('officers=officer', 'test') });
    expect(mappedRole(strict, { groups: ['visitors'] })).toBeUndefined();
    expect(mappedRole(strict, {})).toBeUndefined();
  });

  it('reads a nested role claim by a dotted name', () => {
    const keycloak = provider({ roleClaim: 'realm_access.roles' });
    expect(mappedRole(keycloak, { realm_access: { roles: ['officers'] } })?.role).toBe('officer');
  });

  it('keeps valid enterprise numbers of the mandate claim as ten digits, in both formats', () => {
    expect(mandatesOf(provider(), { mandates: [formatEnterpriseNumber(B), `BE ${A}`, '123', B] })).toEqual(
      [A, B].sort(),
    );
    const delimited = provider({ mandateFormat: 'delimited' });
    expect(mandatesOf(delimited, { mandates: `${A}; ${formatEnterpriseNumber(B)},nonsense` })).toEqual(
      [A, B].sort(),
    );
    expect(mandatesOf(provider({ mandateClaim: undefined }), { mandates: [A] })).toEqual([]);
  });

  it('takes e-mail (lower case), verification, name and locale from the claims', () => {
    expect(
      personOf({ email: 'Ann@Example.BE', email_verified: true, given_name: 'Ann', family_name: 'Peeters' }),
    ).toEqual({ email: 'ann@example.be', emailVerified: true, name: 'Ann Peeters', locale: 'nl' });
    expect(personOf({ email: 'not an address', locale: 'en-GB' })).toMatchObject({
      email: null,
      emailVerified: false,
      locale: 'en',
    });
  });
});
