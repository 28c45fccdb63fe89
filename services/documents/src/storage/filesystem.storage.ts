import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ByteRange, FileStorage } from './file-storage.js';

/** Keys become file names: no separators, no leading dot (`.incoming` is ours). */
const SAFE_KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/;

/**
 * File bytes in a directory (single-node installs, or where GridFS is not wanted). Objects are
 * written to a temporary file, flushed to disk, then renamed into place, so a reader never sees
 * half an object and a failed write leaves nothing under its key.
 */
export class FilesystemStorage implements FileStorage {
  readonly driver = 'filesystem' as const;
  private readonly temporary: string;

  constructor(private readonly directory: string) {
    this.temporary = path.join(directory, '.incoming');
  }

  async write(key: string, source: Readable): Promise<{ size: number }> {
    const target = this.resolve(key);
    if (await this.exists(key)) {
      source.destroy();
      throw new Error(`objek penyimpanan "${key}" sudah ada`);
    }
    await mkdir(path.dirname(target), { recursive: true });
    await mkdir(this.temporary, { recursive: true });
    const temporaryFile = path.join(this.temporary, `${key}.${randomUUID()}`);
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      // `flush`: on disk before the rename makes the object visible.
      await pipeline(
        source,
        counter,
        createWriteStream(temporaryFile, { flags: 'wx', flush: true }),
      );
      await rename(temporaryFile, target);
      return { size };
    } catch (error) {
      source.destroy();
      await rm(temporaryFile, { force: true });
      throw error;
    }
  }

  read(key: string, range?: ByteRange): Readable {
    return createReadStream(this.resolve(key), range ? { start: range.start, end: range.end } : {});
  }

  async remove(key: string): Promise<void> {
    await rm(this.resolve(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.resolve(key))).isFile();
    } catch {
      return false;
    }
  }

  /** Two-character fan-out keeps directories small with millions of objects. */
  private resolve(key: string): string {
    if (!SAFE_KEY.test(key)) throw new Error(`kunci penyimpanan tidak valid: "${key}"`);
    return path.join(this.directory, key.slice(0, 2).toLowerCase(), key);
  }
}
