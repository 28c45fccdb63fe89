import type { MutationResolvers } from '../generated/graphql.js';

export const Mutation: MutationResolvers = {
  markNotificationsRead: (_parent, { ids }, { principal, services }) =>
    services.notifications.markRead(principal, ids),
  markAllNotificationsRead: (_parent, _args, { principal, services }) =>
    services.notifications.markAllRead(principal),
  postMessage: (_parent, { input }, { principal, services }) =>
    services.threads.post(principal, input),
  markThreadRead: (_parent, { threadId }, { principal, services }) =>
    services.threads.markRead(principal, threadId),
  addThreadParticipants: (_parent, { input }, { principal, services }) =>
    services.threads.addParticipants(principal, input),
  updateNotificationPreferences: (_parent, { input }, { principal, services }) =>
    services.preferences.update(principal, input),
};
