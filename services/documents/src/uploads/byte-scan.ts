import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';

/**
 * Looks at a window of bytes; only matches starting before `end` count (the bytes after it are
 * the overlap, looked at again at the start of the next window). Returns what it found, or null.
 */
export type ByteDetector = (window: Buffer, end: number) => string | null;

/** Bytes every detector may read past the start of a match (a PE header lies up to 1 KB on). */
export const SCAN_OVERLAP = 2048;
const READ_CHUNK = 1024 * 1024;

/**
 * Runs the detectors over a stream in windows that overlap by SCAN_OVERLAP, so a signature
 * split between two reads is still seen; holds about a megabyte whatever the size. `budget`
 * stops reading after that many bytes (nothing found).
 */
export async function scanStream(
  source: AsyncIterable<Buffer>,
  detectors: readonly ByteDetector[],
  budget = Number.POSITIVE_INFINITY,
): Promise<string | null> {
  let carry = Buffer.alloc(0);
  let read = 0;
  const check = (window: Buffer, end: number) => {
    for (const detect of detectors) {
      const found = detect(window, end);
      if (found) return found;
    }
    return null;
  };
  for await (const chunk of source) {
    const window = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const end = Math.max(0, window.length - SCAN_OVERLAP);
    const found = check(window, end);
    if (found) return found;
    carry = Buffer.from(window.subarray(end));
    read += chunk.length;
    if (read >= budget) return null;
  }
  return check(carry, carry.length);
}

export function scanFile(path: string, detectors: readonly ByteDetector[]): Promise<string | null> {
  return scanStream(
    createReadStream(path, { highWaterMark: READ_CHUNK }) as AsyncIterable<Buffer>,
    detectors,
  );
}

/** Positions of `needle` in `window` before `end`. */
export function* positionsOf(window: Buffer, needle: Buffer, end: number): Generator<number> {
  for (
    let at = window.indexOf(needle);
    at !== -1 && at < end;
    at = window.indexOf(needle, at + 1)
  ) {
    yield at;
  }
}

/** A detector for a fixed byte string. */
export const literal =
  (needle: Buffer, name: string): ByteDetector =>
  (window, end) =>
    positionsOf(window, needle, end).next().done ? null : name;

/** An entry of a ZIP archive's central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const EOCD = Buffer.from('PK\x05\x06', 'latin1');
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** A central directory larger than this is not read (no OOXML file has one). */
const MAX_DIRECTORY = 16 * 1024 * 1024;

/** The entries of a ZIP archive (from its central directory); null when none can be read. */
export async function zipEntries(path: string): Promise<ZipEntry[] | null> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const end = tail.lastIndexOf(EOCD);
    if (end === -1 || end + 22 > tail.length) return null;
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (directorySize > MAX_DIRECTORY || directoryOffset + directorySize > size) return null;
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    const entries: ZipEntry[] = [];
    for (let at = 0; at + 46 <= directory.length;) {
      if (directory.readUInt32LE(at) !== CENTRAL) break;
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      entries.push({
        name: directory.toString('utf8', at + 46, at + 46 + nameLength),
        method: directory.readUInt16LE(at + 10),
        compressedSize: directory.readUInt32LE(at + 20),
        localHeaderOffset: directory.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/**
 * The uncompressed bytes of a stored or deflated entry (a corrupt one fails the iteration); null
 * for other methods, ZIP64 sizes and entries whose local header is not where the directory says.
 */
export async function zipEntryStream(
  path: string,
  entry: ZipEntry,
): Promise<AsyncIterable<Buffer> | null> {
  if (entry.compressedSize === 0 || entry.compressedSize === 0xffffffff) return null;
  if (entry.method !== 0 && entry.method !== 8) return null;
  const handle = await open(path, 'r');
  let start: number;
  try {
    const local = Buffer.alloc(30);
    const { bytesRead } = await handle.read(local, 0, 30, entry.localHeaderOffset);
    if (bytesRead < 30 || local.readUInt32LE(0) !== LOCAL) return null;
    start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    await handle.close();
  }
  const raw = createReadStream(path, {
    start,
    end: start + entry.compressedSize - 1,
    highWaterMark: READ_CHUNK,
  });
  if (entry.method === 0) return raw as AsyncIterable<Buffer>;
  const inflate = createInflateRaw();
  raw.on('error', (error) => inflate.destroy(error));
  return raw.pipe(inflate) as AsyncIterable<Buffer>;
}
