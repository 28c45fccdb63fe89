import { z } from 'zod';

/** What an upload is for; each purpose has its own size limit and allowed (sniffed) types. */
export interface UploadPurpose {
  name: string;
  /** Shown to people (Indonesian). */
  label: string;
  maxBytes: number;
  /** MIME types as sniffed from the bytes. */
  contentTypes: string[];
  /** For file pickers (`accept`) and messages; the bytes decide, not the name. */
  extensions: string[];
  /**
   * Uploadable without signing in (rate limited per client address); the file is recorded as
   * anonymous whoever sends it. Only the defaults set it: UPLOAD_PURPOSES cannot open a purpose.
   */
  anonymous?: boolean;
}

const MEBIBYTE = 1024 * 1024;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const DEFAULT_UPLOAD_PURPOSES: readonly UploadPurpose[] = [
  {
    name: 'photo',
    label: 'Foto',
    maxBytes: 20 * MEBIBYTE,
    contentTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic'],
    extensions: ['.jpg', '.jpeg', '.png', '.webp', '.heic'],
  },
  {
    name: 'video',
    label: 'Video',
    maxBytes: 2 * 1024 * MEBIBYTE,
    contentTypes: ['video/mp4', 'video/quicktime', 'video/webm'],
    extensions: ['.mp4', '.mov', '.webm'],
  },
  {
    name: 'document',
    label: 'Dokumen',
    maxBytes: 50 * MEBIBYTE,
    contentTypes: ['application/pdf', DOCX, XLSX],
    extensions: ['.pdf', '.docx', '.xlsx'],
  },
  {
    // A citizen's public complaint: photos or a PDF, sent before the complaint exists.
    name: 'bukti-pengaduan',
    label: 'Bukti Pengaduan',
    maxBytes: 10 * MEBIBYTE,
    contentTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'],
    extensions: ['.jpg', '.jpeg', '.png', '.webp', '.heic', '.pdf'],
    anonymous: true,
  },
];

const mimeType = z
  .string()
  .regex(/^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/, 'harus jenis MIME, mis. "application/pdf"');
const extension = z.string().regex(/^\.[a-z0-9]{1,10}$/, 'harus ekstensi, mis. ".pdf"');

const overrideSchema = z.strictObject({
  label: z.string().trim().min(1).optional(),
  maxBytes: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  contentTypes: z.array(mimeType).min(1).optional(),
  extensions: z.array(extension).optional(),
});

const overridesSchema = z.record(z.string(), overrideSchema);
const PURPOSE_NAME = /^[a-z][a-z0-9-]{0,31}$/;

/**
 * The default purposes with UPLOAD_PURPOSES (JSON) merged over them: a known purpose takes the
 * fields given, an unknown one is added and must give label, maxBytes and contentTypes.
 * Throws an Error naming every problem, so a bad setting stops the service at start-up.
 */
export function loadPurposes(overridesJson?: string): readonly UploadPurpose[] {
  const purposes = new Map(
    DEFAULT_UPLOAD_PURPOSES.map((purpose) => [purpose.name, { ...purpose }]),
  );
  if (!overridesJson?.trim()) return [...purposes.values()];

  let raw: unknown;
  try {
    raw = JSON.parse(overridesJson);
  } catch (error) {
    throw new Error(`UPLOAD_PURPOSES bukan JSON yang valid: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parsed = overridesSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((issue) => `  - ${issue.path.join('.') || '(akar)'}: ${issue.message}`)
      .join('\n');
    throw new Error(`UPLOAD_PURPOSES tidak valid:\n${issues}`);
  }

  const problems: string[] = [];
  for (const [name, override] of Object.entries(parsed.data)) {
    if (!PURPOSE_NAME.test(name)) {
      problems.push(`  - ${name}: nama tujuan hanya huruf kecil, angka dan tanda hubung`);
      continue;
    }
    const base = purposes.get(name);
    if (base) {
      purposes.set(name, { ...base, ...withoutUndefined(override) });
      continue;
    }
    const { label, maxBytes, contentTypes, extensions = [] } = override;
    if (!label || !maxBytes || !contentTypes) {
      problems.push(`  - ${name}: tujuan baru wajib memiliki label, maxBytes dan contentTypes`);
      continue;
    }
    purposes.set(name, { name, label, maxBytes, contentTypes, extensions });
  }
  if (problems.length > 0) throw new Error(`UPLOAD_PURPOSES tidak valid:\n${problems.join('\n')}`);
  return [...purposes.values()];
}

/** Purposes by name, for lookups on every upload request. */
export function purposesByName(
  purposes: readonly UploadPurpose[],
): ReadonlyMap<string, UploadPurpose> {
  return new Map(purposes.map((purpose) => [purpose.name, purpose]));
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as Partial<T>;
}

/** "PDF, DOCX, XLSX": the allowed types as people know them, for refusal messages. */
export function describeAllowedTypes(purpose: UploadPurpose): string {
  const names = purpose.extensions.length
    ? purpose.extensions.map((ext) => ext.slice(1).toUpperCase())
    : purpose.contentTypes;
  return [...new Set(names)].join(', ');
}

/** "20 MB": binary megabytes, as file managers show them. */
export function describeSize(bytes: number): string {
  if (bytes >= 1024 * MEBIBYTE) return `${formatNumber(bytes / (1024 * MEBIBYTE))} GB`;
  if (bytes >= MEBIBYTE) return `${formatNumber(bytes / MEBIBYTE)} MB`;
  if (bytes >= 1024) return `${formatNumber(bytes / 1024)} KB`;
  return `${bytes} byte`;
}

const formatNumber = (value: number) =>
  new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(value);
