// Real files for the SIPOPI demo story and its platform test, made in memory: one-page PDFs
// (requirement documents, the loan agreement) and site photos whose EXIF says where and when they
// were taken, as a phone camera writes it (GPS IFD with degrees/minutes/seconds rationals).
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import sharp from 'sharp';

/** An A4 PDF with a heading and a few lines of text (WinAnsi only: no typographic dashes). */
export async function demoPdf(title: string, lines: readonly string[] = []): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setProducer('SIPADU (data demo)');
  const page = doc.addPage([595, 842]);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('PEMERINTAH KOTA JAMBI', { x: 50, y: 790, size: 12, font: bold });
  page.drawLine({
    start: { x: 50, y: 780 },
    end: { x: 545, y: 780 },
    thickness: 1,
    color: rgb(0.2, 0.2, 0.2),
  });
  page.drawText(winAnsi(title), { x: 50, y: 750, size: 14, font: bold, maxWidth: 495 });
  lines.forEach((line, index) => {
    page.drawText(winAnsi(line), { x: 50, y: 715 - index * 18, size: 11, font: regular });
  });
  return doc.save();
}

const winAnsi = (text: string) => text.replace(/[–—]/g, '-').replace(/[‘’]/g, "'");

export interface PhotoCaptureInput {
  latitude: number;
  longitude: number;
  /** When the photo was taken (written as local time +07:00 and as the GPS UTC stamp). */
  takenAt: Date;
  /** Drawn on the picture. */
  caption?: string;
  width?: number;
  height?: number;
}

/**
 * A JPEG site photo (a drawn street scene with its caption) carrying EXIF DateTimeOriginal with
 * OffsetTimeOriginal, and a GPS IFD (latitude/longitude with their S/E references, UTC date and
 * time stamps).
 */
export async function jpegWithGps(input: PhotoCaptureInput): Promise<Uint8Array> {
  const width = input.width ?? 800;
  const height = input.height ?? 600;
  const caption = escapeXml(input.caption ?? 'Dokumentasi kemajuan pekerjaan');
  const stamp = escapeXml(
    `${input.latitude.toFixed(5)}, ${input.longitude.toFixed(5)} - ${wib(input.takenAt).replace('T', ' ')} WIB`,
  );
  const horizon = Math.round(height * 0.55);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="#7fb8e6"/><stop offset="1" stop-color="#dceefa"/></linearGradient></defs>
  <rect width="${width}" height="${horizon}" fill="url(#sky)"/>
  <rect y="${horizon}" width="${width}" height="${height - horizon}" fill="#6b8f3a"/>
  <polygon points="${width * 0.42},${horizon} ${width * 0.58},${horizon} ${width * 0.95},${height} ${width * 0.05},${height}" fill="#4a4a4a"/>
  <polygon points="${width * 0.495},${horizon + 10} ${width * 0.505},${horizon + 10} ${width * 0.51},${height} ${width * 0.49},${height}" fill="#f2f2f2"/>
  <rect x="${width * 0.7}" y="${horizon - 60}" width="70" height="60" fill="#e8a33d"/>
  <rect x="0" y="${height - 64}" width="${width}" height="64" fill="#000" fill-opacity="0.55"/>
  <text x="16" y="${height - 38}" font-family="DejaVu Sans, sans-serif" font-size="20" fill="#fff">${caption}</text>
  <text x="16" y="${height - 14}" font-family="DejaVu Sans, sans-serif" font-size="15" fill="#fff">${stamp}</text>
</svg>`;
  const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
  return insertExif(jpeg, exifSegment(input));
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Local time in Jambi (WIB, UTC+7) as YYYY-MM-DDTHH:MM:SS. */
function wib(date: Date): string {
  return new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 19);
}

// --- EXIF (TIFF, big-endian) ---------------------------------------------------------------------

const BYTE = 1;
const ASCII = 2;
const LONG = 4;
const RATIONAL = 5;

interface IfdEntry {
  tag: number;
  type: number;
  count: number;
  data: Buffer;
}

const ascii = (tag: number, text: string): IfdEntry => {
  const data = Buffer.from(`${text}\0`, 'latin1');
  return { tag, type: ASCII, count: data.length, data };
};

const rationals = (tag: number, values: readonly [number, number][]): IfdEntry => {
  const data = Buffer.alloc(8 * values.length);
  values.forEach(([numerator, denominator], index) => {
    data.writeUInt32BE(numerator, index * 8);
    data.writeUInt32BE(denominator, index * 8 + 4);
  });
  return { tag, type: RATIONAL, count: values.length, data };
};

const long = (tag: number, value: number): IfdEntry => {
  const data = Buffer.alloc(4);
  data.writeUInt32BE(value);
  return { tag, type: LONG, count: 1, data };
};

/** Degrees, minutes and seconds (to 1/10000 s) of an absolute coordinate. */
function dms(value: number): [number, number][] {
  const absolute = Math.abs(value);
  const degrees = Math.floor(absolute);
  const minutesFull = (absolute - degrees) * 60;
  const minutes = Math.floor(minutesFull);
  const seconds = Math.round((minutesFull - minutes) * 60 * 10_000);
  return [
    [degrees, 1],
    [minutes, 1],
    [seconds, 10_000],
  ];
}

/** Bytes of an IFD with its out-of-line values: count, entries, next-IFD offset, data area. */
const ifdSize = (entries: readonly IfdEntry[]) =>
  2 +
  entries.length * 12 +
  4 +
  entries.reduce(
    (sum, e) => sum + (e.data.length > 4 ? e.data.length + (e.data.length % 2) : 0),
    0,
  );

/** Serialises an IFD placed at `offset` (from the TIFF header), values beyond 4 bytes after it. */
function ifd(entries: readonly IfdEntry[], offset: number): Buffer {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  const out = Buffer.alloc(ifdSize(sorted));
  out.writeUInt16BE(sorted.length, 0);
  let dataOffset = 2 + sorted.length * 12 + 4;
  sorted.forEach((entry, index) => {
    const at = 2 + index * 12;
    out.writeUInt16BE(entry.tag, at);
    out.writeUInt16BE(entry.type, at + 2);
    out.writeUInt32BE(entry.count, at + 4);
    if (entry.data.length <= 4) {
      entry.data.copy(out, at + 8);
    } else {
      out.writeUInt32BE(offset + dataOffset, at + 8);
      entry.data.copy(out, dataOffset);
      dataOffset += entry.data.length + (entry.data.length % 2);
    }
  });
  out.writeUInt32BE(0, 2 + sorted.length * 12);
  return out;
}

/** The APP1 segment (marker, length, `Exif\0\0`, TIFF) for the photo's time and place. */
function exifSegment(input: PhotoCaptureInput): Buffer {
  const local = wib(input.takenAt).replace(/-/g, ':').replace('T', ' ');
  const utc = input.takenAt.toISOString();
  const exifEntries = [
    ascii(0x9003, local), // DateTimeOriginal
    ascii(0x9004, local), // DateTimeDigitized
    ascii(0x9011, '+07:00'), // OffsetTimeOriginal
  ];
  const gpsEntries: IfdEntry[] = [
    { tag: 0x0000, type: BYTE, count: 4, data: Buffer.from([2, 3, 0, 0]) }, // GPSVersionID
    ascii(0x0001, input.latitude < 0 ? 'S' : 'N'),
    rationals(0x0002, dms(input.latitude)),
    ascii(0x0003, input.longitude < 0 ? 'W' : 'E'),
    rationals(0x0004, dms(input.longitude)),
    rationals(0x0007, [
      [input.takenAt.getUTCHours(), 1],
      [input.takenAt.getUTCMinutes(), 1],
      [input.takenAt.getUTCSeconds(), 1],
    ]), // GPSTimeStamp (UTC)
    ascii(0x001d, utc.slice(0, 10).replace(/-/g, ':')), // GPSDateStamp
  ];
  const ifd0Entries = (exifOffset: number, gpsOffset: number) => [
    ascii(0x010f, 'SIPADU'), // Make
    ascii(0x0110, 'Kamera Lapangan Demo'), // Model
    long(0x8769, exifOffset), // ExifIFDPointer
    long(0x8825, gpsOffset), // GPSInfoIFDPointer
  ];
  const ifd0At = 8;
  const exifAt = ifd0At + ifdSize(ifd0Entries(0, 0));
  const gpsAt = exifAt + ifdSize(exifEntries);
  const header = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08]);
  const tiff = Buffer.concat([
    header,
    ifd(ifd0Entries(exifAt, gpsAt), ifd0At),
    ifd(exifEntries, exifAt),
    ifd(gpsEntries, gpsAt),
  ]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xffe1, 0);
  segment.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([segment, body]);
}

/** Puts the APP1 segment after SOI and a JFIF APP0 segment, if any. */
function insertExif(jpeg: Buffer, app1: Buffer): Uint8Array {
  if (jpeg.readUInt16BE(0) !== 0xffd8) throw new Error('bukan berkas JPEG');
  let at = 2;
  if (jpeg.readUInt16BE(at) === 0xffe0) at += 2 + jpeg.readUInt16BE(at + 2);
  return new Uint8Array(Buffer.concat([jpeg.subarray(0, at), app1, jpeg.subarray(at)]));
}
