import type { DocumentRecord, DocumentVersionRecord } from '../models/document.model.js';

/** A version carries its document, so signatures and files resolve without another lookup. */
export interface DocumentVersionParent extends DocumentVersionRecord {
  document: DocumentRecord;
}

export type WithdrawalParent = NonNullable<DocumentRecord['withdrawn']>;

/** An entity of another service this subgraph extends, known only by its key. */
export interface SubjectReference {
  id: string;
}
