import { defineAccess, type Role } from '@sipadu/service-kit';

/** Roles that read every correspondence across agencies (DOMAIN.md §1, data scope). */
export const THREAD_OVERSEERS: readonly Role[] = ['super-admin', 'pimpinan', 'evaluator'];
/** Overseers who may also write into a thread they are not party to. */
export const THREAD_MODERATORS: readonly Role[] = ['super-admin'];

/**
 * Who may call what. Every operation concerns the signed-in person's own inbox, preferences or
 * the threads they take part in; the record-level checks live in the services.
 */
export const access = defineAccess({
  'Query.notifications': {},
  'Query.unreadNotificationCount': {},
  'Query.thread': {},
  'Query.threadById': {},
  'Query.myThreads': {},
  'Query.notificationPreferences': {},
  'Query.notificationCategories': {},
  'Mutation.markNotificationsRead': {},
  'Mutation.markAllNotificationsRead': {},
  'Mutation.postMessage': {},
  'Mutation.markThreadRead': {},
  'Mutation.addThreadParticipants': {},
  'Mutation.updateNotificationPreferences': {},
  'Stream.events': {},
});
