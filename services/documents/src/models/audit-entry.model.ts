import { Schema, type Connection, type Model } from 'mongoose';

export const AUDIT_ACTIONS = [
  'UPLOAD',
  'DOWNLOAD',
  'DOCUMENT_CREATE',
  'VERSION_ADD',
  'REVIEW',
  'SIGNATURE',
  'WITHDRAWAL',
  'CONFIDENTIALITY_CHANGE',
  /** A partner system's request the gateway let through (`gateway.partner.accessed`, ALLOWED). */
  'PARTNER_READ',
  /** A partner system's request refused or failed (FORBIDDEN, RATE_LIMITED, REFUSED, ERROR). */
  'PARTNER_REFUSED',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditActor {
  id: string;
  name: string | null;
  organizationCode: string | null;
}

export interface AuditInput {
  action: AuditAction;
  actor: AuditActor;
  targetType: string;
  targetId: string;
  /** Organization the target belongs to (admins of an OPD see their own); defaults to the actor's. */
  organizationCode?: string | null;
  detail?: string | null;
}

/** One link of the hash chain; never updated or deleted once written. */
export interface AuditRecord extends Required<AuditInput> {
  _id: string;
  sequence: number;
  at: Date;
  previousHash: string;
  hash: string;
}

const actorSchema = new Schema<AuditActor>(
  {
    id: { type: String, required: true },
    name: { type: String, default: null },
    organizationCode: { type: String, default: null },
  },
  { _id: false },
);

const auditEntrySchema = new Schema<AuditRecord>(
  {
    _id: { type: String, required: true },
    sequence: { type: Number, required: true },
    action: { type: String, enum: AUDIT_ACTIONS, required: true },
    actor: { type: actorSchema, required: true },
    targetType: { type: String, required: true },
    targetId: { type: String, required: true },
    organizationCode: { type: String, default: null },
    detail: { type: String, default: null },
    at: { type: Date, required: true },
    previousHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { collection: 'audit_entries', versionKey: false, strict: 'throw' },
);
// The unique sequence is what serialises appenders across replicas (no transactions in FerretDB).
auditEntrySchema.index({ sequence: 1 }, { unique: true });
auditEntrySchema.index({ action: 1, sequence: -1 });
auditEntrySchema.index({ targetType: 1, targetId: 1, sequence: -1 });
auditEntrySchema.index({ 'actor.id': 1, sequence: -1 });
auditEntrySchema.index({ organizationCode: 1, sequence: -1 });
auditEntrySchema.index({ at: 1 });

// Append-only through the application. Someone with direct database access can still rewrite
// entries; that is exactly what the hash chain makes visible (AuditLog.verify).
const refuse = () => {
  throw new Error('Jejak audit hanya dapat ditambah, tidak dapat diubah atau dihapus.');
};
auditEntrySchema.pre(
  [
    'updateOne',
    'updateMany',
    'replaceOne',
    'findOneAndUpdate',
    'findOneAndReplace',
    'findOneAndDelete',
    'deleteOne',
    'deleteMany',
  ],
  { document: true, query: true },
  refuse,
);
auditEntrySchema.pre('save', function () {
  if (!this.isNew) refuse();
});
auditEntrySchema.pre('bulkWrite', refuse);

export type AuditEntryModel = Model<AuditRecord>;

export function auditEntryModel(connection: Connection): AuditEntryModel {
  return connection.model<AuditRecord>('AuditEntry', auditEntrySchema);
}
