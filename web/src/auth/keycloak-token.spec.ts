import { describe, expect, it } from 'vitest';
import { needsRefresh, userFieldsFrom } from './keycloak-token';

const accessToken = (claims: object) =>
  ['e30', Buffer.from(JSON.stringify(claims)).toString('base64url'), 'sig'].join('.');

describe('keycloak token', () => {
  it('reads user, organization and SIPADU roles from the access token', () => {
    const fields = userFieldsFrom(
      accessToken({
        sub: 'u1',
        name: 'Siti Rahmawati',
        preferred_username: 'admin-opd',
        org: 'DINKES',
        realm_access: { roles: ['admin-opd', 'offline_access', 'default-roles-sipadu'] },
      }),
    );
    expect(fields).toMatchObject({
      sub: 'u1',
      name: 'Siti Rahmawati',
      username: 'admin-opd',
      organization: 'DINKES',
      roles: ['admin-opd'],
    });
  });

  it('refreshes shortly before expiry, not after a failure', () => {
    const now = 1_000;
    expect(needsRefresh({ expiresAt: now + 300 }, now)).toBe(false);
    expect(needsRefresh({ expiresAt: now + 10 }, now)).toBe(true);
    expect(needsRefresh({ expiresAt: now - 1, error: 'RefreshAccessTokenError' }, now)).toBe(false);
  });
});
