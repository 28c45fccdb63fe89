// Monthly recaps: a `consultations.recap.published` event carries the rendered files; the
// documents service files them under the given ids, readable by the reader roles Pemda-wide.
// The service as it runs (real Keycloak tokens, FerretDB, NATS JetStream).
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
import { getUserToken } from '@sipadu/test-kit';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDocumentsService } from '../app.js';
import { documentsEnvironment } from '../environment.js';
import type { StoredFileRecord } from '../models/stored-file.model.js';
import { pdfBytes } from '../uploads/test-files.js';

const DATABASE = 'sipadu_documents_recap_files_spec';
// JetStream is shared with every other test: durable consumers of this run's own.
const CONSUMER_PREFIX = `documents-recap-files-spec-${Date.now().toString(36)}`;
const DURABLE = `${CONSUMER_PREFIX}-consultations-recaps`;

let service: RunningSubgraph;
let origin: string;
let connection: Connection;
let nc: Awaited<ReturnType<typeof connectNats>>;
let js: JetStreamClient;
const scratch = path.join(os.tmpdir(), `sipadu-${DATABASE}`);
const tokens: Record<string, string> = {};
const token = async (username: string) => (tokens[username] ??= await getUserToken(username));

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
  nc = await connectNats(env.NATS_URL, 'documents-recap-files-spec');
  js = jetstream(nc);
});

afterAll(async () => {
  await service?.stop();
  if (nc) {
    const jsm = await jetstreamManager(nc);
    for (const [stream, durable] of [
      ['notifications', 'notifications'],
      ['consultations', 'consultations-cases'],
      ['consultations', 'consultations-recaps'],
    ] as const) {
      await jsm.consumers
        .delete(streamName(stream), `${CONSUMER_PREFIX}-${durable}`)
        .catch(() => undefined);
    }
    await nc.close();
  }
  await connection?.close();
  await rm(scratch, { recursive: true, force: true });
});

type Recap = EventDataInput<'consultations.recap.published'>;

/** Publishes the event (under a message id of its own) and waits until it was processed. */
async function publish(event: ReturnType<typeof recapEvent>) {
  await js.publish(subjectForType(event.type), JSON.stringify(event), { msgID: randomUUID() });
  const inbox = processedEventsCollection(connection);
  const deadline = Date.now() + 20_000;
  while (!(await inbox.findOne({ consumer: DURABLE, eventId: event.id }))) {
    if (Date.now() > deadline) throw new Error(`event ${event.id} was not processed`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function recapEvent(recap: Recap) {
  return createEvent('consultations.recap.published', recap, {
    actor: { type: 'system', id: null },
    subject: { type: 'CaseRecap', id: recap.recapId },
    org: null,
  });
}

async function download(username: string, id: string) {
  return fetch(`${origin}/files/${id}`, {
    headers: { authorization: `Bearer ${await token(username)}` },
  });
}

describe('recap files', () => {
  it('files each recap once under its id, for the reader roles only', async () => {
    const pdf = await pdfBytes(1, 'Rekap konsultasi Maret 2026');
    const csv = Buffer.from('nomor;judul\nKNS-2026-00001;Perhitungan RAB\n');
    const recap: Recap = {
      recapId: randomUUID(),
      flow: 'CONSULTATION',
      flowLabel: 'Konsultasi',
      month: '2026-03',
      monthLabel: 'Maret 2026',
      trigger: 'SCHEDULE',
      received: 12,
      completed: 10,
      completedOnTime: 9,
      openAtEnd: 2,
      points: 40,
      readerRoles: ['direktur'],
      files: [
        {
          fileId: randomUUID(),
          filename: 'rekap-konsultasi-2026-03.pdf',
          contentType: 'application/pdf',
          base64: pdf.toString('base64'),
        },
        {
          fileId: randomUUID(),
          filename: 'rekap-konsultasi-2026-03.csv',
          contentType: 'text/csv',
          base64: csv.toString('base64'),
        },
      ],
    };
    const event = recapEvent(recap);
    await publish(event);
    // Delivered again (a republished event): nothing is filed twice.
    await publish(event);

    const [pdfFile, csvFile] = recap.files.map((file) => file.fileId) as [string, string];
    const response = await download('direktur', pdfFile);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await download('direktur', csvFile)).status).toBe(200);
    expect((await download('kasubdit', pdfFile)).status).toBe(403);
    expect((await download('super-admin', pdfFile)).status).toBe(403);

    const stored = await connection
      .collection<StoredFileRecord>('stored_files')
      .find({ _id: { $in: [pdfFile, csvFile] } })
      .toArray();
    expect(stored).toHaveLength(2);
    expect(stored.find((file) => file._id === pdfFile)).toMatchObject({
      purpose: 'rekap',
      uploader: { id: 'system' },
      sharedWith: [
        {
          source: { type: 'CaseRecap', id: recap.recapId },
          organizationCodes: [],
          userIds: [],
          roles: ['direktur'],
        },
      ],
    });
    expect(
      await connection
        .collection('audit_entries')
        .countDocuments({ targetId: pdfFile, action: 'UPLOAD' }),
    ).toBe(1);
  });
});
