import type { Readable } from 'node:stream';

/** An inclusive byte range, as HTTP Range speaks it. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where finished file bytes live. Keys are opaque strings chosen by the caller; objects are
 * written once and never modified (a new version is a new object). GridFS is the default;
 * the filesystem store serves single-node installs and tests; S3 can be added behind this.
 */
export interface FileStorage {
  readonly driver: 'gridfs' | 'filesystem';
  /** Streams `source` into a new object; on any failure nothing stays behind under `key`. */
  write(
    key: string,
    source: Readable,
    meta: { filename: string; contentType: string },
  ): Promise<{ size: number }>;
  /**
   * Streams the object, or the inclusive `range` of it (which must lie inside the object). A
   * missing key fails the stream with an error whose `code` is `ENOENT`.
   */
  read(key: string, range?: ByteRange): Readable;
  remove(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}
