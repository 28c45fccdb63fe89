import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { bearerToken, type Logger, type Principal } from '@sipadu/service-kit';
import type express from 'express';
import { GraphQLError } from 'graphql';
import type { AuditLog } from '../audit/audit-log.js';
import { actorOf } from '../audit/audit-log.js';
import type { StoredFileRecord } from '../models/stored-file.model.js';
import type { FileStorage } from '../storage/file-storage.js';
import type { FileService } from './file.service.js';
import { contentDisposition, parseRange } from './http-headers.js';
import { Thumbnails, thumbnailSize } from './thumbnails.js';

export interface DownloadDeps {
  files: FileService;
  storage: FileStorage;
  logger: Logger;
  verifyToken: (token: string) => Promise<Principal>;
  authorizeRead: (principal: Principal | null, file: StoredFileRecord) => Promise<void>;
  audit: Pick<AuditLog, 'append'>;
}

/** Finished files have uuid ids; tus upload ids (32 hex characters) never match. */
const FILE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Types a browser may show in place (`?inline=1`), e.g. so a video plays and seeks. */
const INLINE_TYPE = /^(image\/(jpeg|png|webp|gif)|video\/(mp4|webm|quicktime)|application\/pdf)$/;

const STATUS_BY_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * `GET|HEAD /files/:id` (download, Range, inline for media) and `GET /files/:id/thumbnail`.
 * Ids that are not uuids fall through to the tus routes mounted after these.
 */
export function mountDownloadRoutes(app: express.Express, deps: DownloadDeps): void {
  const { files, storage, logger, verifyToken, authorizeRead, audit } = deps;
  const thumbnails = new Thumbnails(files, storage);

  async function readableFile(req: express.Request): Promise<{
    principal: Principal | null;
    file: StoredFileRecord;
  }> {
    let principal: Principal | null = null;
    const token = bearerToken(req.headers.authorization);
    if (token) principal = await verifyToken(token);
    const file = await files.get(String(req.params.id));
    if (!file) throw new HttpError(404, 'Berkas tidak ditemukan.');
    await authorizeRead(principal, file);
    return { principal, file };
  }

  function fail(res: express.Response, error: unknown) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    let status = 500;
    let message = 'Terjadi kesalahan pada server. Silakan coba lagi.';
    if (error instanceof HttpError) {
      ({ status, message } = error);
    } else if (error instanceof GraphQLError && STATUS_BY_CODE[String(error.extensions.code)]) {
      status = STATUS_BY_CODE[String(error.extensions.code)]!;
      message = error.message;
    } else {
      logger.error({ err: error }, 'unduhan berkas gagal');
    }
    res.removeHeader('Content-Disposition');
    res.removeHeader('ETag');
    res
      .status(status)
      .set({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' })
      .json({ message });
  }

  async function send(res: express.Response, body: Readable) {
    try {
      await pipeline(body, res);
    } catch (error) {
      // The client went away mid-download (seeking video does that all the time).
      if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
        logger.warn({ err: error }, 'pengiriman berkas terputus');
      }
    }
  }

  app.get('/files/:id/thumbnail', async (req, res, next) => {
    if (!FILE_ID.test(String(req.params.id))) return next();
    try {
      const { file } = await readableFile(req);
      const size = thumbnailSize(req.query.size);
      const etag = `"${file.sha256}-t${size}"`;
      res.set({
        'Content-Type': 'image/webp',
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-cache',
        ETag: etag,
      });
      if (req.headers['if-none-match'] === etag) return void res.status(304).end();
      const thumbnail = await thumbnails.render(file, size);
      res.set('Content-Length', String(thumbnail.length));
      res.end(req.method === 'HEAD' ? undefined : thumbnail);
    } catch (error) {
      fail(res, error);
    }
  });

  // Express answers HEAD with the GET route; the body is skipped below.
  app.get('/files/:id', async (req, res, next) => {
    if (!FILE_ID.test(String(req.params.id))) return next();
    try {
      const { principal, file } = await readableFile(req);
      const etag = `"${file.sha256}"`;
      const inline = req.query.inline === '1' && INLINE_TYPE.test(file.contentType);
      res.set({
        'Content-Type': file.contentType,
        'Content-Disposition': contentDisposition(file.filename, inline ? 'inline' : 'attachment'),
        'X-Content-Type-Options': 'nosniff',
        'Accept-Ranges': 'bytes',
        ETag: etag,
        'Cache-Control': 'private, no-cache',
      });
      if (req.headers['if-none-match'] === etag) return void res.status(304).end();

      const ifRange = req.headers['if-range'];
      const range = ifRange && ifRange !== etag ? null : parseRange(req.headers.range, file.size);
      if (range === 'unsatisfiable') {
        res.set('Content-Range', `bytes */${file.size}`);
        throw new HttpError(416, 'Rentang byte yang diminta di luar ukuran berkas.');
      }
      if (range) {
        res.status(206).set({
          'Content-Range': `bytes ${range.start}-${range.end}/${file.size}`,
          'Content-Length': String(range.end - range.start + 1),
        });
      } else {
        res.status(200).set('Content-Length', String(file.size));
      }
      if (req.method === 'HEAD') return void res.end();

      await audit.append({
        action: 'DOWNLOAD',
        actor: actorOf(principal),
        targetType: 'file',
        targetId: file._id,
        organizationCode: file.uploader.organizationCode,
        detail: range ? `${file.filename} (bytes ${range.start}-${range.end})` : file.filename,
      });
      await send(res, files.open(file, range ?? undefined));
    } catch (error) {
      fail(res, error);
    }
  });
}
