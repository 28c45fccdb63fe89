import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Principal } from '@sipadu/service-kit';
import mongoose, { type Connection } from 'mongoose';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Outbox, type OutboxRow } from '@sipadu/events';
import { AuditLog } from '../audit/audit-log.js';
import type { SignatureRecord } from '../models/signature.model.js';
import type { StoredFileRecord } from '../models/stored-file.model.js';
import { GridFsStorage } from '../storage/gridfs.storage.js';
import { FileService } from '../uploads/file.service.js';
import { LocalSealProvider } from './local-seal.provider.js';
import { MESSAGES, SignatureService } from './signature.service.js';

// Real FerretDB, GridFS, FileService and AuditLog in a throwaway database.
const DATABASE = 'sipadu_documents_signing_spec';
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';

let connection: Connection;
let keyDir: string;
let files: FileService;
let outbox: Outbox;
let audit: AuditLog;
let service: SignatureService;
const withdrawnDocuments = new Set<string>();

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const signatures = () => connection.db!.collection<SignatureRecord>('signatures');

function principal(id: string, name: string, organizationCode: string): Principal {
  return {
    kind: 'user',
    id,
    username: id,
    name,
    email: null,
    organizationCode,
    roles: ['bpkad'],
    clientId: null,
    scopes: [],
    expiresAt: Math.floor(Date.now() / 1000) + 300,
  };
}
const sari = principal('u-sari', 'Sari Wulandari', 'BPKAD');
const PROJECT = { type: 'LoanProject', id: 'proyek-1' };
const budi = principal('u-budi', 'Budi Santoso', 'SETDA');

async function pdfBytes(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText(text, { x: 50, y: 700, size: 14 });
  doc.addPage().drawText(`${text} (halaman 2)`, { x: 50, y: 700, size: 14 });
  return doc.save();
}

function upload(
  bytes: Uint8Array,
  filename: string,
  contentType: string,
): Promise<StoredFileRecord> {
  return files.storeUpload(
    Readable.from([Buffer.from(bytes)]),
    {
      filename,
      contentType,
      purpose: 'document',
      uploader: { id: sari.id, name: sari.name, organizationCode: 'BPKAD' },
    },
    sha256(bytes),
  );
}

async function readBack(id: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of files.open(id)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  connection = await mongoose.createConnection(MONGO_URL, { dbName: DATABASE }).asPromise();
  await connection.dropDatabase();
  keyDir = await mkdtemp(path.join(os.tmpdir(), 'sipadu-signing-spec-'));
  const { provider } = await LocalSealProvider.load({
    algorithm: 'ES256',
    keyFile: path.join(keyDir, 'key.pem'),
    production: false,
  });
  outbox = new Outbox({ connection });
  await outbox.init();
  files = new FileService(connection, new GridFsStorage(connection.db!), outbox);
  await files.init();
  audit = new AuditLog(connection);
  await audit.init();
  service = new SignatureService({
    outbox,
    connection,
    files,
    provider,
    publicWebUrl: 'https://sipadu.example.go.id/',
    audit,
    documentStatus: async (id) => ({ withdrawn: withdrawnDocuments.has(id) }),
  });
  await service.init();
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
  if (keyDir) await rm(keyDir, { recursive: true, force: true });
});

describe('SignatureService with a PDF version', () => {
  let original: Uint8Array;
  let file: StoredFileRecord;
  let signed: SignatureRecord;
  let stamped: Buffer;

  beforeAll(async () => {
    original = await pdfBytes('Perjanjian pinjaman daerah');
    file = await upload(original, 'perjanjian.pdf', 'application/pdf');
    signed = await service.sign({
      documentId: 'doc-pdf',
      documentTitle: 'Perjanjian Pinjaman Daerah',
      version: 2,
      file,
      signer: sari,
      signerPosition: 'Kepala BPKAD',
      reason: 'Persetujuan',
      organizationCode: 'DPUPR',
      subject: PROJECT,
    });
    stamped = await readBack(signed.stampedFileId!);
  });

  it('records the seal over the exact version and files a stamped copy beside it', async () => {
    expect(signed).toMatchObject({
      documentId: 'doc-pdf',
      version: 2,
      fileId: file._id,
      sha256: file.sha256,
      signer: { id: sari.id, name: 'Sari Wulandari', organizationCode: 'BPKAD' },
      signerPosition: 'Kepala BPKAD',
      reason: 'Persetujuan',
      algorithm: 'ES256',
      provider: 'local',
    });
    expect(signed.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(JSON.parse(signed.payload)).toMatchObject({
      v: 1,
      code: signed.code,
      sha256: file.sha256,
    });
    expect(service.verificationUrl(signed.code)).toBe(
      `https://sipadu.example.go.id/verifikasi/${signed.code}`,
    );

    const copy = await files.get(signed.stampedFileId!);
    expect(copy).toMatchObject({
      filename: 'perjanjian-bersegel.pdf',
      contentType: 'application/pdf',
      purpose: 'stamped',
      derivedFrom: file._id,
      attachedTo: { documentId: 'doc-pdf', version: 2 },
      uploader: { id: sari.id, organizationCode: 'DPUPR' },
      sha256: signed.stampedSha256,
    });
    expect(sha256(stamped)).toBe(signed.stampedSha256);
    expect(stamped.equals(Buffer.from(original))).toBe(false);
    expect((await PDFDocument.load(stamped)).getPageCount()).toBe(2);
    // The original bytes are untouched.
    expect(sha256(await readBack(file._id))).toBe(file.sha256);
  });

  it('writes a SIGNATURE entry to the audit log', async () => {
    const page = await audit.page({ action: 'SIGNATURE', targetId: 'doc-pdf' }, { first: 5 });
    expect(page.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        actor: { id: sari.id, name: 'Sari Wulandari', organizationCode: 'BPKAD' },
        targetType: 'document',
        organizationCode: 'DPUPR',
        detail: expect.stringContaining(signed.code),
      }),
    ]);
  });

  it('publishes the seal with the subject and owner of its document through the outbox', async () => {
    const rows = await outbox.rows.find({ type: 'documents.signature.created' }).toArray();
    const events = rows.map((row: OutboxRow) => JSON.parse(row.envelope) as { data: unknown });
    expect(events.map((event) => event.data)).toContainEqual({
      signatureId: signed._id,
      documentId: 'doc-pdf',
      version: 2,
      code: signed.code,
      sha256: file.sha256,
      subject: PROJECT,
      organizationCode: 'DPUPR',
    });
    // Nothing is left on the record.
    expect(
      await signatures().findOne({ _id: signed._id, '_pendingEvents.0': { $exists: true } }),
    ).toBeNull();
  });

  it('verifies the code, however it is typed', async () => {
    const expected = {
      valid: true,
      message: MESSAGES.valid,
      documentTitle: 'Perjanjian Pinjaman Daerah',
      version: 2,
      signerName: 'Sari Wulandari',
      signerOrganizationCode: 'BPKAD',
      signedAt: signed.signedAt.toISOString(),
      sha256: file.sha256,
      algorithm: 'ES256',
      code: signed.code,
      withdrawn: false,
    };
    expect(await service.verifyCode(signed.code)).toEqual(expected);
    expect(await service.verifyCode(` ${signed.code.replace(/-/g, '').toLowerCase()} `)).toEqual(
      expected,
    );
  });

  it('does not know a code it never issued', async () => {
    const unknown = await service.verifyCode('ZZZZ-ZZZZ-ZZZZ');
    expect(unknown).toMatchObject({
      valid: false,
      message: MESSAGES.unknownCode,
      signerName: null,
    });
    expect(await service.verifyCode('bukan kode')).toMatchObject({ valid: false, code: null });
  });

  it('recognises both the original and the stamped copy by hash, and nothing else', async () => {
    expect(await service.verifyHash(file.sha256.toUpperCase())).toMatchObject({
      valid: true,
      message: MESSAGES.valid,
      code: signed.code,
      sha256: file.sha256,
    });
    expect(await service.verifyHash(signed.stampedSha256!)).toMatchObject({
      valid: true,
      message: MESSAGES.validStamped,
      code: signed.code,
      sha256: signed.stampedSha256,
    });

    for (const bytes of [Buffer.from(original), stamped]) {
      const changed = Buffer.from(bytes);
      const middle = Math.floor(changed.length / 2);
      changed[middle] = changed[middle]! ^ 0x01;
      expect(await service.verifyHash(sha256(changed))).toEqual({
        valid: false,
        message: 'Tidak valid: berkas ini tidak cocok dengan dokumen bersegel mana pun.',
        documentTitle: null,
        version: null,
        signerName: null,
        signerOrganizationCode: null,
        signedAt: null,
        sha256: sha256(changed),
        algorithm: null,
        code: null,
        withdrawn: false,
      });
    }
    await expect(service.verifyHash('abc')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('lets a signer seal a version once, and others seal it too', async () => {
    const again = () =>
      service.sign({
        documentId: 'doc-pdf',
        documentTitle: 'Perjanjian Pinjaman Daerah',
        version: 2,
        file,
        signer: sari,
        organizationCode: 'DPUPR',
        subject: PROJECT,
      });
    await expect(again()).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });

    const second = await service.sign({
      documentId: 'doc-pdf',
      documentTitle: 'Perjanjian Pinjaman Daerah',
      version: 2,
      file,
      signer: budi,
      organizationCode: 'DPUPR',
      subject: PROJECT,
    });
    const listed = await service.forVersion('doc-pdf', 2);
    expect(listed.map((s) => s.code)).toEqual([signed.code, second.code]);
    expect(await service.forVersion('doc-pdf', 1)).toEqual([]);
    // The original now carries two seals; the newest is shown and the count is mentioned.
    const byHash = await service.verifyHash(file.sha256);
    expect(byHash).toMatchObject({ valid: true, code: second.code, signerName: 'Budi Santoso' });
    expect(byHash.message).toContain('2 tanda tangan');
  });
});

describe('SignatureService with other files', () => {
  it('seals a non-PDF without a stamped copy', async () => {
    const bytes = new TextEncoder().encode('kolom,nilai\nanggaran,1000\n');
    const file = await upload(bytes, 'anggaran.csv', 'text/csv');
    const record = await service.sign({
      documentId: 'doc-csv',
      documentTitle: 'Anggaran',
      version: 1,
      file,
      signer: sari,
      organizationCode: 'BPKAD',
      subject: PROJECT,
    });
    expect(record).toMatchObject({ stampedFileId: null, stampedSha256: null });
    expect(await service.verifyHash(sha256(bytes))).toMatchObject({
      valid: true,
      code: record.code,
    });
  });

  it('still verifies a seal of a withdrawn document, and says it was withdrawn', async () => {
    const bytes = await pdfBytes('Surat yang kemudian ditarik');
    const file = await upload(bytes, 'surat.pdf', 'application/pdf');
    const record = await service.sign({
      documentId: 'doc-withdrawn',
      documentTitle: 'Surat',
      version: 1,
      file,
      signer: sari,
      organizationCode: 'BPKAD',
      subject: PROJECT,
    });
    withdrawnDocuments.add('doc-withdrawn');
    expect(await service.verifyCode(record.code)).toMatchObject({
      valid: true,
      withdrawn: true,
      message: MESSAGES.withdrawn,
    });
  });
});

describe('SignatureService against tampering in the database', () => {
  async function sealed(label: string) {
    const bytes = await pdfBytes(label);
    const file = await upload(bytes, `${label}.pdf`, 'application/pdf');
    const record = await service.sign({
      documentId: `doc-${label}`,
      documentTitle: label,
      version: 1,
      file,
      signer: sari,
      organizationCode: 'BPKAD',
      subject: PROJECT,
    });
    return { record, bytes };
  }
  const forged = sha256(new TextEncoder().encode('berkas palsu'));

  it('finds a record whose sha256 was edited invalid', async () => {
    const { record, bytes } = await sealed('edit-sha');
    await signatures().updateOne({ _id: record._id }, { $set: { sha256: forged } });

    expect(await service.verifyCode(record.code)).toMatchObject({
      valid: false,
      message: MESSAGES.tampered,
      code: record.code,
      signerName: null,
    });
    expect(await service.verifyHash(forged)).toMatchObject({
      valid: false,
      message: MESSAGES.tampered,
    });
    // The genuine file no longer has a seal on record.
    expect(await service.verifyHash(sha256(bytes))).toMatchObject({
      valid: false,
      message: MESSAGES.noMatch,
    });
  });

  it('finds a record whose payload was rewritten to match invalid (the signature no longer fits)', async () => {
    const { record } = await sealed('edit-payload');
    const payload = record.payload.replace(record.stampedSha256!, forged);
    await signatures().updateOne({ _id: record._id }, { $set: { stampedSha256: forged, payload } });
    expect(await service.verifyHash(forged)).toMatchObject({
      valid: false,
      message: MESSAGES.tampered,
    });
    expect(await service.verifyCode(record.code)).toMatchObject({ valid: false });
  });

  it('finds a record with another signer name or a replaced signature invalid', async () => {
    const { record } = await sealed('edit-signer');
    await signatures().updateOne({ _id: record._id }, { $set: { 'signer.name': 'Pejabat Lain' } });
    expect(await service.verifyCode(record.code)).toMatchObject({ valid: false });

    const other = await sealed('edit-signature');
    await signatures().updateOne(
      { _id: other.record._id },
      { $set: { signature: record.signature } },
    );
    expect(await service.verifyCode(other.record.code)).toMatchObject({
      valid: false,
      message: MESSAGES.tampered,
    });
  });
});
