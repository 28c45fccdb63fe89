import { graphql } from '@/gql';

export const PersonalDataRequestsQuery = graphql(`
  query PersonalDataRequests {
    personalDataRequests(first: 100) {
      id
      requestNumber
      kind
      caseNumber
      organizationCode
      changedFields
      reason
      receivedAt
      completedAt
    }
  }
`);

export const DataBreachesQuery = graphql(`
  query DataBreaches {
    dataBreaches {
      id
      number
      title
      description
      discoveredAt
      dataCategories
      affectedSubjects
      measures
      notificationDueAt
      subjectsNotifiedAt
      authorityNotifiedAt
      notificationOverdue
      status
      recordedBy
      revision
    }
  }
`);

export const RecordDataBreachMutation = graphql(`
  mutation RecordDataBreach($input: DataBreachInput!) {
    recordDataBreach(input: $input) {
      id
      number
    }
  }
`);

export const UpdateDataBreachMutation = graphql(`
  mutation UpdateDataBreach($id: ID!, $revision: Int!, $input: DataBreachUpdateInput!) {
    updateDataBreach(id: $id, revision: $revision, input: $input) {
      id
      status
      revision
    }
  }
`);
