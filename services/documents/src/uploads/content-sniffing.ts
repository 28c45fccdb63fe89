import { open } from 'node:fs/promises';
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import { describeAllowedTypes, type UploadPurpose } from './purposes.js';
import { UploadRefusal } from './upload-refusal.js';

/** What the bytes are, as file-type names them. */
export interface SniffedType {
  mime: string;
  ext: string;
}

/** Enough bytes for file-type to recognise every format it knows from a buffer. */
export const SNIFF_BYTES = 4100;

/** Office Open XML files are ZIP archives; the head alone may only show the ZIP. */
const ZIP_CONTAINERS = new Set(['application/zip']);
const OOXML_TYPE = /^application\/vnd\.openxmlformats-officedocument\./;

/** The whole file decides (file-type reads into ZIP entries when it needs to). */
export async function sniffFile(path: string): Promise<SniffedType | null> {
  const detected = await fileTypeFromFile(path);
  if (!detected) return null;
  if (!detected.mime.startsWith('image/heif')) return { mime: detected.mime, ext: detected.ext };
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(256);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return normaliseHeif(head.subarray(0, bytesRead), detected);
  } finally {
    await handle.close();
  }
}

/** The first bytes decide, as far as they can. */
export async function sniffBytes(head: Uint8Array): Promise<SniffedType | null> {
  const detected = await fileTypeFromBuffer(head);
  if (!detected) return null;
  return normaliseHeif(head, detected);
}

/**
 * Phones write HEIC photos with major brand `mif1` and `heic` among the compatible brands;
 * file-type calls those `image/heif`. For our purposes they are HEIC.
 */
function normaliseHeif(head: Uint8Array, detected: SniffedType): SniffedType {
  if (detected.mime !== 'image/heif') return { mime: detected.mime, ext: detected.ext };
  const brands = ftypBrands(head);
  return brands.includes('heic') || brands.includes('heix')
    ? { mime: 'image/heic', ext: 'heic' }
    : { mime: detected.mime, ext: detected.ext };
}

/** Major and compatible brands of a leading ISO-BMFF `ftyp` box. */
export function ftypBrands(head: Uint8Array): string[] {
  if (head.length < 16) return [];
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.length);
  if (bytes.toString('latin1', 4, 8) !== 'ftyp') return [];
  const boxEnd = Math.min(bytes.readUInt32BE(0), bytes.length);
  const brands = [bytes.toString('latin1', 8, 12)];
  for (let at = 16; at + 4 <= boxEnd; at += 4) brands.push(bytes.toString('latin1', at, at + 4));
  return brands.map((brand) => brand.trim());
}

export const isAllowed = (purpose: UploadPurpose, sniffed: SniffedType | null): boolean =>
  sniffed !== null && purpose.contentTypes.includes(sniffed.mime);

/**
 * Verdict on the first bytes of an upload. `undecided` when only the whole file can tell: the
 * head is not recognised yet, or it shows a ZIP that may be a DOCX/XLSX. The final check on
 * the finished file always runs.
 */
export function headVerdict(
  purpose: UploadPurpose,
  sniffed: SniffedType | null,
  complete: boolean,
): 'allowed' | 'refused' | 'undecided' {
  if (isAllowed(purpose, sniffed)) return 'allowed';
  if (complete) return 'refused';
  if (!sniffed) return 'undecided';
  const mayBeOoxml = purpose.contentTypes.some((type) => OOXML_TYPE.test(type));
  return ZIP_CONTAINERS.has(sniffed.mime) && mayBeOoxml ? 'undecided' : 'refused';
}

export function typeRefusal(purpose: UploadPurpose, sniffed: SniffedType | null): UploadRefusal {
  const seen = sniffed ? ` (isi berkas terbaca sebagai ${sniffed.ext.toUpperCase()})` : '';
  return new UploadRefusal(
    415,
    `Jenis berkas tidak diizinkan untuk ${purpose.label}${seen}. ` +
      `Jenis yang diizinkan: ${describeAllowedTypes(purpose)}.`,
    'TYPE_NOT_ALLOWED',
  );
}
