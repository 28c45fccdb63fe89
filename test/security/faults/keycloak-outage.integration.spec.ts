// Keycloak unreachable: tokens it already issued keep working at the gateway and at a subgraph
// (their signing keys are cached), and a token signed with a key they never saw is refused with
// 401 UNAUTHENTICATED at once, never a 500 or a hang.
//
// This is a network-level outage of the real Keycloak: the shared Keycloak keeps running for the
// other suites, but the gateway and the identity service under test reach it only through a
// loopback TCP proxy, which first hangs (a host that accepts and never answers) and is then closed
// (connections refused). For them, Keycloak is down. One proxy each, so the spec can tell that
// each of them really went to Keycloak for the unknown key while it hung.
import { randomUUID } from 'node:crypto';
import {
  decodeClaims,
  errorCodes,
  eventually,
  getUserToken,
  graphqlRequest,
  startLocalIssuer,
} from '@sipadu/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentityService } from '../../../services/identity/src/app.js';
import { identityEnvironment } from '../../../services/identity/src/environment.js';
import { KEYCLOAK_REALM, PORTS } from '../../../scripts/lib/infra/versions.js';
import {
  Cleanup,
  dropDatabases,
  originOf,
  startFaultGateway,
  startNatsServer,
  startTcpProxy,
  timed,
  within,
  type TcpProxy,
} from './fault-kit.js';

const RUN = randomUUID().slice(0, 8);
const DATABASE = `faults-kc-identity-${RUN}`;
/** jose gives up a JWKS fetch after 5 s: a refusal must come well before a client gives up. */
const REFUSAL_BOUND_MS = 10_000;
const ME = 'query { me { username } }';
const CERTS_PATH = `/realms/${KEYCLOAK_REALM}/protocol/openid-connect/certs`;

const cleanup = new Cleanup();
/** Keycloak as the gateway and as the identity service reach it. */
const keycloakFor: Record<'gateway' | 'identity', TcpProxy> = {} as never;
const urls: Record<'gateway' | 'identity', string> = { gateway: '', identity: '' };
let token: string;
let unknownKeyToken: string;

beforeAll(async () => {
  try {
    for (const name of ['gateway', 'identity'] as const) {
      const proxy = await startTcpProxy(PORTS.keycloak);
      keycloakFor[name] = proxy;
      cleanup.add(() => proxy.close());
    }
    const nats = await startNatsServer();
    cleanup.add(() => nats.destroy());
    cleanup.add(() => dropDatabases(process.env.MONGO_URL!, [DATABASE]));
    const identity = await startIdentityService(
      identityEnvironment({
        ...process.env,
        PORT: '0',
        LOG_LEVEL: 'silent',
        NATS_URL: nats.url,
        MONGO_DATABASE: DATABASE,
        SYNC_USERS_ON_START: 'false',
        // Keys and the admin API through the proxy; the issuer stays what tokens carry.
        KEYCLOAK_URL: keycloakFor.identity.origin,
        KEYCLOAK_JWKS_URL: `${keycloakFor.identity.origin}${CERTS_PATH}`,
      }),
    );
    cleanup.add(() => identity.stop());
    urls.identity = identity.url;

    const gateway = await startFaultGateway({
      NATS_URL: nats.url,
      KEYCLOAK_URL: keycloakFor.gateway.origin,
      IDENTITY_URL: originOf(identity.url),
    });
    urls.gateway = gateway.url;
    cleanup.add(() => gateway.stop());

    // Issued by the real Keycloak before the outage.
    token = await getUserToken('admin-opd');
    // Same claims, signed with a key Keycloak never published (fresh iat/exp from the signer).
    const stranger = await startLocalIssuer();
    cleanup.add(() => stranger.close());
    const { iat: _iat, exp: _exp, ...claims } = decodeClaims(token);
    unknownKeyToken = await stranger.sign({ ...claims, jti: randomUUID() });
  } catch (error) {
    await cleanup.run();
    throw error;
  }
});

afterAll(() => cleanup.run());

async function expectTokenWorks(): Promise<void> {
  for (const target of ['gateway', 'identity'] as const) {
    const response = await within(
      REFUSAL_BOUND_MS,
      `${target} dengan token sah`,
      graphqlRequest(urls[target], ME, { token }),
    );
    expect(response.errors, target).toBeUndefined();
    expect(response.data, target).toEqual({ me: { username: 'admin-opd' } });
  }
}

/** One call with the unknown key: 401 UNAUTHENTICATED, no data, in time. */
async function expectUnknownKeyRefused(target: 'gateway' | 'identity'): Promise<void> {
  const { value, ms } = await timed(() =>
    within(
      REFUSAL_BOUND_MS,
      `${target} dengan kunci tak dikenal`,
      graphqlRequest(urls[target], ME, { token: unknownKeyToken }),
    ),
  );
  expect(value.status, target).toBe(401);
  expect(errorCodes(value), target).toEqual(['UNAUTHENTICATED']);
  expect(value.data ?? null, target).toBeNull();
  expect(ms, target).toBeLessThan(REFUSAL_BOUND_MS);
}

describe('Keycloak outage (network level)', () => {
  it('with Keycloak reachable, the token works and the unknown key is refused', async () => {
    await expectTokenWorks();
    for (const target of ['gateway', 'identity'] as const) await expectUnknownKeyRefused(target);
  });

  it('Keycloak hanging: the issued token still works, the unknown key is refused in time', async () => {
    for (const proxy of Object.values(keycloakFor)) proxy.setMode('blackhole');
    await expectTokenWorks();
    // Verifiers throttle key refreshes (keycloak-connect 10 s, jose 5 s): ask until each one has
    // really gone to the hung Keycloak for the unknown key, and was refused in time then too.
    for (const target of ['identity', 'gateway'] as const) {
      await eventually(
        `${target} mencoba mengambil kunci dari Keycloak yang macet`,
        async () => {
          const before = keycloakFor[target].accepted;
          await expectUnknownKeyRefused(target);
          return keycloakFor[target].accepted > before;
        },
        30_000,
        1_000,
      );
    }
    await expectTokenWorks();
  });

  it('Keycloak refusing connections: the issued token still works until it expires', async () => {
    for (const proxy of Object.values(keycloakFor)) await proxy.close();
    expect(Number(decodeClaims(token).exp) * 1000).toBeGreaterThan(Date.now());
    await expectTokenWorks();
    for (const target of ['gateway', 'identity'] as const) await expectUnknownKeyRefused(target);
  });
});
