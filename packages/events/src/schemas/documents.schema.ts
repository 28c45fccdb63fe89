import { z } from 'zod';
import { workflowTransitionSchema } from './transition.schema.js';

/** Payloads of the events the documents service publishes (type → schema). */
const id = z.string().min(1);
const subject = z.object({ type: z.string().min(1), id });
const organizationCode = z.string().min(1);

/**
 * One transition of a document requirement; the same payload for every transition
 * (`documents.requirement.submitted`, `.forwarded`, `.approved`, `.revisionRequested`, `.waived`),
 * so consumers can subscribe to one or all of them.
 */
const requirementTransition = workflowTransitionSchema.extend({
  workflow: z.literal('document-requirement'),
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
    /** The sealed document's subject (e.g. the loan project whose agreement it is). */
    subject,
    organizationCode,
  }),
  /**
   * A finished upload. Photos carry what their EXIF metadata says about where and when they
   * were taken (null when absent), so progress reports can place them on the map.
   */
  'documents.file.stored': z.object({
    fileId: id,
    purpose: z.string().min(1),
    contentType: z.string().min(1),
    size: z.number().int().nonnegative(),
    uploadedById: id,
    capture: z
      .object({
        latitude: z.number().min(-90).max(90).nullable(),
        longitude: z.number().min(-180).max(180).nullable(),
        takenAt: z.iso.datetime({ offset: true }).nullable(),
      })
      .nullable(),
  }),
} as const;
