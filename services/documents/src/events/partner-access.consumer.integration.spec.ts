// Partner systems' API requests: the gateway's `gateway.partner.accessed` events land in the
// hash-chained audit log. Real FerretDB and NATS JetStream; the consumer alone (no HTTP).
import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import {
  connectNats,
  createEvent,
  streamName,
  subjectForType,
  type EventDataInput,
  type RunningConsumer,
} from '@sipadu/events';
import { createLogger, type Principal } from '@sipadu/service-kit';
import { eventually } from '@sipadu/test-kit';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/audit-log.js';
import { documentsEnvironment } from '../environment.js';
import { AuditQueryService } from '../services/audit-query.service.js';
import { PARTNER_API_TARGET, startPartnerAccessConsumer } from './partner-access.consumer.js';

const DATABASE = 'sipadu_documents_partner_access_spec';
// JetStream is shared with every other test: a durable consumer of this run's own.
const DURABLE = `documents-partner-access-spec-${Date.now().toString(36)}`;

let connection: Connection;
let nc: Awaited<ReturnType<typeof connectNats>>;
let js: JetStreamClient;
let audit: AuditLog;
let consumer: RunningConsumer;

const superAdmin: Principal = {
  kind: 'user',
  id: 'super-admin-1',
  username: 'super-admin',
  name: 'Rudi Hartono',
  email: null,
  organizationCode: 'DISKOMINFO',
  roles: ['super-admin'],
  clientId: 'sipadu-test',
  scopes: [],
  expiresAt: Date.now() / 1000 + 300,
};

beforeAll(async () => {
  const env = documentsEnvironment({ ...process.env, MONGO_DATABASE: DATABASE });
  connection = await mongoose.createConnection(env.MONGO_URL, { dbName: DATABASE }).asPromise();
  await connection.dropDatabase();
  audit = new AuditLog(connection);
  await audit.init();
  nc = await connectNats(env.NATS_URL, 'documents-partner-access-spec');
  js = jetstream(nc);
  consumer = startPartnerAccessConsumer({
    nc,
    connection,
    audit,
    durable: DURABLE,
    deliverFrom: 'new',
    logger: createLogger('documents', 'silent'),
  });
  await consumer.ready;
});

afterAll(async () => {
  await consumer?.stop();
  if (nc) {
    const jsm = await jetstreamManager(nc);
    await jsm.consumers.delete(streamName('gateway'), DURABLE).catch(() => undefined);
    await nc.close();
  }
  await connection?.close();
});

type Access = EventDataInput<'gateway.partner.accessed'>;

function accessEvent(overrides: Partial<Access> = {}) {
  const data: Access = {
    clientId: 'mitra-ptsmi',
    organizationCode: 'PTSMI',
    scopes: ['sipadu:pemberi-pinjaman'],
    operationName: 'ProyekDibiayai',
    operationType: 'query',
    fields: ['Query.loanProjects'],
    outcome: 'ALLOWED',
    errorCodes: [],
    requestId: `uji-${randomUUID()}`,
    clientAddress: '203.0.113.7',
    durationMs: 42,
    ...overrides,
  };
  return createEvent('gateway.partner.accessed', data, {
    actor: { type: 'client', id: data.clientId, org: data.organizationCode },
    subject: { type: 'client', id: data.clientId },
    org: data.organizationCode,
  });
}

/** Publishes the event (under a message id of its own) and waits until its entry is written. */
async function publish(event: ReturnType<typeof accessEvent>) {
  await js.publish(subjectForType(event.type), JSON.stringify(event), { msgID: randomUUID() });
  // The entry's id is the event id (the consumer keeps no inbox).
  await eventually(
    `event ${event.id} audited`,
    () => connection.collection('audit_entries').findOne({ _id: event.id as never }),
    20_000,
    100,
  );
}

const entriesOf = async (requestId: string) =>
  (await audit.page({ targetType: PARTNER_API_TARGET }, { first: 100 })).edges
    .map((edge) => edge.node)
    .filter((node) => node.detail?.includes(requestId));

describe('partner access audit', () => {
  it('records an allowed read as PARTNER_READ by the client, on the fields it asked for', async () => {
    const event = accessEvent({ fields: ['Query.loanProjects', 'Query.requirements'] });
    await publish(event);
    const [entry] = await entriesOf(event.data.requestId);
    expect(entry).toMatchObject({
      action: 'PARTNER_READ',
      actor: { id: 'mitra-ptsmi', name: 'mitra-ptsmi', organizationCode: 'PTSMI' },
      targetType: 'partner-api',
      targetId: 'Query.loanProjects,Query.requirements',
      organizationCode: 'PTSMI',
    });
    expect(entry?.detail).toContain('operasi ProyekDibiayai (query)');
    expect(entry?.detail).toContain('hasil ALLOWED');
    expect(entry?.detail).toContain(`permintaan ${event.data.requestId}`);
    expect(entry?.detail).toContain('alamat 203.0.113.7');
  });

  it.each(['FORBIDDEN', 'RATE_LIMITED', 'REFUSED', 'ERROR'] as const)(
    'records a %s request as PARTNER_REFUSED with its error codes',
    async (outcome) => {
      const codes = outcome === 'REFUSED' ? ['GRAPHQL_VALIDATION_FAILED'] : [outcome];
      const event = accessEvent({
        clientId: 'mitra-provinsi',
        organizationCode: null,
        scopes: ['sipadu:statistik'],
        operationName: null,
        operationType: outcome === 'FORBIDDEN' ? 'mutation' : 'query',
        fields: outcome === 'REFUSED' ? [] : ['Query.loanPortfolio'],
        outcome,
        errorCodes: codes,
        clientAddress: null,
      });
      await publish(event);
      const [entry] = await entriesOf(event.data.requestId);
      expect(entry).toMatchObject({
        action: 'PARTNER_REFUSED',
        actor: { id: 'mitra-provinsi', organizationCode: null },
        organizationCode: null,
        targetId: outcome === 'REFUSED' ? '(tidak terbaca)' : 'Query.loanPortfolio',
      });
      expect(entry?.detail).toContain(`hasil ${outcome}`);
      expect(entry?.detail).toContain(`kode galat ${codes.join(', ')}`);
      expect(entry?.detail).toContain('alamat -');
    },
  );

  it('appends each event once, however often it is delivered', async () => {
    const event = accessEvent();
    await publish(event);
    await publish(event);
    // Handled in stream order: once the next event is in, the re-delivery was handled too.
    await publish(accessEvent());
    expect(await entriesOf(event.data.requestId)).toHaveLength(1);
    expect((await audit.verify()).ok).toBe(true);
  });

  it('lets super-admin filter the audit log by the partner actions', async () => {
    const queries = new AuditQueryService(audit);
    const read = await queries.page(superAdmin, { action: 'PARTNER_READ' }, { first: 100 });
    const refused = await queries.page(
      superAdmin,
      { action: 'PARTNER_REFUSED', actorId: 'mitra-provinsi' },
      { first: 100 },
    );
    expect(read.totalCount).toBeGreaterThan(0);
    expect(read.edges.every((edge) => edge.node.action === 'PARTNER_READ')).toBe(true);
    expect(refused.totalCount).toBe(4);
    expect(refused.edges.every((edge) => edge.node.actor.id === 'mitra-provinsi')).toBe(true);
  });
});
