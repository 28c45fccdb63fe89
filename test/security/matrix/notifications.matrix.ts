// Notifications (DOMAIN.md §3 correspondence): a person's inbox and preferences are their own; a
// thread is read by its participant organizations and the overseers (super-admin, pimpinan,
// evaluator) and written by its participants and super-admin. The threads here are those of one
// internal document per organization, whose only participant is the owning organization.
import { eventually } from '@sipadu/test-kit';
import type { Role } from '@sipadu/service-kit';
import { callAs, dataAs, documentIn, MATRIX_ORGANIZATIONS, RUN } from './matrix-support.js';
import type { CellContext, ServiceMatrix } from './matrix.types.js';

/** access.ts THREAD_OVERSEERS and THREAD_MODERATORS. */
const OVERSEERS: readonly Role[] = ['super-admin', 'pimpinan', 'evaluator'];
const MODERATORS: readonly Role[] = ['super-admin'];

const threads = new Map<string, { id: string; documentId: string }>();
/** A notification of `pelaksana-rsud`, who is none of the callers: nobody else may mark it read. */
let strangersNotification = '';

const threadOf = (cell: CellContext) => {
  const thread = threads.get(cell.organization);
  if (!thread) throw new Error(`tidak ada korespondensi uji untuk ${cell.organization}`);
  return thread;
};

const POST = `mutation ($input: PostMessageInput!) { postMessage(input: $input) { id } }`;

export const notificationsMatrix: ServiceMatrix = {
  service: 'notifications',
  async prepare() {
    for (const organization of MATRIX_ORGANIZATIONS) {
      const doc = await documentIn(organization, {
        type: 'UjiMatriks',
        id: `${RUN}-k-${organization}`,
      });
      threads.set(organization, { id: `Document:${doc.id}`, documentId: doc.id });
    }
    // The documents' threads are known once the notifications service has taken their events.
    for (const { id } of threads.values()) {
      await eventually(`korespondensi ${id} dikenal`, async () => {
        const response = await callAs<{ threadById: { id: string } | null }>(
          'super-admin',
          `query ($id: ID!) { threadById(id: $id) { id } }`,
          { id },
        );
        return response.data?.threadById;
      });
    }
    const rsud = threads.get('RSUD')?.id;
    await dataAs('super-admin', POST, { input: { threadId: rsud, text: 'Pesan uji matriks.' } });
    strangersNotification = await eventually('notifikasi pelaksana RSUD', async () => {
      const data = await dataAs<{ notifications: { edges: { node: { id: string } }[] } }>(
        'pelaksana-rsud',
        `{ notifications(first: 1) { edges { node { id } } } }`,
      );
      return data.notifications.edges[0]?.node.id;
    });
  },
  entries: [
    {
      operation: 'Query.notifications',
      document: `{ notifications(first: 5) { totalCount } }`,
      allow: 'signed-in',
      variables: () => ({}),
    },
    {
      operation: 'Query.unreadNotificationCount',
      document: `{ unreadNotificationCount }`,
      allow: 'signed-in',
      variables: () => ({}),
    },
    {
      operation: 'Query.thread',
      document: `query ($subjectId: ID!) { thread(subjectType: "Document", subjectId: $subjectId) { id } }`,
      allow: 'signed-in',
      organization: { across: OVERSEERS },
      variables: (cell) => ({ subjectId: threadOf(cell).documentId }),
    },
    {
      operation: 'Query.threadById',
      document: `query ($id: ID!) { threadById(id: $id) { id } }`,
      allow: 'signed-in',
      organization: { across: OVERSEERS },
      variables: (cell) => ({ id: threadOf(cell).id }),
    },
    {
      operation: 'Query.notificationPreferences',
      document: `{ notificationPreferences { dailyDigest } }`,
      allow: 'signed-in',
      variables: () => ({}),
    },
    {
      operation: 'Query.notificationCategories',
      document: `{ notificationCategories { category } }`,
      allow: 'signed-in',
      variables: () => ({}),
    },
    {
      operation: 'Mutation.markNotificationsRead',
      document: `mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) { updated } }`,
      allow: 'signed-in',
      objectLevel: 'notifikasi milik pengguna; id milik orang lain tidak diubah',
      variables: () => ({ ids: [strangersNotification] }),
      // Someone else's notification must stay unread: any update is a write on another's record.
      visible: (data) =>
        (data.markNotificationsRead as { updated: number }).updated > 0 ? ['RSUD'] : [],
      visibleAcross: [],
    },
    {
      operation: 'Mutation.markAllNotificationsRead',
      document: `mutation { markAllNotificationsRead { updated } }`,
      allow: 'signed-in',
      variables: () => ({}),
    },
    {
      operation: 'Mutation.postMessage',
      document: POST,
      allow: 'signed-in',
      organization: { across: MODERATORS },
      variables: (cell) => ({ input: { threadId: threadOf(cell).id, text: 'Pesan uji matriks.' } }),
    },
    {
      operation: 'Mutation.markThreadRead',
      document: `mutation ($threadId: ID!) { markThreadRead(threadId: $threadId) { id } }`,
      allow: 'signed-in',
      organization: { across: OVERSEERS },
      variables: (cell) => ({ threadId: threadOf(cell).id }),
    },
    {
      operation: 'Mutation.addThreadParticipants',
      // PDAM is none of the callers' organizations: adding it changes no later cell.
      document: `mutation ($threadId: ID!) {
        addThreadParticipants(input: { threadId: $threadId, organizationCodes: ["PDAM"] }) { id } }`,
      allow: 'signed-in',
      organization: { across: MODERATORS },
      variables: (cell) => ({ threadId: threadOf(cell).id }),
    },
    {
      operation: 'Mutation.updateNotificationPreferences',
      document: `mutation { updateNotificationPreferences(input: { dailyDigest: false }) { dailyDigest } }`,
      allow: 'signed-in',
      variables: () => ({}),
    },
    {
      // Last: the threads have messages by now (the list shows only those).
      operation: 'Query.myThreads',
      document: `{ myThreads(first: 100) { edges { node { participantOrganizationCodes } } } }`,
      allow: 'signed-in',
      variables: () => ({}),
      visible: (data) =>
        (
          data.myThreads as { edges: { node: { participantOrganizationCodes: string[] } }[] }
        ).edges.map((edge) => edge.node.participantOrganizationCodes),
      // A moderator who writes into a thread joins it by name (thread.service.ts).
      visibleAcross: MODERATORS,
    },
  ],
};
