// Correspondence attachments: a `notifications.message.posted` event lets the thread's
// participants read the files its author attached. The documents service as it runs (real
// Keycloak tokens, FerretDB, NATS JetStream); events are published as the notifications
// service's outbox relay does, with Nats-Msg-Id = event id.
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import {
  connectNats,
  createEvent,
  processedEventsCollection,
  streamName,
  subjectForType,
  type EventDataInput,
} from '@sipadu/events';
import type { RunningSubgraph } from '@sipadu/service-kit';
import {
  decodeClaims,
  errorCodes,
  getUserToken,
  graphqlRequest,
  tusUpload,
  type GraphQLResponse,
} from '@sipadu/test-kit';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDocumentsService } from '../app.js';
import { documentsEnvironment } from '../environment.js';
import type { StoredFileRecord } from '../models/stored-file.model.js';
import { pdfBytes } from '../uploads/test-files.js';

const DATABASE = 'sipadu_documents_sharing_spec';
// JetStream is shared with every other test: a durable consumer of this run's own.
const CONSUMER_PREFIX = `documents-sharing-spec-${Date.now().toString(36)}`;
const THREAD = { type: 'DocumentRequirement', id: randomUUID() };
const THREAD_ID = `${THREAD.type}:${THREAD.id}`;

let service: RunningSubgraph;
let origin: string;
let connection: Connection;
let nc: Awaited<ReturnType<typeof connectNats>>;
let js: JetStreamClient;
const scratch = path.join(os.tmpdir(), `sipadu-${DATABASE}`);
const tokens: Record<string, string> = {};
const token = async (username: string) => (tokens[username] ??= await getUserToken(username));
const userId = async (username: string) => String(decodeClaims(await token(username)).sub);

beforeAll(async () => {
  const env = documentsEnvironment({
    ...process.env,
    PORT: '0',
    MONGO_DATABASE: DATABASE,
    LOG_LEVEL: 'silent',
    UPLOAD_DIR: path.join(scratch, 'uploads'),
    FILE_STORAGE_DIR: path.join(scratch, 'files'),
    SIGNING_KEY_FILE: path.join(scratch, 'signing-key.pem'),
    CONSUMER_PREFIX,
    CONSUMER_DELIVER_FROM: 'new',
  });
  await rm(scratch, { recursive: true, force: true });
  connection = await mongoose.createConnection(env.MONGO_URL, { dbName: DATABASE }).asPromise();
  await connection.dropDatabase();
  service = await startDocumentsService(env);
  origin = new URL(service.url).origin;
  nc = await connectNats(env.NATS_URL, 'documents-sharing-spec');
  js = jetstream(nc);
});

afterAll(async () => {
  await service?.stop();
  if (nc) {
    const jsm = await jetstreamManager(nc);
    await jsm.consumers
      .delete(streamName('notifications'), `${CONSUMER_PREFIX}-notifications`)
      .catch(() => undefined);
    await nc.close();
  }
  await connection?.close();
  await rm(scratch, { recursive: true, force: true });
});

async function upload(username: string, text: string): Promise<{ id: string; bytes: Buffer }> {
  const bytes = await pdfBytes(1, text);
  const result = await tusUpload({
    origin,
    token: await token(username),
    bytes,
    filename: `${text}.pdf`,
    purpose: 'document',
  });
  expect(result.status, result.message ?? '').toBe(204);
  return { id: String(result.fileId), bytes };
}

type MessagePosted = EventDataInput<'notifications.message.posted'>;

/** Publishes a message event and waits until this service's consumer has processed it. */
async function post(message: Omit<MessagePosted, 'subject' | 'threadId' | 'threadTitle'>) {
  const event = createEvent(
    'notifications.message.posted',
    { threadId: THREAD_ID, subject: THREAD, threadTitle: 'Laporan keuangan triwulan', ...message },
    {
      actor: { type: 'user', id: message.author.id },
      subject: { type: 'Thread', id: THREAD_ID },
      org: message.author.organizationCode,
    },
  );
  await js.publish(subjectForType(event.type), JSON.stringify(event), { msgID: event.id });
  const inbox = processedEventsCollection(connection);
  const deadline = Date.now() + 20_000;
  while (
    !(await inbox.findOne({ consumer: `${CONSUMER_PREFIX}-notifications`, eventId: event.id }))
  ) {
    if (Date.now() > deadline) throw new Error(`event ${event.id} was not processed`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return event;
}

async function storedFile(username: string, id: string) {
  return graphqlRequest<{ storedFile: { id: string } | null }>(
    service.url,
    `query ($id: ID!) { storedFile(id: $id) { id } }`,
    { token: await token(username), variables: { id } },
  );
}

/** The file as another subgraph's reference resolves it (a message attachment's `file`). */
async function reference(username: string, id: string): Promise<GraphQLResponse<unknown>> {
  return graphqlRequest(
    service.url,
    `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on StoredFile { id filename } }
    }`,
    {
      token: await token(username),
      variables: { representations: [{ __typename: 'StoredFile', id }] },
    },
  );
}

async function download(username: string, id: string): Promise<Response> {
  return fetch(`${origin}/files/${id}`, {
    headers: { authorization: `Bearer ${await token(username)}` },
  });
}

async function grants(id: string): Promise<StoredFileRecord['sharedWith']> {
  const file = await connection
    .collection<StoredFileRecord>('stored_files')
    .findOne({ _id: id }, { projection: { sharedWith: 1 } });
  return file?.sharedWith;
}

describe('correspondence attachments', () => {
  let attachment: { id: string; bytes: Buffer };
  let othersFile: { id: string; bytes: Buffer };
  let author: MessagePosted['author'];
  let lender: string;

  beforeAll(async () => {
    attachment = await upload('pelaksana', 'Laporan keuangan');
    othersFile = await upload('admin-opd', 'Berkas Dinkes');
    author = { id: await userId('pelaksana'), name: 'Pelaksana', organizationCode: 'DPUPR' };
    lender = await userId('pemberi-pinjaman');
  });

  it('keeps an unposted upload private to its uploader, as a null reference for others', async () => {
    expect(errorCodes(await storedFile('bpkad', attachment.id))).toEqual(['FORBIDDEN']);
    expect((await download('bpkad', attachment.id)).status).toBe(403);
    const refused = await reference('bpkad', attachment.id);
    expect(refused.errors).toBeUndefined();
    expect(refused.data).toEqual({ _entities: [null] });
    const unknown = await reference('bpkad', randomUUID());
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data).toEqual({ _entities: [null] });
    expect(await reference('pelaksana', attachment.id)).toMatchObject({
      data: { _entities: [{ id: attachment.id, filename: 'Laporan keuangan.pdf' }] },
    });
  });

  it('shares the author’s own attachment with the participant organizations and named users', async () => {
    await post({
      messageId: randomUUID(),
      author,
      preview: 'Terlampir laporan keuangan.',
      // Someone else's upload and an unknown id are named too: neither may be shared.
      attachmentFileIds: [attachment.id, othersFile.id, randomUUID()],
      participantOrganizationCodes: ['DPUPR', 'BPKAD'],
      participantUserIds: [lender],
    });

    expect((await storedFile('bpkad', attachment.id)).data?.storedFile?.id).toBe(attachment.id);
    const response = await download('bpkad', attachment.id);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(attachment.bytes)).toBe(true);
    expect(await reference('pemberi-pinjaman', attachment.id)).toMatchObject({
      data: { _entities: [{ id: attachment.id }] },
    });

    // Outside the thread: still refused, and a null reference rather than an error.
    expect((await download('evaluator', attachment.id)).status).toBe(403);
    expect((await reference('evaluator', attachment.id)).data).toEqual({ _entities: [null] });
    // Nobody shares another person's file.
    expect((await download('bpkad', othersFile.id)).status).toBe(403);
    expect(await grants(othersFile.id)).toBeUndefined();
  });

  it('stores a grant once however often the thread repeats it, and extends it to later participants', async () => {
    const message = {
      author,
      preview: 'Mohon diperiksa.',
      attachmentFileIds: [attachment.id],
      participantOrganizationCodes: ['BPKAD', 'DPUPR'],
      participantUserIds: [lender],
    };
    const first = await post({ ...message, messageId: randomUUID() });
    // The same event again (beyond JetStream's de-duplication: a new message id) changes nothing.
    await js.publish(subjectForType(first.type), JSON.stringify(first), { msgID: randomUUID() });
    await post({ ...message, messageId: randomUUID() });
    expect(await grants(attachment.id)).toEqual([
      {
        source: { type: 'Thread', id: THREAD_ID },
        organizationCodes: ['BPKAD', 'DPUPR'],
        userIds: [lender],
      },
    ]);

    // The Inspectorate joins the thread: its next message carries it, earlier attachments follow.
    await post({
      messageId: randomUUID(),
      author: { id: await userId('bpkad'), name: 'BPKAD', organizationCode: 'BPKAD' },
      preview: 'Inspektorat ikut memeriksa.',
      attachmentFileIds: [],
      participantOrganizationCodes: ['BPKAD', 'DPUPR', 'INSPEKTORAT'],
      participantUserIds: [lender],
    });
    expect((await download('evaluator', attachment.id)).status).toBe(200);
    expect((await download('admin-opd', attachment.id)).status).toBe(403);
    expect(await grants(attachment.id)).toHaveLength(2);
  });
});
