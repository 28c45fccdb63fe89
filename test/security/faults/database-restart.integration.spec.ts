// The database hung, then restarted, under a running service: meanwhile the identity service stays
// alive (/healthz 200) but reports not ready (/readyz 503, mongodb down, answered at once) and
// answers a write with an error instead of hanging; once FerretDB is back on the same port and
// data, the service reconnects by itself, /readyz is 200 again and writes work. A private FerretDB
// (reached through a loopback proxy, which can make it hang) and a private NATS: the shared
// infrastructure is never stopped.
import { randomUUID } from 'node:crypto';
import { errorCodes, eventually, getUserToken, graphqlRequest } from '@sipadu/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentityService, type IdentityService } from '../../../services/identity/src/app.js';
import { identityEnvironment } from '../../../services/identity/src/environment.js';
import {
  Cleanup,
  getJson,
  originOf,
  startNatsServer,
  startPrivateFerretDb,
  startTcpProxy,
  timed,
  within,
  type PrivateServer,
  type TcpProxy,
} from './fault-kit.js';

const RUN = randomUUID().slice(0, 8).toUpperCase();
/** A readiness probe must answer promptly whatever its dependencies do (generous for slow CI). */
const PROBE_BOUND_MS = 5_000;
/** The driver's server selection gives up after 10 s; the answer must not wait much longer. */
const WRITE_BOUND_MS = 20_000;

const CREATE = `mutation ($code: String!) {
  createOrganization(input: { code: $code, name: "Organisasi uji", kind: DINAS }) { code }
}`;
const READ = 'query ($code: String!) { organization(code: $code) { code } }';

const cleanup = new Cleanup();
let ferretdb: PrivateServer;
let proxy: TcpProxy;
let identity: IdentityService;
let origin: string;
let token: string;

beforeAll(async () => {
  try {
    ferretdb = await startPrivateFerretDb();
    cleanup.add(() => ferretdb.destroy());
    proxy = await startTcpProxy(Number(new URL(ferretdb.url).port));
    cleanup.add(() => proxy.close());
    const nats = await startNatsServer();
    cleanup.add(() => nats.destroy());
    identity = await startIdentityService(
      identityEnvironment({
        ...process.env,
        PORT: '0',
        LOG_LEVEL: 'silent',
        MONGO_URL: `mongodb://127.0.0.1:${proxy.port}`,
        MONGO_DATABASE: 'faults-identity',
        NATS_URL: nats.url,
        SYNC_USERS_ON_START: 'false',
      }),
    );
    cleanup.add(() => identity.stop());
    origin = originOf(identity.url);
    token = await getUserToken('super-admin');
  } catch (error) {
    await cleanup.run();
    throw error;
  }
});

afterAll(() => cleanup.run());

/** /readyz, which must answer within the probe bound whatever the state of its dependencies. */
async function readiness(): Promise<{ status: number; mongodb: string | undefined }> {
  const { value, ms } = await timed(() =>
    within(PROBE_BOUND_MS * 3, '/readyz', getJson(`${origin}/readyz`)),
  );
  expect(ms).toBeLessThan(PROBE_BOUND_MS);
  const checks = value.body.checks as Record<string, string> | undefined;
  return { status: value.status, mongodb: checks?.mongodb };
}

async function create(code: string) {
  return within(
    WRITE_BOUND_MS,
    `createOrganization ${code}`,
    graphqlRequest(identity.url, CREATE, { token, variables: { code } }),
  );
}

describe('database outage', () => {
  it('reports not ready while FerretDB is down and reconnects by itself when it is back', async () => {
    expect(await readiness()).toEqual({ status: 200, mongodb: 'ok' });
    const before = await create(`SEBELUM-${RUN}`);
    expect(before.errors).toBeUndefined();

    await ferretdb.stop();
    await eventually('identity tidak siap tanpa basis data', async () => {
      const ready = await readiness();
      return ready.status === 503 && ready.mongodb === 'down';
    });
    expect((await getJson(`${origin}/healthz`)).status).toBe(200);
    // A write meanwhile fails with an answer, not a hang, and without leaking internals.
    const during = await create(`SELAMA-${RUN}`);
    expect(during.data ?? null).toBeNull();
    expect(errorCodes(during)).toHaveLength(1);
    expect(JSON.stringify(during.errors)).not.toMatch(/stack|mongo|ECONNREFUSED|127\.0\.0\.1/i);

    await ferretdb.start();
    await eventually(
      'identity siap lagi setelah basis data kembali',
      async () => (await readiness()).status === 200,
      60_000,
      500,
    );
    const after = await create(`SESUDAH-${RUN}`);
    expect(after.errors).toBeUndefined();
    // Nothing written before the restart was lost.
    const read = await graphqlRequest(identity.url, READ, {
      token,
      variables: { code: `SEBELUM-${RUN}` },
    });
    expect(read.data).toEqual({ organization: { code: `SEBELUM-${RUN}` } });
  }, 120_000);

  // Last: after a short hang the driver's monitor was seen to stay disconnected for over a minute
  // once the database answered again (open finding, see the issue note), so only the bounded
  // answer is asserted here and nothing runs after it.
  it('a hung database: /readyz still answers at once, not ready; /healthz stays up', async () => {
    proxy.setMode('blackhole');
    await eventually('identity tidak siap saat basis data macet', async () => {
      const ready = await readiness();
      return ready.status === 503 && ready.mongodb === 'down';
    });
    expect((await getJson(`${origin}/healthz`)).status).toBe(200);
    // Drops the frozen connections, so the service's shutdown does not wait on them.
    await proxy.close();
  }, 60_000);
});
