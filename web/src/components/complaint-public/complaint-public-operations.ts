import 'server-only';
import { graphql } from '@/gql';

// Operations of the public complaint pages (all `@public`: no account). The form's choices are
// read on the server; the mutations and the tracking query are printed there and posted by the
// browser through the GraphQL BFF, so no GraphQL library reaches the phone.

export const ComplaintFormOptionsQuery = graphql(`
  query PublicComplaintFormOptions {
    complaintCategories {
      code
      name
      description
      defaultOrganizationCode
    }
    complaintOrganizations {
      code
      name
    }
    complaintServiceOptions {
      id
      name
      organizationCode
      organizationName
    }
  }
`);

export const ComplaintUploadPurposesQuery = graphql(`
  query PublicComplaintUploadPurposes {
    uploadPurposes {
      name
      label
      maxBytes
      contentTypes
      extensions
    }
  }
`);

export const FilePublicComplaintDocument = graphql(`
  mutation FilePublicComplaint($input: FilePublicComplaintInput!) {
    filePublicComplaint(input: $input) {
      trackingCode
      number
      status
      statusLabel
      organizationName
      verificationDueDate
      duplicate
    }
  }
`);

export const TrackedComplaintFragment = graphql(`
  fragment TrackedComplaintView on TrackedComplaint {
    number
    title
    description
    categoryName
    serviceName
    organizationName
    status
    statusLabel
    submittedAt
    timeline {
      status
      label
      at
      note
    }
    messages {
      author
      text
      at
    }
    answer
    answeredAt
    autoCloseDate
    dueDate
    canReply
    canRate
    rating
    ratingComment
  }
`);

export const TrackPublicComplaintDocument = graphql(`
  query TrackPublicComplaint($trackingCode: String!) {
    trackPublicComplaint(trackingCode: $trackingCode) {
      ...TrackedComplaintView
    }
  }
`);

export const ReplyToPublicComplaintDocument = graphql(`
  mutation ReplyToPublicComplaint($trackingCode: String!, $message: String!) {
    replyToPublicComplaint(trackingCode: $trackingCode, message: $message) {
      ...TrackedComplaintView
    }
  }
`);

export const RatePublicComplaintDocument = graphql(`
  mutation RatePublicComplaint($trackingCode: String!, $rating: Int!, $comment: String) {
    ratePublicComplaint(trackingCode: $trackingCode, rating: $rating, comment: $comment) {
      ...TrackedComplaintView
    }
  }
`);

export const RequestComplaintPersonalDataDocument = graphql(`
  mutation RequestComplaintPersonalData($input: PersonalDataRequestInput!) {
    requestComplaintPersonalData(input: $input) {
      requestNumber
      kind
      completedAt
      changedFields
      note
      data {
        number
        anonymous
        name
        email
        phone
        description
        location {
          latitude
          longitude
          address
        }
        messages {
          author
          text
          at
        }
        ratingComment
        attachmentCount
        submittedAt
        retention
      }
    }
  }
`);
