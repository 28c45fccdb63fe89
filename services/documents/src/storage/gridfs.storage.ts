import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import mongoose from 'mongoose';
import type { ByteRange, FileStorage } from './file-storage.js';

type GridFsId = mongoose.mongo.ObjectId;

/** A chunk document as a plain find returns it (the driver's GridFSChunk type says Buffer). */
interface StoredChunk {
  files_id: GridFsId;
  n: number;
  data: mongoose.mongo.Binary;
}

/** Chunk documents fetched per round trip when reading (255 KiB each). */
const READ_BATCH = 4;

/** Object keys are our own strings; GridFS accepts any `_id` although its types say ObjectId. */
const gridFsId = (key: string) => key as unknown as GridFsId;

/**
 * File bytes in MongoDB GridFS (`<bucket>.files` + `<bucket>.chunks`, plain collections, so
 * FerretDB carries them). Writes go chunk by chunk through the driver's upload stream; reads
 * fetch a few chunks at a time. Either way only about a megabyte of a file is held.
 */
export class GridFsStorage implements FileStorage {
  readonly driver = 'gridfs' as const;
  private readonly bucket: mongoose.mongo.GridFSBucket;
  private readonly filesCollection: mongoose.mongo.Collection<mongoose.mongo.GridFSFile>;
  private readonly chunksCollection: mongoose.mongo.Collection<StoredChunk>;

  constructor(db: mongoose.mongo.Db, bucketName = 'files') {
    this.bucket = new mongoose.mongo.GridFSBucket(db, { bucketName });
    this.filesCollection = db.collection(`${bucketName}.files`);
    this.chunksCollection = db.collection(`${bucketName}.chunks`);
  }

  async write(
    key: string,
    source: Readable,
    meta: { filename: string; contentType: string },
  ): Promise<{ size: number }> {
    // Writing under an existing key would mix chunks, and the cleanup below would delete them.
    if (await this.exists(key)) {
      source.destroy();
      throw new Error(`objek penyimpanan "${key}" sudah ada`);
    }
    const upload = this.bucket.openUploadStreamWithId(gridFsId(key), meta.filename, {
      metadata: { contentType: meta.contentType },
    });
    // Failures reach us through the write callbacks below; the event must not go unhandled.
    upload.on('error', () => undefined);
    let size = 0;
    try {
      for await (const chunk of source) {
        const bytes = chunk as Buffer;
        size += bytes.length;
        // The callback fires once the chunk insert (if any) completed, so when the source fails
        // no insert is still in flight and the cleanup below sees every chunk written.
        await new Promise<void>((resolve, reject) =>
          upload.write(bytes, (error) => (error ? reject(error) : resolve())),
        );
      }
      upload.end();
      await finished(upload);
      return { size };
    } catch (error) {
      source.destroy();
      await this.discard(upload, key);
      throw error;
    }
  }

  /**
   * Reads chunk documents a few at a time. The driver's openDownloadStream iterates a default
   * cursor (101 chunks, then 16 MB batches): measured at ~70 MB retained per open download on
   * FerretDB, too much for a service streaming videos to many viewers.
   */
  read(key: string, range?: ByteRange): Readable {
    return Readable.from(this.chunks(key, range), { objectMode: false });
  }

  private async *chunks(key: string, range?: ByteRange): AsyncGenerator<Buffer> {
    const file = await this.filesCollection.findOne({ _id: gridFsId(key) });
    if (!file) throw Object.assign(new Error(`File not found for id ${key}`), { code: 'ENOENT' });
    const start = range?.start ?? 0;
    const end = range ? range.end + 1 : file.length; // exclusive
    if (start < 0 || end > file.length || start > end) {
      throw new RangeError(`rentang ${start}-${end - 1} di luar ukuran objek ${file.length}`);
    }
    if (start === end) return;
    const first = Math.floor(start / file.chunkSize);
    const last = Math.ceil(end / file.chunkSize); // exclusive
    const cursor = this.chunksCollection
      .find({ files_id: gridFsId(key), n: { $gte: first, $lt: last } }, { batchSize: READ_BATCH })
      .sort({ n: 1 });
    try {
      let expected = first;
      for await (const chunk of cursor) {
        if (chunk.n !== expected) {
          throw new Error(`potongan GridFS ${expected} dari "${key}" hilang`);
        }
        const data = chunk.data.read(0, chunk.data.length());
        const from = expected === first ? start - first * file.chunkSize : 0;
        const to = expected === last - 1 ? end - expected * file.chunkSize : data.length;
        yield Buffer.from(data.buffer, data.byteOffset + from, to - from);
        expected++;
      }
      if (expected !== last) throw new Error(`potongan GridFS ${expected} dari "${key}" hilang`);
    } finally {
      await cursor.close();
    }
  }

  async remove(key: string): Promise<void> {
    try {
      await this.bucket.delete(gridFsId(key));
    } catch (error) {
      // delete() removes orphaned chunks before reporting a missing files document.
      if (!isFileNotFound(error)) throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    const found = await this.bucket.find({ _id: gridFsId(key) }, { limit: 1 }).toArray();
    return found.length > 0;
  }

  private async discard(upload: mongoose.mongo.GridFSBucketWriteStream, key: string) {
    try {
      await upload.abort();
    } catch {
      // Already ended or aborted: the delete below covers the files document too.
    }
    await this.remove(key);
  }
}

function isFileNotFound(error: unknown): boolean {
  return error instanceof Error && /File not found for id/.test(error.message);
}
