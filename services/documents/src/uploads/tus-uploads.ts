import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { bearerToken, type Logger, type Principal } from '@sipadu/service-kit';
import { ERRORS, Server, type Upload } from '@tus/server';
import type { AuditLog } from '../audit/audit-log.js';
import { actorOf } from '../audit/audit-log.js';
import type { DocumentsEnvironment } from '../environment.js';
import { isAllowed, sniffFile, typeRefusal } from './content-sniffing.js';
import { Sha256MismatchError, type FileService } from './file.service.js';
import { sanitizeFilename } from './http-headers.js';
import { describeSize, type UploadPurpose } from './purposes.js';
import { SniffingFileStore } from './sniffing-file-store.js';
import { isUploadRefusal, UploadRefusal } from './upload-refusal.js';

export const FILE_ID_HEADER = 'Sipadu-File-Id';

export interface TusUploadDeps {
  env: Pick<
    DocumentsEnvironment,
    'UPLOAD_DIR' | 'UPLOAD_EXPIRY_MINUTES' | 'UPLOAD_CLEANUP_INTERVAL_MS'
  >;
  files: FileService;
  logger: Logger;
  purposes: ReadonlyMap<string, UploadPurpose>;
  verifyToken: (token: string) => Promise<Principal>;
  audit: Pick<AuditLog, 'append'>;
}

/** Metadata keys the server writes itself; whatever the client sent under them is dropped. */
const UPLOADER_ID = 'uploaderId';
const UPLOADER_NAME = 'uploaderName';
const UPLOADER_ORGANIZATION = 'uploaderOrganizationCode';

const SHA256_HEX = /^[0-9a-f]{64}$/i;

/** tus' own refusals, in the language of our users. */
const TUS_MESSAGES = new Map<object, string>([
  [ERRORS.FILE_NOT_FOUND, 'Unggahan tidak ditemukan.'],
  [ERRORS.FILE_NO_LONGER_EXISTS, 'Unggahan sudah kedaluwarsa atau dihapus. Silakan unggah ulang.'],
  [ERRORS.INVALID_OFFSET, 'Posisi unggahan tidak cocok. Lanjutkan dari posisi terakhir di server.'],
  [ERRORS.ERR_SIZE_EXCEEDED, 'Data yang dikirim melebihi ukuran berkas yang dinyatakan.'],
  [ERRORS.ERR_MAX_SIZE_EXCEEDED, 'Ukuran berkas melebihi batas yang diizinkan.'],
  [ERRORS.INVALID_LENGTH, 'Ukuran berkas (Upload-Length) wajib disebutkan.'],
  [ERRORS.INVALID_METADATA, 'Upload-Metadata tidak valid.'],
  [ERRORS.MISSING_OFFSET, 'Header Upload-Offset wajib ada.'],
  [ERRORS.INVALID_CONTENT_TYPE, 'Content-Type wajib application/offset+octet-stream.'],
  [ERRORS.ABORTED, 'Permintaan dibatalkan.'],
  [ERRORS.FILE_WRITE_ERROR, 'Gagal menerima data berkas. Silakan lanjutkan unggahan.'],
  [ERRORS.ERR_LOCK_TIMEOUT, 'Unggahan sedang dipakai permintaan lain. Coba lagi sebentar lagi.'],
  [ERRORS.UNSUPPORTED_CONCATENATION_EXTENSION, 'Unggahan paralel (concatenation) tidak didukung.'],
]);

/**
 * The tus endpoint: a disk store in UPLOAD_DIR for partial uploads; every request authenticated
 * and bound to the uploader; limits and types checked per purpose; on finish the bytes move into
 * FileStorage (hashed on the way) and the disk copy is deleted.
 */
export function createTusUploads(deps: TusUploadDeps): { server: Server; close(): void } {
  const { env, files, logger, purposes, verifyToken, audit } = deps;
  const datastore = new SniffingFileStore(
    {
      directory: env.UPLOAD_DIR,
      expirationPeriodInMilliseconds: env.UPLOAD_EXPIRY_MINUTES * 60_000,
    },
    purposes,
  );
  const principals = new WeakMap<Request, Principal>();
  /** Uploads being moved into storage; a repeated final PATCH must not store them twice. */
  const finishing = new Set<string>();
  const largestLimit = Math.max(...[...purposes.values()].map((purpose) => purpose.maxBytes));

  async function authenticate(req: Request, uploadId: string): Promise<void> {
    let token: string | null;
    try {
      token = bearerToken(req.headers.get('authorization') ?? undefined);
    } catch (error) {
      throw new UploadRefusal(401, (error as Error).message);
    }
    if (!token) {
      throw new UploadRefusal(401, 'Silakan masuk terlebih dahulu untuk mengunggah berkas.');
    }
    let principal: Principal;
    try {
      principal = await verifyToken(token);
    } catch (error) {
      throw new UploadRefusal(401, (error as Error).message);
    }
    principals.set(req, principal);
    if (req.method === 'POST') return;
    const upload = await datastore.getUpload(uploadId);
    if (upload.metadata?.[UPLOADER_ID] !== principal.id) {
      throw new UploadRefusal(403, 'Unggahan ini milik pengguna lain.');
    }
  }

  async function validateCreation(req: Request, upload: Upload) {
    const principal = principals.get(req);
    if (!principal) throw new UploadRefusal(401, 'Silakan masuk terlebih dahulu.');
    if (upload.sizeIsDeferred) {
      throw new UploadRefusal(
        400,
        'Ukuran berkas (Upload-Length) wajib disebutkan di awal unggahan.',
      );
    }
    const meta = upload.metadata ?? {};
    const purpose = purposes.get(meta.purpose ?? '');
    if (!purpose) {
      throw new UploadRefusal(
        400,
        `Tujuan unggahan tidak dikenal. Pilihan: ${[...purposes.keys()].join(', ')}.`,
      );
    }
    const filename = sanitizeFilename(meta.filename);
    if (!filename) throw new UploadRefusal(400, 'Nama berkas (metadata "filename") wajib diisi.');
    if (!SHA256_HEX.test(meta.sha256 ?? '')) {
      throw new UploadRefusal(
        400,
        'Metadata "sha256" wajib berisi SHA-256 berkas (64 karakter heksadesimal).',
      );
    }
    if (upload.size === 0) throw new UploadRefusal(400, 'Berkas kosong tidak dapat diunggah.');
    if ((upload.size ?? 0) > purpose.maxBytes) {
      throw new UploadRefusal(
        413,
        `Ukuran berkas melebihi batas untuk ${purpose.label} (${describeSize(purpose.maxBytes)}).`,
      );
    }
    return {
      metadata: {
        filename,
        purpose: purpose.name,
        sha256: (meta.sha256 ?? '').toLowerCase(),
        [UPLOADER_ID]: principal.id,
        [UPLOADER_NAME]: principal.name ?? principal.username,
        [UPLOADER_ORGANIZATION]: principal.organizationCode,
      },
    };
  }

  /** Deletes the partial upload; it may already be gone. */
  const discard = (id: string) =>
    datastore.remove(id).catch((error: unknown) => {
      if (error !== ERRORS.FILE_NOT_FOUND)
        logger.warn({ err: error, uploadId: id }, 'gagal menghapus unggahan');
    });

  async function complete(upload: Upload, principal: Principal) {
    const meta = upload.metadata ?? {};
    const purpose = purposes.get(meta.purpose ?? '');
    if (!purpose) {
      await discard(upload.id);
      throw new UploadRefusal(400, 'Tujuan unggahan ini tidak berlaku lagi. Silakan unggah ulang.');
    }
    try {
      return await moveIntoStorage(upload, purpose, principal);
    } finally {
      // Stored: the disk copy is redundant. Refused or failed: standard clients treat an upload
      // whose offset equals its length as done and never finish it again, so it goes too.
      await discard(upload.id);
    }
  }

  async function moveIntoStorage(upload: Upload, purpose: UploadPurpose, principal: Principal) {
    const meta = upload.metadata ?? {};
    const diskPath = upload.storage?.path ?? path.join(env.UPLOAD_DIR, upload.id);
    const sniffed = await sniffFile(diskPath);
    if (!sniffed || !isAllowed(purpose, sniffed)) {
      throw typeRefusal(purpose, sniffed);
    }
    const uploader = {
      id: principal.id,
      name: meta[UPLOADER_NAME] ?? null,
      organizationCode: meta[UPLOADER_ORGANIZATION] ?? null,
    };
    let record;
    try {
      record = await files.storeUpload(
        createReadStream(diskPath),
        {
          filename: meta.filename ?? 'berkas',
          contentType: sniffed.mime,
          purpose: purpose.name,
          uploader,
        },
        meta.sha256 ?? '',
      );
    } catch (error) {
      if (!(error instanceof Sha256MismatchError)) throw error;
      logger.info(
        { uploadId: upload.id, expected: error.expected, actual: error.actual },
        'SHA-256 unggahan tidak cocok',
      );
      throw new UploadRefusal(
        422,
        'Berkas berubah atau rusak saat dikirim: SHA-256 tidak cocok dengan yang dihitung di perangkat Anda. Silakan unggah ulang.',
      );
    }
    try {
      await audit.append({
        action: 'UPLOAD',
        actor: actorOf(principal),
        targetType: 'file',
        targetId: record._id,
        organizationCode: uploader.organizationCode,
        detail: `${record.filename} (${record.contentType}, ${record.size} byte, sha256 ${record.sha256})`,
      });
    } catch (error) {
      // An upload the audit log does not know of must not exist.
      await files.discardUnattached(record._id);
      throw error;
    }
    return record;
  }

  const server = new Server({
    path: '/files',
    datastore,
    respectForwardedHeaders: true,
    // Tus-Max-Size for clients; each purpose's own limit is checked at creation.
    maxSize: largestLimit,
    // 32 hex characters: never confused with the uuid ids of finished files.
    namingFunction: () => randomBytes(16).toString('hex'),
    exposedHeaders: [FILE_ID_HEADER],
    onIncomingRequest: authenticate,
    onUploadCreate: validateCreation,
    onUploadFinish: async (req, upload) => {
      const principal = principals.get(req);
      if (!principal) throw new UploadRefusal(401, 'Silakan masuk terlebih dahulu.');
      if (finishing.has(upload.id)) {
        throw new UploadRefusal(409, 'Unggahan ini sedang diproses. Tunggu sebentar.');
      }
      finishing.add(upload.id);
      try {
        const record = await complete(upload, principal);
        logger.info(
          { fileId: record._id, size: record.size, purpose: record.purpose },
          'unggahan selesai',
        );
        return { headers: { [FILE_ID_HEADER]: record._id } };
      } finally {
        finishing.delete(upload.id);
      }
    },
    onResponseError: (_req, error) => {
      if (isUploadRefusal(error)) return { status_code: error.status_code, body: error.body };
      const message = TUS_MESSAGES.get(error);
      if (message)
        return { status_code: (error as { status_code: number }).status_code, body: message };
      logger.error({ err: error }, 'kesalahan tak terduga pada unggahan');
      return {
        status_code: 500,
        body: 'Terjadi kesalahan pada server saat menerima berkas. Silakan coba lagi.',
      };
    },
  });

  const timer = setInterval(() => {
    server.cleanUpExpiredUploads().then(
      (count) => {
        if (count > 0) logger.info({ count }, 'unggahan kedaluwarsa dihapus');
      },
      (error: unknown) => logger.warn({ err: error }, 'pembersihan unggahan kedaluwarsa gagal'),
    );
  }, env.UPLOAD_CLEANUP_INTERVAL_MS);
  timer.unref();

  return { server, close: () => clearInterval(timer) };
}
