import { defineRule } from './rule.js';
import { quote, threadLink } from './text.js';

/** Correspondence: every participant but the author hears of a new message. */
export const notificationsRules = [
  defineRule({
    id: 'message-posted',
    on: 'notifications.message.posted',
    recipients: (event) => [
      ...event.data.participantOrganizationCodes.map((code) => ({
        kind: 'organization' as const,
        code,
      })),
      ...event.data.participantUserIds.map((id) => ({ kind: 'user' as const, id })),
    ],
    content: (event) => {
      const author = event.data.author;
      const who = [author.name, author.organizationCode && `(${author.organizationCode})`]
        .filter(Boolean)
        .join(' ');
      return {
        category: 'KORESPONDENSI',
        title: `Pesan baru: ${quote(event.data.threadTitle, 80)}`,
        body: `${who || 'Peserta'}: ${quote(event.data.preview) || '(lampiran)'}`,
        link: threadLink(event.data.threadId),
        subject: event.data.subject,
        threadId: event.data.threadId,
      };
    },
  }),
];
