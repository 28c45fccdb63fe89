import { z } from 'zod';

/** Payloads of the events the notifications service publishes (type → schema). */
const id = z.string().min(1);
const subject = z.object({ type: z.string().min(1), id });

export const notificationsEventSchemas = {
  /**
   * A message in a correspondence thread. Carries the participants at posting time so consumers
   * (the documents service sharing attachments, the notification rules) need no lookup.
   */
  'notifications.message.posted': z.object({
    threadId: id,
    messageId: id,
    subject,
    threadTitle: z.string().min(1),
    author: z.object({
      id,
      name: z.string().nullable(),
      organizationCode: z.string().min(1).nullable(),
    }),
    /** The text, cut to 280 characters for previews. */
    preview: z.string(),
    attachmentFileIds: z.array(id).max(10),
    participantOrganizationCodes: z.array(z.string().min(1)),
    participantUserIds: z.array(id),
  }),
} as const;
