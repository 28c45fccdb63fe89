// Case attachments: a `consultations.case.transitioned` event lets the parties of a case read
// the files attached to it, a citizen's anonymous complaint evidence included. The documents
// service as it runs (real Keycloak tokens, FerretDB, NATS JetStream); events are published as
// the consultations service's outbox relay does, with Nats-Msg-Id = event id.
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
import { decodeClaims, getUserToken, tusUpload } from '@sipadu/test-kit';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDocumentsService } from '../app.js';
import { documentsEnvironment } from '../environment.js';
import type { StoredFileRecord } from '../models/stored-file.model.js';
import { pdfBytes, pngBytes } from '../uploads/test-files.js';

const DATABASE = 'sipadu_documents_case_files_spec';
// JetStream is shared with every other test: durable consumers of this run's own.
const CONSUMER_PREFIX = `documents-case-files-spec-${Date.now().toString(36)}`;
const DURABLE = `${CONSUMER_PREFIX}-consultations-cases`;

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
  nc = await connectNats(env.NATS_URL, 'documents-case-files-spec');
  js = jetstream(nc);
});

afterAll(async () => {
  await service?.stop();
  if (nc) {
    const jsm = await jetstreamManager(nc);
    for (const durable of ['notifications', 'consultations-cases', 'consultations-recaps']) {
      const stream = durable === 'notifications' ? 'notifications' : 'consultations';
      await jsm.consumers
        .delete(streamName(stream), `${CONSUMER_PREFIX}-${durable}`)
        .catch(() => undefined);
    }
    await nc.close();
  }
  await connection?.close();
  await rm(scratch, { recursive: true, force: true });
});

async function upload(username: string | null, bytes: Buffer, purpose: string, name: string) {
  const result = await tusUpload({
    origin,
    ...(username ? { token: await token(username) } : {}),
    bytes,
    filename: name,
    purpose,
  });
  expect(result.status, result.message ?? '').toBe(204);
  return String(result.fileId);
}

async function download(username: string | null, id: string): Promise<number> {
  const response = await fetch(`${origin}/files/${id}`, {
    headers: username ? { authorization: `Bearer ${await token(username)}` } : {},
  });
  await response.arrayBuffer();
  return response.status;
}

async function grants(id: string): Promise<StoredFileRecord['sharedWith']> {
  const file = await connection
    .collection<StoredFileRecord>('stored_files')
    .findOne({ _id: id }, { projection: { sharedWith: 1 } });
  return file?.sharedWith;
}

type Transitioned = EventDataInput<'consultations.case.transitioned'>;
type CaseFacts = Transitioned['case'];
type Actor = Transitioned['actor'];

const SUBJECT_TYPES = {
  CONSULTATION: 'Consultation',
  WORK_ITEM: 'WorkItem',
  ICT_COMPLAINT: 'IctComplaint',
  PUBLIC_COMPLAINT: 'PublicComplaint',
} as const;

function caseFacts(over: Partial<CaseFacts> & Pick<CaseFacts, 'flow'>): CaseFacts {
  const id = over.id ?? randomUUID();
  return {
    id,
    number: 'KNS-2026-00001',
    title: 'Perhitungan RAB jembatan',
    organizationCode: 'DPUPR',
    handlerOrganizationCode: null,
    requesterId: null,
    assigneeId: null,
    assigneeName: null,
    status: 'SUBMITTED',
    statusLabel: 'Menunggu Disposisi',
    dueAt: null,
    dueDate: null,
    attachmentFileIds: [],
    link: `/konsultasi/${id}`,
    ...over,
  };
}

/** Publishes a transition of the case and waits until this service's consumer processed it. */
async function transition(facts: CaseFacts, name: string, actor: Actor) {
  const event = createEvent(
    'consultations.case.transitioned',
    {
      workflow: 'test',
      subjectId: facts.id,
      transition: name,
      from: 'SUBMITTED',
      to: facts.status,
      actor,
      at: new Date().toISOString(),
      note: null,
      case: facts,
      pointsAwarded: 0,
    },
    {
      actor:
        actor.kind === 'user'
          ? { type: 'user', id: actor.id, org: actor.organization }
          : { type: 'system', id: null },
      subject: { type: SUBJECT_TYPES[facts.flow], id: facts.id },
      org: facts.organizationCode,
    },
  );
  await js.publish(subjectForType(event.type), JSON.stringify(event), { msgID: event.id });
  const inbox = processedEventsCollection(connection);
  const deadline = Date.now() + 20_000;
  while (!(await inbox.findOne({ consumer: DURABLE, eventId: event.id }))) {
    if (Date.now() > deadline) throw new Error(`event ${event.id} was not processed`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const user = async (username: string, organization: string): Promise<Actor> => ({
  kind: 'user',
  id: await userId(username),
  name: username,
  organization,
  roles: [username],
});

describe('public complaint evidence', () => {
  const complaintId = randomUUID();
  const citizen: Actor = {
    kind: 'public',
    id: `public:${complaintId}`,
    name: null,
    organization: null,
    roles: [],
  };
  let evidence: string;

  beforeAll(async () => {
    evidence = await upload(null, await pngBytes(64, 48), 'bukti-pengaduan', 'jalan-rusak.png');
  });

  it('is readable by nobody until the complaint is filed with it', async () => {
    expect(await download(null, evidence)).toBe(401);
    expect(await download('admin-opd', evidence)).toBe(403);
    expect(await download('super-admin', evidence)).toBe(403);
  });

  it('opens to the agency the complaint names and to the super-admin, nobody else', async () => {
    const facts = caseFacts({
      id: complaintId,
      flow: 'PUBLIC_COMPLAINT',
      organizationCode: 'DINKES',
      attachmentFileIds: [evidence],
      link: `/pengaduan/${complaintId}`,
    });
    await transition(facts, 'create', citizen);
    expect(await download('admin-opd', evidence)).toBe(200);
    expect(await download('super-admin', evidence)).toBe(200);
    expect(await download('pelaksana', evidence)).toBe(403);
    expect(await download(null, evidence)).toBe(401);

    // Rerouted to Dinas PUPR: the new agency reads it too.
    await transition({ ...facts, organizationCode: 'DPUPR' }, 'reroute', {
      ...(await user('super-admin', 'DISKOMINFO')),
    });
    expect(await download('pelaksana', evidence)).toBe(200);
    expect(await grants(evidence)).toEqual([
      {
        source: { type: 'PublicComplaint', id: complaintId },
        organizationCodes: ['DINKES'],
        userIds: [],
        roles: ['super-admin'],
      },
      {
        source: { type: 'PublicComplaint', id: complaintId },
        organizationCodes: ['DPUPR'],
        userIds: [],
        roles: ['super-admin'],
      },
    ]);
  });
});

describe('consultation attachments', () => {
  it('shares the actor’s own files with the parties as they are named, once per grant', async () => {
    const question = await upload(
      'unit-kerja',
      await pdfBytes(1, 'Pertanyaan'),
      'document',
      'q.pdf',
    );
    const foreign = await upload('bpkad', await pdfBytes(1, 'Milik BPKAD'), 'document', 'b.pdf');
    const requester = await user('unit-kerja', 'DPUPR');
    const facts = caseFacts({
      flow: 'CONSULTATION',
      requesterId: requester.id,
      // Someone else's upload and an unknown id are named too: neither may be shared.
      attachmentFileIds: [question, foreign, randomUUID()],
    });
    await transition(facts, 'create', requester);
    expect(await download('petugas-konsultasi', question)).toBe(200);
    // The routing inbox reads it Pemda-wide; other agencies do not.
    expect(await download('super-admin', question)).toBe(200);
    expect(await download('petugas-tik', question)).toBe(403);
    expect(await download('unit-kerja', foreign)).toBe(403);
    expect(await grants(foreign)).toBeUndefined();

    // Routed to an officer of another agency: they read the question too; a redelivery adds nothing.
    const officer = await user('petugas-tik', 'DISKOMINFO');
    const routed = {
      ...facts,
      handlerOrganizationCode: 'DISKOMINFO',
      assigneeId: officer.id,
      status: 'DRAFTING',
    };
    await transition(routed, 'route', await user('super-admin', 'DISKOMINFO'));
    await transition(routed, 'route', await user('super-admin', 'DISKOMINFO'));
    expect(await download('petugas-tik', question)).toBe(200);
    expect(await grants(question)).toHaveLength(2);
    expect((await grants(question))?.[1]).toEqual({
      source: { type: 'Consultation', id: facts.id },
      organizationCodes: ['DISKOMINFO', 'DPUPR'],
      userIds: [officer.id, requester.id].sort(),
      roles: ['super-admin'],
    });
  });
});
