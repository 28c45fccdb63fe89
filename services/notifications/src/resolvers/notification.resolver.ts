import type {
  NotificationPreferencesResolvers,
  NotificationResolvers,
} from '../generated/graphql.js';

export const Notification: NotificationResolvers = {
  id: (row) => row._id,
  read: (row) => row.readAt !== null,
  readAt: (row) => row.readAt?.toISOString() ?? null,
  createdAt: (row) => row.createdAt.toISOString(),
};

export const NotificationPreferences: NotificationPreferencesResolvers = {
  categories: (view) => view.categories,
};
