import { conflict, notFound, parseInput, type Principal } from '@sipadu/service-kit';
import { z } from 'zod';
import { access } from '../access.js';
import type { DocumentRecord } from '../models/document.model.js';
import type { SignatureRecord } from '../models/signature.model.js';
import type { SignatureService } from '../signing/signature.service.js';
import type { FileService } from '../uploads/file.service.js';
import type { DocumentService } from './document.service.js';

/** Sealing one exact version of a document the caller's organization owns. */
export class SealService {
  constructor(
    private readonly documents: DocumentService,
    private readonly signatures: SignatureService,
    private readonly files: FileService,
  ) {}

  /** The same rule `sign` applies, for UIs deciding whether to offer the button. */
  canSign(principal: Principal | null, doc: DocumentRecord): boolean {
    return !doc.withdrawn && access.allows(principal, 'Mutation.signDocumentVersion', doc);
  }

  async sign(
    principal: Principal | null,
    documentId: string,
    version: number,
    reason: string | null | undefined,
  ): Promise<SignatureRecord> {
    const doc = await this.documents.require(principal, documentId);
    const signer = access.require(principal, 'Mutation.signDocumentVersion', doc);
    if (doc.withdrawn) throw conflict('Dokumen yang sudah ditarik tidak dapat disegel.');
    const entry = doc.versions.find((v) => v.number === version);
    if (!entry) throw notFound(`Versi ${version} tidak ada pada dokumen ini.`);
    const file = await this.files.get(entry.fileId);
    if (!file) throw notFound('Berkas versi ini tidak ditemukan.');
    return this.signatures.sign({
      documentId: doc._id,
      documentTitle: doc.title,
      version,
      file,
      signer,
      signerPosition: null,
      reason: parseInput(z.string().trim().max(500).nullish(), reason) ?? null,
      organizationCode: doc.organizationCode,
      subject: doc.subject,
    });
  }
}
