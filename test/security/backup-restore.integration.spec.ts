// Backup and restore (issue 10, item 9): a running platform with uploaded, filed and sealed
// documents is backed up (scripts/backup.ts), restored into fresh databases and a fresh file
// directory (scripts/restore.ts), and a documents service started on the restored database serves
// every file byte-identical to the original with its recorded SHA-256, and finds its audit chain
// intact. A corrupt backup and a non-empty target are refused without writing anything.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RunningSubgraph } from '@sipadu/service-kit';
import { getUserToken, graphqlRequest, sha256Hex, tusUpload } from '@sipadu/test-kit';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, listFiles, MANIFEST, type DatabaseSource } from '../../scripts/backup.js';
import { existingServices } from '../../scripts/lib/platform.js';
import { restore } from '../../scripts/restore.js';
import { startDocumentsService } from '../../services/documents/src/app.js';
import { documentsEnvironment } from '../../services/documents/src/environment.js';
import { removeConsumers, startApiStack, type ApiStack } from '../support/api-stack.js';
import { pdfWithText } from '../support/fixtures.js';

const DATABASE = 'sipadu_backup_spec';
const SUFFIX = '_pulih';
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
/** The durable consumers of the restored documents service (JetStream is shared). */
const RESTORED_CONSUMERS = `documents-${DATABASE}${SUFFIX}`;

// The stack's databases, named as startApiStack names them.
const sources: DatabaseSource[] = existingServices().map((unit) => ({
  service: unit.name,
  name: unit.name === 'identity' ? DATABASE : `${DATABASE}-${unit.name}`,
}));

let stack: ApiStack;
let scratch: string;
let restored: RunningSubgraph | undefined;
const tokens: Record<string, string> = {};
const token = async (username: string) => (tokens[username] ??= await getUserToken(username));
/** Original bytes of each upload, by file id. */
const originals = new Map<string, Uint8Array>();

async function dropDatabases(names: readonly string[]) {
  const client = await new mongoose.mongo.MongoClient(MONGO_URL).connect();
  try {
    for (const name of names) await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
}

const removeRestoredConsumers = () =>
  removeConsumers(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', [RESTORED_CONSUMERS]);

const restoredNames = (suffix: string) => sources.map((source) => `${source.name}${suffix}`);

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'sipadu-backup-spec-'));
  await dropDatabases([...restoredNames(SUFFIX), ...restoredNames('_rusak')]);
  await removeRestoredConsumers();
  stack = await startApiStack(DATABASE);
}, 180_000);

afterAll(async () => {
  await restored?.stop();
  await stack?.stop();
  await removeRestoredConsumers();
  await dropDatabases([...restoredNames(SUFFIX), ...restoredNames('_rusak')]);
  await rm(scratch, { recursive: true, force: true });
});

async function upload(username: string, text: string) {
  const bytes = await pdfWithText(text);
  const result = await tusUpload({
    origin: stack.gatewayOrigin,
    token: await token(username),
    bytes,
    filename: `${text}.pdf`,
    purpose: 'document',
    chunks: 2,
  });
  expect(result.status, result.message ?? '').toBe(204);
  const fileId = result.fileId as string;
  originals.set(fileId, bytes);
  return fileId;
}

async function gql<T>(url: string, username: string, query: string, variables = {}) {
  const response = await graphqlRequest<T>(url, query, {
    variables,
    token: await token(username),
  });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as T;
}

const CHAIN = `{ verifyAuditChain { ok checked firstBrokenSequence reason } }`;
type Chain = { verifyAuditChain: { ok: boolean; checked: number } };

describe('backup and restore', () => {
  let backupDir: string;
  let chainBefore: Chain['verifyAuditChain'];
  /** Audit entries in the backup. */
  let auditEntries: number;

  it('backs up every service database (with GridFS) into a manifest of SHA-256s', async () => {
    await upload('pelaksana', 'Laporan kemajuan');
    await upload('pelaksana', 'Berita acara');
    const sealed = await upload('kasubdit', 'Perjanjian pinjaman');
    const { createDocument } = await gql<{ createDocument: { id: string } }>(
      stack.gatewayUrl,
      'kasubdit',
      `mutation ($input: CreateDocumentInput!) { createDocument(input: $input) { id } }`,
      {
        input: {
          title: 'Perjanjian Pinjaman',
          subject: { type: 'LoanProject', id: 'uji-cadangan' },
          fileId: sealed,
        },
      },
    );
    await gql(
      stack.gatewayUrl,
      'kasubdit',
      `mutation ($id: ID!) { signDocumentVersion(documentId: $id, version: 1, reason: "Persetujuan") { code } }`,
      { id: createDocument.id },
    );
    chainBefore = (await gql<Chain>(stack.gatewayUrl, 'super-admin', CHAIN)).verifyAuditChain;
    expect(chainBefore.ok).toBe(true);
    // Uploads, the document, the seal.
    expect(chainBefore.checked).toBeGreaterThanOrEqual(5);

    const result = await backup({
      mongoUrl: MONGO_URL,
      out: path.join(scratch, 'cadangan'),
      databases: sources,
      // The stack stores in GridFS: its bytes are part of the documents database.
      fileStorageDir: null,
    });
    backupDir = result.dir;
    const { manifest } = result;
    expect(manifest.databases.map((database) => database.name)).toEqual(
      sources.map((source) => source.name),
    );
    const documentsDb = manifest.databases.find((database) => database.service === 'documents');
    const counts = Object.fromEntries(
      (documentsDb?.collections ?? []).map((collection) => [collection.name, collection.documents]),
    );
    // Three uploads and the stamped copy of the sealed one, besides the monthly recaps the
    // consultations service files meanwhile (events keep arriving while the backup runs).
    expect(counts.stored_files).toBeGreaterThanOrEqual(4);
    expect(counts['files.files']).toBeGreaterThanOrEqual(counts.stored_files as number);
    expect(counts.audit_entries).toBeGreaterThanOrEqual(chainBefore.checked);
    auditEntries = counts.audit_entries as number;
    const listed = manifest.files.map((file) => file.path).sort();
    expect(listed).toEqual((await listFiles(backupDir)).filter((file) => file !== MANIFEST));
    expect(manifest.files.every((file) => /^[0-9a-f]{64}$/.test(file.sha256))).toBe(true);
  }, 240_000);

  it('restores into fresh databases; every file and the audit chain survive', async () => {
    const files = path.join(scratch, 'pulih', 'files');
    const result = await restore({
      dir: backupDir,
      mongoUrl: MONGO_URL,
      suffix: SUFFIX,
      fileStorageDir: files,
    });
    expect(result.databases.map((database) => database.target)).toEqual(restoredNames(SUFFIX));

    restored = await startDocumentsService(
      documentsEnvironment({
        ...process.env,
        PORT: '0',
        MONGO_DATABASE: `${DATABASE}-documents${SUFFIX}`,
        LOG_LEVEL: 'silent',
        UPLOAD_DIR: path.join(scratch, 'pulih', 'uploads'),
        FILE_STORAGE_DIR: files,
        SIGNING_KEY_FILE: path.join(scratch, 'pulih', 'signing-key.pem'),
        CONSUMER_PREFIX: RESTORED_CONSUMERS,
        CONSUMER_DELIVER_FROM: 'new',
      }),
    );
    const origin = new URL(restored.url).origin;

    const chain = (await gql<Chain>(restored.url, 'super-admin', CHAIN)).verifyAuditChain;
    // Recaps other stacks publish may add entries once it runs; the chain stays whole.
    expect(chain).toMatchObject({ ok: true, firstBrokenSequence: null });
    expect(chain.checked).toBeGreaterThanOrEqual(auditEntries);

    const client = await new mongoose.mongo.MongoClient(MONGO_URL).connect();
    try {
      const db = client.db(`${DATABASE}-documents${SUFFIX}`);
      const records = await db
        .collection<{ _id: string; sha256: string; storageKey: string; uploader: { id: string } }>(
          'stored_files',
        )
        .find({})
        .toArray();
      expect(records.length).toBeGreaterThanOrEqual(4);
      // Every stored file's bytes, as restored, hash to the checksum its record keeps.
      const bucket = new mongoose.mongo.GridFSBucket(db, { bucketName: 'files' });
      for (const record of records) {
        const hash = createHash('sha256');
        for await (const chunk of bucket.openDownloadStream(
          record.storageKey as unknown as mongoose.mongo.ObjectId,
        )) {
          hash.update(chunk as Buffer);
        }
        expect(hash.digest('hex'), record._id).toBe(record.sha256);
      }

      // Ours, downloaded through the restored service as their uploader reads them (the stamped
      // copy belongs to the signer): the same bytes as uploaded and as the original serves.
      const { me: kasubdit } = await gql<{ me: { id: string } }>(
        stack.gatewayUrl,
        'kasubdit',
        `{ me { id } }`,
      );
      const ours = records.filter((record) => record.uploader.id !== 'system');
      expect(ours).toHaveLength(4);
      for (const record of ours) {
        const username = record.uploader.id === kasubdit.id ? 'kasubdit' : 'pelaksana';
        const headers = { authorization: `Bearer ${await token(username)}` };
        const fromRestored = await fetch(`${origin}/files/${record._id}`, { headers });
        expect(fromRestored.status, record._id).toBe(200);
        const restoredSha = sha256Hex(new Uint8Array(await fromRestored.arrayBuffer()));
        const fromOriginal = await fetch(`${stack.gatewayOrigin}/files/${record._id}`, { headers });
        const originalSha = sha256Hex(new Uint8Array(await fromOriginal.arrayBuffer()));
        expect(restoredSha).toBe(record.sha256);
        expect(restoredSha).toBe(originalSha);
        const uploaded = originals.get(record._id);
        if (uploaded) expect(restoredSha).toBe(sha256Hex(uploaded));
      }
      expect(ours.filter((record) => originals.has(record._id))).toHaveLength(3);
    } finally {
      await client.close();
    }
  }, 180_000);

  it('refuses a target that is not empty unless forced', async () => {
    await expect(
      restore({ dir: backupDir, mongoUrl: MONGO_URL, suffix: SUFFIX, fileStorageDir: null }),
    ).rejects.toThrow(/Tujuan pemulihan tidak kosong/);
  }, 60_000);

  it('refuses a corrupt backup before writing anything', async () => {
    const manifest = JSON.parse(await readFile(path.join(backupDir, MANIFEST), 'utf8')) as {
      files: { path: string }[];
    };
    const chunks = manifest.files.find((file) => file.path.endsWith('files.chunks.jsonl'));
    const target = path.join(backupDir, chunks?.path as string);
    const bytes = await readFile(target);
    const changed = Buffer.from(bytes);
    const at = changed.indexOf('"$binary"') + 40;
    changed[at] = (changed[at] as number) ^ 0x01;
    await writeFile(target, changed);
    try {
      await expect(
        restore({ dir: backupDir, mongoUrl: MONGO_URL, suffix: '_rusak', fileStorageDir: null }),
      ).rejects.toThrow(/rusak atau tidak lengkap[\s\S]*files\.chunks\.jsonl: SHA-256 berbeda/);
    } finally {
      await writeFile(target, bytes);
    }
    const client = await new mongoose.mongo.MongoClient(MONGO_URL).connect();
    try {
      for (const name of restoredNames('_rusak')) {
        expect(await client.db(name).listCollections().toArray(), name).toEqual([]);
      }
    } finally {
      await client.close();
    }
  }, 60_000);

  it('copies a filesystem store and restores it byte for byte', async () => {
    const store = path.join(scratch, 'toko');
    const files = { 'a1/berkas-1': 'isi pertama', 'b2/berkas-2': 'isi kedua', '.incoming/x': '½' };
    for (const [name, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(store, name)), { recursive: true });
      await writeFile(path.join(store, name), content);
    }
    const { dir, manifest } = await backup({
      mongoUrl: MONGO_URL,
      out: path.join(scratch, 'cadangan-toko'),
      databases: [],
      fileStorageDir: store,
    });
    expect(manifest.fileStorage).toEqual({ files: 2, bytes: 20 });
    const into = path.join(scratch, 'toko-pulih');
    const result = await restore({ dir, mongoUrl: MONGO_URL, fileStorageDir: into });
    expect(result.files).toBe(2);
    expect(await listFiles(into)).toEqual(['a1/berkas-1', 'b2/berkas-2']);
    expect(await readFile(path.join(into, 'b2/berkas-2'), 'utf8')).toBe('isi kedua');

    await writeFile(path.join(dir, 'files/a1/berkas-1'), 'isi diubah!');
    await expect(
      restore({ dir, mongoUrl: MONGO_URL, fileStorageDir: path.join(scratch, 'toko-2') }),
    ).rejects.toThrow(/files\/a1\/berkas-1: (ukuran|SHA-256) berbeda/);
  });
});
