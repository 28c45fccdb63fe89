import { z } from 'zod';

/** Payloads of the events the documents service publishes (type → schema). */
const id = z.string().min(1);
const subject = z.object({ type: z.string().min(1), id });
const organizationCode = z.string().min(1);

const transitionActor = z.object({
  kind: z.enum(['user', 'client', 'system', 'public']),
  id,
  name: z.string().nullable(),
  organization: z.string().nullable(),
  roles: z.array(z.string().min(1)),
});

/**
 * One transition of a document requirement; the same payload for every transition
 * (`documents.requirement.submitted`, `.forwarded`, `.approved`, `.revisionRequested`, `.waived`),
 * so consumers can subscribe to one or all of them.
 */
const requirementTransition = z.object({
  workflow: z.literal('document-requirement'),
  subjectId: id,
  transition: z.string().min(1),
  from: z.string().min(1),
  to: z.string().min(1),
  actor: transitionActor,
  at: z.iso.datetime({ offset: true }),
  note: z.string().nullable(),
  requirement: z.object({
    title: z.string().min(1),
    subject,
    group: z.string().nullable(),
    uploaderOrganizationCode: organizationCode,
    reviewerOrganizationCodes: z.array(organizationCode),
    requesterOrganizationCode: organizationCode,
    /** Reviewer holding the requirement after the transition (null when none). */
    currentReviewerOrganizationCode: organizationCode.nullable(),
    documentId: id.nullable(),
    documentVersion: z.number().int().positive().nullable(),
    dueDate: z.string().nullable(),
  }),
});

export const documentsEventSchemas = {
  'documents.requirement.created': z.object({
    requirementId: id,
    title: z.string().min(1),
    subject,
    group: z.string().nullable(),
    uploaderOrganizationCode: organizationCode,
    reviewerOrganizationCodes: z.array(organizationCode).min(1),
    requesterOrganizationCode: organizationCode,
    dueDate: z.string().nullable(),
    templateId: id.nullable(),
  }),
  'documents.requirement.submitted': requirementTransition,
  'documents.requirement.forwarded': requirementTransition,
  'documents.requirement.approved': requirementTransition,
  'documents.requirement.revisionRequested': requirementTransition,
  'documents.requirement.waived': requirementTransition,
  'documents.document.created': z.object({
    documentId: id,
    title: z.string().min(1),
    subject,
    organizationCode,
    confidentiality: z.enum(['PUBLIK', 'TERBATAS', 'RAHASIA']),
  }),
  'documents.document.versionAdded': z.object({
    documentId: id,
    version: z.number().int().positive(),
    fileId: id,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    subject,
  }),
  'documents.document.withdrawn': z.object({
    documentId: id,
    reason: z.string().min(1),
    subject,
  }),
  'documents.document.confidentialityChanged': z.object({
    documentId: id,
    confidentiality: z.enum(['PUBLIK', 'TERBATAS', 'RAHASIA']),
    previous: z.enum(['PUBLIK', 'TERBATAS', 'RAHASIA']),
    readerIds: z.array(id),
  }),
  'documents.signature.created': z.object({
    signatureId: id,
    documentId: id,
    version: z.number().int().positive(),
    code: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
} as const;
