import { randomUUID } from 'node:crypto';
import {
  createEvent,
  eventsForInsert,
  withEvents,
  type EventEnvelope,
  type Outbox,
} from '@sipadu/events';
import {
  actorOf,
  badInput,
  conflict,
  forbidden,
  notFound,
  parseInput,
  unauthenticated,
  type Principal,
  type RequestLoaders,
} from '@sipadu/service-kit';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { access, canReadDocument, isFileSharedWith } from '../access.js';
import { actorOf as auditActorOf, type AuditLog } from '../audit/audit-log.js';
import {
  CONFIDENTIALITIES,
  type ActorRecord,
  type Confidentiality,
  type DocumentModel,
  type DocumentRecord,
  type DocumentVersionRecord,
  type SubjectRecord,
} from '../models/document.model.js';
import { ANONYMOUS_UPLOADER, type StoredFileRecord } from '../models/stored-file.model.js';
import type { FileService } from '../uploads/file.service.js';
import { organizationCode, subjectSchema, text } from './input-schemas.js';

const noteSchema = z.string().trim().max(2_000).nullish();

const createSchema = z.object({
  title: text(300),
  subject: subjectSchema,
  fileId: z.uuid('Id berkas tidak valid.'),
  note: noteSchema,
  confidentiality: z.enum(CONFIDENTIALITIES).default('TERBATAS'),
  readerIds: z.array(text(128)).max(100).nullish(),
  organizationCode: organizationCode.nullish(),
  relatedOrganizationCodes: z.array(organizationCode).max(20).nullish(),
});

const REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);

/** An authorization refusal (as opposed to a failure of the service). */
function isRefusal(error: unknown): boolean {
  return error instanceof GraphQLError && REFUSALS.has(String(error.extensions.code));
}

export function actorRecord(principal: Principal): ActorRecord {
  return { id: principal.id, name: principal.name, organizationCode: principal.organizationCode };
}

export function versionFromFile(
  number: number,
  file: StoredFileRecord,
  note: string | null | undefined,
  principal: Principal,
  at: Date,
): DocumentVersionRecord {
  return {
    number,
    fileId: file._id,
    filename: file.filename,
    contentType: file.contentType,
    size: file.size,
    sha256: file.sha256,
    note: note?.trim() || null,
    uploadedBy: actorRecord(principal),
    uploadedAt: at,
  };
}

/** Rows of many subjects split per subject id, in their order; every id gets a (maybe empty) list. */
export function groupBySubject<T extends { subject: SubjectRecord }>(
  ids: readonly string[],
  rows: readonly T[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(row.subject.id)?.push(row);
  return groups;
}

/** Documents and their immutable versions (DOMAIN.md §4). */
export class DocumentService {
  constructor(
    private readonly documents: DocumentModel,
    private readonly files: FileService,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
  ) {}

  /** A document the caller may read; NOT_FOUND for unknown ids, FORBIDDEN otherwise. */
  async get(principal: Principal | null, id: string): Promise<DocumentRecord | null> {
    const doc = await this.documents.findById(id).lean<DocumentRecord>().exec();
    if (!doc) return null;
    if (!canReadDocument(principal, doc)) {
      throw principal ? forbidden('Anda tidak berhak membaca dokumen ini.') : unauthenticated();
    }
    return doc;
  }

  async require(principal: Principal | null, id: string): Promise<DocumentRecord> {
    const doc = await this.get(principal, id);
    if (!doc) throw notFound('Dokumen tidak ditemukan.');
    return doc;
  }

  /** Documents of a subject the caller may read (others are left out, not refused). */
  async forSubject(
    principal: Principal | null,
    subject: SubjectRecord,
    includeWithdrawn: boolean,
  ): Promise<DocumentRecord[]> {
    const parsed = parseInput(subjectSchema, subject);
    const filter: Record<string, unknown> = {
      'subject.type': parsed.type,
      'subject.id': parsed.id,
    };
    if (!includeWithdrawn) filter.withdrawn = null;
    const docs = await this.documents.find(filter).sort({ createdAt: 1 }).lean<DocumentRecord[]>();
    return docs.filter((doc) => canReadDocument(principal, doc));
  }

  /**
   * Documents (not withdrawn) of many subjects of one type in one query, each subject's in
   * creation order, only those the caller may read: a federated list of N loan projects costs
   * one query, not N.
   */
  async forSubjects(
    principal: Principal | null,
    type: string,
    ids: readonly string[],
  ): Promise<Map<string, DocumentRecord[]>> {
    const subjects = ids.map((id) => parseInput(subjectSchema, { type, id }));
    const docs = await this.documents
      .find({
        'subject.type': type,
        'subject.id': { $in: [...new Set(subjects.map((subject) => subject.id))] },
        withdrawn: null,
      })
      .sort({ createdAt: 1 })
      .lean<DocumentRecord[]>();
    return groupBySubject(
      ids,
      docs.filter((doc) => canReadDocument(principal, doc)),
    );
  }

  /**
   * Read rule of a stored file: the participants of a thread it was shared in, the readers of the
   * document holding it, or its uploader before it is filed.
   */
  async authorizeFileRead(principal: Principal | null, file: StoredFileRecord): Promise<void> {
    // Partner systems read statuses and document metadata, never the files themselves.
    if (principal?.kind === 'client') {
      throw forbidden('Sistem mitra tidak berhak mengunduh berkas.');
    }
    if (isFileSharedWith(principal, file)) return;
    if (file.attachedTo) {
      await this.require(principal, file.attachedTo.documentId);
      return;
    }
    if (!principal) throw unauthenticated();
    // Sent without an account: only the grant of the complaint it was filed with opens it.
    if (file.uploader.id === ANONYMOUS_UPLOADER.id) {
      throw forbidden('Bukti pengaduan hanya dapat dibaca petugas yang menangani pengaduannya.');
    }
    if (principal.id !== file.uploader.id) {
      throw forbidden(
        'Berkas ini belum dilampirkan ke dokumen dan hanya dapat dibaca pengunggahnya.',
      );
    }
  }

  /** Metadata of one file, for its uploader or the readers of its document. */
  async storedFile(principal: Principal | null, id: string): Promise<StoredFileRecord | null> {
    access.require(principal, 'Query.storedFile');
    const file = await this.files.get(id);
    if (!file) return null;
    await this.authorizeFileRead(principal, file);
    return file;
  }

  /**
   * A file another subgraph refers to (e.g. a message attachment): null, never an error, when it
   * does not exist or the caller may not read it.
   */
  async referencedFile(
    principal: Principal | null,
    loaders: RequestLoaders,
    id: string,
  ): Promise<StoredFileRecord | null> {
    const file = await this.files.load(loaders, id);
    if (!file) return null;
    try {
      await this.authorizeFileRead(principal, file);
      return file;
    } catch (error) {
      if (isRefusal(error)) return null;
      throw error;
    }
  }

  async create(principal: Principal | null, input: unknown): Promise<DocumentRecord> {
    const data = parseInput(createSchema, input);
    const owner = data.organizationCode ?? principal?.organizationCode ?? null;
    const caller = access.require(principal, 'Mutation.createDocument', {
      organizationCode: owner,
    });
    if (!owner) throw badInput('Pengguna tanpa organisasi tidak dapat membuat dokumen.');
    const id = randomUUID();
    const file = await this.files.attach(data.fileId, caller, { documentId: id, version: 1 });
    const now = new Date();
    const readerIds = data.confidentiality === 'RAHASIA' ? (data.readerIds ?? []) : [];
    const event = createEvent(
      'documents.document.created',
      {
        documentId: id,
        title: data.title,
        subject: data.subject,
        organizationCode: owner,
        confidentiality: data.confidentiality,
      },
      { actor: actorOf(caller), subject: { type: 'document', id }, org: owner },
    );
    const created = await this.documents.create({
      _id: id,
      title: data.title,
      subject: data.subject,
      organizationCode: owner,
      relatedOrganizationCodes: [...new Set(data.relatedOrganizationCodes ?? [])].filter(
        (code) => code !== owner,
      ),
      confidentiality: data.confidentiality,
      readerIds,
      versions: [versionFromFile(1, file, data.note, caller, now)],
      requirementId: null,
      withdrawn: null,
      createdBy: actorRecord(caller),
      ...eventsForInsert([event, this.versionEvent(id, 1, file, data.subject, caller, owner)]),
    });
    await this.outbox.flush(this.documents, id);
    await this.audit.append({
      action: 'DOCUMENT_CREATE',
      actor: auditActorOf(caller),
      targetType: 'document',
      targetId: id,
      organizationCode: owner,
      detail: `${data.title} (versi 1, ${file.filename}, ${data.confidentiality})`,
    });
    return created.toObject();
  }

  async addVersion(
    principal: Principal | null,
    documentId: string,
    fileId: string,
    note: string | null | undefined,
  ): Promise<DocumentRecord> {
    const doc = await this.require(principal, documentId);
    const caller = access.require(principal, 'Mutation.addDocumentVersion', doc);
    if (doc.requirementId) {
      throw conflict(
        'Dokumen ini menjawab persyaratan: ajukan versi baru melalui persyaratannya agar diverifikasi.',
      );
    }
    return this.appendVersion(caller, doc, fileId, note);
  }

  /**
   * Appends the next version. The file is claimed first (atomically, only once); the document is
   * then updated only if nobody else added a version meanwhile.
   */
  async appendVersion(
    caller: Principal,
    doc: DocumentRecord,
    fileId: string,
    note: string | null | undefined,
  ): Promise<DocumentRecord> {
    if (doc.withdrawn) throw conflict('Dokumen sudah ditarik; tidak dapat menambah versi.');
    parseInput(z.uuid('Id berkas tidak valid.'), fileId);
    const number = doc.versions.length + 1;
    const file = await this.files.attach(fileId, caller, { documentId: doc._id, version: number });
    const version = versionFromFile(number, file, parseInput(noteSchema, note), caller, new Date());
    const updated = await this.updateAtRevision(
      doc,
      [this.versionEvent(doc._id, number, file, doc.subject, caller, doc.organizationCode)],
      { $push: { versions: version } },
    );
    await this.audit.append({
      action: 'VERSION_ADD',
      actor: auditActorOf(caller),
      targetType: 'document',
      targetId: doc._id,
      organizationCode: doc.organizationCode,
      detail: `versi ${number}: ${file.filename} (sha256 ${file.sha256})`,
    });
    return updated;
  }

  /** First submission of a requirement: the document that will hold every later version. */
  async createForRequirement(
    caller: Principal,
    input: {
      id: string;
      requirementId: string;
      title: string;
      subject: SubjectRecord;
      organizationCode: string;
      relatedOrganizationCodes: string[];
      confidentiality: Confidentiality;
      fileId: string;
      note: string | null | undefined;
    },
  ): Promise<DocumentRecord> {
    const file = await this.files.attach(input.fileId, caller, {
      documentId: input.id,
      version: 1,
    });
    const event = createEvent(
      'documents.document.created',
      {
        documentId: input.id,
        title: input.title,
        subject: input.subject,
        organizationCode: input.organizationCode,
        confidentiality: input.confidentiality,
      },
      {
        actor: actorOf(caller),
        subject: { type: 'document', id: input.id },
        org: input.organizationCode,
      },
    );
    const created = await this.documents.create({
      _id: input.id,
      title: input.title,
      subject: input.subject,
      organizationCode: input.organizationCode,
      relatedOrganizationCodes: input.relatedOrganizationCodes,
      confidentiality: input.confidentiality,
      readerIds: [],
      versions: [versionFromFile(1, file, parseInput(noteSchema, input.note), caller, new Date())],
      requirementId: input.requirementId,
      withdrawn: null,
      createdBy: actorRecord(caller),
      ...eventsForInsert([
        event,
        this.versionEvent(input.id, 1, file, input.subject, caller, input.organizationCode),
      ]),
    });
    await this.outbox.flush(this.documents, input.id);
    await this.audit.append({
      action: 'DOCUMENT_CREATE',
      actor: auditActorOf(caller),
      targetType: 'document',
      targetId: input.id,
      organizationCode: input.organizationCode,
      detail: `${input.title} (versi 1, ${file.filename}, persyaratan ${input.requirementId})`,
    });
    return created.toObject();
  }

  async withdraw(principal: Principal | null, id: string, reason: string): Promise<DocumentRecord> {
    const doc = await this.require(principal, id);
    const caller = access.require(principal, 'Mutation.withdrawDocument', doc);
    const why = parseInput(text(1_000), reason);
    if (doc.withdrawn) throw conflict('Dokumen sudah ditarik sebelumnya.');
    if (doc.requirementId) {
      throw conflict(
        'Dokumen persyaratan tidak dapat ditarik; minta perbaikan atau kecualikan persyaratannya.',
      );
    }
    const event = createEvent(
      'documents.document.withdrawn',
      { documentId: id, reason: why, subject: doc.subject },
      { actor: actorOf(caller), subject: { type: 'document', id }, org: doc.organizationCode },
    );
    const updated = await this.updateAtRevision(doc, [event], {
      $set: { withdrawn: { at: new Date(), by: actorRecord(caller), reason: why } },
    });
    await this.audit.append({
      action: 'WITHDRAWAL',
      actor: auditActorOf(caller),
      targetType: 'document',
      targetId: id,
      organizationCode: doc.organizationCode,
      detail: why,
    });
    return updated;
  }

  async setConfidentiality(
    principal: Principal | null,
    id: string,
    confidentiality: Confidentiality,
    readerIds: readonly string[] | null | undefined,
  ): Promise<DocumentRecord> {
    const doc = await this.require(principal, id);
    const caller = access.require(principal, 'Mutation.setDocumentConfidentiality', doc);
    const level = parseInput(z.enum(CONFIDENTIALITIES), confidentiality);
    const readers =
      level === 'RAHASIA'
        ? parseInput(z.array(text(128)).max(100), readerIds ?? doc.readerIds)
        : [];
    const event = createEvent(
      'documents.document.confidentialityChanged',
      { documentId: id, confidentiality: level, previous: doc.confidentiality, readerIds: readers },
      { actor: actorOf(caller), subject: { type: 'document', id }, org: doc.organizationCode },
    );
    const updated = await this.updateAtRevision(doc, [event], {
      $set: { confidentiality: level, readerIds: [...new Set(readers)] },
    });
    await this.audit.append({
      action: 'CONFIDENTIALITY_CHANGE',
      actor: auditActorOf(caller),
      targetType: 'document',
      targetId: id,
      organizationCode: doc.organizationCode,
      detail: `${doc.confidentiality} → ${level}${readers.length ? ` (pembaca: ${readers.join(', ')})` : ''}`,
    });
    return updated;
  }

  /** Withdrawal state for the public verification page. */
  async status(id: string): Promise<{ withdrawn: boolean } | null> {
    const doc = await this.documents
      .findById(id, { withdrawn: 1 })
      .lean<Pick<DocumentRecord, 'withdrawn'>>();
    return doc ? { withdrawn: doc.withdrawn !== null } : null;
  }

  /**
   * Applies one change with its events in a single write, only if nobody changed the document
   * since it was read (optimistic concurrency), then hands the events to the outbox.
   */
  private async updateAtRevision(
    doc: DocumentRecord,
    events: EventEnvelope[],
    update: { $set?: Record<string, unknown>; $push?: Record<string, unknown> },
  ): Promise<DocumentRecord> {
    const updated = await this.documents
      .findOneAndUpdate(
        { _id: doc._id, revision: doc.revision },
        withEvents(events, { ...update, $inc: { revision: 1 } }),
        { returnDocument: 'after' },
      )
      .lean<DocumentRecord>()
      .exec();
    if (!updated) {
      throw conflict('Dokumen baru saja diubah oleh pengguna lain. Muat ulang lalu coba lagi.');
    }
    await this.outbox.flush(this.documents, doc._id);
    return updated;
  }

  private versionEvent(
    documentId: string,
    version: number,
    file: StoredFileRecord,
    subject: SubjectRecord,
    caller: Principal,
    org: string,
  ) {
    return createEvent(
      'documents.document.versionAdded',
      { documentId, version, fileId: file._id, sha256: file.sha256, subject },
      { actor: actorOf(caller), subject: { type: 'document', id: documentId }, org },
    );
  }
}
