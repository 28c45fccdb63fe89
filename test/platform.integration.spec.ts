// The platform as a newcomer meets it: the identity subgraph behind the gateway, composed from
// the real SDL, with real Keycloak tokens. Mirrors the "done when" list of the foundation issue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeClaims,
  errorCodes,
  expiredToken,
  getUserToken,
  graphqlRequest,
  hmacToken,
  masterRealmToken,
  tamperedToken,
  unsignedToken,
  wrongAudienceToken,
} from '@sipadu/test-kit';
import { startApiStack, type ApiStack } from './support/api-stack.js';

const DATABASE = 'sipadu_identity_platform_test';
let stack: ApiStack;
let url: string;
const tokens: Record<string, string> = {};
const token = async (username: string) => (tokens[username] ??= await getUserToken(username));

beforeAll(async () => {
  stack = await startApiStack(DATABASE);
  url = stack.gatewayUrl;
});

afterAll(async () => {
  await stack?.stop();
});

const ME = `{ me { username roles organization { code name } } }`;

describe('platform through the gateway', () => {
  it.each([
    ['super-admin', 'DISKOMINFO'],
    ['admin-opd', 'DINKES'],
    ['pimpinan', 'SETDA'],
    ['bpkad', 'BPKAD'],
    ['pelaksana', 'DPUPR'],
    ['pemberi-pinjaman', 'PTSMI'],
    ['evaluator', 'INSPEKTORAT'],
    ['unit-kerja', 'DPUPR'],
    ['petugas-konsultasi', 'DPUPR'],
    ['kasubdit', 'DPUPR'],
    ['direktur', 'DPUPR'],
    ['pengelola-tik', 'DISKOMINFO'],
    ['petugas-tik', 'DISKOMINFO'],
    ['pemberi-tugas', 'DPUPR'],
  ])('%s gets their organization %s and role from me', async (username, org) => {
    const res = await graphqlRequest<{
      me: { username: string; roles: string[]; organization: { code: string } };
    }>(url, ME, {
      token: await token(username),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.me).toMatchObject({ username, organization: { code: org } });
    expect(res.data?.me.roles).toContain(username);
  });

  it.each([
    ['expired', () => expiredToken()],
    ['wrong audience', () => wrongAudienceToken()],
    ['wrong issuer', () => masterRealmToken()],
    ['alg none', async () => unsignedToken(decodeClaims(await token('super-admin')))],
    ['HS256', async () => hmacToken(decodeClaims(await token('super-admin')), 'sipadu-api')],
    ['tampered', async () => tamperedToken(await token('admin-opd'), { org: 'DPUPR' })],
  ])('refuses a %s token with UNAUTHENTICATED', async (_case, make) => {
    const res = await graphqlRequest(url, ME, { token: await make() });
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.data ?? null).toBeNull();
  });

  it('serves the public directory with no token and refuses anonymous private operations', async () => {
    const orgs = await graphqlRequest<{ organizations: { totalCount: number } }>(
      url,
      `{ organizations(first: 3) { totalCount edges { node { code name profile { address } } } } }`,
    );
    expect(orgs.errors).toBeUndefined();
    expect(orgs.data?.organizations.totalCount).toBeGreaterThanOrEqual(14);
    const one = await graphqlRequest<{ organization: { name: string } }>(
      url,
      `{ organization(code: "BPKAD") { name } }`,
    );
    expect(one.data?.organization.name).toMatch(/Keuangan/);
    const me = await graphqlRequest(url, ME);
    expect(errorCodes(me)).toEqual(['UNAUTHENTICATED']);
    const users = await graphqlRequest(url, `{ users { totalCount } }`);
    expect(errorCodes(users)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a query over the depth limit before any resolver runs', async () => {
    let nested = 'code';
    for (let i = 0; i < 14; i += 1) nested = `parent { ${nested} }`;
    const res = await graphqlRequest(url, `{ organization(code: "RSUD") { ${nested} } }`);
    expect(res.data ?? null).toBeNull();
    expect(errorCodes(res)[0]).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toMatch(/kedalaman/i);
  });

  it('enforces organization scope in the service: admin-opd of Dinas Kesehatan vs Dinas PUPR', async () => {
    const create = `mutation($input: CreateUserInput!) { createUser(input: $input) { id username } }`;
    const suffix = Date.now().toString(36);
    const input = {
      username: `gw-${suffix}`,
      name: 'Sari Wulandari',
      email: `gw-${suffix}@sipadu.local`,
      organizationCode: 'DPUPR',
      roles: ['unit-kerja'],
      password: 'Rahasia!2026x',
    };
    const refused = await graphqlRequest(url, create, {
      token: await token('admin-opd'),
      variables: { input },
    });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    const superAdmin = await graphqlRequest(url, create, {
      token: await token('admin-opd'),
      variables: { input: { ...input, organizationCode: 'DINKES', roles: ['super-admin'] } },
    });
    expect(errorCodes(superAdmin)).toEqual(['FORBIDDEN']);
    const allowed = await graphqlRequest<{ createUser: { id: string } }>(url, create, {
      token: await token('super-admin'),
      variables: { input },
    });
    expect(allowed.errors).toBeUndefined();
    const loggedIn = decodeClaims(await getUserToken(input.username, input.password));
    expect(loggedIn.org).toBe('DPUPR');
  });
});
