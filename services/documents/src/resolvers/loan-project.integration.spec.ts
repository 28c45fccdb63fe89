// Loan projects (SIPOPI) on the documents service as it runs: real Keycloak tokens, FerretDB,
// NATS JetStream. Photos carry their EXIF capture into the stored file and `documents.file.stored`;
// seals publish their document's subject; the projects service's `LoanProject` gets its
// requirements and documents through federation, one query per field for any number of projects.
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { OutboxRow } from '@sipadu/events';
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
import { jpegBytes, jpegWithExif, pdfBytes } from '../uploads/test-files.js';

const DATABASE = 'sipadu_documents_loan_project_spec';
const RUN = Date.now().toString(36);

let service: RunningSubgraph;
let origin: string;
let connection: Connection;
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
    CONSUMER_PREFIX: `documents-loan-project-spec-${RUN}`,
    CONSUMER_DELIVER_FROM: 'new',
  });
  await rm(scratch, { recursive: true, force: true });
  connection = await mongoose.createConnection(env.MONGO_URL, { dbName: DATABASE }).asPromise();
  await connection.dropDatabase();
  service = await startDocumentsService(env);
  origin = new URL(service.url).origin;
});

afterAll(async () => {
  await service?.stop();
  // The durable consumer this run made on the shared NATS server.
  const { connectNats, streamName } = await import('@sipadu/events');
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const nc = await connectNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', 'spec-cleanup');
  const jsm = await jetstreamManager(nc);
  await jsm.consumers
    .delete(streamName('notifications'), `documents-loan-project-spec-${RUN}-notifications`)
    .catch(() => undefined);
  await nc.close();
  await connection?.dropDatabase();
  await connection?.close();
  await rm(scratch, { recursive: true, force: true });
});

const gql = async <T = Record<string, unknown>>(
  username: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> =>
  graphqlRequest<T>(service.url, query, { token: await token(username), variables });

function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors).toBeUndefined();
  return response.data!;
}

async function upload(username: string, bytes: Buffer, filename: string, purpose: string) {
  const result = await tusUpload({
    origin,
    token: await token(username),
    bytes,
    filename,
    purpose,
  });
  expect(result.status, result.message ?? '').toBe(204);
  return String(result.fileId);
}

/** Envelopes of one type the service put in its outbox (sent or not). */
async function outboxEvents<D>(type: string): Promise<{ data: D; org: string | null }[]> {
  const rows = await connection.collection<OutboxRow>('outbox').find({ type }).toArray();
  return rows.map((row) => JSON.parse(row.envelope) as { data: D; org: string | null });
}

/** Read commands per collection while `run` runs (mongoose's debug hook, this process only). */
async function countQueries(run: () => Promise<unknown>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  mongoose.set('debug', (collection: string, method: string) => {
    if (['find', 'findOne', 'countDocuments', 'aggregate'].includes(method)) {
      counts[collection] = (counts[collection] ?? 0) + 1;
    }
  });
  try {
    await run();
  } finally {
    mongoose.set('debug', false);
  }
  return counts;
}

describe('photos: EXIF capture', () => {
  // Jalan Lingkar Barat, Kota Jambi, photographed 14 August 2025 at 09.30.15 WIB.
  const facts = {
    latitude: -1.6101,
    longitude: 103.5832,
    dateTimeOriginal: '2025:08:14 09:30:15',
    offset: '+07:00',
  };
  const STORED = /* GraphQL */ `
    query ($id: ID!) {
      storedFile(id: $id) {
        id
        contentType
        capture {
          latitude
          longitude
          takenAt
        }
      }
    }
  `;

  it('stores GPS and capture time of a JPEG and publishes them with the stored file', async () => {
    const fileId = await upload('pelaksana', await jpegWithExif(facts), 'progres.jpg', 'photo');
    const data = ok(
      await gql<{ storedFile: { capture: unknown; contentType: string } }>('pelaksana', STORED, {
        id: fileId,
      }),
    );
    expect(data.storedFile).toMatchObject({
      contentType: 'image/jpeg',
      capture: { latitude: -1.6101, longitude: 103.5832, takenAt: '2025-08-14T02:30:15.000Z' },
    });
    const events = await outboxEvents<{ fileId: string }>('documents.file.stored');
    const event = events.find((entry) => entry.data.fileId === fileId);
    expect(event).toMatchObject({
      org: 'DPUPR',
      data: {
        fileId,
        purpose: 'photo',
        contentType: 'image/jpeg',
        uploadedById: String(decodeClaims(await token('pelaksana')).sub),
        capture: { latitude: -1.6101, longitude: 103.5832, takenAt: '2025-08-14T02:30:15.000Z' },
      },
    });
    // The event left the record once it was in the outbox.
    const record = await connection.collection('stored_files').findOne({ _id: fileId as never });
    expect(record?._pendingEvents ?? []).toEqual([]);
  });

  it('stores a photo without EXIF and a PDF with a null capture, and publishes them too', async () => {
    const photo = await upload('pelaksana', await jpegBytes(), 'tanpa-exif.jpg', 'photo');
    const pdf = await upload('pelaksana', await pdfBytes(1, `MC-0 ${RUN}`), 'mc0.pdf', 'document');
    for (const id of [photo, pdf]) {
      const data = ok(await gql<{ storedFile: { capture: unknown } }>('pelaksana', STORED, { id }));
      expect(data.storedFile.capture).toBeNull();
    }
    const events = await outboxEvents<{ fileId: string; capture: unknown }>(
      'documents.file.stored',
    );
    expect(events.find((entry) => entry.data.fileId === pdf)?.data).toMatchObject({
      contentType: 'application/pdf',
      purpose: 'document',
      capture: null,
    });
    expect(events.find((entry) => entry.data.fileId === photo)?.data.capture).toBeNull();
  });
});

describe('LoanProject through federation', () => {
  const projects = [`proyek-a-${RUN}`, `proyek-b-${RUN}`, `proyek-c-${RUN}`];
  const ENTITIES = /* GraphQL */ `
    query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on LoanProject {
          id
          requirements {
            id
            title
            subject {
              type
              id
            }
          }
          documents {
            id
            title
          }
        }
      }
    }
  `;
  type Entity = {
    id: string;
    requirements: { id: string; title: string; subject: { id: string } }[];
    documents: { id: string; title: string }[];
  };
  const entities = (username: string, ids: readonly string[]) =>
    gql<{ _entities: Entity[] }>(username, ENTITIES, {
      representations: ids.map((id) => ({ __typename: 'LoanProject', id })),
    });

  const APPLY = /* GraphQL */ `
    mutation ($input: ApplyTemplateInput!) {
      createRequirementsFromTemplate(input: $input) {
        id
      }
    }
  `;
  const CREATE_DOCUMENT = /* GraphQL */ `
    mutation ($input: CreateDocumentInput!) {
      createDocument(input: $input) {
        id
        latestVersion {
          number
        }
      }
    }
  `;

  beforeAll(async () => {
    const templates = ok(
      await gql<{ requirementTemplates: { id: string; code: string }[] }>(
        'bpkad',
        `{ requirementTemplates { id code } }`,
      ),
    ).requirementTemplates;
    const template = templates.find((entry) => entry.code === 'PTSMI-PENCAIRAN-UANG-MUKA')!;
    for (const id of projects.slice(0, 2)) {
      ok(
        await gql('bpkad', APPLY, {
          input: {
            templateId: template.id,
            subject: { type: 'LoanProject', id },
            uploaderOrganizationCode: 'DPUPR',
            reviewerOrganizationCodes: ['BPKAD', 'PTSMI'],
          },
        }),
      );
    }
    const fileId = await upload(
      'pelaksana',
      await pdfBytes(1, `Gambar ${RUN}`),
      'gambar.pdf',
      'document',
    );
    ok(
      await gql('pelaksana', CREATE_DOCUMENT, {
        input: {
          title: 'Gambar teknis jalan',
          subject: { type: 'LoanProject', id: projects[0] },
          fileId,
        },
      }),
    );
  });

  it('resolves each project’s requirements and documents by the caller’s read rules', async () => {
    const [a, b, c] = ok(await entities('pelaksana', projects))._entities as [
      Entity,
      Entity,
      Entity,
    ];
    expect(a.id).toBe(projects[0]);
    expect(a.requirements.map((r) => r.title)).toEqual([
      'Berita Acara Mutual Check 0% (MC-0)',
      'SPTJM Kepala Daerah',
      'Rencana Penggunaan Uang Muka',
      'Jaminan Uang Muka',
      'Kontrak Pekerjaan Konstruksi',
    ]);
    expect(a.requirements.every((r) => r.subject.id === projects[0])).toBe(true);
    expect(a.documents.map((d) => d.title)).toEqual(['Gambar teknis jalan']);
    expect(b.requirements).toHaveLength(5);
    expect(b.documents).toEqual([]);
    expect(c).toEqual({ id: projects[2], requirements: [], documents: [] });

    // The lender reviews the requirements but does not read DPUPR's own TERBATAS document;
    // Dinas Kesehatan takes part in neither; a leader oversees everything.
    const [lenderView] = ok(await entities('pemberi-pinjaman', projects.slice(0, 1)))._entities as [
      Entity,
    ];
    expect(lenderView.requirements).toHaveLength(5);
    expect(lenderView.documents).toEqual([]);
    const [outsider] = ok(await entities('admin-opd', projects.slice(0, 1)))._entities as [Entity];
    expect(outsider).toMatchObject({ requirements: [], documents: [] });
    const [leader] = ok(await entities('pimpinan', projects.slice(0, 1)))._entities as [Entity];
    expect(leader.requirements).toHaveLength(5);
    expect(leader.documents).toHaveLength(1);

    // Without a token the requirements are refused like `requirements(...)`.
    const anonymous = await graphqlRequest(service.url, ENTITIES, {
      variables: { representations: [{ __typename: 'LoanProject', id: projects[0] }] },
    });
    expect(errorCodes(anonymous)).toContain('UNAUTHENTICATED');
  });

  it('costs one query per field whether it is asked for one project or many', async () => {
    const one = await countQueries(() => entities('pelaksana', projects.slice(0, 1)));
    const many = await countQueries(() =>
      entities('pelaksana', [...projects, ...Array.from({ length: 7 }, () => randomUUID())]),
    );
    expect(one.requirements).toBe(1);
    expect(one.documents).toBe(1);
    expect(many).toEqual(one);
  });
});

describe('seals of a project document', () => {
  it('publish the subject and the owning organization of the document', async () => {
    const fileId = await upload(
      'bpkad',
      await pdfBytes(1, `Perjanjian ${RUN}`),
      'pp.pdf',
      'document',
    );
    const subject = { type: 'LoanProject', id: `proyek-seal-${RUN}` };
    const created = ok(
      await gql<{ createDocument: { id: string } }>(
        'bpkad',
        `mutation ($input: CreateDocumentInput!) { createDocument(input: $input) { id } }`,
        { input: { title: 'Perjanjian pinjaman daerah', subject, fileId } },
      ),
    );
    const documentId = created.createDocument.id;
    const signed = ok(
      await gql<{ signDocumentVersion: { id: string; code: string; sha256: string } }>(
        'bpkad',
        `mutation ($id: ID!) { signDocumentVersion(documentId: $id, version: 1) { id code sha256 } }`,
        { id: documentId },
      ),
    ).signDocumentVersion;
    const events = await outboxEvents<{ signatureId: string }>('documents.signature.created');
    expect(events.find((event) => event.data.signatureId === signed.id)).toEqual(
      expect.objectContaining({
        org: 'BPKAD',
        data: {
          signatureId: signed.id,
          documentId,
          version: 1,
          code: signed.code,
          sha256: signed.sha256,
          subject,
          organizationCode: 'BPKAD',
        },
      }),
    );
  });
});
