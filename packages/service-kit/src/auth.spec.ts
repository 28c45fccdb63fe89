import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hmacToken,
  startLocalIssuer,
  tamperedToken,
  unsignedToken,
  type LocalIssuer,
} from '@sipadu/test-kit';
import { GraphQLError } from 'graphql';
import { bearerToken, createTokenVerifier, type TokenVerifier } from './auth.js';

let issuer: LocalIssuer;
let verify: TokenVerifier;

const claims = (extra: Record<string, unknown> = {}) => ({
  sub: 'user-1',
  aud: ['sipadu-api', 'account'],
  iss: issuer.issuer,
  preferred_username: 'admin-opd',
  name: 'Ratna Sari',
  org: 'DINKES',
  azp: 'sipadu-web',
  realm_access: { roles: ['admin-opd', 'offline_access', 'not-a-sipadu-role'] },
  ...extra,
});

async function refusal(token: string): Promise<GraphQLError> {
  const error = await verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  return error as GraphQLError;
}

beforeAll(async () => {
  issuer = await startLocalIssuer();
  verify = createTokenVerifier({
    issuer: issuer.issuer,
    jwksUrl: issuer.jwksUrl,
    audience: 'sipadu-api',
  });
});
afterAll(() => issuer.close());

describe('createTokenVerifier', () => {
  it('accepts a valid token and builds the principal from its claims', async () => {
    const principal = await verify(await issuer.sign(claims()));
    expect(principal).toMatchObject({
      kind: 'user',
      id: 'user-1',
      username: 'admin-opd',
      organizationCode: 'DINKES',
      roles: ['admin-opd'],
      clientId: 'sipadu-web',
      scopes: [],
    });
  });

  it('recognises a partner system token (client credentials)', async () => {
    const principal = await verify(
      await issuer.sign(
        claims({
          preferred_username: 'service-account-sipadu-partner',
          client_id: 'sipadu-partner',
          azp: 'sipadu-partner',
          org: undefined,
          scope: 'profile sipadu:sipd email',
        }),
      ),
    );
    expect(principal.kind).toBe('client');
    expect(principal.clientId).toBe('sipadu-partner');
    // Only SIPADU's own scopes are kept: they are what the access rules check.
    expect(principal.scopes).toEqual(['sipadu:sipd']);
  });

  it.each([
    [
      'expired',
      async () => issuer.sign(claims(), { expiresIn: Math.floor(Date.now() / 1000) - 60 }),
    ],
    ['wrong audience', async () => issuer.sign(claims({ aud: 'account' }))],
    ['wrong issuer', async () => issuer.sign(claims({ iss: 'http://evil.example/realms/sipadu' }))],
    [
      'alg none',
      async () =>
        unsignedToken({
          ...claims(),
          exp: Math.floor(Date.now() / 1000) + 300,
          iat: Math.floor(Date.now() / 1000),
        }),
    ],
    [
      'HS256',
      async () =>
        hmacToken(
          {
            ...claims(),
            exp: Math.floor(Date.now() / 1000) + 300,
            iat: Math.floor(Date.now() / 1000),
          },
          'shared-secret',
        ),
    ],
    [
      'tampered payload',
      async () =>
        tamperedToken(await issuer.sign(claims()), { realm_access: { roles: ['super-admin'] } }),
    ],
    ['garbage', async () => 'not.a.token'],
  ])('refuses a %s token with UNAUTHENTICATED', async (_case, make) => {
    const error = await refusal(await make());
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(/Silakan masuk kembali/);
  });

  it('keeps working after the issuer rotates its key', async () => {
    await verify(await issuer.sign(claims()));
    await issuer.rotate();
    // A token with an unknown kid makes jose refetch the JWKS (after its short cooldown).
    await new Promise((resolve) => setTimeout(resolve, 5_100));
    const principal = await verify(await issuer.sign(claims()));
    expect(principal.id).toBe('user-1');
  });
});

describe('bearerToken', () => {
  it('reads the token, allows absence and refuses malformed headers', () => {
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(() => bearerToken('Basic dXNlcjpwYXNz')).toThrow(/Bearer/);
  });
});
