import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  createEvent,
  eventsForInsert,
  isDuplicateKey,
  type Actor,
  type Outbox,
} from '@sipadu/events';
import {
  conflict,
  forbidden,
  notFound,
  type Principal,
  type RequestLoaders,
} from '@sipadu/service-kit';
import type { Connection } from 'mongoose';
import {
  storedFileModel,
  type StoredFileCapture,
  type StoredFileGrant,
  type StoredFileModel,
  type StoredFileRecord,
} from '../models/stored-file.model.js';
import type { ByteRange, FileStorage } from '../storage/file-storage.js';
import { sha256Passthrough } from './hashing.js';

export interface StoreFileMeta {
  filename: string;
  contentType: string;
  purpose: string;
  uploader: StoredFileRecord['uploader'];
  derivedFrom: string | null;
  attachedTo: StoredFileRecord['attachedTo'];
}

/** What a finished upload adds to its record and its `documents.file.stored` event. */
export interface UploadMeta extends Omit<StoreFileMeta, 'derivedFrom' | 'attachedTo'> {
  /** The tus upload the bytes came from. */
  uploadId?: string;
  /** Photos: GPS and capture time from EXIF (see photo-capture.ts); null otherwise. */
  capture?: StoredFileCapture | null;
  /** Who uploaded, for the event's envelope; default: the uploader as a user. */
  actor?: Actor;
}

/**
 * Files attached to something (a correspondence thread, a case) and its readers at that time.
 * `uploaderIds`: only files these people uploaded are shared (nobody shares another person's
 * file); absent, any of `fileIds`.
 */
export interface SubjectShare {
  source: StoredFileGrant['source'];
  fileIds: readonly string[];
  organizationCodes: readonly string[];
  userIds: readonly string[];
  roles?: readonly string[];
  uploaderIds?: readonly string[];
}

/** A file the service makes itself under an id given by another service (e.g. a recap). */
export interface SystemFile {
  id: string;
  filename: string;
  contentType: string;
  purpose: string;
  bytes: Uint8Array;
  grant: StoredFileGrant;
}

/** Uploader of the files the service files for other services. */
export const SYSTEM_UPLOADER: StoredFileRecord['uploader'] = {
  id: 'system',
  name: 'SIPADU',
  organizationCode: null,
};

/** The bytes received are not the bytes the client hashed; nothing was kept. */
export class Sha256MismatchError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`SHA-256 tidak cocok: dikirim ${expected}, diterima ${actual}`);
    this.name = 'Sha256MismatchError';
  }
}

/** Finished files: their records and their bytes in FileStorage. */
export class FileService {
  readonly model: StoredFileModel;

  constructor(
    connection: Connection,
    private readonly storage: FileStorage,
    /** Finished uploads are published (`documents.file.stored`) through the outbox. */
    private readonly outbox: Outbox,
  ) {
    this.model = storedFileModel(connection);
  }

  async init(): Promise<void> {
    await this.model.createIndexes();
  }

  get(id: string): Promise<StoredFileRecord | null> {
    return this.model.findById(id).lean<StoredFileRecord>().exec();
  }

  /** The same lookup batched per request: a document's versions cost one query, not one each. */
  load(loaders: RequestLoaders, id: string): Promise<StoredFileRecord | null> {
    return loaders
      .get(
        'storedFile',
        (ids) =>
          this.model
            .find({ _id: { $in: ids } })
            .lean<StoredFileRecord[]>()
            .exec(),
        (file) => file._id,
      )
      .load(id);
  }

  /** The file a finished tus upload became, if it was stored. */
  findByUploadId(uploadId: string): Promise<StoredFileRecord | null> {
    return this.model.findOne({ uploadId }).lean<StoredFileRecord>().exec();
  }

  findBySha256(sha256: string): Promise<StoredFileRecord[]> {
    return this.model
      .find({ sha256: sha256.toLowerCase() })
      .sort({ createdAt: 1 })
      .lean<StoredFileRecord[]>()
      .exec();
  }

  /** The bytes (or an inclusive range of them); a missing file fails the stream with NOT_FOUND. */
  open(file: string | StoredFileRecord, range?: ByteRange): Readable {
    if (typeof file !== 'string') return this.storage.read(file.storageKey, range);
    const out = new PassThrough();
    this.get(file).then(
      (record) => {
        if (!record) return out.destroy(notFound('Berkas tidak ditemukan.'));
        pipeline(this.storage.read(record.storageKey, range), out).catch(() => undefined);
      },
      (error: Error) => out.destroy(error),
    );
    return out;
  }

  /**
   * Files bytes another service made under the id it chose (idempotent: an existing file is
   * kept as it is). Returns whether this call stored it.
   */
  async storeSystemFile(file: SystemFile): Promise<boolean> {
    if (await this.model.exists({ _id: file.id })) return false;
    try {
      await this.store(Readable.from([file.bytes]), {
        id: file.id,
        filename: file.filename,
        contentType: file.contentType,
        purpose: file.purpose,
        uploader: SYSTEM_UPLOADER,
        derivedFrom: null,
        attachedTo: null,
        uploadId: null,
        sharedWith: [file.grant],
      });
      return true;
    } catch (error) {
      // A concurrent delivery stored it first.
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Stores bytes produced by the service itself (stamped PDFs); size and SHA-256 while streaming. */
  storeDerived(source: Readable | Uint8Array, meta: StoreFileMeta): Promise<StoredFileRecord> {
    return this.store(source instanceof Uint8Array ? Readable.from([source]) : source, {
      ...meta,
      uploadId: null,
    });
  }

  /**
   * Stores a finished upload in one pass and keeps it only when its SHA-256 equals `expected`;
   * otherwise throws Sha256MismatchError with nothing left behind. The record carries its
   * `documents.file.stored` event (outbox), published once the record exists.
   */
  storeUpload(
    source: Readable,
    meta: UploadMeta,
    expectedSha256: string,
  ): Promise<StoredFileRecord> {
    return this.store(
      source,
      {
        ...meta,
        derivedFrom: null,
        attachedTo: null,
        uploadId: meta.uploadId ?? null,
        capture: meta.capture ?? null,
        publish: true,
      },
      expectedSha256,
    );
  }

  private async store(
    source: Readable,
    meta: StoreFileMeta & {
      uploadId: string | null;
      capture?: StoredFileCapture | null;
      actor?: Actor;
      publish?: boolean;
      /** An id chosen elsewhere; its bytes get a key of their own, so a duplicate's cleanup
       *  never removes the stored file's bytes. */
      id?: string;
      sharedWith?: StoredFileGrant[];
    },
    expectedSha256?: string,
  ): Promise<StoredFileRecord> {
    const id = meta.id ?? randomUUID();
    const storageKey = meta.id ? randomUUID() : id;
    const hashed = sha256Passthrough(source);
    const { size } = await this.storage.write(storageKey, hashed.stream, {
      filename: meta.filename,
      contentType: meta.contentType,
    });
    const sha256 = hashed.sha256();
    let record: StoredFileRecord;
    try {
      if (expectedSha256 !== undefined && expectedSha256.toLowerCase() !== sha256) {
        throw new Sha256MismatchError(expectedSha256.toLowerCase(), sha256);
      }
      const created = await this.model.create({
        _id: id,
        filename: meta.filename,
        contentType: meta.contentType,
        size,
        sha256,
        purpose: meta.purpose,
        uploader: meta.uploader,
        storageKey,
        thumbnailKey: null,
        derivedFrom: meta.derivedFrom,
        attachedTo: meta.attachedTo,
        uploadId: meta.uploadId,
        capture: meta.capture ?? null,
        ...(meta.sharedWith ? { sharedWith: meta.sharedWith } : {}),
        ...(meta.publish ? eventsForInsert([this.storedEvent(id, size, meta)]) : {}),
      });
      record = created.toObject<StoredFileRecord>();
    } catch (error) {
      await this.storage.remove(storageKey);
      throw error;
    }
    delete (record as { _pendingEvents?: unknown })._pendingEvents;
    // The record exists: a failed flush leaves the event on it for the relay's sweep.
    if (meta.publish) await this.outbox.flush(this.model, id).catch(() => 0);
    return record;
  }

  private storedEvent(
    id: string,
    size: number,
    meta: StoreFileMeta & { capture?: StoredFileCapture | null; actor?: Actor },
  ) {
    const { capture } = meta;
    return createEvent(
      'documents.file.stored',
      {
        fileId: id,
        purpose: meta.purpose,
        contentType: meta.contentType,
        size,
        uploadedById: meta.uploader.id,
        capture: capture
          ? {
              latitude: capture.latitude,
              longitude: capture.longitude,
              takenAt: capture.takenAt?.toISOString() ?? null,
            }
          : null,
      },
      {
        actor: meta.actor ?? {
          type: 'user',
          id: meta.uploader.id,
          org: meta.uploader.organizationCode,
        },
        subject: { type: 'file', id },
        org: meta.uploader.organizationCode,
      },
    );
  }

  /**
   * Removes a file that no document uses yet, record and bytes (undoing a store whose audit
   * entry could not be written). Attached files are never removed.
   */
  async discardUnattached(id: string): Promise<void> {
    const removed = await this.model
      .findOneAndDelete({ _id: id, attachedTo: null })
      .lean<StoredFileRecord>()
      .exec();
    if (!removed) return;
    await this.storage.remove(removed.storageKey);
    if (removed.thumbnailKey) await this.storage.remove(removed.thumbnailKey);
  }

  /**
   * Atomically marks an unattached file of this uploader as a document version. Throws
   * NOT_FOUND, FORBIDDEN (someone else's upload) or CONFLICT (already used elsewhere); attaching
   * again to the same version is accepted, so a retried request succeeds.
   */
  async attach(
    fileId: string,
    principal: Principal,
    target: { documentId: string; version: number },
  ): Promise<StoredFileRecord> {
    const attachedTo = { documentId: target.documentId, version: target.version };
    const updated = await this.model
      .findOneAndUpdate(
        { _id: fileId, attachedTo: null, 'uploader.id': principal.id },
        { $set: { attachedTo } },
        { returnDocument: 'after' },
      )
      .lean<StoredFileRecord>()
      .exec();
    if (updated) return updated;

    const current = await this.get(fileId);
    if (!current) throw notFound('Berkas tidak ditemukan. Unggah berkas terlebih dahulu.');
    if (current.uploader.id !== principal.id) {
      throw forbidden('Berkas ini diunggah oleh pengguna lain dan tidak dapat Anda lampirkan.');
    }
    if (
      current.attachedTo?.documentId === attachedTo.documentId &&
      current.attachedTo.version === attachedTo.version
    ) {
      return current;
    }
    throw conflict('Berkas ini sudah dipakai sebagai versi dokumen lain. Unggah ulang berkasnya.');
  }

  /**
   * Lets the readers of a thread or a case read the files attached to it. Shares only files not
   * yet filed as a document version (a version keeps its document's confidentiality) and, with
   * `uploaderIds`, only those people's own uploads; files shared from the same source before
   * gain the readers added since. Idempotent: an identical grant is stored once. Returns how
   * many files changed.
   */
  async shareWithSubject(share: SubjectShare): Promise<number> {
    const roles = [...new Set(share.roles ?? [])].sort();
    const grant: StoredFileGrant = {
      source: { type: share.source.type, id: share.source.id },
      organizationCodes: [...new Set(share.organizationCodes)].sort(),
      userIds: [...new Set(share.userIds)].sort(),
      ...(roles.length > 0 ? { roles } : {}),
    };
    const result = await this.model
      .updateMany(
        {
          $or: [
            {
              _id: { $in: [...share.fileIds] },
              attachedTo: null,
              ...(share.uploaderIds ? { 'uploader.id': { $in: [...share.uploaderIds] } } : {}),
            },
            // FerretDB v1 has no $elemMatch on sub-document fields: id and type may match in
            // different grants, which uuid source ids make harmless.
            {
              'sharedWith.source.id': share.source.id,
              'sharedWith.source.type': share.source.type,
            },
          ],
        },
        { $addToSet: { sharedWith: grant } },
      )
      .exec();
    return result.modifiedCount;
  }

  /**
   * Records the cached thumbnail once: the first writer wins, and the key that ends up in the
   * record is returned (a loser removes its own copy).
   */
  async setThumbnail(id: string, thumbnailKey: string): Promise<string> {
    const updated = await this.model
      .findOneAndUpdate(
        { _id: id, thumbnailKey: null },
        { $set: { thumbnailKey } },
        { returnDocument: 'after' },
      )
      .lean<StoredFileRecord>()
      .exec();
    if (updated) return thumbnailKey;
    await this.storage.remove(thumbnailKey);
    const current = await this.get(id);
    if (!current?.thumbnailKey) throw notFound('Berkas tidak ditemukan.');
    return current.thumbnailKey;
  }
}
