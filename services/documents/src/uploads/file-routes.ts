import type { Logger, Principal } from '@sipadu/service-kit';
import type express from 'express';
import type { AuditLog } from '../audit/audit-log.js';
import type { DocumentsEnvironment } from '../environment.js';
import type { StoredFileRecord } from '../models/stored-file.model.js';
import type { FileStorage } from '../storage/file-storage.js';
import { mountDownloadRoutes } from './downloads.js';
import type { FileService } from './file.service.js';
import { loadPurposes, purposesByName, type UploadPurpose } from './purposes.js';
import { createTusUploads } from './tus-uploads.js';

export interface FileRoutesDeps {
  env: DocumentsEnvironment;
  files: FileService;
  storage: FileStorage;
  logger: Logger;
  verifyToken: (token: string) => Promise<Principal>;
  /** Throws typed GraphQLErrors (UNAUTHENTICATED/FORBIDDEN/NOT_FOUND) when the caller may not read. */
  authorizeRead: (principal: Principal | null, file: StoredFileRecord) => Promise<void>;
  /** UPLOAD on finish, DOWNLOAD on every full or range GET (not HEAD, not thumbnails). */
  audit: Pick<AuditLog, 'append'>;
  /** The purposes the service already loaded; default: loadPurposes(env.UPLOAD_PURPOSES). */
  purposes?: readonly UploadPurpose[];
}

/**
 * `/files`: tus uploads (POST, HEAD, PATCH, DELETE, OPTIONS on `/files` and `/files/<upload id>`)
 * and downloads of finished files (`GET|HEAD /files/<uuid>`, `/files/<uuid>/thumbnail`). Mount
 * before any body parser: tus reads the raw request stream.
 */
export function mountFileRoutes(
  app: express.Express,
  deps: FileRoutesDeps,
): { close(): Promise<void> } {
  const purposes = purposesByName(deps.purposes ?? loadPurposes(deps.env.UPLOAD_PURPOSES));
  mountDownloadRoutes(app, deps);
  const uploads = createTusUploads({ ...deps, purposes });
  const handle: express.RequestHandler = (req, res) => {
    const uploadId = typeof req.params.uploadId === 'string' ? req.params.uploadId : undefined;
    uploads.handle(req, res, uploadId).catch((error: unknown) => {
      deps.logger.error({ err: error }, 'permintaan tus gagal');
      if (res.headersSent) res.destroy();
      else res.status(500).json({ message: 'Terjadi kesalahan pada server. Silakan coba lagi.' });
    });
  };
  app.all('/files', handle);
  // GET of anything else under /files: tus would serve finished uploads, which we never keep.
  // (Express routes HEAD to GET handlers; tus answers HEAD with the upload offset.)
  app.get('/files/:uploadId', (req, res, next) => {
    if (req.method === 'HEAD') return next();
    res.status(404).json({ message: 'Berkas tidak ditemukan.' });
  });
  app.all('/files/:uploadId', handle);
  return {
    close: async () => uploads.close(),
  };
}
