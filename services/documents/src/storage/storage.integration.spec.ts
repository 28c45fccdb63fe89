import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileStorage } from './file-storage.js';
import { FilesystemStorage } from './filesystem.storage.js';
import { GridFsStorage } from './gridfs.storage.js';

const DATABASE = 'sipadu_documents_storage_spec';
const MEBIBYTE = 1024 * 1024;
/** GridFS chunk size: ranges below cross its boundaries. */
const CHUNK = 255 * 1024;

let connection: Connection;
let directory: string;

beforeAll(async () => {
  connection = await mongoose
    .createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', {
      dbName: DATABASE,
      retryWrites: false,
    })
    .asPromise();
  await connection.dropDatabase();
  directory = await mkdtemp(path.join(os.tmpdir(), 'sipadu-storage-spec-'));
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
  if (directory) await rm(directory, { recursive: true, force: true });
});

/** Streams `bytes` in 64 KiB pieces, like a file read would. */
function streamOf(bytes: Buffer): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += 64 * 1024) yield bytes.subarray(at, at + 64 * 1024);
    })(),
  );
}

/** Sends `bytes`, then fails as a dropped connection would. */
function failingStream(bytes: Buffer): Readable {
  return Readable.from(
    (async function* () {
      yield* streamOf(bytes);
      throw new Error('koneksi terputus');
    })(),
  );
}

async function collect(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

interface Store {
  storage: FileStorage;
  /** Everything the store keeps for `key`, beyond `exists` (GridFS chunks, temp files). */
  leftovers(key: string): Promise<number>;
}

const stores: Record<'gridfs' | 'filesystem', () => Store> = {
  gridfs: () => ({
    storage: new GridFsStorage(connection.db!),
    leftovers: async (key) =>
      (await connection.collection('files.files').countDocuments({ _id: key as never })) +
      (await connection.collection('files.chunks').countDocuments({ files_id: key })),
  }),
  filesystem: () => ({
    storage: new FilesystemStorage(directory),
    leftovers: async (key) =>
      (await filesUnder(directory)).filter((name) => name.startsWith(key)).length,
  }),
};

describe.each(['gridfs', 'filesystem'] as const)('FileStorage contract: %s', (driver) => {
  const store = () => stores[driver]();
  const big = randomBytes(6 * MEBIBYTE + 12_345);
  const bigKey = randomUUID();

  it('stores a multi-megabyte object and reads it back byte for byte', async () => {
    const { storage } = store();
    expect(storage.driver).toBe(driver);
    const { size } = await storage.write(bigKey, streamOf(big), {
      filename: 'besar.bin',
      contentType: 'application/octet-stream',
    });
    expect(size).toBe(big.length);
    expect(await storage.exists(bigKey)).toBe(true);
    const back = await collect(storage.read(bigKey));
    expect(back.length).toBe(big.length);
    expect(sha256(back)).toBe(sha256(big));
  });

  it.each([
    ['the first byte', 0, 0],
    ['a range inside one chunk', 10, 1_000],
    ['a range across chunk boundaries', CHUNK - 7, 3 * CHUNK + 11],
    ['the tail', 6 * MEBIBYTE, 6 * MEBIBYTE + 12_344],
  ])('reads %s (inclusive range)', async (_label, start, end) => {
    const { storage } = store();
    const part = await collect(storage.read(bigKey, { start, end }));
    expect(part.length).toBe(end - start + 1);
    expect(part.equals(big.subarray(start, end + 1))).toBe(true);
  });

  it('refuses to write a key twice and keeps the first object intact', async () => {
    const { storage } = store();
    await expect(
      storage.write(bigKey, streamOf(Buffer.from('lain')), {
        filename: 'x',
        contentType: 'text/plain',
      }),
    ).rejects.toThrow(/sudah ada/);
    expect(sha256(await collect(storage.read(bigKey)))).toBe(sha256(big));
  });

  it('leaves nothing behind when the source fails mid-write', async () => {
    const { storage, leftovers } = store();
    const key = randomUUID();
    await expect(
      storage.write(key, failingStream(randomBytes(3 * MEBIBYTE + 100)), {
        filename: 'putus.bin',
        contentType: 'application/octet-stream',
      }),
    ).rejects.toThrow('koneksi terputus');
    expect(await storage.exists(key)).toBe(false);
    expect(await leftovers(key)).toBe(0);
    await expect(collect(storage.read(key))).rejects.toThrow();
  });

  it('stores an empty object', async () => {
    const { storage } = store();
    const key = randomUUID();
    const { size } = await storage.write(key, streamOf(Buffer.alloc(0)), {
      filename: 'kosong',
      contentType: 'application/octet-stream',
    });
    expect(size).toBe(0);
    expect((await collect(storage.read(key))).length).toBe(0);
  });

  it('removes objects, and removing a missing one is not an error', async () => {
    const { storage, leftovers } = store();
    await storage.remove(bigKey);
    expect(await storage.exists(bigKey)).toBe(false);
    expect(await leftovers(bigKey)).toBe(0);
    await expect(storage.remove(bigKey)).resolves.toBeUndefined();
  });
});
