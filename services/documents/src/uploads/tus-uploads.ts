import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import {
  actorOf as eventActorOf,
  bearerToken,
  ClientRateLimiter,
  type Logger,
  type Principal,
} from '@sipadu/service-kit';
import { ERRORS, HEADERS, MemoryLocker, Server, TUS_RESUMABLE, type Upload } from '@tus/server';
import type { AuditLog } from '../audit/audit-log.js';
import { actorOf } from '../audit/audit-log.js';
import type { DocumentsEnvironment } from '../environment.js';
import {
  ANONYMOUS_UPLOADER,
  type StoredFileRecord,
  type StoredFileUploader,
} from '../models/stored-file.model.js';
import { isAllowed, sniffFile, typeRefusal } from './content-sniffing.js';
import { Sha256MismatchError, type FileService } from './file.service.js';
import { sanitizeFilename } from './http-headers.js';
import { createMalwareScanner, malwareRefusal } from './malware-scan.js';
import { readPhotoCapture } from './photo-capture.js';
import { findPolyglot, polyglotRefusal } from './polyglot.js';
import { describeSize, type UploadPurpose } from './purposes.js';
import { SniffingFileStore } from './sniffing-file-store.js';
import { isUploadRefusal, UploadRefusal } from './upload-refusal.js';

export const FILE_ID_HEADER = 'Sipadu-File-Id';
/** The code of a refusal (UploadRefusalCode), next to its Indonesian message. */
export const REFUSAL_HEADER = 'Sipadu-Refusal';

export interface TusUploadDeps {
  env: Pick<
    DocumentsEnvironment,
    | 'UPLOAD_DIR'
    | 'UPLOAD_EXPIRY_MINUTES'
    | 'UPLOAD_CLEANUP_INTERVAL_MS'
    | 'TZ_PEMDA'
    | 'ANONYMOUS_UPLOAD_LIMIT'
    | 'ANONYMOUS_UPLOAD_WINDOW_S'
    | 'CLAMAV_HOST'
    | 'CLAMAV_PORT'
    | 'CLAMAV_TIMEOUT_MS'
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

/** Upload ids as namingFunction makes them. */
const UPLOAD_ID = /^[0-9a-f]{32}$/;

/**
 * How long a HEAD or PATCH waits for the same upload to be finished: a 2 GB video is sniffed,
 * hashed and copied into storage first.
 */
const FINISH_WAIT_MS = 5 * 60_000;

const FOREIGN_UPLOAD = 'Unggahan ini milik pengguna lain.';
const SIGN_IN = 'Silakan masuk terlebih dahulu untuk mengunggah berkas.';

/** The caller's address as the gateway saw it (see service-kit's SubgraphContext). */
const CLIENT_ADDRESS_HEADER = 'x-sipadu-client';

/** What tus puts on each of its answers (no allowedOrigins configured: any origin). */
const TUS_HEADERS = {
  'Tus-Resumable': TUS_RESUMABLE,
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': [...HEADERS, FILE_ID_HEADER, REFUSAL_HEADER].join(', '),
};

/** An upload being moved into storage on this process. */
interface Finishing {
  uploaderId: string;
  /** The stored file, or the refusal (or failure) that ended the upload. */
  done: Promise<StoredFileRecord>;
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface TusUploads {
  server: Server;
  /** Answers a tus request; `uploadId` is the `/files/<upload id>` path segment, if any. */
  handle(req: http.IncomingMessage, res: http.ServerResponse, uploadId?: string): Promise<void>;
  close(): void;
}

/** tus' own refusals, in the language of our users. */
const TUS_MESSAGES = new Map<object, string>([
  [ERRORS.FILE_NOT_FOUND, 'Unggahan tidak ditemukan.'],
  [ERRORS.FILE_NO_LONGER_EXISTS, 'Unggahan sudah kedaluwarsa atau dihapus. Silakan unggah ulang.'],
  [ERRORS.INVALID_OFFSET, 'Posisi unggahan tidak cocok. Lanjutkan dari posisi terakhir di server.'],
  [
    ERRORS.ERR_SIZE_EXCEEDED,
    'Data yang dikirim melebihi ukuran berkas yang dinyatakan; unggahan dibatalkan. Silakan unggah ulang.',
  ],
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

/** tus' refusals of more bytes than an upload may have. */
const SIZE_ERRORS = new Set<unknown>([ERRORS.ERR_SIZE_EXCEEDED, ERRORS.ERR_MAX_SIZE_EXCEEDED]);

type TusError = { status_code: number; body: string };

/**
 * The ERRORS entry an error stands for. tus throws the entries themselves, and also errors that
 * carry an entry's status and body: the limiter of a PATCH body without Content-Length fails with
 * a MaxFileExceededError, which used to end as a 500 "unexpected error".
 */
function tusErrorOf(error: unknown): TusError | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const entries = [...TUS_MESSAGES.keys()] as TusError[];
  if (TUS_MESSAGES.has(error)) return error as TusError;
  const { status_code, body } = error as Partial<TusError>;
  return entries.find((entry) => entry.status_code === status_code && entry.body === body);
}

/** The Node response behind a request tus handles (srvx keeps it on `runtime.node`). */
const nodeResponseOf = (req: Request) =>
  (req as { runtime?: { node?: { res?: http.ServerResponse } } }).runtime?.node?.res;

/**
 * The tus endpoint: a disk store in UPLOAD_DIR for partial uploads; every request authenticated
 * and bound to the uploader; limits and types checked per purpose; on finish the bytes move into
 * FileStorage (hashed on the way) and the disk copy is deleted. Purposes open to anonymous
 * uploads (complaint evidence) take requests without a token, rate limited per client address;
 * such an upload is recorded as anonymous whoever sends it, and its unguessable URL is its key.
 */
export function createTusUploads(deps: TusUploadDeps): TusUploads {
  const { env, files, logger, purposes, verifyToken, audit } = deps;
  const datastore = new SniffingFileStore(
    {
      directory: env.UPLOAD_DIR,
      expirationPeriodInMilliseconds: env.UPLOAD_EXPIRY_MINUTES * 60_000,
    },
    purposes,
  );
  // Shared with our own look at an upload (see isPartial).
  const locker = new MemoryLocker();
  /** The caller of each request; null: no token. */
  const callers = new WeakMap<Request, Principal | null>();
  /** Anonymous uploads started per client address (one bucket: every anonymous purpose). */
  const anonymousLimit = new ClientRateLimiter(env.ANONYMOUS_UPLOAD_WINDOW_S * 1000);
  const anonymousBuckets = [{ key: 'anonymous', limit: env.ANONYMOUS_UPLOAD_LIMIT }];
  /** Uploads being moved into storage; a repeated final PATCH must not store them twice. */
  const finishing = new Map<string, Finishing>();
  const largestLimit = Math.max(...[...purposes.values()].map((purpose) => purpose.maxBytes));
  const scanner = createMalwareScanner(env, logger);

  /** The signed-in caller; null without a token (a token that fails is refused, never ignored). */
  async function callerOf(authorization: string | undefined): Promise<Principal | null> {
    let token: string | null;
    try {
      token = bearerToken(authorization);
    } catch (error) {
      throw new UploadRefusal(401, (error as Error).message);
    }
    if (!token) return null;
    try {
      return await verifyToken(token);
    } catch (error) {
      throw new UploadRefusal(401, (error as Error).message);
    }
  }

  /** May this caller touch an upload of this uploader? Anonymous uploads: whoever has the URL. */
  function checkOwner(caller: Principal | null, uploaderId: string | null | undefined): void {
    if (uploaderId === ANONYMOUS_UPLOADER.id) return;
    if (!caller) throw new UploadRefusal(401, SIGN_IN);
    if (uploaderId !== caller.id) throw new UploadRefusal(403, FOREIGN_UPLOAD);
  }

  async function authenticate(req: Request, uploadId: string): Promise<void> {
    const caller = await callerOf(req.headers.get('authorization') ?? undefined);
    callers.set(req, caller);
    // A creation is checked against its purpose (validateCreation).
    if (req.method === 'POST') return;
    const upload = await datastore.getUpload(uploadId);
    checkOwner(caller, upload.metadata?.[UPLOADER_ID]);
  }

  async function validateCreation(req: Request, upload: Upload) {
    const caller = callers.get(req);
    if (caller === undefined) throw new UploadRefusal(401, SIGN_IN);
    const meta = upload.metadata ?? {};
    const purpose = purposes.get(meta.purpose ?? '');
    if (!caller && !purpose?.anonymous) throw new UploadRefusal(401, SIGN_IN);
    if (upload.sizeIsDeferred) {
      throw new UploadRefusal(
        400,
        'Ukuran berkas (Upload-Length) wajib disebutkan di awal unggahan.',
      );
    }
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
        'TOO_LARGE',
      );
    }
    const clientAddress = req.headers.get(CLIENT_ADDRESS_HEADER);
    if (purpose.anonymous && !anonymousLimit.admit(clientAddress, anonymousBuckets)) {
      throw new UploadRefusal(
        429,
        'Terlalu banyak unggahan dari jaringan Anda. Silakan coba lagi dalam beberapa menit.',
      );
    }
    const uploader =
      purpose.anonymous || !caller
        ? ANONYMOUS_UPLOADER
        : {
            id: caller.id,
            name: caller.name ?? caller.username,
            organizationCode: caller.organizationCode,
          };
    return {
      metadata: {
        filename,
        purpose: purpose.name,
        sha256: (meta.sha256 ?? '').toLowerCase(),
        [UPLOADER_ID]: uploader.id,
        [UPLOADER_NAME]: uploader.name,
        [UPLOADER_ORGANIZATION]: uploader.organizationCode,
      },
    };
  }

  /** Deletes the partial upload; it may already be gone. */
  const discard = (id: string) =>
    datastore.remove(id).catch((error: unknown) => {
      if (error !== ERRORS.FILE_NOT_FOUND)
        logger.warn({ err: error, uploadId: id }, 'gagal menghapus unggahan');
    });

  /** Who an upload is stored for: nobody for an anonymous one, else its (checked) caller. */
  function uploaderOf(upload: Upload, caller: Principal | null): StoredFileUploader {
    const meta = upload.metadata ?? {};
    if (meta[UPLOADER_ID] === ANONYMOUS_UPLOADER.id) return ANONYMOUS_UPLOADER;
    if (!caller) throw new UploadRefusal(401, SIGN_IN);
    return {
      id: caller.id,
      name: meta[UPLOADER_NAME] ?? null,
      organizationCode: meta[UPLOADER_ORGANIZATION] ?? null,
    };
  }

  async function complete(upload: Upload, uploader: StoredFileUploader, caller: Principal | null) {
    const meta = upload.metadata ?? {};
    const purpose = purposes.get(meta.purpose ?? '');
    if (!purpose) {
      await discard(upload.id);
      throw new UploadRefusal(400, 'Tujuan unggahan ini tidak berlaku lagi. Silakan unggah ulang.');
    }
    try {
      // The audit log and the event name the uploader, or nobody for an anonymous upload (even
      // one a signed-in caller sent).
      return await moveIntoStorage(
        upload,
        purpose,
        uploader,
        uploader.id === ANONYMOUS_UPLOADER.id ? null : caller,
      );
    } finally {
      // Stored: the disk copy is redundant. Refused or failed: standard clients treat an upload
      // whose offset equals its length as done and never finish it again, so it goes too.
      await discard(upload.id);
    }
  }

  async function moveIntoStorage(
    upload: Upload,
    purpose: UploadPurpose,
    uploader: StoredFileUploader,
    principal: Principal | null,
  ) {
    const meta = upload.metadata ?? {};
    const diskPath = upload.storage?.path ?? path.join(env.UPLOAD_DIR, upload.id);
    // Malware first: the EICAR file, a script, has no type at all.
    const malware = await scanner.scan(diskPath);
    if (malware) {
      logger.warn({ uploadId: upload.id, malware }, 'unggahan berisi perangkat lunak berbahaya');
      throw malwareRefusal(malware);
    }
    const sniffed = await sniffFile(diskPath);
    if (!sniffed || !isAllowed(purpose, sniffed)) {
      throw typeRefusal(purpose, sniffed);
    }
    const hidden = await findPolyglot(diskPath, sniffed);
    if (hidden) {
      logger.warn({ uploadId: upload.id, hidden }, 'unggahan poliglot ditolak');
      throw polyglotRefusal(purpose, sniffed, hidden);
    }
    // Photos: GPS and capture time from the EXIF block, read from the disk copy in chunks (never
    // the whole file); no metadata, or metadata that cannot be read, is simply null.
    const capture = await readPhotoCapture(diskPath, sniffed.mime, env.TZ_PEMDA);
    let record;
    try {
      record = await files.storeUpload(
        createReadStream(diskPath),
        {
          filename: meta.filename ?? 'berkas',
          contentType: sniffed.mime,
          purpose: purpose.name,
          uploader,
          uploadId: upload.id,
          capture,
          actor: eventActorOf(principal),
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
        'SHA256_MISMATCH',
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

  /**
   * Answers an error ending a tus request (with its code in REFUSAL_HEADER). A PATCH carrying
   * more bytes than the upload declared ends the upload: tus keeps what it wrote, and an upload
   * that lied about its length is not resumed.
   */
  async function respondToError(req: Request, error: unknown) {
    const sizeError = SIZE_ERRORS.has(tusErrorOf(error));
    if (req.method === 'PATCH' && sizeError) {
      const id = new URL(req.url).pathname.split('/').pop() ?? '';
      if (UPLOAD_ID.test(id)) await discard(id);
    }
    const code = isUploadRefusal(error)
      ? error.code
      : sizeError
        ? ('TOO_LARGE' as const)
        : undefined;
    if (code) nodeResponseOf(req)?.setHeader(REFUSAL_HEADER, code);
    return refusalOf(error);
  }

  /** Status and Indonesian message for an error ending an upload request. */
  function refusalOf(error: unknown): { status_code: number; body: string } {
    if (isUploadRefusal(error)) return { status_code: error.status_code, body: error.body };
    const known = tusErrorOf(error);
    const message = known && TUS_MESSAGES.get(known);
    if (known && message) return { status_code: known.status_code, body: message };
    logger.error({ err: error }, 'kesalahan tak terduga pada unggahan');
    return {
      status_code: 500,
      body: 'Terjadi kesalahan pada server saat menerima berkas. Silakan coba lagi.',
    };
  }

  /**
   * Whether tus still holds a part of the upload to answer for (or we cannot tell). Looked at
   * under the upload's lock, as tus does: a PATCH still writing the last bytes is done writing,
   * and has begun finishing, before we look.
   */
  async function isPartial(id: string): Promise<boolean> {
    const lock = locker.newLock(id);
    try {
      await lock.lock(new AbortController().signal, () => undefined);
    } catch {
      return true;
    }
    try {
      const upload = await datastore.getUpload(id);
      return upload.size === undefined || upload.offset < upload.size;
    } catch (error) {
      return error !== ERRORS.FILE_NOT_FOUND && error !== ERRORS.FILE_NO_LONGER_EXISTS;
    } finally {
      await lock.unlock();
    }
  }

  /** The outcome of a finishing upload, waited for at most FINISH_WAIT_MS. */
  async function outcomeOf(entry: Finishing): Promise<StoredFileRecord> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      // 423: tus-js-client retries its HEAD later instead of starting the upload over.
      timer = setTimeout(
        () =>
          reject(new UploadRefusal(423, 'Unggahan ini masih diproses. Coba lagi sebentar lagi.')),
        FINISH_WAIT_MS,
      );
    });
    try {
      return await Promise.race([entry.done, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** An upload being finished on this process, or stored already; null when neither. */
  async function finishedUpload(id: string): Promise<{
    uploaderId: string;
    file(): Promise<StoredFileRecord>;
  } | null> {
    const inFlight = finishing.get(id);
    if (inFlight) return { uploaderId: inFlight.uploaderId, file: () => outcomeOf(inFlight) };
    // Stored before the disk copy is deleted: a finishing that ended meanwhile left its record.
    const record = await files.findByUploadId(id);
    return record && { uploaderId: record.uploader.id, file: () => Promise.resolve(record) };
  }

  /**
   * HEAD or PATCH on an upload that is being finished, or already was. tus would answer offset
   * == length without a file id while finishing, and 404 once the disk copy is gone; clients
   * resuming after a dropped connection or a reload would then claim success without an id, or
   * send the whole file again. The uploader gets what the final PATCH got: the file id, or the
   * refusal. null: tus answers (partial and unknown uploads).
   */
  async function finishedAnswer(req: http.IncomingMessage, id: string): Promise<Answer | null> {
    if (req.method !== 'HEAD' && req.method !== 'PATCH') return null;
    if (!UPLOAD_ID.test(id) || !req.headers['tus-resumable']) return null;
    if (!finishing.has(id) && (await isPartial(id))) return null;
    const finished = await finishedUpload(id);
    if (!finished) return null;
    try {
      checkOwner(await callerOf(req.headers.authorization), finished.uploaderId);
      const file = await finished.file();
      return {
        status: req.method === 'HEAD' ? 200 : 204,
        headers: {
          'Upload-Offset': String(file.size),
          'Upload-Length': String(file.size),
          'Cache-Control': 'no-store',
          [FILE_ID_HEADER]: file._id,
        },
      };
    } catch (error) {
      const { status_code, body } = refusalOf(error);
      const code = isUploadRefusal(error) ? error.code : undefined;
      return {
        status: status_code,
        body,
        ...(code ? { headers: { [REFUSAL_HEADER]: code } } : {}),
      };
    }
  }

  function send(res: http.ServerResponse, { status, headers, body }: Answer) {
    res.writeHead(status, {
      ...TUS_HEADERS,
      ...headers,
      ...(body
        ? { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) }
        : {}),
    });
    res.end(body);
  }

  const server = new Server({
    path: '/files',
    datastore,
    locker,
    respectForwardedHeaders: true,
    // Tus-Max-Size for clients; each purpose's own limit is checked at creation.
    maxSize: largestLimit,
    // 32 hex characters: never confused with the uuid ids of finished files.
    namingFunction: () => randomBytes(16).toString('hex'),
    exposedHeaders: [FILE_ID_HEADER, REFUSAL_HEADER],
    onIncomingRequest: authenticate,
    onUploadCreate: validateCreation,
    onUploadFinish: async (req, upload) => {
      const caller = callers.get(req);
      if (caller === undefined) throw new UploadRefusal(401, SIGN_IN);
      if (finishing.has(upload.id)) {
        throw new UploadRefusal(409, 'Unggahan ini sedang diproses. Tunggu sebentar.');
      }
      const uploader = uploaderOf(upload, caller);
      // Registered before the first await: a HEAD that waited for this PATCH's lock sees it.
      const done = complete(upload, uploader, caller);
      finishing.set(upload.id, { uploaderId: uploader.id, done });
      try {
        const record = await done;
        logger.info(
          { fileId: record._id, size: record.size, purpose: record.purpose },
          'unggahan selesai',
        );
        return { headers: { [FILE_ID_HEADER]: record._id } };
      } finally {
        finishing.delete(upload.id);
      }
    },
    onResponseError: respondToError,
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

  return {
    server,
    handle: async (req, res, uploadId) => {
      const answer = uploadId ? await finishedAnswer(req, uploadId) : null;
      if (answer) send(res, answer);
      else await server.handle(req, res);
    },
    close: () => clearInterval(timer),
  };
}
