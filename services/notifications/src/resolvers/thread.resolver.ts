import type {
  DocumentRequirementResolvers,
  DocumentResolvers,
  LoanProjectResolvers,
  MessageAttachmentResolvers,
  MessageResolvers,
  ThreadResolvers,
} from '../generated/graphql.js';

export const Thread: ThreadResolvers = {
  __resolveReference: async ({ id }, { principal, services }) => {
    if (!principal) return null;
    const thread = await services.threads.load(id);
    return thread && services.threads.canRead(principal, thread) ? thread : null;
  },
  lastMessageAt: (thread) => thread.lastMessageAt?.toISOString() ?? null,
  messages: (thread, args, { services }) => services.threads.messages(thread, args),
  unreadCount: (thread, _args, { principal, services }) =>
    services.threads.unreadCount(principal, thread),
  viewerIsParticipant: (thread, _args, { principal, services }) =>
    principal ? services.threads.isParticipant(principal, thread) : false,
  viewerCanPost: (thread, _args, { principal, services }) =>
    principal ? services.threads.canPost(principal, thread) : false,
};

export const Message: MessageResolvers = {
  id: (message) => message._id,
  createdAt: (message) => message.createdAt.toISOString(),
  attachments: (message) => message.attachmentFileIds.map((fileId) => ({ fileId })),
  mine: (message, _args, { principal }) => message.author.id === principal?.id,
};

export const MessageAttachment: MessageAttachmentResolvers = {
  file: ({ fileId }) => ({ __typename: 'StoredFile', id: fileId }),
};

/** Correspondence of one document requirement, on the documents service's entity. */
export const DocumentRequirement: DocumentRequirementResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  thread: ({ id }, _args, { principal, services }) =>
    services.threads.forReference(principal, { type: 'DocumentRequirement', id }),
};

export const Document: DocumentResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  thread: ({ id }, _args, { principal, services }) =>
    services.threads.forReference(principal, { type: 'Document', id }),
};

/** Correspondence of one loan project, on the projects service's entity. */
export const LoanProject: LoanProjectResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  thread: ({ id }, _args, { principal, services }) =>
    services.threads.forReference(principal, { type: 'LoanProject', id }),
};
