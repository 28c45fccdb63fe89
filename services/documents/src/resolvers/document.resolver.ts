import type {
  DocumentResolvers,
  DocumentVersionResolvers,
  SignatureResolvers,
  StoredFileResolvers,
  WithdrawalResolvers,
} from '../generated/graphql.js';
import type { DocumentVersionParent } from './mappers.js';

const IMAGE = /^image\/(jpeg|png|webp)$/;

export const documentResolvers: DocumentResolvers = {
  __resolveReference: (reference, { principal, services }) =>
    services.documents.get(principal, reference.id),
  id: (doc) => doc._id,
  versions: (doc) => doc.versions.map((v): DocumentVersionParent => ({ ...v, document: doc })),
  latestVersion: (doc) => ({ ...(doc.versions.at(-1) as DocumentVersionParent), document: doc }),
  createdAt: (doc) => doc.createdAt.toISOString(),
  viewerCanSign: (doc, _args, { principal, services }) => services.seals.canSign(principal, doc),
};

export const documentVersionResolvers: DocumentVersionResolvers = {
  file: async (version, _args, { services, loaders }) => {
    const file = await services.files.load(loaders, version.fileId);
    if (!file) throw new Error(`stored file ${version.fileId} of a document version is missing`);
    return file;
  },
  uploadedAt: (version) => version.uploadedAt.toISOString(),
  signatures: (version, _args, { services }) =>
    services.signatures.forVersion(version.document._id, version.number),
};

export const withdrawalResolvers: WithdrawalResolvers = {
  at: (withdrawal) => withdrawal.at.toISOString(),
};

export const storedFileResolvers: StoredFileResolvers = {
  __resolveReference: (reference, { principal, services, loaders }) =>
    services.documents.referencedFile(principal, loaders, reference.id),
  id: (file) => file._id,
  uploadedBy: (file) => file.uploader,
  uploadedAt: (file) => file.createdAt.toISOString(),
  downloadPath: (file) => `/files/${file._id}`,
  thumbnailPath: (file) => (IMAGE.test(file.contentType) ? `/files/${file._id}/thumbnail` : null),
  capture: ({ capture }) =>
    capture
      ? {
          latitude: capture.latitude,
          longitude: capture.longitude,
          takenAt: capture.takenAt?.toISOString() ?? null,
        }
      : null,
};

export const signatureResolvers: SignatureResolvers = {
  id: (signature) => signature._id,
  signedAt: (signature) => signature.signedAt.toISOString(),
  stampedFile: (signature, _args, { services, loaders }) =>
    signature.stampedFileId ? services.files.load(loaders, signature.stampedFileId) : null,
  verificationUrl: (signature, _args, { services }) =>
    services.signatures.verificationUrl(signature.code),
};
