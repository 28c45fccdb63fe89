// Token suite (issue 10): every bad token is refused with 401 UNAUTHENTICATED, an Indonesian
// message and no internals, at the gateway and at each subgraph called directly; a deactivated
// account's unexpired token stops working within seconds; after a Keycloak key rotation new
// tokens work within seconds while old ones keep working. Real Keycloak: the `sipadu` dev realm,
// plus a temporary realm of this suite for the foreign issuer and the key rotation (the shared
// realm's keys are never touched).
import { randomUUID } from 'node:crypto';
import {
  DEV_REALM,
  decodeClaims,
  errorCodes,
  eventually,
  expiredToken,
  getUserToken,
  graphqlRequest,
  hmacToken,
  keycloakUrl,
  masterRealmToken,
  publicSigningKeys,
  tamperedToken,
  tokenEndpoint,
  unsignedToken,
  wrongAudienceToken,
  type GraphQLResponse,
} from '@sipadu/test-kit';
import { createTokenVerifier as createSubgraphVerifier } from '@sipadu/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessHeader,
  composeTestSupergraph,
  startTestGateway,
  startTestSubgraph,
  type TestGateway,
  type TestSubgraph,
  type TestSubgraphContext,
} from '../../gateway/src/test-harness.js';
import { startApiStack, type ApiStack } from '../support/api-stack.js';

const DATABASE = 'sipadu_tokens_test';
/** Any operation: the token is checked before the query is even parsed. */
const PROBE = '{ __typename }';
/**
 * A new signing key must be accepted everywhere within this: both verifiers refetch the JWKS for an
 * unknown key id at most every 5 s, measured from their last fetch (before the rotation).
 */
const ROTATION_DEADLINE_MS = 7_000;

let stack: ApiStack;
let targets: [string, string][];
let superAdmin: string;

async function admin(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`${keycloakUrl()}/admin/realms${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${await masterRealmToken()}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
  if (!response.ok && response.status !== 404) {
    throw new Error(`Keycloak admin ${path}: HTTP ${response.status} ${await response.text()}`);
  }
  return response;
}

/** Password grant through the dev-only public client `sipadu-test` of `realm`. */
async function passwordGrant(
  realm: string,
  username: string,
  password: string,
): Promise<{ access_token: string; refresh_token: string }> {
  const response = await fetch(tokenEndpoint(realm), {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'sipadu-test',
      username,
      password,
    }),
  });
  if (!response.ok) throw new Error(`login ${username}@${realm}: HTTP ${response.status}`);
  return (await response.json()) as { access_token: string; refresh_token: string };
}

/** A refusal as the issue requires it: 401, UNAUTHENTICATED only, Indonesian, no internals. */
function expectRefused(where: string, response: GraphQLResponse<unknown>, message: RegExp): void {
  const context = `${where}: ${JSON.stringify(response)}`;
  expect(response.status, context).toBe(401);
  expect(errorCodes(response), context).toEqual(['UNAUTHENTICATED']);
  expect(response.errors?.[0]?.message, context).toMatch(message);
  expect(response.data ?? null, context).toBeNull();
  expect(JSON.stringify(response), context).not.toMatch(
    /stacktrace|exception|\bat \S+:\d+|Error:/i,
  );
}

async function probeEverywhere(token: string): Promise<[string, GraphQLResponse<unknown>][]> {
  return Promise.all(
    targets.map(
      async ([name, url]) => [name, await graphqlRequest(url, PROBE, { token })] as const,
    ),
  );
}

/** A realm of this suite only: a public password-grant client with the `sipadu-api` audience. */
async function createTemporaryRealm(): Promise<{ realm: string; user: string; password: string }> {
  const realm = `sipadu-tokens-${randomUUID().slice(0, 8)}`;
  const password = 'Rahasia!Token2026';
  await admin('', {
    method: 'POST',
    body: JSON.stringify({
      realm,
      enabled: true,
      clients: [
        {
          clientId: 'sipadu-test',
          publicClient: true,
          standardFlowEnabled: false,
          directAccessGrantsEnabled: true,
          protocolMappers: [
            {
              name: 'audience sipadu-api',
              protocol: 'openid-connect',
              protocolMapper: 'oidc-audience-mapper',
              config: {
                'included.custom.audience': 'sipadu-api',
                'access.token.claim': 'true',
                'id.token.claim': 'false',
              },
            },
          ],
        },
      ],
      users: [
        {
          username: 'penguji',
          enabled: true,
          firstName: 'Penguji',
          lastName: 'Token',
          email: 'penguji@contoh.go.id',
          emailVerified: true,
          credentials: [{ type: 'password', value: password, temporary: false }],
        },
      ],
    }),
  });
  return { realm, user: 'penguji', password };
}

let temporary: { realm: string; user: string; password: string } | undefined;
const createdUsers: string[] = [];

beforeAll(async () => {
  [stack, temporary] = await Promise.all([startApiStack(DATABASE), createTemporaryRealm()]);
  targets = [['gateway', stack.gatewayUrl], ...Object.entries(stack.subgraphUrls)];
  superAdmin = await getUserToken('super-admin');
});

afterAll(async () => {
  for (const id of createdUsers) {
    await admin(`/${DEV_REALM}/users/${id}`, { method: 'DELETE' }).catch(() => undefined);
  }
  if (temporary) await admin(`/${temporary.realm}`, { method: 'DELETE' }).catch(() => undefined);
  await stack?.stop();
});

describe('tokens at the gateway and at every subgraph', () => {
  it('accepts a valid token everywhere (the control)', async () => {
    for (const [where, response] of await probeEverywhere(superAdmin)) {
      expect(response.errors, where).toBeUndefined();
      expect(response.status, where).toBe(200);
    }
  });

  const invalid = /Silakan masuk kembali/;
  it.each<[string, () => Promise<string[]>]>([
    ['expired', async () => [await expiredToken()]],
    ['wrong audience', async () => [await wrongAudienceToken()]],
    [
      'wrong issuer (a real token of another realm, with the sipadu-api audience)',
      async () => [
        (await passwordGrant(temporary!.realm, temporary!.user, temporary!.password)).access_token,
        await masterRealmToken(),
      ],
    ],
    ['alg none', async () => [unsignedToken(decodeClaims(superAdmin))]],
    [
      'HS256, including the realm public key as HMAC secret (key confusion)',
      async () =>
        Promise.all(
          [
            'sipadu-api',
            ...(await publicSigningKeys(
              `${keycloakUrl()}/realms/${DEV_REALM}/protocol/openid-connect/certs`,
            )),
          ].map((secret) => hmacToken(decodeClaims(superAdmin), secret)),
        ),
    ],
    [
      'tampered (claims changed under the real signature)',
      async () => [
        tamperedToken(await getUserToken('admin-opd'), {
          org: 'DPUPR',
          realm_access: { roles: ['super-admin'] },
        }),
      ],
    ],
  ])('refuses a token that is %s', async (_case, make) => {
    for (const token of await make()) {
      for (const [where, response] of await probeEverywhere(token)) {
        expectRefused(where, response, invalid);
      }
    }
  });
});

describe('a deactivated account', () => {
  it('is refused everywhere within seconds, its sessions ended; re-activation admits new tokens', async () => {
    const username = `uji-token-${randomUUID().slice(0, 8)}`;
    const password = 'Sipadu!Token2026';
    const created = await graphqlRequest<{ createUser: { id: string } }>(
      stack.gatewayUrl,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        token: superAdmin,
        variables: {
          input: {
            username,
            name: 'Uji Token',
            email: `${username}@contoh.go.id`,
            organizationCode: 'DINKES',
            roles: ['pelaksana'],
            password,
          },
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createUser.id;
    createdUsers.push(id);

    const { access_token: token } = await passwordGrant(DEV_REALM, username, password);
    for (const [where, response] of await probeEverywhere(token)) {
      expect(response.errors, where).toBeUndefined();
    }

    const setActive = (active: boolean) =>
      graphqlRequest(
        stack.gatewayUrl,
        `mutation ($id: ID!, $active: Boolean!) { setUserActive(id: $id, active: $active, reason: "uji token") { active } }`,
        { token: superAdmin, variables: { id, active } },
      );
    expect((await setActive(false)).errors).toBeUndefined();
    await eventually(
      'the token refused at the gateway and at every subgraph',
      async () => (await probeEverywhere(token)).every(([, response]) => response.status === 401),
      10_000,
      100,
    );
    for (const [where, response] of await probeEverywhere(token)) {
      expectRefused(where, response, /Akun Anda telah dinonaktifkan/);
    }
    // Identity also ended the account's Keycloak sessions: its refresh token is dead too.
    const sessions = (await (
      await admin(`/${DEV_REALM}/users/${id}/sessions`)
    ).json()) as unknown[];
    expect(sessions).toEqual([]);

    expect((await setActive(true)).errors).toBeUndefined();
    const { access_token: fresh } = await passwordGrant(DEV_REALM, username, password);
    await eventually(
      'a token issued after the re-activation accepted everywhere',
      async () => (await probeEverywhere(fresh)).every(([, response]) => !response.errors),
      10_000,
      100,
    );
    // The token from before the deactivation stays refused until it expires.
    for (const [where, response] of await probeEverywhere(token)) {
      expectRefused(where, response, /Akun Anda telah dinonaktifkan/);
    }
  });
});

describe('Keycloak key rotation (temporary realm)', () => {
  let subgraph: TestSubgraph;
  let gateway: TestGateway;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(
      'identity',
      `${accessHeader}
      type Query { me: String }`,
      {
        Query: {
          me: (_: unknown, __: unknown, context: TestSubgraphContext) =>
            String(decodeClaims((context.headers.authorization ?? '').slice(7)).preferred_username),
        },
      },
    );
    gateway = await startTestGateway(composeTestSupergraph([subgraph]), {
      KEYCLOAK_URL: keycloakUrl(),
      KEYCLOAK_REALM: temporary!.realm,
      KEYCLOAK_ISSUER: `${keycloakUrl()}/realms/${temporary!.realm}`,
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await subgraph?.stop();
  });

  it('new tokens work at the gateway and in the subgraph verifier within seconds, old ones keep working', async () => {
    const { realm, user, password } = temporary!;
    const issuer = `${keycloakUrl()}/realms/${realm}`;
    // The verifier every subgraph builds (service-kit), pointed at this realm.
    const subgraphVerify = createSubgraphVerifier({
      issuer,
      jwksUrl: `${issuer}/protocol/openid-connect/certs`,
      audience: 'sipadu-api',
    });
    const login = async () => (await passwordGrant(realm, user, password)).access_token;
    const kid = (token: string) =>
      (
        JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()) as {
          kid: string;
        }
      ).kid;
    const accepted = async (token: string) => {
      const response = await graphqlRequest<{ me: string }>(gateway.url, '{ me }', { token });
      const principal = await subgraphVerify(token).catch(() => null);
      return response.data?.me === user && principal?.username === user;
    };

    // Both verifiers have fetched and cached the current key.
    const old = await login();
    expect(await accepted(old)).toBe(true);

    const { id: realmId } = (await (await admin(`/${realm}`)).json()) as { id: string };
    await admin(`/${realm}/components`, {
      method: 'POST',
      body: JSON.stringify({
        name: 'rsa-rotated',
        providerId: 'rsa-generated',
        providerType: 'org.keycloak.keys.KeyProvider',
        parentId: realmId,
        config: { priority: ['200'], keySize: ['2048'], active: ['true'], enabled: ['true'] },
      }),
    });
    const fresh = await login();
    expect(kid(fresh)).not.toBe(kid(old));

    await eventually('the new key accepted', () => accepted(fresh), ROTATION_DEADLINE_MS, 250);
    // The old key is still published (passive rotation): its tokens stay valid until they expire.
    expect(await accepted(old)).toBe(true);
  });
});
