import { randomUUID } from 'node:crypto';
import { pendingEventsPlugin } from '@sipadu/events';
import { Schema, type Connection, type Model } from 'mongoose';

export interface SignatureSigner {
  id: string;
  name: string;
  organizationCode: string | null;
}

/**
 * One seal on one exact document version. `payload` is the canonical JSON the provider signed;
 * every field it covers is repeated here for queries and must agree with it on verification.
 */
export interface SignatureRecord {
  _id: string;
  /** Verification code printed with the QR code, `XXXX-XXXX-XXXX` (Crockford base32). */
  code: string;
  documentId: string;
  documentTitle: string;
  version: number;
  fileId: string;
  /** SHA-256 (lowercase hex) of the signed version's bytes. */
  sha256: string;
  stampedFileId: string | null;
  stampedSha256: string | null;
  signer: SignatureSigner;
  signerPosition: string | null;
  reason: string | null;
  signedAt: Date;
  algorithm: string;
  keyId: string;
  provider: string;
  /** base64url */
  signature: string;
  payload: string;
}

const signatureSchema = new Schema<SignatureRecord>(
  {
    _id: { type: String, default: () => randomUUID() },
    code: { type: String, required: true, unique: true },
    documentId: { type: String, required: true },
    documentTitle: { type: String, required: true },
    version: { type: Number, required: true },
    fileId: { type: String, required: true },
    sha256: { type: String, required: true },
    stampedFileId: { type: String, default: null },
    stampedSha256: { type: String, default: null },
    signer: {
      type: new Schema<SignatureSigner>(
        {
          id: { type: String, required: true },
          name: { type: String, required: true },
          organizationCode: { type: String, default: null },
        },
        { _id: false },
      ),
      required: true,
    },
    signerPosition: { type: String, default: null },
    reason: { type: String, default: null },
    signedAt: { type: Date, required: true },
    algorithm: { type: String, required: true },
    keyId: { type: String, required: true },
    provider: { type: String, required: true },
    signature: { type: String, required: true },
    payload: { type: String, required: true },
  },
  { collection: 'signatures', versionKey: false },
);
// `documents.signature.created` rides on the insert (outbox, see SignatureService).
signatureSchema.plugin(pendingEventsPlugin);
// A signer seals a given version once.
signatureSchema.index({ documentId: 1, version: 1, 'signer.id': 1 }, { unique: true });
signatureSchema.index({ sha256: 1 });
signatureSchema.index({ stampedSha256: 1 });

export type SignatureModel = Model<SignatureRecord>;

export function signatureModel(connection: Connection): SignatureModel {
  return (
    (connection.models.Signature as SignatureModel | undefined) ??
    connection.model<SignatureRecord>('Signature', signatureSchema)
  );
}
