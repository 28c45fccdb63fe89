// Real files of each kind for the specs, made in memory (no fixtures in the repository).
import { crc32, deflateRawSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';

export async function pdfBytes(pages = 1, text = 'Laporan kemajuan'): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= pages; page++) {
    pdf.addPage().drawText(`${text} — halaman ${page}`.replace('—', '-'), { x: 50, y: 700, font });
  }
  return Buffer.from(await pdf.save());
}

export function pngBytes(width = 640, height = 480): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: { r: 20, g: 120, b: 200 } },
  })
    .png()
    .toBuffer();
}

/** A Windows executable's header (`MZ` … PE), whatever the file is called. */
export function exeBytes(): Buffer {
  const bytes = Buffer.alloc(8192);
  bytes.write('MZ', 0, 'latin1');
  bytes.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
}

/** An ISO-BMFF `ftyp` box with the given brands, padded like the start of a HEIF image. */
export function ftypBytes(major: string, compatible: string[]): Buffer {
  const box = Buffer.alloc(16 + 4 * compatible.length);
  box.writeUInt32BE(box.length, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(major, 8, 'latin1');
  compatible.forEach((brand, index) => box.write(brand, 16 + 4 * index, 'latin1'));
  return Buffer.concat([box, Buffer.alloc(4096)]);
}

/** A ZIP archive, its entries stored (uncompressed) or, with `deflate`, compressed. */
export function zipBytes(
  entries: Record<string, string | Uint8Array>,
  options: { deflate?: boolean } = {},
): Buffer {
  const method = options.deflate ? 8 : 0;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const stored = options.deflate ? deflateRawSync(data) : data;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, stored);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The smallest DOCX file-type recognises (content types naming a Word document), plus `extra`. */
export function docxBytes(
  extra: Record<string, string | Uint8Array> = {},
  options: { deflate?: boolean } = {},
): Buffer {
  return zipBytes(
    {
      '[Content_Types].xml':
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      'word/document.xml':
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
      ...extra,
    },
    options,
  );
}

/** What a test photo's EXIF says: a GPS position and the camera's wall-clock capture time. */
export interface ExifFacts {
  latitude: number;
  longitude: number;
  /** `YYYY:MM:DD HH:MM:SS`, as cameras write DateTimeOriginal. */
  dateTimeOriginal: string;
  /** OffsetTimeOriginal, e.g. `+07:00`; omitted when null. */
  offset?: string | null;
}

interface IfdEntry {
  tag: number;
  /** 1 BYTE, 2 ASCII, 4 LONG, 5 RATIONAL. */
  type: 1 | 2 | 4 | 5;
  count: number;
  data: Buffer;
}

const exifAscii = (text: string) => Buffer.from(`${text}\0`, 'latin1');

function exifLong(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);
  return bytes;
}

/** Degrees as three rationals (degrees, minutes, seconds × 1000). */
function exifDms(value: number): Buffer {
  const abs = Math.abs(value);
  const degrees = Math.floor(abs);
  const minutes = Math.floor((abs - degrees) * 60);
  const milliseconds = Math.round(((abs - degrees) * 60 - minutes) * 60 * 1000);
  const bytes = Buffer.alloc(24);
  [
    [degrees, 1],
    [minutes, 1],
    [milliseconds, 1000],
  ].forEach(([numerator, denominator], index) => {
    bytes.writeUInt32LE(numerator!, index * 8);
    bytes.writeUInt32LE(denominator!, index * 8 + 4);
  });
  return bytes;
}

/** One little-endian IFD at `offset`: entries, next-IFD 0, then values longer than 4 bytes. */
function exifIfd(entries: IfdEntry[], offset: number): Buffer {
  const head = Buffer.alloc(2 + 12 * entries.length + 4);
  head.writeUInt16LE(entries.length, 0);
  let dataOffset = offset + head.length;
  const values: Buffer[] = [];
  entries.forEach((entry, index) => {
    const at = 2 + index * 12;
    head.writeUInt16LE(entry.tag, at);
    head.writeUInt16LE(entry.type, at + 2);
    head.writeUInt32LE(entry.count, at + 4);
    if (entry.data.length <= 4) {
      entry.data.copy(head, at + 8);
      return;
    }
    const padded =
      entry.data.length % 2 ? Buffer.concat([entry.data, Buffer.alloc(1)]) : entry.data;
    head.writeUInt32LE(dataOffset, at + 8);
    values.push(padded);
    dataOffset += padded.length;
  });
  return Buffer.concat([head, ...values]);
}

/**
 * A minimal EXIF TIFF block written by hand (sharp writes IFD0 but no GPS IFD): IFD0 pointing
 * at an Exif IFD (DateTimeOriginal, OffsetTimeOriginal) and a GPS IFD (version, N/S, latitude,
 * E/W, longitude).
 */
export function exifTiff(facts: ExifFacts): Buffer {
  const exifEntries: IfdEntry[] = [
    { tag: 0x9003, type: 2, count: 20, data: exifAscii(facts.dateTimeOriginal) },
    ...(facts.offset
      ? [{ tag: 0x9011, type: 2 as const, count: 7, data: exifAscii(facts.offset) }]
      : []),
  ];
  const gpsEntries: IfdEntry[] = [
    { tag: 0x0000, type: 1, count: 4, data: Buffer.from([2, 3, 0, 0]) },
    { tag: 0x0001, type: 2, count: 2, data: exifAscii(facts.latitude < 0 ? 'S' : 'N') },
    { tag: 0x0002, type: 5, count: 3, data: exifDms(facts.latitude) },
    { tag: 0x0003, type: 2, count: 2, data: exifAscii(facts.longitude < 0 ? 'W' : 'E') },
    { tag: 0x0004, type: 5, count: 3, data: exifDms(facts.longitude) },
  ];
  const ifd0Offset = 8;
  const exifOffset = ifd0Offset + 2 + 12 * 2 + 4;
  const exif = exifIfd(exifEntries, exifOffset);
  const gpsOffset = exifOffset + exif.length;
  const gps = exifIfd(gpsEntries, gpsOffset);
  const ifd0 = exifIfd(
    [
      { tag: 0x8769, type: 4, count: 1, data: exifLong(exifOffset) },
      { tag: 0x8825, type: 4, count: 1, data: exifLong(gpsOffset) },
    ],
    ifd0Offset,
  );
  const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, ifd0Offset, 0, 0, 0]);
  return Buffer.concat([header, ifd0, exif, gps]);
}

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 140, b: 60 } } });

/** A real JPEG (sharp) with an EXIF APP1 segment carrying GPS and capture time after its SOI. */
export async function jpegWithExif(facts: ExifFacts, width = 320, height = 240): Promise<Buffer> {
  const jpeg = await photo(width, height).jpeg().toBuffer();
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff(facts)]);
  const marker = Buffer.alloc(4);
  marker.writeUInt16BE(0xffe1, 0);
  marker.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), marker, payload, jpeg.subarray(2)]);
}

/** A real JPEG without any EXIF. */
export function jpegBytes(width = 320, height = 240): Promise<Buffer> {
  return photo(width, height).jpeg().toBuffer();
}

function riffChunk(fourcc: string, data: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.write(fourcc, 0, 'latin1');
  header.writeUInt32LE(data.length, 4);
  return Buffer.concat([header, data, Buffer.alloc(data.length % 2)]);
}

/** A lossy WebP (sharp) rewritten as extended WebP (VP8X) with an `EXIF` chunk at its end. */
export async function webpWithExif(facts: ExifFacts, width = 320, height = 240): Promise<Buffer> {
  const simple = await photo(width, height).webp().toBuffer();
  // sharp writes `RIFF <size> WEBP VP8 …`: keep the image chunk(s) after the 12-byte header.
  const image = simple.subarray(12);
  const vp8x = Buffer.alloc(10);
  vp8x.writeUInt8(0x08, 0); // EXIF flag
  vp8x.writeUIntLE(width - 1, 4, 3);
  vp8x.writeUIntLE(height - 1, 7, 3);
  const body = Buffer.concat([
    Buffer.from('WEBP', 'latin1'),
    riffChunk('VP8X', vp8x),
    image,
    riffChunk('EXIF', exifTiff(facts)),
  ]);
  const header = Buffer.alloc(8);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body]);
}

/** A PNG (sharp) with an `eXIf` chunk before its image data. */
export async function pngWithExif(facts: ExifFacts, width = 320, height = 240): Promise<Buffer> {
  const png = await pngBytes(width, height);
  const tiffBlock = exifTiff(facts);
  const chunk = Buffer.alloc(12 + tiffBlock.length);
  chunk.writeUInt32BE(tiffBlock.length, 0);
  chunk.write('eXIf', 4, 'latin1');
  tiffBlock.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + tiffBlock.length)), 8 + tiffBlock.length);
  // Signature (8) + IHDR chunk (25) come first.
  return Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)]);
}
