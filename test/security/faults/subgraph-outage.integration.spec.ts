// A subgraph that hangs, then one that is gone, behind the production gateway: queries that touch
// only healthy subgraphs still answer, mixed ones answer with partial data and a typed
// DOWNSTREAM_SERVICE_ERROR within the gateway's subgraph timeout, and the gateway stays up.
// Real identity and notifications services (throwaway databases, a private NATS); the other
// subgraphs are simply not started, so their addresses refuse.
import { randomUUID } from 'node:crypto';
import { errorCodes, getUserToken, graphqlRequest, type GraphQLResponse } from '@sipadu/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentityService, type IdentityService } from '../../../services/identity/src/app.js';
import { identityEnvironment } from '../../../services/identity/src/environment.js';
import {
  startNotificationsService,
  type RunningNotificationsService,
} from '../../../services/notifications/src/app.js';
import { notificationsEnvironment } from '../../../services/notifications/src/environment.js';
import {
  Cleanup,
  dropDatabases,
  freePort,
  getJson,
  originOf,
  startFaultGateway,
  startNatsServer,
  startTcpProxy,
  timed,
  type TcpProxy,
} from './fault-kit.js';

const RUN = randomUUID().slice(0, 8);
const DATABASES = [`faults-sg-identity-${RUN}`, `faults-sg-notifications-${RUN}`] as const;
/** Short, so the hung-subgraph case costs seconds; the bound asserted below is generous. */
const SUBGRAPH_TIMEOUT_MS = 2_500;
const SLACK_MS = 8_000;

const HEALTHY = 'query { me { username } }';
const MIXED = `query { me { username } thread(subjectType: "LoanProject", subjectId: "faults-${RUN}") { id } }`;

type Mixed = { me: { username: string } | null; thread: { id: string } | null };

const cleanup = new Cleanup();
let gatewayUrl: string;
let gatewayOrigin: string;
let notifications: RunningNotificationsService;
let identity: IdentityService;
let proxy: TcpProxy;
let token: string;

beforeAll(async () => {
  try {
    const nats = await startNatsServer();
    cleanup.add(() => nats.destroy());
    cleanup.add(() => dropDatabases(process.env.MONGO_URL!, DATABASES));
    const common = { ...process.env, PORT: '0', LOG_LEVEL: 'silent', NATS_URL: nats.url };
    identity = await startIdentityService(
      identityEnvironment({
        ...common,
        MONGO_DATABASE: DATABASES[0],
        SYNC_USERS_ON_START: 'false',
      }),
    );
    cleanup.add(() => identity.stop());
    notifications = await startNotificationsService(
      notificationsEnvironment({
        ...common,
        MONGO_DATABASE: DATABASES[1],
        // Nothing listens there: no mail of this spec reaches the shared Mailpit.
        SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
      }),
    );
    cleanup.add(() => notifications.stop());
    // The gateway reaches notifications through the proxy, so the test can make it hang.
    proxy = await startTcpProxy(notifications.port);
    cleanup.add(() => proxy.close());

    const gateway = await startFaultGateway({
      NATS_URL: nats.url,
      SUBGRAPH_TIMEOUT_MS: String(SUBGRAPH_TIMEOUT_MS),
      IDENTITY_URL: originOf(identity.url),
      NOTIFICATIONS_URL: proxy.origin,
    });
    gatewayUrl = gateway.url;
    gatewayOrigin = originOf(gatewayUrl);
    cleanup.add(() => gateway.stop());
    token = await getUserToken('admin-opd');
  } catch (error) {
    await cleanup.run();
    throw error;
  }
});

afterAll(() => cleanup.run());

/** Partial data: identity's part answered, notifications' part null with a typed error. */
function expectPartial(response: GraphQLResponse<Mixed>): void {
  expect(response.status).toBe(200);
  expect(response.data?.me?.username).toBe('admin-opd');
  expect(response.data?.thread).toBeNull();
  expect(errorCodes(response)).toEqual(['DOWNSTREAM_SERVICE_ERROR']);
  expect(response.errors?.[0]?.extensions?.serviceName).toBe('notifications');
  expect(JSON.stringify(response.errors)).not.toMatch(/stack|at .+\.js:\d+/);
}

async function expectGatewayUp(): Promise<void> {
  expect((await getJson(`${gatewayOrigin}/healthz`)).status).toBe(200);
  const ready = await getJson(`${gatewayOrigin}/readyz`);
  // A subgraph down leaves the gateway ready (it still serves the rest) but reported degraded.
  expect(ready.status).toBe(200);
  expect(ready.body).toMatchObject({
    status: 'degraded',
    subgraphs: { identity: 'up', notifications: 'down' },
  });
}

describe('subgraph outage behind the gateway', () => {
  it('answers the mixed query in full while every subgraph it touches is up', async () => {
    const response = await graphqlRequest<Mixed>(gatewayUrl, MIXED, { token });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ me: { username: 'admin-opd' }, thread: null });
    const ready = await getJson(`${gatewayOrigin}/readyz`);
    expect(ready.body).toMatchObject({ subgraphs: { identity: 'up', notifications: 'up' } });
  });

  it('a hung subgraph: partial data within the subgraph timeout, healthy queries unaffected', async () => {
    proxy.setMode('blackhole');
    const healthy = await timed(() => graphqlRequest(gatewayUrl, HEALTHY, { token }));
    expect(healthy.value.errors).toBeUndefined();
    expect(healthy.value.data).toEqual({ me: { username: 'admin-opd' } });

    const mixed = await timed(() => graphqlRequest<Mixed>(gatewayUrl, MIXED, { token }));
    expectPartial(mixed.value);
    expect(mixed.ms).toBeGreaterThanOrEqual(SUBGRAPH_TIMEOUT_MS - 100);
    expect(mixed.ms).toBeLessThan(SUBGRAPH_TIMEOUT_MS + SLACK_MS);
    await expectGatewayUp();
  });

  it('a killed subgraph: partial data at once, healthy queries unaffected, gateway up', async () => {
    // Stopped for good: its port (the proxy's, which the gateway knows) now refuses.
    await notifications.stop();
    await proxy.close();
    const healthy = await graphqlRequest(gatewayUrl, HEALTHY, { token });
    expect(healthy.errors).toBeUndefined();
    expect(healthy.data).toEqual({ me: { username: 'admin-opd' } });

    const mixed = await timed(() => graphqlRequest<Mixed>(gatewayUrl, MIXED, { token }));
    expectPartial(mixed.value);
    // A refused connection is known at once: no waiting for the timeout.
    expect(mixed.ms).toBeLessThan(SUBGRAPH_TIMEOUT_MS + SLACK_MS);
    await expectGatewayUp();
    // An operation of the dead subgraph alone is refused with the same typed error, not a 500.
    const alone = await graphqlRequest(gatewayUrl, 'query { unreadNotificationCount }', { token });
    expect(alone.status).toBeLessThan(500);
    expect(errorCodes(alone)).toEqual(['DOWNSTREAM_SERVICE_ERROR']);
  });
});
