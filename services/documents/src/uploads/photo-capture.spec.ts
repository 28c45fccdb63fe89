import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureOf, exifTime, readExifTags, readPhotoCapture } from './photo-capture.js';
import {
  exifTiff,
  ftypBytes,
  jpegBytes,
  jpegWithExif,
  pdfBytes,
  pngWithExif,
  webpWithExif,
  type ExifFacts,
} from './test-files.js';

const JAKARTA = 'Asia/Jakarta';
// Jalan Lingkar Barat, Kota Jambi; taken 14 August 2025, 09.30.15 WIB.
const facts: ExifFacts = {
  latitude: -1.59,
  longitude: 103.61,
  dateTimeOriginal: '2025:08:14 09:30:15',
  offset: '+07:00',
};
const expected = {
  latitude: -1.59,
  longitude: 103.61,
  takenAt: new Date('2025-08-14T02:30:15.000Z'),
};

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'sipadu-photo-capture-'));
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('the hand-made EXIF of the test photos', () => {
  it('is read back by exifr itself', async () => {
    const tags = (await exifr.parse(await jpegWithExif(facts))) as Record<string, unknown>;
    expect(tags.latitude).toBeCloseTo(-1.59, 6);
    expect(tags.longitude).toBeCloseTo(103.61, 6);
    expect(tags.GPSLatitudeRef).toBe('S');
    expect(tags.OffsetTimeOriginal).toBe('+07:00');
    const gps = await exifr.gps(exifTiff(facts));
    expect(gps.latitude).toBeCloseTo(-1.59, 6);
  });
});

describe('readPhotoCapture', () => {
  it('reads GPS and capture time of a JPEG from its bytes and from a file path', async () => {
    const jpeg = await jpegWithExif(facts);
    expect(await readPhotoCapture(jpeg, 'image/jpeg', JAKARTA)).toEqual(expected);
    const file = path.join(scratch, 'foto.jpg');
    await writeFile(file, jpeg);
    expect(await readPhotoCapture(file, 'image/jpeg', JAKARTA)).toEqual(expected);
  });

  it('reads the EXIF chunk of an extended WebP and the eXIf chunk of a PNG', async () => {
    const webp = path.join(scratch, 'foto.webp');
    await writeFile(webp, await webpWithExif(facts));
    expect(await readPhotoCapture(webp, 'image/webp', JAKARTA)).toEqual(expected);
    expect(await readPhotoCapture(await pngWithExif(facts), 'image/png', JAKARTA)).toEqual(
      expected,
    );
  });

  it('places a capture time without offset in the Pemda time zone', async () => {
    const jpeg = await jpegWithExif({ ...facts, offset: null });
    expect((await readPhotoCapture(jpeg, 'image/jpeg', JAKARTA))?.takenAt).toEqual(
      expected.takenAt,
    );
    expect((await readPhotoCapture(jpeg, 'image/jpeg', 'Asia/Makassar'))?.takenAt).toEqual(
      new Date('2025-08-14T01:30:15.000Z'),
    );
  });

  it('is null for photos without EXIF, broken EXIF, and files that are no photos', async () => {
    expect(await readPhotoCapture(await jpegBytes(), 'image/jpeg', JAKARTA)).toBeNull();
    const jpeg = await jpegWithExif(facts);
    // The EXIF block cut short: its offsets point past the end.
    const broken = Buffer.concat([jpeg.subarray(0, 40), Buffer.alloc(8, 0xff)]);
    expect(await readPhotoCapture(broken, 'image/jpeg', JAKARTA)).toBeNull();
    expect(await readPhotoCapture(Buffer.from('bukan foto'), 'image/webp', JAKARTA)).toBeNull();
    expect(
      await readPhotoCapture(path.join(scratch, 'hilang.jpg'), 'image/jpeg', JAKARTA),
    ).toBeNull();
    expect(await readPhotoCapture(await pdfBytes(), 'application/pdf', JAKARTA)).toBeNull();
  });

  it('skips a HEIC whose boxes never reach its metadata', async () => {
    // A box of length 0 after `ftyp`: exifr 7 would look for `meta` at the same offset forever.
    const started = Date.now();
    expect(
      await readPhotoCapture(ftypBytes('heic', ['mif1', 'heic']), 'image/heic', JAKARTA),
    ).toBeNull();
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('gives up on a parser that never ends, without stalling the service', async () => {
    // The same endless HEIC handed to exifr directly: only the worker's timeout stops it.
    const heic = ftypBytes('heic', ['mif1', 'heic']);
    let ticks = 0;
    const clock = setInterval(() => (ticks += 1), 50);
    const started = Date.now();
    try {
      expect(await readExifTags(heic, 1_500)).toBeUndefined();
    } finally {
      clearInterval(clock);
    }
    expect(Date.now() - started).toBeLessThan(5_000);
    // This thread kept running timers meanwhile.
    expect(ticks).toBeGreaterThan(10);
  });
});

describe('captureOf and exifTime', () => {
  it('keep a time without position, drop (0, 0) and out-of-range coordinates', () => {
    expect(captureOf({ latitude: 0, longitude: 0, DateTimeOriginal: 'x' }, JAKARTA)).toBeNull();
    expect(
      captureOf({ latitude: 95, longitude: 103, DateTimeOriginal: '2025:01:02 03:04:05' }, JAKARTA),
    ).toEqual({ latitude: null, longitude: null, takenAt: new Date('2025-01-01T20:04:05.000Z') });
    expect(captureOf({ latitude: -1.5, longitude: Number.NaN }, JAKARTA)).toBeNull();
  });

  it('parse EXIF wall-clock times with and without offset, and refuse nonsense', () => {
    expect(exifTime('2025:08:14 09:30:15', '-03:30', JAKARTA)).toEqual(
      new Date('2025-08-14T13:00:15.000Z'),
    );
    expect(exifTime('0000:00:00 00:00:00', null, JAKARTA)).toBeNull();
    expect(exifTime('2025:13:14 09:30:15', null, JAKARTA)).toBeNull();
    expect(exifTime(20250814, null, JAKARTA)).toBeNull();
  });
});
