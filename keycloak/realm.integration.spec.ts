// Talks to the real Keycloak started by test/global-setup.ts with keycloak/realm-dev.json imported.
import { readFileSync } from 'node:fs';
import {
  DEV_PASSWORD,
  TokenRequestError,
  decodeClaims,
  getClientToken,
  getPartnerToken,
  getUserToken,
  keycloakUrl,
  tokenEndpoint,
} from '@sipadu/test-kit';
import { ROLES } from '@sipadu/service-kit';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { describe, expect, inject, it } from 'vitest';
import { DEV_REALM_PATH, type RealmRepresentation } from './build-dev-realm.js';

const dev = JSON.parse(readFileSync(DEV_REALM_PATH, 'utf8')) as RealmRepresentation;
const devUsers = (dev.users ?? []).filter((u) => !u.serviceAccountClientId);
const secretOf = (clientId: string): string =>
  dev.clients.find((c) => c.clientId === clientId)?.secret ?? '';
const issuer = `${inject('infra').keycloakUrl.replace(/\/$/, '')}/realms/sipadu`;

const audience = (claims: Record<string, unknown>): string[] => {
  const aud = claims.aud;
  return Array.isArray(aud) ? (aud as string[]) : typeof aud === 'string' ? [aud] : [];
};

describe('Keycloak realm sipadu (dev)', () => {
  it('uses the one issuer form everywhere', async () => {
    const res = await fetch(`${keycloakUrl()}/realms/sipadu/.well-known/openid-configuration`);
    const config = (await res.json()) as { issuer: string };
    expect(config.issuer).toBe(issuer);
  });

  it.each(devUsers.map((u) => [u.username, u] as const))(
    'issues %s a short-lived token for sipadu-api with its role and organization',
    async (username, user) => {
      const claims = decodeClaims(await getUserToken(username));
      expect(audience(claims)).toContain('sipadu-api');
      expect(claims.iss).toBe(issuer);
      expect(claims.azp).toBe('sipadu-test');
      expect(claims.preferred_username).toBe(username);
      expect(claims.org).toBe(user.attributes?.org?.[0]);
      expect((claims.realm_access as { roles: string[] }).roles).toContain(user.realmRoles?.[0]);
      expect((claims.exp as number) - (claims.iat as number)).toBeLessThanOrEqual(300);
    },
  );

  it('signs tokens verifiably with the realm keys (issuer, audience, RS256)', async () => {
    const jwks = createRemoteJWKSet(
      new URL(`${keycloakUrl()}/realms/sipadu/protocol/openid-connect/certs`),
    );
    const { payload } = await jwtVerify(await getUserToken('pelaksana'), jwks, {
      issuer,
      audience: 'sipadu-api',
      algorithms: ['RS256'],
    });
    expect(payload.org).toBe('DPUPR');
  });

  it('refuses a wrong password', async () => {
    const error = await getUserToken('publik', `${DEV_PASSWORD}-salah`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRequestError);
    // RFC 6749 §5.2: a bad resource-owner password is invalid_grant with HTTP 400.
    expect((error as TokenRequestError).status).toBe(400);
    expect((error as TokenRequestError).body).toContain('invalid_grant');
  });

  it('does not allow the password grant on sipadu-web', async () => {
    const res = await fetch(tokenEndpoint(), {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'sipadu-web',
        username: 'bpkad',
        password: DEV_PASSWORD,
      }),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await res.text()).toContain('unauthorized_client');
  });

  it('requires PKCE on sipadu-web and only its exact redirect URI', async () => {
    const authorize = (params: Record<string, string>) =>
      fetch(
        `${keycloakUrl()}/realms/sipadu/protocol/openid-connect/auth?${new URLSearchParams({
          client_id: 'sipadu-web',
          response_type: 'code',
          scope: 'openid',
          state: 'uji',
          redirect_uri: 'http://localhost:3000/api/auth/callback/keycloak',
          ...params,
        })}`,
        { redirect: 'manual' },
      );
    const withoutPkce = await authorize({});
    expect(withoutPkce.headers.get('location')).toContain('error=invalid_request');
    const pkce = {
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    };
    expect((await authorize(pkce)).status).toBe(200);
    expect((await authorize({ ...pkce, redirect_uri: 'http://localhost:3000/lain' })).status).toBe(
      400,
    );
  });

  it('lets sipadu-identity-admin list users through the Admin REST API', async () => {
    const token = await getClientToken('sipadu-identity-admin', secretOf('sipadu-identity-admin'));
    const res = await fetch(
      `${keycloakUrl()}/admin/realms/sipadu/users?briefRepresentation=true&max=100`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(res.status).toBe(200);
    const users = (await res.json()) as { username: string }[];
    expect(users.map((u) => u.username)).toEqual(
      expect.arrayContaining(devUsers.map((u) => u.username)),
    );
  });

  it('lets sipadu-identity-admin create a user with an organization and map a realm role', async () => {
    const token = await getClientToken('sipadu-identity-admin', secretOf('sipadu-identity-admin'));
    const admin = (path: string, init: RequestInit = {}) =>
      fetch(`${keycloakUrl()}/admin/realms/sipadu${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      });
    const username = `uji-${Date.now()}`;
    const created = await admin('/users', {
      method: 'POST',
      body: JSON.stringify({
        username,
        enabled: true,
        email: `${username}@sipadu.local`,
        firstName: 'Pengguna',
        lastName: 'Uji',
        attributes: { org: ['RSUD'], position: ['Staf'] },
      }),
    });
    expect(created.status).toBe(201);
    const id = created.headers.get('location')?.split('/').pop() ?? '';
    try {
      const role = (await (await admin('/roles/pelaksana')).json()) as { id: string; name: string };
      const mapping = await admin(`/users/${id}/role-mappings/realm`, {
        method: 'POST',
        body: JSON.stringify([role]),
      });
      expect(mapping.status).toBe(204);
      const user = (await (await admin(`/users/${id}`)).json()) as {
        attributes?: Record<string, string[]>;
      };
      // Declared in the user profile, so the attribute is kept rather than dropped.
      expect(user.attributes?.org).toEqual(['RSUD']);
      const mapped = (await (await admin(`/users/${id}/role-mappings/realm`)).json()) as {
        name: string;
      }[];
      expect(mapped.map((r) => r.name)).toContain('pelaksana');
    } finally {
      expect((await admin(`/users/${id}`, { method: 'DELETE' })).status).toBe(204);
    }
  });

  it('gives sipadu-partner a client-credentials token for sipadu-api', async () => {
    const claims = decodeClaims(await getClientToken('sipadu-partner', secretOf('sipadu-partner')));
    expect(audience(claims)).toContain('sipadu-api');
    expect(claims.azp).toBe('sipadu-partner');
    expect(claims.iss).toBe(issuer);
  });

  it.each([
    ['sipadu-partner', ['sipadu:sipd'], undefined],
    ['mitra-ptsmi', ['sipadu:pemberi-pinjaman'], 'PTSMI'],
    ['mitra-provinsi', ['sipadu:statistik'], undefined],
    ['sipadu-insights', ['sipadu:internal', 'sipadu:statistik'], undefined],
  ] as const)(
    'gives partner %s a client-credentials token with scopes %j and org %s',
    async (clientId, scopes, org) => {
      const claims = decodeClaims(await getPartnerToken(clientId));
      expect(audience(claims)).toContain('sipadu-api');
      expect(claims.azp).toBe(clientId);
      expect(claims.preferred_username).toBe(`service-account-${clientId}`);
      const granted = String(claims.scope)
        .split(' ')
        .filter((s) => s.startsWith('sipadu:'));
      expect(granted.sort()).toEqual([...scopes].sort());
      expect(claims.org).toBe(org);
      // No SIPADU role: a partner is admitted by its scopes alone.
      const roles = (claims.realm_access as { roles?: string[] } | undefined)?.roles ?? [];
      expect(roles.filter((r) => (ROLES as readonly string[]).includes(r))).toEqual([]);
    },
  );

  it('does not let a user token carry a partner scope', async () => {
    const claims = decodeClaims(await getUserToken('pemberi-pinjaman'));
    expect(String(claims.scope)).not.toContain('sipadu:');
  });

  it('refuses a wrong client secret', async () => {
    const error = await getClientToken('sipadu-partner', 'bukan-rahasia').catch((e: unknown) => e);
    expect((error as TokenRequestError).status).toBe(401);
    expect((error as TokenRequestError).body).toContain('unauthorized_client');
  });
});
