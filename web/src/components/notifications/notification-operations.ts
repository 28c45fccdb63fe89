import { graphql } from '@/gql';

export const UnreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

/** The bell's list: the newest notifications and the count, in one request. */
export const LatestNotificationsQuery = graphql(`
  query LatestNotifications {
    unreadNotificationCount
    notifications(first: 8) {
      edges {
        node {
          id
          category
          title
          body
          link
          threadId
          sequence
          read
          createdAt
        }
      }
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids) {
      updated
      unreadCount
    }
  }
`);

export const MarkAllNotificationsReadMutation = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead {
      updated
      unreadCount
    }
  }
`);

// The two thread queries select the same fields, so both answers have one shape (ThreadView).
// Kept flat, without fragments: the gateway's cost limit weighs every nesting level and the
// `last` of the messages.
export const ThreadBySubjectQuery = graphql(`
  query ThreadBySubject($subjectType: String!, $subjectId: ID!) {
    thread(subjectType: $subjectType, subjectId: $subjectId) {
      id
      title
      link
      participantOrganizationCodes
      unreadCount
      viewerCanPost
      messages(last: 20) {
        totalCount
        pageInfo {
          hasPreviousPage
          startCursor
        }
        edges {
          node {
            id
            text
            createdAt
            mine
            author {
              id
              name
              organizationCode
            }
            attachments {
              fileId
              file {
                id
                filename
                size
              }
            }
          }
        }
      }
    }
  }
`);

export const ThreadByIdQuery = graphql(`
  query ThreadById($id: ID!, $before: String) {
    threadById(id: $id) {
      id
      title
      link
      participantOrganizationCodes
      unreadCount
      viewerCanPost
      messages(last: 20, before: $before) {
        totalCount
        pageInfo {
          hasPreviousPage
          startCursor
        }
        edges {
          node {
            id
            text
            createdAt
            mine
            author {
              id
              name
              organizationCode
            }
            attachments {
              fileId
              file {
                id
                filename
                size
              }
            }
          }
        }
      }
    }
  }
`);

export const PostThreadMessageMutation = graphql(`
  mutation PostThreadMessage($input: PostMessageInput!) {
    postMessage(input: $input) {
      id
      threadId
    }
  }
`);

export const MarkThreadReadMutation = graphql(`
  mutation MarkThreadRead($threadId: ID!) {
    markThreadRead(threadId: $threadId) {
      id
      unreadCount
    }
  }
`);

export const MyNotificationPreferencesQuery = graphql(`
  query MyNotificationPreferences {
    notificationPreferences {
      categories {
        category
        inApp
        email
        sms
      }
      dailyDigest
      digestHour
      email
      phone
      sms {
        delivering
        description
      }
    }
  }
`);

export const UpdateNotificationPreferencesMutation = graphql(`
  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {
    updateNotificationPreferences(input: $input) {
      categories {
        category
        inApp
        email
        sms
      }
      dailyDigest
      phone
    }
  }
`);
