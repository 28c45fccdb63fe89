import { createSHA256 } from 'hash-wasm';

/** Bytes read per step: small enough for a phone, large enough to keep WebAssembly busy. */
const SLICE_BYTES = 4 * 1024 * 1024;

/**
 * SHA-256 (lowercase hex) of a file, read slice by slice: a 2 GB video never sits whole in
 * memory. Imported lazily (`await import(...)`) so pages load without the WebAssembly hasher.
 */
export async function sha256OfFile(
  file: Blob,
  onProgress?: (bytesHashed: number, bytesTotal: number) => void,
  signal?: AbortSignal,
): Promise<string> {
  const hasher = await createSHA256();
  hasher.init();
  for (let offset = 0; offset < file.size; offset += SLICE_BYTES) {
    signal?.throwIfAborted();
    const slice = file.slice(offset, Math.min(offset + SLICE_BYTES, file.size));
    hasher.update(new Uint8Array(await slice.arrayBuffer()));
    onProgress?.(Math.min(offset + SLICE_BYTES, file.size), file.size);
  }
  onProgress?.(file.size, file.size);
  return hasher.digest('hex');
}
