import { generateKeyPairSync } from 'node:crypto';
import {
  decodeClaims,
  errorCodes,
  graphqlRequest,
  hmacToken,
  publicSigningKeys,
  startLocalIssuer,
  tamperedToken,
  unsignedToken,
  type LocalIssuer,
} from '@sipadu/test-kit';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, type TokenVerifier } from './auth.js';
import {
  accessHeader,
  composeTestSupergraph,
  startTestGateway,
  startTestSubgraph,
  type TestGateway,
  type TestSubgraph,
  type TestSubgraphContext,
} from './test-harness.js';

describe('token verification (keycloak-connect) against a real RS256 issuer', () => {
  let issuer: LocalIssuer;
  let verify: TokenVerifier;
  let claims: Record<string, unknown>;

  beforeAll(async () => {
    issuer = await startLocalIssuer();
    verify = createTokenVerifier({
      keycloakUrl: new URL(issuer.issuer).origin,
      realm: 'test',
      issuer: issuer.issuer,
      audience: 'sipadu-api',
    });
    claims = {
      iss: issuer.issuer,
      sub: 'user-1',
      azp: 'sipadu-web',
      aud: ['sipadu-api', 'account'],
      typ: 'Bearer',
    };
  });

  afterAll(async () => {
    await issuer?.close();
  });

  it('accepts a valid token and reports its subject and client', async () => {
    const token = await issuer.sign(claims);
    await expect(verify(token)).resolves.toEqual({
      subject: 'user-1',
      clientId: 'sipadu-web',
      authorization: `Bearer ${token}`,
    });
  });

  it('names the partner behind a client-credentials token, with its org and SIPADU scopes', async () => {
    const token = await issuer.sign({
      ...claims,
      sub: 'sa-ptsmi',
      azp: 'mitra-ptsmi',
      preferred_username: 'service-account-mitra-ptsmi',
      client_id: 'mitra-ptsmi',
      org: 'PTSMI',
      scope: 'email sipadu:pemberi-pinjaman profile',
    });
    await expect(verify(token)).resolves.toEqual({
      subject: 'sa-ptsmi',
      clientId: 'mitra-ptsmi',
      authorization: `Bearer ${token}`,
      partner: {
        clientId: 'mitra-ptsmi',
        organizationCode: 'PTSMI',
        scopes: ['sipadu:pemberi-pinjaman'],
      },
    });
  });

  it('keeps the public issuer and the internal key URL apart', async () => {
    // Keys come from 127.0.0.1 (internal) while tokens name a public issuer URL.
    const publicIssuer = 'https://sso.sipadu.example.go.id/realms/test';
    const split = createTokenVerifier({
      keycloakUrl: new URL(issuer.issuer).origin,
      realm: 'test',
      issuer: publicIssuer,
      audience: 'sipadu-api',
    });
    await expect(split(await issuer.sign({ ...claims, iss: publicIssuer }))).resolves.toMatchObject(
      {
        subject: 'user-1',
      },
    );
    await expect(split(await issuer.sign(claims))).rejects.toThrow(/wrong ISS/);
  });

  it.each<[string, () => Promise<string>, RegExp]>([
    [
      'expired',
      async () => issuer.sign(claims, { expiresIn: Math.floor(Date.now() / 1000) - 5 }),
      /expired/,
    ],
    ['wrong audience', async () => issuer.sign({ ...claims, aud: 'account' }), /wrong audience/],
    [
      'wrong issuer',
      async () => issuer.sign({ ...claims, iss: 'http://localhost:8080/realms/master' }),
      /wrong ISS/,
    ],
    [
      'not an access token (typ ID)',
      async () => issuer.sign({ ...claims, typ: 'ID' }),
      /wrong type/,
    ],
    [
      'alg none',
      async () => unsignedToken({ ...claims, exp: Math.floor(Date.now() / 1000) + 300 }),
      /algorithm none not allowed/,
    ],
    [
      'HS256 signed with the public key as HMAC secret',
      async () =>
        hmacToken(
          { ...claims, exp: Math.floor(Date.now() / 1000) + 300 },
          (await publicSigningKeys(issuer.jwksUrl))[0],
        ),
      /algorithm HS256 not allowed/,
    ],
    [
      'tampered payload',
      async () => tamperedToken(await issuer.sign(claims), { sub: 'admin' }),
      /signature/,
    ],
    [
      'signed by a foreign key under the trusted kid',
      async () => {
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        const kid = (decodeHeader(await issuer.sign(claims)) as { kid: string }).kid;
        return new SignJWT(claims)
          .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
          .setExpirationTime('5m')
          .sign(privateKey);
      },
      /signature/,
    ],
    [
      'an unknown key id',
      async () => issuer.sign(claims, { kid: 'tidak-dikenal' }),
      /Grant validation failed/,
    ],
    [
      'RS256 without a key id',
      async () =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'RS256' })
          .setExpirationTime('5m')
          .sign(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey),
      /no key id/,
    ],
  ])('rejects a token that is %s', async (_label, makeToken, reason) => {
    await expect(verify(await makeToken())).rejects.toThrow(reason);
  });
});

function decodeHeader(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

// Real Keycloak (realm `sipadu`, started by the project's infra helper).
const keycloakUrl = 'http://localhost:8080';
const realmUrl = `${keycloakUrl}/realms/sipadu`;
const keycloakUp = await fetch(realmUrl, { signal: AbortSignal.timeout(2_000) })
  .then((response) => response.ok)
  .catch(() => false);
if (!keycloakUp) {
  console.warn(
    `SKIP: Keycloak is not reachable at ${realmUrl}; real-token gateway checks skipped.`,
  );
}

async function passwordGrant(username: string): Promise<string> {
  const response = await fetch(`${realmUrl}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'sipadu-test',
      username,
      password: 'Sipadu!2026',
      scope: 'openid',
    }),
  });
  if (!response.ok)
    throw new Error(`login ${username} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

describe.skipIf(!keycloakUp)('gateway with real Keycloak tokens', () => {
  let identity: TestSubgraph;
  let gateway: TestGateway;
  let token: string;

  beforeAll(async () => {
    identity = await startTestSubgraph(
      'identity',
      `${accessHeader}
      type Query { organizations: [String!]! @public me: String }`,
      {
        Query: {
          organizations: () => ['DINKES'],
          me: (_: unknown, __: unknown, context: TestSubgraphContext) =>
            String(decodeClaims((context.headers.authorization ?? '').slice(7)).preferred_username),
        },
      },
    );
    gateway = await startTestGateway(composeTestSupergraph([identity]), {
      KEYCLOAK_URL: keycloakUrl,
      KEYCLOAK_ISSUER: realmUrl,
    });
    token = await passwordGrant('super-admin');
  });

  afterAll(async () => {
    await gateway?.stop();
    await identity?.stop();
  });

  it('accepts a real token and forwards it to the subgraph', async () => {
    const response = await graphqlRequest(gateway.url, '{ me }', { token });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ me: 'super-admin' });
    expect(identity.requests.at(-1)?.headers.authorization).toBe(`Bearer ${token}`);
  });

  it.each<[string, () => Promise<string>]>([
    ['alg none with the real claims', async () => unsignedToken(decodeClaims(token))],
    [
      'HS256 signed with the realm public key',
      async () =>
        hmacToken(
          decodeClaims(token),
          (await publicSigningKeys(`${realmUrl}/protocol/openid-connect/certs`))[0],
        ),
    ],
    ['a tampered real token', async () => tamperedToken(token, { preferred_username: 'bpkad' })],
    [
      'a real token with its signature cut off',
      async () => token.slice(0, token.lastIndexOf('.') + 1),
    ],
  ])('refuses %s with 401 UNAUTHENTICATED', async (_label, makeToken) => {
    const before = identity.requests.length;
    const response = await graphqlRequest(gateway.url, '{ me }', { token: await makeToken() });
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(identity.requests.length).toBe(before);
  });

  it('refuses a real token when the gateway expects another issuer', async () => {
    const other = await startTestGateway(composeTestSupergraph([identity]), {
      KEYCLOAK_URL: keycloakUrl,
      KEYCLOAK_ISSUER: 'https://sso.lain.example/realms/sipadu',
    });
    try {
      const response = await graphqlRequest(other.url, '{ me }', { token });
      expect(response.status).toBe(401);
    } finally {
      await other.stop();
    }
  });
});
