import { createHash } from 'node:crypto';

export interface TusUploadOptions {
  /** Origin serving `/files` (the gateway, or the documents service itself). */
  origin: string;
  token?: string;
  bytes: Uint8Array;
  filename: string;
  purpose: string;
  /** Defaults to the SHA-256 of `bytes`; pass another to provoke a mismatch. */
  sha256?: string;
  /** Split the body over several PATCH requests (resumable upload). */
  chunks?: number;
}

export interface TusUploadResult {
  /** Status of the refusing request, or of the last PATCH. */
  status: number;
  /** Stored file id (`Sipadu-File-Id`) when the upload finished and was accepted. */
  fileId: string | null;
  /** Body of a refusal (the server's Indonesian message). */
  message: string | null;
  /** The refusal's `Sipadu-Refusal` code (e.g. `MALWARE_DETECTED`), when the server sent one. */
  refusal?: string;
  uploadUrl: string | null;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const metadata = (pairs: Record<string, string>) =>
  Object.entries(pairs)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
    .join(',');

async function refusedBy(response: Response, uploadUrl: string | null): Promise<TusUploadResult> {
  const refusal = response.headers.get('sipadu-refusal');
  return {
    status: response.status,
    fileId: null,
    message: await response.text(),
    ...(refusal ? { refusal } : {}),
    uploadUrl,
  };
}

/** A tus 1.0 upload over plain HTTP, as tus-js-client speaks it (creation + PATCH). */
export async function tusUpload(options: TusUploadOptions): Promise<TusUploadResult> {
  const auth: Record<string, string> = options.token
    ? { authorization: `Bearer ${options.token}` }
    : {};
  const created = await fetch(`${options.origin}/files`, {
    method: 'POST',
    headers: {
      ...auth,
      'tus-resumable': '1.0.0',
      'upload-length': String(options.bytes.byteLength),
      'upload-metadata': metadata({
        filename: options.filename,
        purpose: options.purpose,
        sha256: options.sha256 ?? sha256Hex(options.bytes),
      }),
    },
  });
  if (created.status !== 201) return refusedBy(created, null);
  const location = created.headers.get('location');
  if (!location) throw new Error('tus creation answered 201 without Location');
  const uploadUrl = new URL(location, options.origin).toString();
  const parts = Math.max(1, options.chunks ?? 1);
  const size = Math.ceil(options.bytes.byteLength / parts);
  let offset = 0;
  let last: Response | undefined;
  do {
    // fetch's BodyInit wants an ArrayBuffer-backed view; a copy of the slice is one.
    const chunk = new Uint8Array(options.bytes.subarray(offset, offset + size));
    last = await fetch(uploadUrl, {
      method: 'PATCH',
      headers: {
        ...auth,
        'tus-resumable': '1.0.0',
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
      },
      body: chunk,
    });
    if (last.status !== 204) return refusedBy(last, uploadUrl);
    offset += chunk.byteLength;
  } while (offset < options.bytes.byteLength);
  await last.arrayBuffer();
  return {
    status: last.status,
    fileId: last.headers.get('sipadu-file-id'),
    message: null,
    uploadUrl,
  };
}
