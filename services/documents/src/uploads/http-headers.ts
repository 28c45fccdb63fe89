import type { ByteRange } from '../storage/file-storage.js';

/**
 * A single `Range: bytes=…` against a body of `size` bytes. `null`: serve the whole body (no
 * header, another unit, several ranges, or a malformed header, which RFC 9110 lets us ignore);
 * `'unsatisfiable'`: answer 416.
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header.trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    // Suffix range: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/** Quotes, backslashes and control characters (CR/LF end a header) never stay in a name. */
const isSafeInName = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0x20 && code !== 0x7f && char !== '"' && char !== '\\';
};

/**
 * Cleans a client-supplied file name for storage: the last path component only, no control
 * characters, no quotes, trimmed, at most 200 characters (the extension kept). Empty → null.
 */
export function sanitizeFilename(name: string | null | undefined): string | null {
  if (!name) return null;
  const last = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = [...last].filter(isSafeInName).join('').replace(/\s+/g, ' ').trim();
  if (!cleaned || cleaned === '.' || cleaned === '..') return null;
  if (cleaned.length <= 200) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 16 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 200 - extension.length) + extension;
}

/**
 * `attachment; filename="<ascii>"; filename*=UTF-8''<encoded>` (RFC 6266): old clients get an
 * ASCII approximation, the rest the exact name; quotes, CR/LF and path separators never pass.
 */
export function contentDisposition(
  filename: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const name = sanitizeFilename(filename) ?? 'berkas';
  const ascii =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/[;%]/g, '_')
      .trim() || 'berkas';
  const encoded = encodeURIComponent(name).replace(
    /['()*!]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
