import { formatBytes } from './format-bytes';

export interface UploadPurposeLimits {
  name: string;
  label: string;
  maxBytes: number;
  contentTypes: readonly string[];
  extensions: readonly string[];
}

const normalizeExtension = (extension: string) => extension.trim().toLowerCase().replace(/^\./, '');

/** The file's extension, lower case, without the dot ('' when it has none). */
export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : '';
}

/** The `accept` attribute of a file input for a purpose (`.pdf,.docx,…`). */
export function acceptOf(purpose: UploadPurposeLimits): string {
  return purpose.extensions.map((extension) => `.${normalizeExtension(extension)}`).join(',');
}

/**
 * Fast feedback before anything is sent: size and extension against the purpose's limits. The
 * server stays the authority (it checks the type from the bytes); this only spares a 2 Mbps link
 * an upload that would be refused anyway.
 */
export function precheckFile(
  file: { name: string; size: number },
  purpose: UploadPurposeLimits,
): string | null {
  if (file.size === 0) return 'Berkas kosong tidak dapat diunggah.';
  if (file.size > purpose.maxBytes) {
    return `Ukuran berkas ${formatBytes(file.size)} melebihi batas ${formatBytes(purpose.maxBytes)} untuk ${purpose.label}.`;
  }
  const allowed = purpose.extensions.map(normalizeExtension);
  if (allowed.length > 0 && !allowed.includes(extensionOf(file.name))) {
    return `Jenis berkas tidak diizinkan untuk ${purpose.label}. Yang diterima: ${allowed.map((e) => e.toUpperCase()).join(', ')}.`;
  }
  return null;
}

/** The purpose under which requirement submissions are uploaded (PDF, DOCX, XLSX…). */
export const REQUIREMENT_PURPOSE = 'document';

export function purposeNamed(
  purposes: readonly UploadPurposeLimits[] | undefined,
  name: string,
): UploadPurposeLimits | null {
  return purposes?.find((purpose) => purpose.name === name) ?? null;
}
