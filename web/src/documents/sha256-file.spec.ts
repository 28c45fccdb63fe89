import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256OfFile } from './sha256-file';

describe('sha256OfFile', () => {
  it('hashes across slices exactly like a one-shot hash, reporting progress', async () => {
    const bytes = new Uint8Array(9 * 1024 * 1024 + 7).map((_, i) => (i * 31) % 251);
    const seen: number[] = [];
    const hex = await sha256OfFile(new Blob([bytes]), (done) => seen.push(done));
    expect(hex).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(seen.at(-1)).toBe(bytes.length);
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });

  it('hashes an empty file', async () => {
    expect(await sha256OfFile(new Blob([]))).toBe(createHash('sha256').digest('hex'));
  });
});
