import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { notFound } from '@sipadu/service-kit';
import sharp from 'sharp';
import type { StoredFileRecord } from '../models/stored-file.model.js';
import type { FileStorage } from '../storage/file-storage.js';
import type { FileService } from './file.service.js';

const DEFAULT_THUMBNAIL_SIZE = 256;
const MIN_SIZE = 64;
const MAX_SIZE = 1024;

/** `?size=`: a number in 64–1024 (clamped), anything else the default. */
export function thumbnailSize(value: unknown): number {
  const size = typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
  if (!Number.isFinite(size)) return DEFAULT_THUMBNAIL_SIZE;
  return Math.min(MAX_SIZE, Math.max(MIN_SIZE, size));
}

/**
 * Image thumbnails as WebP. The original streams from storage into sharp; only the small result
 * is held. The default size is generated once and cached in storage (`thumbnailKey`); other
 * sizes are made from the cached copy (smaller) or the original (larger) on each request.
 * Images sharp cannot decode (e.g. HEIC without its codec) → NOT_FOUND with a message.
 */
export class Thumbnails {
  constructor(
    private readonly files: FileService,
    private readonly storage: FileStorage,
  ) {}

  async render(file: StoredFileRecord, size: number): Promise<Buffer> {
    if (!file.contentType.startsWith('image/')) {
      throw notFound('Gambar mini hanya tersedia untuk foto.');
    }
    if (size > DEFAULT_THUMBNAIL_SIZE) return this.resize(this.storage.read(file.storageKey), size);
    const cached = file.thumbnailKey ?? (await this.generate(file));
    return this.resize(this.storage.read(cached), size);
  }

  private async generate(file: StoredFileRecord): Promise<string> {
    const thumbnail = await this.resize(this.storage.read(file.storageKey), DEFAULT_THUMBNAIL_SIZE);
    // A fresh key per attempt: two concurrent first requests never write the same object.
    const key = `${file._id}.thumbnail.${randomBytes(6).toString('hex')}`;
    await this.storage.write(key, Readable.from([thumbnail]), {
      filename: 'thumbnail.webp',
      contentType: 'image/webp',
    });
    return this.files.setThumbnail(file._id, key);
  }

  private async resize(source: Readable, size: number): Promise<Buffer> {
    const transformer = sharp({ failOn: 'error' })
      .rotate()
      .resize(size, size, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 });
    source.once('error', (error) => transformer.destroy(error));
    source.pipe(transformer);
    try {
      return await transformer.toBuffer();
    } catch {
      source.destroy();
      throw notFound('Gambar mini tidak dapat dibuat untuk jenis berkas ini.');
    }
  }
}

// Thumbnails are cached in storage; sharp's operation cache would only hold memory in a service
// that mostly streams large files.
sharp.cache(false);
