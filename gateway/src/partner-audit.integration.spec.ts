// Real Keycloak tokens (the partner clients of the dev realm) and the real NATS JetStream.
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { jetstreamManager } from '@nats-io/jetstream';
import type { Msg, NatsConnection, Subscription } from '@nats-io/nats-core';
import { connectNats, parseEnvelope, subjectForType } from '@sipadu/events';
import { createLogger } from '@sipadu/service-kit';
import {
  errorCodes,
  eventually,
  getPartnerToken,
  getUserToken,
  graphqlRequest,
  keycloakUrl,
  type GraphQLResponse,
} from '@sipadu/test-kit';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PARTNER_ACCESSED,
  PartnerAuditPublisher,
  partnerAccessEvent,
  type PartnerAccessEnvelope,
} from './partner-audit.js';
import {
  accessHeader,
  composeTestSupergraph,
  startTestGateway,
  startTestSubgraph,
  type TestGateway,
  type TestSubgraph,
} from './test-harness.js';

// Set by test/global-setup.ts for the shared infrastructure.
const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const infraSettings = { NATS_URL: natsUrl, KEYCLOAK_URL: keycloakUrl() };
const subject = subjectForType(PARTNER_ACCESSED);

const projectsTypeDefs = `${accessHeader}
type Query {
  loanProjects: [LoanProject!]!
  planningCodes: [String!]!
  restricted: String
  announcements: [String!]! @public
}
type Mutation { approveProject(id: ID!): LoanProject }
type LoanProject { id: ID! name: String! }
`;

const forbidden = () =>
  new GraphQLError('Sistem mitra tidak berwenang membaca data ini.', {
    extensions: { code: 'FORBIDDEN' },
  });

/** Every partner-access event published while the spec runs, as JetStream stored it. */
class EventTap {
  readonly received: { envelope: PartnerAccessEnvelope; msgId: string | undefined }[] = [];
  private constructor(
    readonly nc: NatsConnection,
    private readonly sub: Subscription,
  ) {}

  static async open(): Promise<EventTap> {
    const nc = await connectNats(natsUrl, 'gateway-partner-audit-spec');
    // JetStream publishes reach plain subscribers of the subject too, with their headers.
    const sub = nc.subscribe(subject);
    const tap = new EventTap(nc, sub);
    void (async () => {
      for await (const msg of sub) tap.add(msg);
    })();
    await nc.flush();
    return tap;
  }

  private add(msg: Msg): void {
    this.received.push({
      envelope: parseEnvelope(msg.json()) as PartnerAccessEnvelope,
      msgId: msg.headers?.get('Nats-Msg-Id'),
    });
  }

  /** The one event of a request, by the request id the test sent. */
  forRequest(
    requestId: string,
  ): Promise<{ envelope: PartnerAccessEnvelope; msgId: string | undefined }> {
    return eventually(`partner event of ${requestId}`, async () =>
      this.received.find((r) => r.envelope.data.requestId === requestId),
    );
  }

  async close(): Promise<void> {
    this.sub.unsubscribe();
    await this.nc.drain();
  }
}

describe('partner audit and limits at the gateway', () => {
  let projects: TestSubgraph;
  let gateway: TestGateway;
  let tap: EventTap;
  let sipd: string;
  let provinsi: string;

  const ask = async (
    query: string,
    token: string,
    target: TestGateway = gateway,
  ): Promise<GraphQLResponse & { requestId: string }> => {
    const requestId = `uji-${randomUUID()}`;
    const response = await graphqlRequest(target.url, query, {
      token,
      headers: { 'x-request-id': requestId },
    });
    return { ...response, requestId };
  };

  beforeAll(async () => {
    projects = await startTestSubgraph('projects', projectsTypeDefs, {
      Query: {
        loanProjects: () => [{ id: 'P-1', name: 'Jalan Lingkar Barat' }],
        planningCodes: () => ['1.03.10'],
        restricted: () => {
          throw forbidden();
        },
        announcements: () => [],
      },
      Mutation: {
        approveProject: () => {
          throw forbidden();
        },
      },
    });
    gateway = await startTestGateway(composeTestSupergraph([projects]), infraSettings);
    tap = await EventTap.open();
    [sipd, provinsi] = await Promise.all([
      getPartnerToken('sipadu-partner'),
      getPartnerToken('mitra-provinsi'),
    ]);
  });

  afterAll(async () => {
    await gateway?.stop();
    await projects?.stop();
    await tap?.close();
  });

  it('publishes an ALLOWED access with the operation, root fields and the partner as actor', async () => {
    const response = await ask(
      `query ProyekSipd { loanProjects { id name } ...Kode }
       fragment Kode on Query { planningCodes }`,
      sipd,
    );
    expect(response.errors).toBeUndefined();
    const { envelope, msgId } = await tap.forRequest(response.requestId);
    expect(msgId).toBe(envelope.id);
    expect(envelope).toMatchObject({
      type: PARTNER_ACCESSED,
      actor: { type: 'client', id: 'sipadu-partner', org: null },
      subject: { type: 'client', id: 'sipadu-partner' },
      org: null,
      data: {
        clientId: 'sipadu-partner',
        organizationCode: null,
        scopes: ['sipadu:sipd'],
        operationName: 'ProyekSipd',
        operationType: 'query',
        fields: ['Query.loanProjects', 'Query.planningCodes'],
        outcome: 'ALLOWED',
        errorCodes: [],
        requestId: response.requestId,
      },
    });
    expect(envelope.data.clientAddress).toMatch(/127\.0\.0\.1|::1/);
    expect(envelope.data.durationMs).toBeGreaterThanOrEqual(0);
    const jsm = await jetstreamManager(tap.nc);
    expect((await jsm.streams.info('SIPADU_GATEWAY')).config.subjects).toContain(
      'sipadu.gateway.>',
    );
  });

  it('records a refused read as FORBIDDEN and a mutation attempt with its type', async () => {
    const read = await ask('{ restricted }', provinsi);
    expect(errorCodes(read)).toEqual(['FORBIDDEN']);
    expect((await tap.forRequest(read.requestId)).envelope.data).toMatchObject({
      clientId: 'mitra-provinsi',
      scopes: ['sipadu:statistik'],
      operationName: null,
      fields: ['Query.restricted'],
      outcome: 'FORBIDDEN',
      errorCodes: ['FORBIDDEN'],
    });

    const write = await ask('mutation Setujui { approveProject(id: "P-1") { id } }', provinsi);
    expect(errorCodes(write)).toEqual(['FORBIDDEN']);
    expect((await tap.forRequest(write.requestId)).envelope.data).toMatchObject({
      operationName: 'Setujui',
      operationType: 'mutation',
      fields: ['Mutation.approveProject'],
      outcome: 'FORBIDDEN',
    });
  });

  it('records an invalid operation as REFUSED', async () => {
    const response = await ask('{ loanProjects { anggaranRahasia } }', sipd);
    expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect((await tap.forRequest(response.requestId)).envelope.data).toMatchObject({
      operationType: 'query',
      fields: ['Query.loanProjects'],
      outcome: 'REFUSED',
      errorCodes: ['GRAPHQL_VALIDATION_FAILED'],
    });
  });

  it('does not record people’s requests', async () => {
    const response = await ask('{ loanProjects { id } }', await getUserToken('bpkad'));
    expect(response.errors).toBeUndefined();
    const marker = await ask('{ planningCodes }', sipd);
    await tap.forRequest(marker.requestId);
    expect(tap.received.some((r) => r.envelope.data.requestId === response.requestId)).toBe(false);
  });

  it('limits each partner per minute with RATE_LIMITED (HTTP 429), audited, others unaffected', async () => {
    const limited = await startTestGateway(composeTestSupergraph([projects]), {
      ...infraSettings,
      PARTNER_RATE_LIMIT: '2',
    });
    try {
      for (let i = 0; i < 2; i += 1) {
        expect((await ask('{ planningCodes }', sipd, limited)).errors).toBeUndefined();
      }
      const refused = await ask('query Kode { planningCodes }', sipd, limited);
      expect(refused.status).toBe(429);
      expect(errorCodes(refused)).toEqual(['RATE_LIMITED']);
      expect(refused.errors?.[0]?.message).toMatch(/maksimal 2 permintaan per menit/);
      expect((await tap.forRequest(refused.requestId)).envelope.data).toMatchObject({
        clientId: 'sipadu-partner',
        operationName: 'Kode',
        operationType: 'query',
        fields: ['Query.planningCodes'],
        outcome: 'RATE_LIMITED',
        errorCodes: ['RATE_LIMITED'],
      });
      // Another partner and people keep their own budgets.
      expect((await ask('{ planningCodes }', provinsi, limited)).status).toBe(200);
      const person = await getUserToken('bpkad');
      for (let i = 0; i < 3; i += 1) {
        expect((await ask('{ planningCodes }', person, limited)).status).toBe(200);
      }
    } finally {
      await limited.stop();
    }
  });
});

/** A TCP hop in front of the real NATS that can be cut, to play an outage. */
async function startCuttableHop(target: string) {
  const { hostname, port } = new URL(target.replace(/^nats:/, 'http:'));
  const sockets = new Set<net.Socket>();
  let up = false;
  const server = net.createServer((socket) => {
    if (!up) {
      socket.destroy();
      return;
    }
    const upstream = net.connect(Number(port), hostname);
    for (const s of [socket, upstream]) {
      sockets.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => sockets.delete(s));
    }
    socket.on('close', () => upstream.destroy());
    upstream.on('close', () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `nats://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setUp(value: boolean) {
      up = value;
      if (!value) for (const socket of sockets) socket.destroy();
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('PartnerAuditPublisher', () => {
  const partner = {
    clientId: 'mitra-provinsi',
    organizationCode: null,
    scopes: ['sipadu:statistik'],
  };
  const event = (requestId: string) =>
    partnerAccessEvent(partner, {
      operationName: null,
      operationType: 'query',
      fields: ['Query.complaintStatistics'],
      errorCodes: [],
      requestId,
      clientAddress: null,
      durationMs: 3,
    });

  it('keeps events while NATS is unreachable and sends them all, in order, once it is back', async () => {
    const hop = await startCuttableHop(natsUrl);
    const tap = await EventTap.open();
    const publisher = new PartnerAuditPublisher({
      natsUrl: hop.url,
      logger: createLogger('gateway', 'silent'),
      publishTimeoutMs: 500,
      maxBackoffMs: 200,
    });
    const run = randomUUID();
    try {
      // Down from the start: the first connection itself is retried.
      for (let i = 0; i < 3; i += 1) publisher.record(event(`${run}-${i}`));
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(publisher.pending).toBe(3);
      expect(tap.received.filter((r) => r.envelope.data.requestId.startsWith(run))).toEqual([]);

      hop.setUp(true);
      await eventually('queued events sent', async () => publisher.pending === 0, 10_000);

      // Cut an established connection: the client reconnects and the queue waits meanwhile.
      hop.setUp(false);
      publisher.record(event(`${run}-3`));
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(publisher.pending).toBe(1);
      hop.setUp(true);
      await eventually('event sent after reconnect', async () => publisher.pending === 0, 15_000);

      const sent = await eventually('all four events tapped', async () => {
        const mine = tap.received.filter((r) => r.envelope.data.requestId.startsWith(run));
        return mine.length >= 4 && mine;
      });
      expect(sent.map((r) => r.envelope.data.requestId)).toEqual(
        [0, 1, 2, 3].map((i) => `${run}-${i}`),
      );
    } finally {
      await publisher.stop(1_000);
      await tap.close();
      await hop.close();
    }
  });

  it('drops the oldest events beyond its bound rather than growing without limit', async () => {
    const publisher = new PartnerAuditPublisher({
      natsUrl: 'nats://127.0.0.1:9',
      logger: createLogger('gateway', 'silent'),
      maxQueued: 2,
      publishTimeoutMs: 200,
    });
    for (let i = 0; i < 5; i += 1) publisher.record(event(`batas-${i}`));
    expect(publisher.pending).toBe(2);
    await publisher.stop(0);
  });
});
