import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Where and when a photo was taken, from its EXIF metadata (each part null when absent). */
export interface PhotoCapture {
  latitude: number | null;
  longitude: number | null;
  takenAt: Date | null;
}

/** Photo types whose EXIF is read (the sniffed type, never the client's claim). */
export const PHOTO_CONTENT_TYPES: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
]);

/**
 * Only the blocks holding GPS and the capture time; raw values, so the capture time stays the
 * camera's wall-clock text and is placed in a time zone here, not in the server's.
 */
const EXIF_OPTIONS = {
  tiff: true,
  exif: true,
  gps: true,
  ifd1: false,
  interop: false,
  xmp: false,
  icc: false,
  iptc: false,
  jfif: false,
  ihdr: false,
  makerNote: false,
  userComment: false,
  reviveValues: false,
  translateValues: false,
  mergeOutput: true,
} as const;

/**
 * exifr runs in a throwaway worker thread: a crafted file can send it into an endless loop (a
 * HEIC box of length 0 does), which on the service's own thread would stall every request. The
 * worker is ended after PARSE_TIMEOUT_MS and the photo simply has no capture.
 */
const PARSE_TIMEOUT_MS = 5_000;
const EXIFR_PATH = createRequire(import.meta.url).resolve('exifr');
/** The tags read, copied out of the worker (nothing else crosses back). */
const WANTED_TAGS = [
  'latitude',
  'longitude',
  'DateTimeOriginal',
  'OffsetTimeOriginal',
  'CreateDate',
  'OffsetTimeDigitized',
] as const;
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const exifr = require(workerData.exifrPath);
exifr.parse(workerData.input, workerData.options).then(
  (tags) => {
    const picked = {};
    for (const key of workerData.wanted) {
      if (tags && typeof tags[key] !== 'object') picked[key] = tags[key];
    }
    parentPort.postMessage(tags ? picked : null);
  },
  () => parentPort.postMessage(null),
);
`;

/** exifr's tags of a file path or bytes, from a worker; undefined when none, failed or too slow. */
export function readExifTags(
  input: Input,
  timeoutMs = PARSE_TIMEOUT_MS,
): Promise<ExifTags | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { exifrPath: EXIFR_PATH, input, options: EXIF_OPTIONS, wanted: WANTED_TAGS },
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
      stdout: true,
      stderr: true,
    });
    const finish = (tags: ExifTags | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(tags);
    };
    // Whatever exifr prints (it warns on odd files) is dropped, not mixed into the service log.
    worker.stdout.resume();
    worker.stderr.resume();
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    worker.once('message', (tags: ExifTags | null) => finish(tags ?? undefined));
    worker.once('error', () => finish(undefined));
    worker.once('exit', () => finish(undefined));
  });
}

/** WebP EXIF is the payload of a RIFF `EXIF` chunk; exifr 7 reads no WebP, so it gets the TIFF. */
const RIFF_HEADER_BYTES = 12;
const CHUNK_HEADER_BYTES = 8;
/** A photo's EXIF block is small; anything beyond this is not what we look for. */
const MAX_EXIF_BYTES = 1024 * 1024;

type Input = string | Uint8Array;

/**
 * Reads GPS position and capture time of a photo. `input` is a file path (read in chunks, never
 * whole) or the bytes. Null when the type is no photo, the photo carries neither, or its metadata
 * cannot be read: a broken EXIF block never fails an upload. A capture time without a zone
 * (`OffsetTimeOriginal`) is taken as local time of `timeZone`, the Pemda's.
 */
export async function readPhotoCapture(
  input: Input,
  contentType: string,
  timeZone: string,
): Promise<PhotoCapture | null> {
  if (!PHOTO_CONTENT_TYPES.has(contentType)) return null;
  try {
    const source = contentType === 'image/webp' ? await webpExif(input) : input;
    if (!source) return null;
    if (contentType === 'image/heic' || contentType === 'image/heif') {
      if (!(await withReader(input, heifHasMeta))) return null;
    }
    const tags = await readExifTags(source);
    return tags ? captureOf(tags, timeZone) : null;
  } catch {
    return null;
  }
}

export interface ExifTags {
  latitude?: unknown;
  longitude?: unknown;
  DateTimeOriginal?: unknown;
  OffsetTimeOriginal?: unknown;
  CreateDate?: unknown;
  OffsetTimeDigitized?: unknown;
}

/** The capture of parsed tags; null when it says nothing. */
export function captureOf(tags: ExifTags, timeZone: string): PhotoCapture | null {
  const latitude = coordinate(tags.latitude, 90);
  const longitude = coordinate(tags.longitude, 180);
  // A position needs both halves; (0, 0) is what broken GPS modules write.
  const placed = latitude !== null && longitude !== null && !(latitude === 0 && longitude === 0);
  const takenAt =
    exifTime(tags.DateTimeOriginal, tags.OffsetTimeOriginal, timeZone) ??
    exifTime(tags.CreateDate, tags.OffsetTimeDigitized, timeZone);
  if (!placed && !takenAt) return null;
  return {
    latitude: placed ? latitude : null,
    longitude: placed ? longitude : null,
    takenAt,
  };
}

function coordinate(value: unknown, limit: number): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > limit) return null;
  return Math.round(value * 1e7) / 1e7;
}

const EXIF_DATE = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/;
const EXIF_OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** `2025:08:14 09:30:15` with `+07:00` (or, without one, in `timeZone`) → the instant. */
export function exifTime(value: unknown, offset: unknown, timeZone: string): Date | null {
  if (typeof value !== 'string') return null;
  const match = EXIF_DATE.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second);
  const written = typeof offset === 'string' ? EXIF_OFFSET.exec(offset.trim()) : null;
  const offsetMs = written
    ? (written[1] === '-' ? -1 : 1) * (Number(written[2]) * 60 + Number(written[3])) * 60_000
    : zoneOffsetMs(wallClock, timeZone);
  if (offsetMs === null) return null;
  const instant = new Date(wallClock - offsetMs);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** Offset of `timeZone` from UTC around a wall-clock time (Indonesian zones have no DST). */
function zoneOffsetMs(wallClockAsUtc: number, timeZone: string): number | null {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(new Date(wallClockAsUtc));
    const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const local = Date.UTC(
      part('year'),
      part('month') - 1,
      part('day'),
      part('hour'),
      part('minute'),
      part('second'),
    );
    return local - wallClockAsUtc;
  } catch {
    return null;
  }
}

/** Most top-level boxes a HEIF may have before its `meta` box. */
const MAX_HEIF_BOXES = 64;

/**
 * Whether walking the top-level boxes of a HEIF reaches a `meta` box, as exifr does: a box of
 * length 0 (or shorter than its header) before it would keep exifr looking forever.
 */
async function heifHasMeta(reader: RangeReader): Promise<boolean> {
  let offset = 0;
  for (let box = 0; box < MAX_HEIF_BOXES && offset + CHUNK_HEADER_BYTES <= reader.size; box++) {
    const head = Buffer.from(await reader.read(offset, 16));
    if (head.length < CHUNK_HEADER_BYTES) return false;
    const kind = head.toString('latin1', 4, 8);
    if (kind === 'meta') return true;
    let length = head.readUInt32BE(0);
    if (length === 1 && head.length >= 16) length = Number(head.readBigUInt64BE(8));
    if (length < CHUNK_HEADER_BYTES) return false;
    offset += length;
  }
  return false;
}

async function withReader<T>(input: Input, use: (reader: RangeReader) => Promise<T>): Promise<T> {
  const reader = typeof input === 'string' ? await fileReader(input) : bytesReader(input);
  try {
    return await use(reader);
  } finally {
    await reader.close();
  }
}

/** The TIFF block of a WebP's `EXIF` chunk, reading only chunk headers and that chunk. */
function webpExif(input: Input): Promise<Uint8Array | null> {
  return withReader(input, async (reader) => {
    const header = await reader.read(0, RIFF_HEADER_BYTES);
    if (ascii(header, 0, 4) !== 'RIFF' || ascii(header, 8, 4) !== 'WEBP') return null;
    const end = Math.min(reader.size, 8 + readUint32LE(header, 4));
    let offset = RIFF_HEADER_BYTES;
    while (offset + CHUNK_HEADER_BYTES <= end) {
      const chunk = await reader.read(offset, CHUNK_HEADER_BYTES);
      const size = readUint32LE(chunk, 4);
      if (ascii(chunk, 0, 4) === 'EXIF') {
        if (size > MAX_EXIF_BYTES) return null;
        const payload = await reader.read(offset + CHUNK_HEADER_BYTES, size);
        // Some writers keep the JPEG APP1 prefix.
        return ascii(payload, 0, 6) === 'Exif\0\0' ? payload.subarray(6) : payload;
      }
      offset += CHUNK_HEADER_BYTES + size + (size % 2);
    }
    return null;
  });
}

interface RangeReader {
  size: number;
  read(position: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

async function fileReader(path: string): Promise<RangeReader> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    read: async (position, length) => {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      return buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}

function bytesReader(bytes: Uint8Array): RangeReader {
  return {
    size: bytes.length,
    read: (position, length) => Promise.resolve(bytes.subarray(position, position + length)),
    close: () => Promise.resolve(),
  };
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return Buffer.from(bytes.subarray(start, start + length)).toString('latin1');
}

function readUint32LE(bytes: Uint8Array, at: number): number {
  if (bytes.length < at + 4) return 0;
  return Buffer.from(bytes.subarray(at, at + 4)).readUInt32LE(0);
}
