// The demo media are real files: the photo's EXIF reads back as a camera's would, the PDF opens.
import exifr from 'exifr';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { demoPdf, jpegWithGps } from './media.js';

describe('jpegWithGps', () => {
  it('writes GPS position and capture time that EXIF readers understand', async () => {
    const takenAt = new Date('2026-09-25T02:40:00Z');
    const bytes = Buffer.from(
      await jpegWithGps({ latitude: -1.63311, longitude: 103.57046, takenAt, caption: 'Uji' }),
    );
    const gps = await exifr.gps(bytes);
    expect(gps.latitude).toBeCloseTo(-1.63311, 6);
    expect(gps.longitude).toBeCloseTo(103.57046, 6);
    const tags = (await exifr.parse(bytes, { gps: true, exif: true, reviveValues: false })) as
      Record<string, unknown> | undefined;
    expect(tags).toMatchObject({
      DateTimeOriginal: '2026:09:25 09:40:00',
      OffsetTimeOriginal: '+07:00',
      GPSDateStamp: '2026:09:25',
      GPSLatitudeRef: 'S',
      GPSLongitudeRef: 'E',
    });
    const image = await sharp(bytes).metadata();
    expect([image.format, image.width, image.height]).toEqual(['jpeg', 800, 600]);
  });

  it('places northern and western coordinates with their references', async () => {
    const bytes = Buffer.from(
      await jpegWithGps({
        latitude: 5.5483,
        longitude: -0.2,
        takenAt: new Date(),
        width: 64,
        height: 48,
      }),
    );
    const gps = await exifr.gps(bytes);
    expect(gps.latitude).toBeCloseTo(5.5483, 6);
    expect(gps.longitude).toBeCloseTo(-0.2, 6);
  });
});

describe('demoPdf', () => {
  it('makes a one-page PDF titled after the document', async () => {
    const pdf = await PDFDocument.load(await demoPdf('SPTJM Kepala Daerah – uji', ['Baris satu']));
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe('SPTJM Kepala Daerah – uji');
  });
});
