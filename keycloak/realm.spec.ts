import { readFileSync } from 'node:fs';
import { PARTNER_SCOPES, ROLES } from '@sipadu/service-kit';
import { describe, expect, it } from 'vitest';
import {
  DEV_REALM_PATH,
  buildDevRealm,
  loadDevOverlay,
  loadProductionRealm,
  renderRealm,
  type RealmRepresentation,
} from './build-dev-realm.js';

// The realm must define exactly the roles the services check.
const DOMAIN_ROLES = ROLES;

const EXPECTED_ORG: Record<string, string | undefined> = {
  'super-admin': 'DISKOMINFO',
  'admin-opd': 'DINKES',
  pimpinan: 'SETDA',
  bpkad: 'BPKAD',
  pelaksana: 'DPUPR',
  'pemberi-pinjaman': 'PTSMI',
  evaluator: 'INSPEKTORAT',
  'unit-kerja': 'DPUPR',
  'petugas-konsultasi': 'DPUPR',
  kasubdit: 'DPUPR',
  direktur: 'DPUPR',
  'pengelola-tik': 'DISKOMINFO',
  'petugas-tik': 'DISKOMINFO',
  'pemberi-tugas': 'DPUPR',
  publik: undefined,
  // A second executing agency for the loan projects (role pelaksana).
  'pelaksana-rsud': 'RSUD',
};
/** Demo users whose username is not their role. */
const EXTRA_USERS: Record<string, string> = { 'pelaksana-rsud': 'pelaksana' };

/** Partner systems (client credentials) and the SIPADU scopes their tokens carry. */
const PARTNER_SCOPES_OF: Record<string, string[]> = {
  'sipadu-partner': ['sipadu:sipd'],
  'mitra-ptsmi': ['sipadu:pemberi-pinjaman'],
  'mitra-provinsi': ['sipadu:statistik'],
  'sipadu-insights': ['sipadu:internal', 'sipadu:statistik'],
};

const production = loadProductionRealm();
const dev = JSON.parse(readFileSync(DEV_REALM_PATH, 'utf8')) as RealmRepresentation;
const client = (realm: RealmRepresentation, id: string) =>
  realm.clients.find((c) => c.clientId === id);

interface UserProfileConfig {
  attributes: { name: string; permissions?: { view?: string[]; edit?: string[] } }[];
}

function userProfile(realm: RealmRepresentation): UserProfileConfig {
  const components = realm.components as Record<string, { config: Record<string, string[]> }[]>;
  const raw =
    components['org.keycloak.userprofile.UserProfileProvider']?.[0]?.config[
      'kc.user.profile.config'
    ]?.[0];
  return JSON.parse(raw ?? '{}') as UserProfileConfig;
}

describe('realm-dev.json', () => {
  it('is exactly what build-dev-realm.ts generates (run `npx tsx keycloak/build-dev-realm.ts`)', () => {
    expect(readFileSync(DEV_REALM_PATH, 'utf8')).toBe(renderRealm(buildDevRealm()));
  });

  it('has one enabled user per role, username = role, in the agreed organization', () => {
    const people = (dev.users ?? []).filter((u) => !u.serviceAccountClientId);
    expect(people.map((u) => u.username).sort()).toEqual(
      [...DOMAIN_ROLES, ...Object.keys(EXTRA_USERS)].sort(),
    );
    const password = loadDevOverlay().devUsers.password;
    for (const user of people) {
      expect(user.realmRoles).toEqual([EXTRA_USERS[user.username] ?? user.username]);
      expect(user.enabled).toBe(true);
      expect(user.emailVerified).toBe(true);
      expect(user.email).toBe(`${user.username}@sipadu.local`);
      expect(user.attributes?.org?.[0]).toBe(EXPECTED_ORG[user.username]);
      expect(user.credentials).toEqual([{ type: 'password', value: password, temporary: false }]);
    }
  });

  it('has the sipadu-test client with the password grant only and dev secrets for confidential clients', () => {
    const test = client(dev, 'sipadu-test');
    expect(test).toMatchObject({
      publicClient: true,
      directAccessGrantsEnabled: true,
      standardFlowEnabled: false,
    });
    expect(test?.defaultClientScopes).toContain('sipadu-api');
    expect(client(dev, 'sipadu-partner')?.secret).toBe('sipadu-partner-dev-secret');
    expect(client(dev, 'sipadu-identity-admin')?.secret).toBe('sipadu-identity-admin-dev-secret');
    for (const clientId of Object.keys(PARTNER_SCOPES_OF)) {
      expect(client(dev, clientId)?.secret, clientId).toBe(`${clientId}-dev-secret`);
    }
  });
});

describe('realm-production.json', () => {
  it('declares every realm role of DOMAIN.md §1 with a description', () => {
    const roles = production.roles.realm;
    expect(roles.map((r) => r.name).sort()).toEqual([...DOMAIN_ROLES].sort());
    for (const role of roles) expect(role.description?.length).toBeGreaterThan(10);
  });

  it('has no people, only the identity service account', () => {
    for (const user of production.users ?? []) expect(user.serviceAccountClientId).toBeTruthy();
    const identity = production.users?.find(
      (u) => u.serviceAccountClientId === 'sipadu-identity-admin',
    );
    expect(identity?.clientRoles?.['realm-management']?.sort()).toEqual(
      ['manage-users', 'query-groups', 'query-users', 'view-realm', 'view-users'].sort(),
    );
  });

  it('has no sipadu-test client and no direct access grants anywhere', () => {
    expect(client(production, 'sipadu-test')).toBeUndefined();
    for (const c of production.clients) {
      expect(c.directAccessGrantsEnabled, c.clientId).toBe(false);
      expect(c.implicitFlowEnabled ?? false, c.clientId).toBe(false);
    }
  });

  it('keeps secrets out of the file: only environment placeholders', () => {
    const confidential = production.clients.filter(
      (c) => c.publicClient === false && !c.bearerOnly,
    );
    expect(confidential.map((c) => c.clientId).sort()).toEqual(
      ['sipadu-identity-admin', ...Object.keys(PARTNER_SCOPES_OF)].sort(),
    );
    for (const c of confidential) expect(c.secret).toMatch(/^\$\{[A-Z][A-Z0-9_]*\}$/);
    expect(JSON.stringify(production)).not.toMatch(/dev-secret|Sipadu!2026/);
  });

  it('configures sipadu-web as a public PKCE client with exact URIs', () => {
    const web = client(production, 'sipadu-web');
    // Keycloak substitutes the deployment's web origin at import; local development gets the default.
    const origin = '${SIPADU_WEB_URL:http://localhost:3000}';
    expect(web).toMatchObject({
      publicClient: true,
      standardFlowEnabled: true,
      serviceAccountsEnabled: false,
      redirectUris: [`${origin}/api/auth/callback/keycloak`],
      webOrigins: [origin],
    });
    expect(web?.attributes?.['pkce.code.challenge.method']).toBe('S256');
    expect(web?.attributes?.['post.logout.redirect.uris']).toBe(`${origin}/`);
    expect(web?.redirectUris?.some((u) => u.includes('*'))).toBe(false);
  });

  it('puts sipadu-api in the audience of every client that gets tokens', () => {
    for (const c of production.clients.filter((c) => !c.bearerOnly)) {
      expect(c.defaultClientScopes, c.clientId).toEqual(
        expect.arrayContaining(['sipadu-api', 'roles', 'basic']),
      );
    }
    const api = client(production, 'sipadu-api');
    expect(api).toMatchObject({
      bearerOnly: true,
      standardFlowEnabled: false,
      serviceAccountsEnabled: false,
    });
  });

  it('declares every partner scope of service-kit as a client scope included in the token scope', () => {
    const scopes = (production.clientScopes ?? []) as {
      name: string;
      description?: string;
      protocol?: string;
      attributes?: Record<string, string>;
    }[];
    for (const name of PARTNER_SCOPES) {
      const scope = scopes.find((s) => s.name === name);
      expect(scope?.protocol, name).toBe('openid-connect');
      expect(scope?.attributes?.['include.in.token.scope'], name).toBe('true');
      expect(scope?.description?.length, name).toBeGreaterThan(10);
    }
  });

  it.each(Object.entries(PARTNER_SCOPES_OF))(
    'makes %s a client-credentials-only client with the audience and scopes %j',
    (clientId, scopes) => {
      const partner = client(production, clientId);
      expect(partner).toMatchObject({
        enabled: true,
        publicClient: false,
        serviceAccountsEnabled: true,
        standardFlowEnabled: false,
        implicitFlowEnabled: false,
        directAccessGrantsEnabled: false,
      });
      expect(partner?.attributes?.['oauth2.device.authorization.grant.enabled']).toBe('false');
      expect(partner?.attributes?.['oidc.ciba.grant.enabled']).toBe('false');
      const sipaduScopes = partner?.defaultClientScopes?.filter((s) => s.startsWith('sipadu:'));
      expect(sipaduScopes?.sort()).toEqual([...scopes].sort());
      expect(partner?.defaultClientScopes).toContain('sipadu-api');
      expect(partner?.optionalClientScopes).toEqual([]);
    },
  );

  it('gives only mitra-ptsmi an organization, PTSMI, through a hard-coded claim', () => {
    const mappers = (client(production, 'mitra-ptsmi')?.protocolMappers ?? []) as {
      protocolMapper: string;
      config: Record<string, string>;
    }[];
    expect(mappers).toEqual([
      expect.objectContaining({
        protocolMapper: 'oidc-hardcoded-claim-mapper',
        config: expect.objectContaining({
          'claim.name': 'org',
          'claim.value': 'PTSMI',
          'access.token.claim': 'true',
        }) as unknown,
      }),
    ]);
    for (const clientId of ['sipadu-partner', 'mitra-provinsi', 'sipadu-insights']) {
      expect(client(production, clientId)?.protocolMappers, clientId).toBeUndefined();
    }
  });

  it('hardens the realm: brute force, password policy, short tokens, refresh rotation', () => {
    expect(production).toMatchObject({
      realm: 'sipadu',
      sslRequired: 'external',
      registrationAllowed: false,
      bruteForceProtected: true,
      revokeRefreshToken: true,
      refreshTokenMaxReuse: 0,
      internationalizationEnabled: true,
      defaultLocale: 'id',
    });
    expect(production.accessTokenLifespan).toBeLessThanOrEqual(300);
    expect(production.passwordPolicy).toMatch(/length\(1\d\)/);
    expect(production.supportedLocales).toEqual(expect.arrayContaining(['id', 'en']));
  });

  it('declares org, nip, phone and position in the user profile; users cannot change org', () => {
    const attributes = userProfile(production).attributes;
    for (const name of ['org', 'nip', 'phone', 'position']) {
      expect(
        attributes.find((a) => a.name === name),
        name,
      ).toBeDefined();
    }
    expect(attributes.find((a) => a.name === 'org')?.permissions?.edit).toEqual(['admin']);
  });
});
