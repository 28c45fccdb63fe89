import type { QueryResolvers } from '../generated/graphql.js';
import { CATEGORIES, defaultChannels } from '../rules/categories.js';

export const Query: QueryResolvers = {
  notifications: (_parent, args, { principal, services }) =>
    services.notifications.list(principal, args),
  unreadNotificationCount: (_parent, _args, { principal, services }) =>
    services.notifications.unreadCount(principal),
  thread: (_parent, { subjectType, subjectId }, { principal, services }) =>
    services.threads.bySubject(principal, { type: subjectType, id: subjectId }),
  threadById: (_parent, { id }, { principal, services }) => services.threads.byId(principal, id),
  myThreads: (_parent, args, { principal, services }) => services.threads.mine(principal, args),
  notificationPreferences: (_parent, _args, { principal, services }) =>
    services.preferences.get(principal),
  notificationCategories: () =>
    CATEGORIES.map((info) => ({
      category: info.category,
      label: info.label,
      description: info.description,
      defaultChannels: defaultChannels(info),
    })),
};
