import { describe, expect, it } from 'vitest';
import type { Principal } from './auth.js';
import { defineAccess } from './authorization.js';
import type { Role } from './roles.js';

const person = (roles: Role[], organizationCode: string | null = 'DINKES'): Principal => ({
  kind: 'user',
  id: `id-${roles.join('-')}`,
  username: roles[0] ?? 'x',
  name: null,
  email: null,
  organizationCode,
  roles,
  clientId: 'sipadu-web',
  scopes: [],
  expiresAt: 0,
});

const access = defineAccess({
  'Query.directory': { public: true },
  'Query.me': {},
  'Mutation.editProfile': {
    roles: ['admin-opd', 'super-admin'],
    scope: 'organization',
    acrossOrganizations: ['super-admin'],
  },
  'Query.partnerData': { roles: ['pimpinan'], clientScopes: ['sipadu:statistik'] },
});

const code = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('defineAccess', () => {
  it('lets anyone reach public operations', () => {
    expect(code(() => access.assert(null, 'Query.directory'))).toBe('ok');
  });

  it('asks anonymous callers to sign in for everything else', () => {
    expect(code(() => access.assert(null, 'Query.me'))).toBe('UNAUTHENTICATED');
    expect(code(() => access.require(null, 'Mutation.editProfile'))).toBe('UNAUTHENTICATED');
  });

  it('checks roles', () => {
    expect(
      code(() =>
        access.assert(person(['pelaksana']), 'Mutation.editProfile', {
          organizationCode: 'DINKES',
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(() =>
        access.assert(person(['admin-opd']), 'Mutation.editProfile', {
          organizationCode: 'DINKES',
        }),
      ),
    ).toBe('ok');
  });

  it('keeps an admin-opd inside their own organization, but not a super-admin', () => {
    expect(
      code(() =>
        access.assert(person(['admin-opd']), 'Mutation.editProfile', { organizationCode: 'DPUPR' }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(() =>
        access.assert(person(['admin-opd'], null), 'Mutation.editProfile', {
          organizationCode: null,
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(() =>
        access.assert(person(['super-admin'], 'DISKOMINFO'), 'Mutation.editProfile', {
          organizationCode: 'DPUPR',
        }),
      ),
    ).toBe('ok');
    expect(access.seesAllOrganizations(person(['admin-opd']), 'Mutation.editProfile')).toBe(false);
    expect(access.seesAllOrganizations(person(['super-admin']), 'Mutation.editProfile')).toBe(true);
  });

  it('admits a partner system only with a scope the rule names, whatever its roles', () => {
    const client = (scopes: string[]): Principal => ({
      ...person(['pimpinan'], null),
      kind: 'client',
      clientId: 'mitra-provinsi',
      scopes,
    });
    expect(code(() => access.assert(client(['sipadu:statistik']), 'Query.me'))).toBe('FORBIDDEN');
    expect(code(() => access.assert(client(['sipadu:statistik']), 'Query.partnerData'))).toBe('ok');
    expect(code(() => access.assert(client(['sipadu:sipd']), 'Query.partnerData'))).toBe(
      'FORBIDDEN',
    );
    expect(code(() => access.assert(client([]), 'Query.partnerData'))).toBe('FORBIDDEN');
  });
});
