import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { createEvent, eventsForInsert, type Outbox } from '@sipadu/events';
import { actorOf as eventActorOf, badInput, conflict, type Principal } from '@sipadu/service-kit';
import type { Connection } from 'mongoose';
import { actorOf, type AuditLog } from '../audit/audit-log.js';
import type { SubjectRecord } from '../models/document.model.js';
import {
  signatureModel,
  type SignatureModel,
  type SignatureRecord,
} from '../models/signature.model.js';
import type { StoredFileRecord } from '../models/stored-file.model.js';
import type { FileService } from '../uploads/file.service.js';
import { SigningProviderError } from './bsre.provider.js';
import { stampPdf } from './pdf-stamp.js';
import type { SignatureProvider } from './signature-provider.js';

export { mountSigningRoutes } from './signing-routes.js';

/** GraphQL `SignatureVerification`. */
export interface VerificationResult {
  valid: boolean;
  message: string;
  documentTitle: string | null;
  version: number | null;
  signerName: string | null;
  signerOrganizationCode: string | null;
  signedAt: string | null;
  sha256: string | null;
  algorithm: string | null;
  code: string | null;
  withdrawn: boolean;
}

export interface SignatureServiceDeps {
  connection: Connection;
  files: FileService;
  provider: SignatureProvider;
  publicWebUrl: string;
  audit: AuditLog;
  documentStatus: (documentId: string) => Promise<{ withdrawn: boolean } | null>;
  /** Each seal is published (`documents.signature.created`) through the outbox. */
  outbox: Outbox;
}

export interface SignInput {
  documentId: string;
  documentTitle: string;
  version: number;
  file: StoredFileRecord;
  signer: Principal;
  signerPosition?: string | null;
  reason?: string | null;
  /** The document's owning organization: the stamped copy is filed under it. */
  organizationCode: string;
  /** The document's subject (e.g. the loan project whose agreement it is), for the event. */
  subject: SubjectRecord;
}

export const MESSAGES = {
  valid: 'Dokumen asli dan utuh: cocok dengan versi yang ditandatangani secara elektronik.',
  validStamped:
    'Salinan bercap asli dan utuh: cocok dengan dokumen yang ditandatangani secara elektronik.',
  withdrawn: 'Tanda tangan asli, tetapi dokumen ini sudah ditarik oleh pemiliknya.',
  unknownCode: 'Kode verifikasi tidak dikenal. Periksa kembali 12 karakter kodenya.',
  noMatch: 'Tidak valid: berkas ini tidak cocok dengan dokumen bersegel mana pun.',
  tampered: 'Tidak valid: catatan tanda tangan ini telah diubah dan tidak cocok dengan segelnya.',
} as const;

/** pdf-lib works on whole documents in memory; larger PDFs are refused rather than stamped. */
const MAX_STAMP_BYTES = 100 * 1024 * 1024;
/** Crockford base32: no I, L, O, U, so codes survive being read aloud and retyped. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12;

/** 12 Crockford characters (60 random bits) as `XXXX-XXXX-XXXX`. */
export function generateVerificationCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  const chars = Array.from(bytes, (byte) => CROCKFORD[byte & 31]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** Accepts any case, spaces and dashes, and the look-alikes O→0, I/L→1; null if not a code. */
export function normalizeVerificationCode(input: string): string | null {
  const chars = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (chars.length !== CODE_LENGTH || [...chars].some((c) => !CROCKFORD.includes(c))) return null;
  return chars.match(/.{4}/g)!.join('-');
}

type PayloadFields = Omit<
  SignatureRecord,
  '_id' | 'algorithm' | 'keyId' | 'provider' | 'signature' | 'payload'
>;

/**
 * The exact bytes the provider signs. Fixed key order, and every field a reader is shown, so a
 * record edited in the database no longer matches its signed payload.
 */
export function canonicalPayload(fields: PayloadFields): string {
  return JSON.stringify({
    v: 1,
    code: fields.code,
    documentId: fields.documentId,
    documentTitle: fields.documentTitle,
    version: fields.version,
    fileId: fields.fileId,
    sha256: fields.sha256,
    stampedFileId: fields.stampedFileId,
    stampedSha256: fields.stampedSha256,
    signerId: fields.signer.id,
    signerName: fields.signer.name,
    signerOrganizationCode: fields.signer.organizationCode,
    signerPosition: fields.signerPosition,
    reason: fields.reason,
    signedAt: fields.signedAt.toISOString(),
  });
}

const EMPTY_RESULT: Omit<VerificationResult, 'valid' | 'message'> = {
  documentTitle: null,
  version: null,
  signerName: null,
  signerOrganizationCode: null,
  signedAt: null,
  sha256: null,
  algorithm: null,
  code: null,
  withdrawn: false,
};

/** Seals exact document versions and answers the public "is this genuine?" question. */
export class SignatureService {
  /** Public for the outbox relay's sweep of events left on a record. */
  readonly model: SignatureModel;

  constructor(private readonly deps: SignatureServiceDeps) {
    this.model = signatureModel(deps.connection);
  }

  async init(): Promise<void> {
    await this.model.init();
    // The unique code and one-seal-per-signer indexes are load-bearing, autoIndex or not.
    await this.model.createIndexes();
  }

  verificationUrl(code: string): string {
    return `${this.deps.publicWebUrl.replace(/\/+$/, '')}/verifikasi/${code}`;
  }

  async sign(input: SignInput): Promise<SignatureRecord> {
    const { file, signer: principal } = input;
    const signer = {
      id: principal.id,
      name: principal.name ?? principal.username,
      organizationCode: principal.organizationCode,
    };
    if (
      await this.model.exists({
        documentId: input.documentId,
        version: input.version,
        'signer.id': signer.id,
      })
    ) {
      throw conflict(`Anda sudah menandatangani versi ${input.version} dokumen ini.`);
    }
    const code = await this.unusedCode();
    const signedAt = new Date();
    const signerPosition = input.signerPosition ?? null;
    const reason = input.reason ?? null;

    let stamped: StoredFileRecord | null = null;
    if (file.contentType === 'application/pdf') {
      const original = await this.readPdf(file);
      const bytes = await stampPdf(original, {
        code,
        verificationUrl: this.verificationUrl(code),
        signerName: signer.name,
        signerPosition,
        organization: signer.organizationCode ?? input.organizationCode,
        signedAt,
        sha256: file.sha256,
      });
      stamped = await this.deps.files.storeDerived(bytes, {
        filename: stampedFilename(file.filename),
        contentType: 'application/pdf',
        purpose: 'stamped',
        derivedFrom: file._id,
        uploader: { id: signer.id, name: signer.name, organizationCode: input.organizationCode },
        attachedTo: { documentId: input.documentId, version: input.version },
      });
    }

    const fields: PayloadFields = {
      code,
      documentId: input.documentId,
      documentTitle: input.documentTitle,
      version: input.version,
      fileId: file._id,
      sha256: file.sha256,
      stampedFileId: stamped?._id ?? null,
      stampedSha256: stamped?.sha256 ?? null,
      signer,
      signerPosition,
      reason,
      signedAt,
    };
    const payload = canonicalPayload(fields);
    const produced = await this.deps.provider.sign(new TextEncoder().encode(payload));
    const id = randomUUID();
    const event = createEvent(
      'documents.signature.created',
      {
        signatureId: id,
        documentId: input.documentId,
        version: input.version,
        code,
        sha256: file.sha256,
        subject: { type: input.subject.type, id: input.subject.id },
        organizationCode: input.organizationCode,
      },
      {
        actor: eventActorOf(principal),
        subject: { type: 'document', id: input.documentId },
        org: input.organizationCode,
      },
    );
    let record: SignatureRecord;
    try {
      const created = await this.model.create({
        _id: id,
        ...fields,
        algorithm: produced.algorithm,
        keyId: produced.keyId,
        provider: this.deps.provider.name,
        signature: produced.signature,
        payload,
        ...eventsForInsert([event]),
      });
      record = created.toObject<SignatureRecord>();
      delete (record as { _pendingEvents?: unknown })._pendingEvents;
    } catch (error) {
      // The same signer sealing the same version twice at once: the unique index decides.
      if ((error as { code?: number }).code === 11000) {
        throw conflict(`Anda sudah menandatangani versi ${input.version} dokumen ini.`);
      }
      throw error;
    }
    // The seal exists: a failed flush leaves the event on it for the relay's sweep.
    await this.deps.outbox.flush(this.model, id).catch(() => 0);
    await this.deps.audit.append({
      action: 'SIGNATURE',
      actor: actorOf(principal),
      targetType: 'document',
      targetId: input.documentId,
      organizationCode: input.organizationCode,
      detail: `Versi ${input.version} disegel (${record.algorithm}, kode ${code}, SHA-256 ${file.sha256})`,
    });
    return record;
  }

  forVersion(documentId: string, version: number): Promise<SignatureRecord[]> {
    return this.model
      .find({ documentId, version })
      .sort({ signedAt: 1 })
      .lean<SignatureRecord[]>()
      .exec();
  }

  async verifyCode(input: string): Promise<VerificationResult> {
    const code = normalizeVerificationCode(input);
    const record = code ? await this.model.findOne({ code }).lean<SignatureRecord>().exec() : null;
    if (!record) return { ...EMPTY_RESULT, valid: false, message: MESSAGES.unknownCode, code };
    const problem = await this.check(record);
    if (problem) return { ...EMPTY_RESULT, valid: false, message: problem, code: record.code };
    return this.validResult(record, record.sha256, MESSAGES.valid);
  }

  async verifyHash(input: string): Promise<VerificationResult> {
    const sha256 = input.trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(sha256)) {
      throw badInput('SHA-256 harus berupa 64 karakter heksadesimal.');
    }
    const records = await this.model
      .find({ $or: [{ sha256 }, { stampedSha256: sha256 }] })
      .sort({ signedAt: -1 })
      .lean<SignatureRecord[]>()
      .exec();
    const genuine: SignatureRecord[] = [];
    let problem: string | null = null;
    for (const record of records) {
      const found = await this.check(record);
      if (found) problem ??= found;
      else genuine.push(record);
    }
    const [latest] = genuine;
    if (!latest) {
      return { ...EMPTY_RESULT, valid: false, message: problem ?? MESSAGES.noMatch, sha256 };
    }
    const stamped = latest.sha256 !== sha256;
    const others =
      genuine.length > 1
        ? ` Berkas ini memiliki ${genuine.length} tanda tangan; yang terbaru ditampilkan.`
        : '';
    return this.validResult(
      latest,
      sha256,
      (stamped ? MESSAGES.validStamped : MESSAGES.valid) + others,
    );
  }

  /** Null when the record is genuine; otherwise the reason, for a reader. */
  private async check(record: SignatureRecord): Promise<string | null> {
    if (canonicalPayload(record) !== record.payload) return MESSAGES.tampered;
    if (record.provider !== this.deps.provider.name) {
      return `Tanda tangan ini dibuat oleh penyelenggara "${record.provider}" yang tidak aktif di layanan ini, sehingga tidak dapat diperiksa.`;
    }
    try {
      const ok = await this.deps.provider.verify(
        new TextEncoder().encode(record.payload),
        record.signature,
        record.keyId,
      );
      return ok ? null : MESSAGES.tampered;
    } catch (error) {
      if (error instanceof SigningProviderError) {
        return `Tanda tangan belum dapat diperiksa saat ini: ${error.message}`;
      }
      throw error;
    }
  }

  private async validResult(
    record: SignatureRecord,
    sha256: string,
    message: string,
  ): Promise<VerificationResult> {
    const status = await this.deps.documentStatus(record.documentId);
    const withdrawn = status?.withdrawn ?? false;
    return {
      valid: true,
      message: withdrawn ? MESSAGES.withdrawn : message,
      documentTitle: record.documentTitle,
      version: record.version,
      signerName: record.signer.name,
      signerOrganizationCode: record.signer.organizationCode,
      signedAt: record.signedAt.toISOString(),
      sha256,
      algorithm: record.algorithm,
      code: record.code,
      withdrawn,
    };
  }

  private async unusedCode(): Promise<string> {
    // 60 random bits: a repeat is astronomically unlikely, but the unique index must never fire
    // after the stamped copy exists.
    for (;;) {
      const code = generateVerificationCode();
      if (!(await this.model.exists({ code }))) return code;
    }
  }

  /** The version's bytes, checked against the SHA-256 being signed. */
  private async readPdf(file: StoredFileRecord): Promise<Uint8Array> {
    if (file.size > MAX_STAMP_BYTES) {
      throw badInput(
        `PDF lebih besar dari ${MAX_STAMP_BYTES / 1024 / 1024} MB tidak dapat dicap; kecilkan berkasnya lalu unggah sebagai versi baru.`,
      );
    }
    const bytes = await readAll(this.deps.files.open(file), MAX_STAMP_BYTES);
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== file.sha256) {
      throw new Error(
        `Isi berkas ${file._id} tidak cocok dengan SHA-256 tercatat (${actual} ≠ ${file.sha256}); penyegelan dibatalkan.`,
      );
    }
    return bytes;
  }
}

function stampedFilename(filename: string): string {
  const base = filename.replace(/\.pdf$/i, '');
  return `${base}-bersegel.pdf`;
}

async function readAll(stream: Readable, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    total += buffer.length;
    if (total > limit) {
      stream.destroy();
      throw badInput('PDF terlalu besar untuk dicap.');
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
