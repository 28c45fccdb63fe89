import { scanFile, zipEntries, type ByteDetector } from './byte-scan.js';
import type { SniffedType } from './content-sniffing.js';
import { elfExecutable, peExecutable } from './malware-scan.js';
import type { UploadPurpose } from './purposes.js';
import { UploadRefusal } from './upload-refusal.js';

const ZIP_LOCAL = Buffer.from('PK\x03\x04', 'latin1');
const ZIP_CENTRAL = Buffer.from('PK\x01\x02', 'latin1');
const LESS_THAN = 0x3c;
/** Markup a browser or a PHP interpreter would run; lowercase, matched case-insensitively. */
const ACTIVE_MARKUP = ['<script', '<html', '<?php', '<iframe'].map((tag) =>
  Buffer.from(tag, 'latin1'),
);

/**
 * A ZIP archive (a JAR, an Office file) hidden in the file: a local file header and a central
 * directory entry after it. Each four-byte signature alone turns up in compressed image data now
 * and then; both together do not.
 */
function embeddedZip(): ByteDetector {
  let seenLocal = false;
  return (window, end) => {
    let from = 0;
    if (!seenLocal) {
      const local = window.indexOf(ZIP_LOCAL);
      if (local === -1 || local >= end) return null;
      seenLocal = true;
      from = local + ZIP_LOCAL.length;
    }
    const central = window.indexOf(ZIP_CENTRAL, from);
    return central !== -1 && central < end ? 'arsip ZIP' : null;
  };
}

/** HTML or PHP, whatever the letter case. */
const activeMarkup: ByteDetector = (window, end) => {
  for (let at = window.indexOf(LESS_THAN); at !== -1 && at < end;) {
    for (const tag of ACTIVE_MARKUP) {
      if (at + tag.length > window.length) continue;
      let same = true;
      for (let i = 1; i < tag.length && same; i++) {
        // ASCII letters only: `| 0x20` lowercases them and leaves `?` as it is.
        same = ((window[at + i] as number) | 0x20) === tag[i];
      }
      if (same) return 'HTML/skrip';
    }
    at = window.indexOf(LESS_THAN, at + 1);
  }
  return null;
};

/** Entries no Word or Excel file (.docx/.xlsx, never macro-enabled) has. */
const FOREIGN_ENTRY = /(^|\/)vbaProject\.bin$|\.(exe|dll|scr|com|bat|cmd|ps1|vbs|js|jar|sh|msi)$/i;

const isImage = (sniffed: SniffedType) => sniffed.mime.startsWith('image/');
const isPdf = (sniffed: SniffedType) => sniffed.mime === 'application/pdf';
const isOoxml = (sniffed: SniffedType) =>
  sniffed.mime.startsWith('application/vnd.openxmlformats-officedocument.');

/**
 * What else the file carries besides what its leading bytes say (a polyglot), or null. Images
 * and PDFs: a ZIP archive, HTML/script or a program anywhere in them. Word and Excel files (ZIP
 * archives themselves): a program in the raw bytes, or an entry that is a program or macros.
 * Other types (videos) are not looked at.
 */
export async function findPolyglot(path: string, sniffed: SniffedType): Promise<string | null> {
  if (isImage(sniffed) || isPdf(sniffed)) {
    return scanFile(path, [embeddedZip(), activeMarkup, peExecutable, elfExecutable]);
  }
  if (!isOoxml(sniffed)) return null;
  const foreign = (await zipEntries(path))?.find((entry) => FOREIGN_ENTRY.test(entry.name));
  if (foreign) return `berkas ${foreign.name}`;
  return scanFile(path, [peExecutable, elfExecutable]);
}

export const polyglotRefusal = (purpose: UploadPurpose, sniffed: SniffedType, found: string) =>
  new UploadRefusal(
    422,
    `Berkas ditolak: selain ${sniffed.ext.toUpperCase()}, berkas ini juga memuat ${found} ` +
      `(berkas poliglot), yang tidak diizinkan untuk ${purpose.label}. Berkas tidak disimpan.`,
    'POLYGLOT',
  );
