// The /files routes over real HTTP: tus spoken by hand over fetch, real Keycloak tokens, FerretDB
// for records, GridFS for bytes and the real hash-chained audit log.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  createLogger,
  createTokenVerifier,
  forbidden,
  unauthenticated,
  type Principal,
  type TokenVerifier,
} from '@sipadu/service-kit';
import { Outbox } from '@sipadu/events';
import { getUserToken } from '@sipadu/test-kit';
import express from 'express';
import mongoose, { type Connection } from 'mongoose';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuditLog } from '../audit/audit-log.js';
import { documentsEnvironment } from '../environment.js';
import type { StoredFileRecord } from '../models/stored-file.model.js';
import { createFileStorage } from '../storage/create-file-storage.js';
import { FileService } from './file.service.js';
import { mountFileRoutes } from './file-routes.js';
import { docxBytes, exeBytes, ftypBytes, pdfBytes, pngBytes, zipBytes } from './test-files.js';

const DATABASE = 'sipadu_documents_uploads_spec';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let connection: Connection;
let server: Server;
let origin: string;
let uploadDir: string;
let files: FileService;
let outbox: Outbox;
let audit: AuditLog;
let routes: { close(): Promise<void> };
let verifyToken: TokenVerifier;
const tokens: Record<string, string> = {};
const token = async (username: string) => (tokens[username] ??= await getUserToken(username));

beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(os.tmpdir(), 'sipadu-uploads-spec-'));
  const env = documentsEnvironment({
    ...process.env,
    MONGO_DATABASE: DATABASE,
    LOG_LEVEL: 'silent',
    STORAGE_DRIVER: 'gridfs',
    UPLOAD_DIR: uploadDir,
    UPLOAD_EXPIRY_MINUTES: '60',
    UPLOAD_CLEANUP_INTERVAL_MS: '200',
    // A purpose with a small limit, to be refused for size without sending megabytes.
    UPLOAD_PURPOSES: JSON.stringify({
      'foto-kecil': { label: 'Foto kecil', maxBytes: 64 * 1024, contentTypes: ['image/png'] },
    }),
    // Small, so the limit of anonymous uploads is reached in a few requests.
    ANONYMOUS_UPLOAD_LIMIT: '3',
  });
  connection = await mongoose
    .createConnection(env.MONGO_URL, { dbName: DATABASE, retryWrites: false })
    .asPromise();
  await connection.dropDatabase();
  const storage = createFileStorage(env, connection);
  outbox = new Outbox({ connection });
  await outbox.init();
  files = new FileService(connection, storage, outbox);
  await files.init();
  audit = new AuditLog(connection);
  await audit.init();
  verifyToken = createTokenVerifier({
    issuer: env.KEYCLOAK_ISSUER,
    jwksUrl: env.KEYCLOAK_JWKS_URL,
    audience: env.JWT_AUDIENCE,
  });

  const app = express();
  routes = mountFileRoutes(app, {
    env,
    files,
    storage,
    logger: createLogger('documents-spec', 'silent'),
    verifyToken,
    // Stand-in for the document rules: signed-in members of the uploader's organization read.
    authorizeRead: async (principal: Principal | null, file: StoredFileRecord) => {
      if (!principal) throw unauthenticated('Silakan masuk untuk mengunduh berkas ini.');
      if (principal.organizationCode !== file.uploader.organizationCode) {
        throw forbidden('Anda tidak berwenang membaca berkas ini.');
      }
    },
    audit,
  });
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await routes?.close();
  await new Promise((resolve) => server?.close(resolve));
  await connection?.dropDatabase();
  await connection?.close();
  if (uploadDir) await rm(uploadDir, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const metadataHeader = (pairs: Record<string, string>) =>
  Object.entries(pairs)
    .map(([key, value]) => `${key} ${Buffer.from(value, 'utf8').toString('base64')}`)
    .join(',');

async function create(
  username: string | null,
  length: number,
  metadata: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${origin}/files`, {
    method: 'POST',
    headers: {
      'tus-resumable': '1.0.0',
      'upload-length': String(length),
      'upload-metadata': metadataHeader(metadata),
      ...(username ? { authorization: `Bearer ${await token(username)}` } : {}),
      ...headers,
    },
  });
}

async function patch(
  username: string | null,
  uploadUrl: string,
  offset: number,
  body: Uint8Array,
): Promise<Response> {
  return fetch(uploadUrl, {
    method: 'PATCH',
    headers: {
      'tus-resumable': '1.0.0',
      'upload-offset': String(offset),
      'content-type': 'application/offset+octet-stream',
      ...(username ? { authorization: `Bearer ${await token(username)}` } : {}),
    },
    // A copy over a plain ArrayBuffer, as fetch's BodyInit type wants.
    body: new Uint8Array(body),
  });
}

async function tusRequest(method: 'HEAD' | 'DELETE', username: string | null, uploadUrl: string) {
  return fetch(uploadUrl, {
    method,
    headers: {
      'tus-resumable': '1.0.0',
      ...(username ? { authorization: `Bearer ${await token(username)}` } : {}),
    },
  });
}

const uploadIdOf = (uploadUrl: string) => new URL(uploadUrl).pathname.split('/').pop()!;

/** What tus answers for a complete upload, with the id of the file it became. */
function expectFinishedUpload(response: Response, size: number, fileId: string) {
  expect(response.headers.get('tus-resumable')).toBe('1.0.0');
  expect(response.headers.get('upload-offset')).toBe(String(size));
  expect(response.headers.get('upload-length')).toBe(String(size));
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('sipadu-file-id')).toBe(fileId);
  expect(response.headers.get('access-control-expose-headers')).toContain('Sipadu-File-Id');
}

/**
 * Holds the next finishing upload after its bytes were checked, just before they go into
 * storage, until `release()`: the disk copy is complete and the final PATCH still unanswered.
 */
function holdNextFinish() {
  const storeUpload = files.storeUpload.bind(files);
  let reach!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((resolve) => (reach = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const spy = vi.spyOn(files, 'storeUpload').mockImplementationOnce(async (...args) => {
    reach();
    await released;
    return storeUpload(...args);
  });
  return { reached, release, restore: () => spy.mockRestore() };
}

/** Whether `request` is still unanswered after a while. */
const stillWaiting = (request: Promise<Response>) =>
  Promise.race([request.then(() => false), sleep(300).then(() => true)]);

/** Creates an upload and returns its URL on this server. */
async function start(username: string, bytes: Uint8Array, metadata: Record<string, string>) {
  const created = await create(username, bytes.length, { sha256: sha256(bytes), ...metadata });
  expect(created.status, await created.clone().text()).toBe(201);
  return new URL(new URL(created.headers.get('location')!).pathname, origin).toString();
}

/** A whole upload in `chunks` PATCH requests; the last response is returned. */
async function upload(
  username: string,
  bytes: Uint8Array,
  metadata: Record<string, string>,
  chunks = 1,
): Promise<{ response: Response; uploadUrl: string }> {
  const uploadUrl = await start(username, bytes, metadata);
  const size = Math.ceil(bytes.length / chunks);
  let response!: Response;
  for (let offset = 0; offset < bytes.length; offset += size) {
    response = await patch(username, uploadUrl, offset, bytes.subarray(offset, offset + size));
    if (response.status !== 204) break;
    expect(Number(response.headers.get('upload-offset'))).toBe(
      Math.min(offset + size, bytes.length),
    );
  }
  return { response, uploadUrl };
}

async function uploaded(username: string, bytes: Uint8Array, metadata: Record<string, string>) {
  const { response } = await upload(username, bytes, metadata);
  expect(response.status, await response.clone().text()).toBe(204);
  return response.headers.get('sipadu-file-id')!;
}

async function download(
  username: string | null,
  fileId: string,
  headers: Record<string, string> = {},
  suffix = '',
) {
  return fetch(`${origin}/files/${fileId}${suffix}`, {
    headers: {
      ...(username ? { authorization: `Bearer ${await token(username)}` } : {}),
      ...headers,
    },
  });
}

/** Nothing of the upload is left: no record, no GridFS object, no tus files on disk. */
async function expectNothingStored(bytes: Uint8Array, gridFsFilesBefore: number) {
  expect(
    await connection.collection('stored_files').countDocuments({ sha256: sha256(bytes) }),
  ).toBe(0);
  expect(await connection.collection('files.files').countDocuments()).toBe(gridFsFilesBefore);
  expect(await uploadsOnDisk()).toEqual([]);
}

const uploadsOnDisk = async () =>
  (await readdir(uploadDir)).filter((name) => !name.startsWith('.'));
const gridFsFiles = () => connection.collection('files.files').countDocuments();

describe('tus upload of a document', () => {
  let pdf: Buffer;
  let fileId: string;

  beforeAll(async () => {
    pdf = await pdfBytes(40);
  });

  it('accepts a PDF sent in two PATCH requests and answers with the file id', async () => {
    const { response, uploadUrl } = await upload(
      'pelaksana',
      pdf,
      {
        filename: 'Laporan kemajuan.pdf',
        purpose: 'document',
        filetype: 'application/x-msdownload',
      },
      2,
    );
    expect(response.status).toBe(204);
    expect(response.headers.get('tus-resumable')).toBe('1.0.0');
    fileId = response.headers.get('sipadu-file-id')!;
    expect(fileId).toMatch(UUID);
    expect(response.headers.get('access-control-expose-headers')).toContain('Sipadu-File-Id');

    const record = await files.get(fileId);
    expect(record).toMatchObject({
      filename: 'Laporan kemajuan.pdf',
      // From the bytes, not from the `filetype` the client claimed.
      contentType: 'application/pdf',
      size: pdf.length,
      sha256: sha256(pdf),
      purpose: 'document',
      uploader: { organizationCode: 'DPUPR' },
      attachedTo: null,
      derivedFrom: null,
    });
    // The partial upload on disk is gone once the file is stored; the record knows the upload.
    expect(await uploadsOnDisk()).toEqual([]);
    expect(record?.uploadId).toBe(uploadIdOf(uploadUrl));

    const entries = await audit.page({ targetId: fileId }, { first: 10 });
    expect(entries.edges.map((edge) => edge.node.action)).toEqual(['UPLOAD']);
    expect(entries.edges[0]?.node.actor.organizationCode).toBe('DPUPR');
  });

  it('serves the same bytes back with safe headers, and audits the download', async () => {
    const response = await download('unit-kerja', fileId);
    expect(response.status).toBe(200);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals(pdf)).toBe(true);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-length')).toBe(String(pdf.length));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('etag')).toBe(`"${sha256(pdf)}"`);
    expect(response.headers.get('cache-control')).toMatch(/^private/);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Laporan kemajuan.pdf"; filename*=UTF-8''Laporan%20kemajuan.pdf`,
    );
    const actions = (await audit.page({ targetId: fileId }, { first: 10 })).edges.map(
      (e) => e.node.action,
    );
    expect(actions).toEqual(['DOWNLOAD', 'UPLOAD']);
  });

  it('answers a Range request with 206 and exactly those bytes', async () => {
    const ranged = await download('pelaksana', fileId, { range: 'bytes=1000-5999' });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 1000-5999/${pdf.length}`);
    expect(ranged.headers.get('content-length')).toBe('5000');
    expect(Buffer.from(await ranged.arrayBuffer()).equals(pdf.subarray(1000, 6000))).toBe(true);

    const tail = await download('pelaksana', fileId, { range: 'bytes=-100' });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(pdf.subarray(pdf.length - 100))).toBe(true);

    const outside = await download('pelaksana', fileId, { range: `bytes=${pdf.length}-` });
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe(`bytes */${pdf.length}`);
    expect(await outside.json()).toEqual({
      message: 'Rentang byte yang diminta di luar ukuran berkas.',
    });

    // Several ranges: the whole body is a valid answer.
    const multi = await download('pelaksana', fileId, { range: 'bytes=0-1,5-6' });
    expect(multi.status).toBe(200);
    expect((await multi.arrayBuffer()).byteLength).toBe(pdf.length);
  });

  it('answers HEAD with the headers only, revalidation with 304, and neither is audited', async () => {
    const before = (await audit.page({ targetId: fileId }, { first: 50 })).totalCount;
    const head = await fetch(`${origin}/files/${fileId}`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${await token('pelaksana')}` },
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(pdf.length));
    expect(head.headers.get('content-type')).toBe('application/pdf');
    const revalidated = await download('pelaksana', fileId, {
      'if-none-match': `"${sha256(pdf)}"`,
    });
    expect(revalidated.status).toBe(304);
    expect((await audit.page({ targetId: fileId }, { first: 50 })).totalCount).toBe(before);
  });

  it('shows a PDF inline only when asked, still with nosniff', async () => {
    const inline = await download('pelaksana', fileId, {}, '?inline=1');
    expect(inline.headers.get('content-disposition')).toMatch(
      /^inline; filename="Laporan kemajuan.pdf"/,
    );
    expect(inline.headers.get('x-content-type-options')).toBe('nosniff');
    await inline.arrayBuffer();
  });

  it('maps the read rules to 401, 403 and 404 with Indonesian messages', async () => {
    const anonymous = await download(null, fileId);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      message: 'Silakan masuk untuk mengunduh berkas ini.',
    });
    const otherOrganization = await download('bpkad', fileId);
    expect(otherOrganization.status).toBe(403);
    expect(await otherOrganization.json()).toEqual({
      message: 'Anda tidak berwenang membaca berkas ini.',
    });
    const missing = await download('pelaksana', '00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: 'Berkas tidak ditemukan.' });
    const badToken = await download(null, fileId, { authorization: 'Bearer bukan.token.sah' });
    expect(badToken.status).toBe(401);
  });

  it('attaches a file once, for its uploader only', async () => {
    const owner = await verifyToken(await token('pelaksana'));
    const other = { ...owner, id: 'pengguna-lain' };
    const target = { documentId: 'dokumen-1', version: 1 };
    await expect(files.attach(fileId, other, target)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    expect((await files.attach(fileId, owner, target)).attachedTo).toEqual(target);
    // A retried request for the same version is fine; any other use is a conflict.
    expect((await files.attach(fileId, owner, target)).attachedTo).toEqual(target);
    await expect(
      files.attach(fileId, owner, { documentId: 'dokumen-2', version: 1 }),
    ).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    await expect(
      files.attach('00000000-0000-4000-8000-000000000000', owner, target),
    ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('stores derived files streaming, with their hash, and finds files by hash', async () => {
    const stamped = Buffer.concat([pdf, Buffer.from('\n%% cap\n')]);
    const record = await files.storeDerived(stamped, {
      filename: 'Laporan kemajuan (bercap).pdf',
      contentType: 'application/pdf',
      purpose: 'stamped',
      uploader: { id: 'sistem', name: null, organizationCode: 'DPUPR' },
      derivedFrom: fileId,
      attachedTo: { documentId: 'dokumen-1', version: 1 },
    });
    expect(record).toMatchObject({
      size: stamped.length,
      sha256: sha256(stamped),
      derivedFrom: fileId,
      uploadId: null,
    });
    const [found] = await files.findBySha256(sha256(stamped).toUpperCase());
    expect(found?._id).toBe(record._id);
    const back: Buffer[] = [];
    for await (const part of files.open(record._id, { start: 0, end: 9 }))
      back.push(part as Buffer);
    expect(Buffer.concat(back).equals(stamped.subarray(0, 10))).toBe(true);
  });

  it('accepts a DOCX for documents', async () => {
    const id = await uploaded('pelaksana', docxBytes(), {
      filename: 'Surat.docx',
      purpose: 'document',
    });
    expect((await files.get(id))?.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });
});

describe('tus refusals leave nothing behind', () => {
  it('refuses a renamed .exe with 415 after its first bytes', async () => {
    const exe = Buffer.concat([exeBytes(), Buffer.alloc(200_000, 1)]);
    const before = await gridFsFiles();
    const uploadUrl = await start('pelaksana', exe, {
      filename: 'laporan.pdf',
      purpose: 'document',
    });
    // The first of three requests already fails: the head shows an executable.
    const first = await patch('pelaksana', uploadUrl, 0, exe.subarray(0, 70_000));
    expect(first.status).toBe(415);
    expect(await first.text()).toBe(
      'Jenis berkas tidak diizinkan untuk Dokumen (isi berkas terbaca sebagai EXE). Jenis yang diizinkan: PDF, DOCX, XLSX.',
    );
    expect((await tusRequest('HEAD', 'pelaksana', uploadUrl)).status).toBe(404);
    await expectNothingStored(exe, before);
  });

  it('refuses on finish what only the whole file shows (a ZIP named .docx)', async () => {
    const zip = zipBytes({ 'catatan.txt': 'x'.repeat(20_000) });
    const before = await gridFsFiles();
    const { response } = await upload('pelaksana', zip, {
      filename: 'Surat.docx',
      purpose: 'document',
    });
    expect(response.status).toBe(415);
    expect(await response.text()).toMatch(/terbaca sebagai ZIP.*PDF, DOCX, XLSX/);
    await expectNothingStored(zip, before);
  });

  it('refuses a file over its purpose limit with 413 at creation', async () => {
    const created = await create('pelaksana', 100_000, {
      filename: 'besar.png',
      purpose: 'foto-kecil',
      sha256: 'a'.repeat(64),
    });
    expect(created.status).toBe(413);
    expect(await created.text()).toBe('Ukuran berkas melebihi batas untuk Foto kecil (64 KB).');
    expect(await uploadsOnDisk()).toEqual([]);
  });

  it('refuses a hash mismatch with 422 and keeps nothing', async () => {
    const pdf = await pdfBytes(3, 'Berkas yang berubah');
    const before = await gridFsFiles();
    const uploadUrl = await start('pelaksana', pdf, {
      filename: 'rusak.pdf',
      purpose: 'document',
      sha256: sha256(Buffer.from('berkas lain')),
    });
    const response = await patch('pelaksana', uploadUrl, 0, pdf);
    expect(response.status).toBe(422);
    expect(await response.text()).toMatch(
      /^Berkas berubah atau rusak saat dikirim: SHA-256 tidak cocok/,
    );
    expect(response.headers.get('sipadu-file-id')).toBeNull();
    await expectNothingStored(pdf, before);
    // Nothing was stored, so nothing was audited.
    expect(
      (await audit.page({ action: 'UPLOAD' }, { first: 50 })).edges.every(
        (e) => !e.node.detail?.includes('rusak.pdf'),
      ),
    ).toBe(true);
  });

  it.each([
    [
      'no purpose',
      { filename: 'a.pdf', sha256: 'a'.repeat(64) },
      'Tujuan unggahan tidak dikenal. Pilihan: photo, video, document, bukti-pengaduan, foto-kecil.',
    ],
    [
      'an unknown purpose',
      { filename: 'a.pdf', purpose: 'musik', sha256: 'a'.repeat(64) },
      'Tujuan unggahan tidak dikenal. Pilihan: photo, video, document, bukti-pengaduan, foto-kecil.',
    ],
    [
      'no file name',
      { purpose: 'document', sha256: 'a'.repeat(64) },
      'Nama berkas (metadata "filename") wajib diisi.',
    ],
    [
      'a malformed SHA-256',
      { filename: 'a.pdf', purpose: 'document', sha256: 'abc' },
      'Metadata "sha256" wajib berisi SHA-256 berkas (64 karakter heksadesimal).',
    ],
  ])('refuses creation with %s (400)', async (_label, metadata, message) => {
    const created = await create('pelaksana', 1000, metadata as Record<string, string>);
    expect(created.status).toBe(400);
    expect(await created.text()).toBe(message);
    expect(await uploadsOnDisk()).toEqual([]);
  });

  it('refuses an upload of deferred length', async () => {
    const created = await fetch(`${origin}/files`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await token('pelaksana')}`,
        'tus-resumable': '1.0.0',
        'upload-defer-length': '1',
        'upload-metadata': metadataHeader({
          filename: 'a.pdf',
          purpose: 'document',
          sha256: 'a'.repeat(64),
        }),
      },
    });
    expect(created.status).toBe(400);
    expect(await created.text()).toMatch(/Upload-Length\) wajib disebutkan/);
  });
});

describe('tus uploads belong to their uploader', () => {
  it('asks for a token, and lets nobody else touch an upload', async () => {
    const pdf = await pdfBytes(2, 'Milik pelaksana');
    const anonymous = await create(null, pdf.length, {
      filename: 'a.pdf',
      purpose: 'document',
      sha256: sha256(pdf),
    });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toBe('Silakan masuk terlebih dahulu untuk mengunggah berkas.');

    const uploadUrl = await start('pelaksana', pdf, { filename: 'milik.pdf', purpose: 'document' });
    const stranger = await patch('bpkad', uploadUrl, 0, pdf.subarray(0, 100));
    expect(stranger.status).toBe(403);
    expect(await stranger.text()).toBe('Unggahan ini milik pengguna lain.');
    expect((await tusRequest('HEAD', 'bpkad', uploadUrl)).status).toBe(403);
    expect((await tusRequest('DELETE', 'bpkad', uploadUrl)).status).toBe(403);
    // Same organization is not enough: the upload is the person's.
    expect((await patch('unit-kerja', uploadUrl, 0, pdf.subarray(0, 100))).status).toBe(403);
    expect((await patch(null, uploadUrl, 0, pdf.subarray(0, 100))).status).toBe(401);

    const head = await tusRequest('HEAD', 'pelaksana', uploadUrl);
    expect(head.status).toBe(200);
    expect(head.headers.get('upload-offset')).toBe('0');
    expect((await tusRequest('DELETE', 'pelaksana', uploadUrl)).status).toBe(204);
    expect(await uploadsOnDisk()).toEqual([]);
  });

  it('ignores uploader fields sent by the client and records the caller', async () => {
    const pdf = await pdfBytes(1, 'Penyamaran');
    const created = await create('pelaksana', pdf.length, {
      filename: 'a.pdf',
      purpose: 'document',
      sha256: sha256(pdf),
      uploaderId: 'orang-lain',
      uploaderOrganizationCode: 'BPKAD',
    });
    const uploadUrl = new URL(
      new URL(created.headers.get('location')!).pathname,
      origin,
    ).toString();
    const response = await patch('pelaksana', uploadUrl, 0, pdf);
    expect(response.status).toBe(204);
    const record = await files.get(response.headers.get('sipadu-file-id')!);
    expect(record?.uploader.organizationCode).toBe('DPUPR');
    expect(record?.uploader.id).not.toBe('orang-lain');
  });

  it('points Location back at the gateway that forwarded the request', async () => {
    const created = await create(
      'pelaksana',
      10,
      { filename: 'a.pdf', purpose: 'document', sha256: 'a'.repeat(64) },
      { 'x-forwarded-host': 'sipadu.example.go.id', 'x-forwarded-proto': 'https' },
    );
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    expect(location).toMatch(/^https:\/\/sipadu\.example\.go\.id\/files\/[0-9a-f]{32}$/);
    const uploadUrl = new URL(new URL(location).pathname, origin).toString();
    expect((await tusRequest('DELETE', 'pelaksana', uploadUrl)).status).toBe(204);
  });
});

describe('anonymous complaint evidence', () => {
  const evidence = { purpose: 'bukti-pengaduan', filename: 'jalan-berlubang.png' };
  /** A new client address each time: each has the whole allowance of anonymous uploads. */
  let clients = 0;
  const client = () => ({ 'x-sipadu-client': `203.0.113.${(clients += 1)}` });

  async function startAnonymous(bytes: Uint8Array, headers: Record<string, string>) {
    const created = await create(
      null,
      bytes.length,
      { sha256: sha256(bytes), ...evidence },
      headers,
    );
    expect(created.status, await created.clone().text()).toBe(201);
    return new URL(new URL(created.headers.get('location')!).pathname, origin).toString();
  }

  it('takes a photo without a token and records nobody as its uploader', async () => {
    const png = await pngBytes(64, 48);
    const uploadUrl = await startAnonymous(png, client());
    expect((await tusRequest('HEAD', null, uploadUrl)).status).toBe(200);
    const response = await patch(null, uploadUrl, 0, png);
    expect(response.status, await response.clone().text()).toBe(204);
    const record = await files.get(response.headers.get('sipadu-file-id')!);
    expect(record).toMatchObject({
      purpose: 'bukti-pengaduan',
      contentType: 'image/png',
      uploader: { id: 'public', name: null, organizationCode: null },
    });
    const { edges } = await audit.page({ action: 'UPLOAD', targetId: record!._id }, { first: 1 });
    expect(edges[0]?.node.actor.id).toBe('anonim');
  });

  it('records a signed-in sender as anonymous too, and only this purpose opens without a token', async () => {
    const png = await pngBytes(32, 32);
    const created = await create(
      'admin-opd',
      png.length,
      { sha256: sha256(png), ...evidence },
      client(),
    );
    expect(created.status).toBe(201);
    const uploadUrl = new URL(new URL(created.headers.get('location')!).pathname, origin);
    const response = await patch('admin-opd', uploadUrl.toString(), 0, png);
    expect(response.status).toBe(204);
    expect((await files.get(response.headers.get('sipadu-file-id')!))?.uploader.id).toBe('public');

    const pdf = await pdfBytes(1, 'Dokumen biasa');
    for (const purpose of ['document', 'photo']) {
      const refused = await create(
        null,
        pdf.length,
        { sha256: sha256(pdf), filename: 'a.pdf', purpose },
        client(),
      );
      expect(refused.status).toBe(401);
    }
    // An anonymous upload takes evidence only: 10 MB, photos or PDF.
    const tooLarge = await create(
      null,
      10 * 1024 * 1024 + 1,
      { sha256: 'a'.repeat(64), ...evidence },
      client(),
    );
    expect(tooLarge.status).toBe(413);
    const docx = docxBytes();
    const uploadDocx = await startAnonymous(docx, client());
    expect((await patch(null, uploadDocx, 0, docx)).status).toBe(415);
  });

  it('limits anonymous uploads per client address', async () => {
    const png = await pngBytes(16, 16);
    const address = client();
    for (let i = 0; i < 3; i += 1) {
      const uploadUrl = await startAnonymous(png, address);
      expect((await tusRequest('DELETE', null, uploadUrl)).status).toBe(204);
    }
    const refused = await create(null, png.length, { sha256: sha256(png), ...evidence }, address);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toBe(
      'Terlalu banyak unggahan dari jaringan Anda. Silakan coba lagi dalam beberapa menit.',
    );
    // Another address still may; signed-in uploads of other purposes are not counted.
    await tusRequest('DELETE', null, await startAnonymous(png, client()));
    const signedIn = await create(
      'pelaksana',
      png.length,
      { sha256: sha256(png), filename: 'a.png', purpose: 'photo' },
      address,
    );
    expect(signedIn.status).toBe(201);
    const location = new URL(signedIn.headers.get('location')!).pathname;
    await tusRequest('DELETE', 'pelaksana', new URL(location, origin).toString());
    expect(await uploadsOnDisk()).toEqual([]);
  });
});

describe('resuming an upload that already finished', () => {
  it('answers the uploader like tus answers a complete upload, with the file id', async () => {
    const pdf = await pdfBytes(2, 'Sudah selesai');
    const { response, uploadUrl } = await upload('pelaksana', pdf, {
      filename: 'selesai.pdf',
      purpose: 'document',
    });
    expect(response.status).toBe(204);
    const fileId = response.headers.get('sipadu-file-id')!;
    expect(await uploadsOnDisk()).toEqual([]);

    // The answer to the final PATCH was lost (connection dropped, page reloaded): tus-js-client
    // asks with HEAD, sees offset == length and takes the file id from this response.
    const head = await tusRequest('HEAD', 'pelaksana', uploadUrl);
    expect(head.status).toBe(200);
    expectFinishedUpload(head, pdf.length, fileId);
    // Other clients send the final PATCH again.
    const again = await patch('pelaksana', uploadUrl, pdf.length, new Uint8Array(0));
    expect(again.status).toBe(204);
    expectFinishedUpload(again, pdf.length, fileId);
    const resent = await patch('pelaksana', uploadUrl, 0, pdf);
    expect(resent.status).toBe(204);
    expectFinishedUpload(resent, pdf.length, fileId);
    // Nothing was stored twice.
    expect(
      await connection.collection('stored_files').countDocuments({ sha256: sha256(pdf) }),
    ).toBe(1);
  });

  it('tells nobody else, and still knows no other upload', async () => {
    const pdf = await pdfBytes(1, 'Selesai, milik pelaksana');
    const { response, uploadUrl } = await upload('pelaksana', pdf, {
      filename: 'milik.pdf',
      purpose: 'document',
    });
    expect(response.status).toBe(204);

    const stranger = await tusRequest('HEAD', 'bpkad', uploadUrl);
    expect(stranger.status).toBe(403);
    expect(stranger.headers.get('sipadu-file-id')).toBeNull();
    // Same organization is not enough: the upload is the person's.
    expect((await tusRequest('HEAD', 'unit-kerja', uploadUrl)).status).toBe(403);
    const strangerPatch = await patch('bpkad', uploadUrl, pdf.length, new Uint8Array(0));
    expect(strangerPatch.status).toBe(403);
    expect(await strangerPatch.text()).toBe('Unggahan ini milik pengguna lain.');
    expect((await tusRequest('HEAD', null, uploadUrl)).status).toBe(401);

    const unknown = new URL(`/files/${'0'.repeat(32)}`, origin).toString();
    expect((await tusRequest('HEAD', 'pelaksana', unknown)).status).toBe(404);
  });

  it('makes a HEAD sent while the final PATCH is being finished wait for the file id', async () => {
    // A few MB: the bytes are sniffed, hashed and copied into storage before the PATCH answers.
    const pdf = Buffer.concat([await pdfBytes(1, 'Berkas besar'), randomBytes(4 * 1024 * 1024)]);
    const uploadUrl = await start('pelaksana', pdf, { filename: 'besar.pdf', purpose: 'document' });
    const hold = holdNextFinish();
    try {
      // Not awaited: for the client this connection has dropped.
      const finalPatch = patch('pelaksana', uploadUrl, 0, pdf);
      await hold.reached;
      // All bytes are on disk: tus alone would answer offset == length, without a file id.
      expect((await stat(path.join(uploadDir, uploadIdOf(uploadUrl)))).size).toBe(pdf.length);

      const head = tusRequest('HEAD', 'pelaksana', uploadUrl);
      expect(await stillWaiting(head)).toBe(true);
      hold.release();
      const [patched, headed] = await Promise.all([finalPatch, head]);
      expect(patched.status).toBe(204);
      const fileId = patched.headers.get('sipadu-file-id')!;
      expect(fileId).toMatch(UUID);
      expect(headed.status).toBe(200);
      expectFinishedUpload(headed, pdf.length, fileId);
      expect(await uploadsOnDisk()).toEqual([]);
    } finally {
      hold.release();
      hold.restore();
    }
  });

  it('answers requests that waited for the finish with its refusal', async () => {
    const pdf = await pdfBytes(3, 'Berubah di jalan');
    const before = await gridFsFiles();
    const uploadUrl = await start('pelaksana', pdf, {
      filename: 'berubah.pdf',
      purpose: 'document',
      sha256: sha256(Buffer.from('berkas lain')),
    });
    const hold = holdNextFinish();
    try {
      const finalPatch = patch('pelaksana', uploadUrl, 0, pdf);
      await hold.reached;
      const head = tusRequest('HEAD', 'pelaksana', uploadUrl);
      const repeated = patch('pelaksana', uploadUrl, pdf.length, new Uint8Array(0));
      expect(await stillWaiting(head)).toBe(true);
      hold.release();
      const [patched, headed, repeatedAnswer] = await Promise.all([finalPatch, head, repeated]);
      expect(patched.status).toBe(422);
      expect(headed.status).toBe(422);
      expect(headed.headers.get('sipadu-file-id')).toBeNull();
      expect(repeatedAnswer.status).toBe(422);
      expect(await repeatedAnswer.text()).toMatch(
        /^Berkas berubah atau rusak saat dikirim: SHA-256 tidak cocok/,
      );
      await expectNothingStored(pdf, before);
      // Afterwards the upload is simply gone, as any refused upload.
      expect((await tusRequest('HEAD', 'pelaksana', uploadUrl)).status).toBe(404);
    } finally {
      hold.release();
      hold.restore();
    }
  });
});

describe('download names and thumbnails', () => {
  it('keeps a hostile file name out of the headers', async () => {
    const pdf = await pdfBytes(1, 'Nama aneh');
    const id = await uploaded('pelaksana', pdf, {
      filename: '..\\..\\Ra"hasia\r\nSet-Cookie: a=b; Ümlaut №1.pdf',
      purpose: 'document',
    });
    expect((await files.get(id))?.filename).toBe('RahasiaSet-Cookie: a=b; Ümlaut №1.pdf');
    const response = await download('pelaksana', id);
    await response.arrayBuffer();
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="RahasiaSet-Cookie: a=b_ Umlaut No1.pdf"; ` +
        `filename*=UTF-8''RahasiaSet-Cookie%3A%20a%3Db%3B%20%C3%9Cmlaut%20%E2%84%961.pdf`,
    );
  });

  it('makes a WebP thumbnail of a PNG once and reuses it', async () => {
    const png = await pngBytes(640, 480);
    const id = await uploaded('pelaksana', png, { filename: 'lokasi.png', purpose: 'photo' });
    expect((await files.get(id))?.contentType).toBe('image/png');

    const first = await download('pelaksana', id, {}, '/thumbnail');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/webp');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    const image = await sharp(Buffer.from(await first.arrayBuffer())).metadata();
    expect(image).toMatchObject({ format: 'webp', width: 256, height: 192 });
    const thumbnailKey = (await files.get(id))?.thumbnailKey;
    expect(thumbnailKey).toMatch(new RegExp(`^${id}\\.thumbnail\\.`));

    const again = await download('pelaksana', id, {}, '/thumbnail?size=64');
    expect((await sharp(Buffer.from(await again.arrayBuffer())).metadata()).width).toBe(64);
    const large = await download('pelaksana', id, {}, '/thumbnail?size=5000');
    // Capped at 1024, never enlarged past the original.
    expect((await sharp(Buffer.from(await large.arrayBuffer())).metadata()).width).toBe(640);
    expect((await files.get(id))?.thumbnailKey).toBe(thumbnailKey);
    expect(
      await connection.collection('files.files').countDocuments({ _id: thumbnailKey as never }),
    ).toBe(1);
    // Thumbnails are not downloads of the file.
    const actions = (await audit.page({ targetId: id }, { first: 10 })).edges.map(
      (e) => e.node.action,
    );
    expect(actions).toEqual(['UPLOAD']);
  });

  it('answers 404 with a message for images sharp cannot decode', async () => {
    // A HEIC header without a decodable image: accepted as a photo, but no thumbnail.
    const heic = ftypBytes('heic', ['mif1', 'heic']);
    const id = await uploaded('pelaksana', heic, { filename: 'IMG_0001.HEIC', purpose: 'photo' });
    expect((await files.get(id))?.contentType).toBe('image/heic');
    const response = await download('pelaksana', id, {}, '/thumbnail');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      message: 'Gambar mini tidak dapat dibuat untuk jenis berkas ini.',
    });
    expect((await files.get(id))?.thumbnailKey).toBeNull();
  });

  it('has no thumbnail for a PDF', async () => {
    const id = await uploaded('pelaksana', await pdfBytes(1, 'Tanpa gambar mini'), {
      filename: 'a.pdf',
      purpose: 'document',
    });
    const response = await download('pelaksana', id, {}, '/thumbnail');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'Gambar mini hanya tersedia untuk foto.' });
  });
});

describe('abandoned uploads', () => {
  it('are deleted once expired', async () => {
    const pdf = await pdfBytes(40, 'Ditinggalkan');
    const uploadUrl = await start('pelaksana', pdf, {
      filename: 'setengah.pdf',
      purpose: 'document',
    });
    expect((await patch('pelaksana', uploadUrl, 0, pdf.subarray(0, 5000))).status).toBe(204);
    const uploadId = new URL(uploadUrl).pathname.split('/').pop()!;
    expect((await uploadsOnDisk()).sort()).toEqual([uploadId, `${uploadId}.json`]);

    // Age the upload past UPLOAD_EXPIRY_MINUTES; the cleanup timer (200 ms) does the rest.
    const infoPath = path.join(uploadDir, `${uploadId}.json`);
    const info = JSON.parse(await readFile(infoPath, 'utf8')) as { creation_date: string };
    info.creation_date = new Date(Date.now() - 2 * 60 * 60_000).toISOString();
    await writeFile(infoPath, JSON.stringify(info));
    for (let waited = 0; (await uploadsOnDisk()).length > 0 && waited < 5_000; waited += 100) {
      await sleep(100);
    }
    expect(await uploadsOnDisk()).toEqual([]);
    expect((await tusRequest('HEAD', 'pelaksana', uploadUrl)).status).toBe(404);
  });
});
