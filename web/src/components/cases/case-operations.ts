import { graphql } from '@/gql';

// Operations of the SI-KIMR and complaint pages (through the BFF /api/graphql). Names start with
// Case so they never meet another module's. Every mutation sends the revision the page showed:
// the service answers CONFLICT when someone else moved the case in between.

export const CaseActionFragment = graphql(`
  fragment CaseActionFields on CaseAction {
    name
    label
    to
    requiresNote
    requiredFields
    blockedReason
  }
`);

export const CaseHistoryFragment = graphql(`
  fragment CaseHistoryFields on CaseHistoryEntry {
    transition
    label
    fromLabel
    toLabel
    at
    note
    actor {
      kind
      name
      organizationCode
    }
  }
`);

export const CaseAttachmentFragment = graphql(`
  fragment CaseAttachmentFields on CaseAttachment {
    fileId
    addedAt
    addedBy {
      name
      organizationCode
    }
    file {
      id
      filename
      size
    }
  }
`);

export const CaseAssignableStaffQuery = graphql(`
  query CaseAssignableStaff($flow: CaseFlow!) {
    assignableStaff(flow: $flow) {
      id
      name
      username
      organizationCode
    }
  }
`);

export const CaseComplaintOrganizationsQuery = graphql(`
  query CaseComplaintOrganizations {
    complaintOrganizations {
      code
      name
    }
  }
`);

// --- Konsultasi ---

export const CaseSubmitConsultationMutation = graphql(`
  mutation CaseSubmitConsultation($input: SubmitConsultationInput!) {
    submitConsultation(input: $input) {
      id
      number
    }
  }
`);

export const CaseRouteConsultationMutation = graphql(`
  mutation CaseRouteConsultation($id: ID!, $officerId: ID!, $note: String, $revision: Int!) {
    routeConsultation(id: $id, officerId: $officerId, note: $note, revision: $revision) {
      id
      status
      statusLabel
      revision
    }
  }
`);

export const CaseRequestConsultationInformationMutation = graphql(`
  mutation CaseRequestConsultationInformation($id: ID!, $note: String!, $revision: Int!) {
    requestConsultationInformation(id: $id, note: $note, revision: $revision) {
      id
      status
      statusLabel
      revision
    }
  }
`);

export const CaseProvideConsultationInformationMutation = graphql(`
  mutation CaseProvideConsultationInformation(
    $id: ID!
    $note: String!
    $attachmentFileIds: [ID!]
    $revision: Int!
  ) {
    provideConsultationInformation(
      id: $id
      note: $note
      attachmentFileIds: $attachmentFileIds
      revision: $revision
    ) {
      id
      status
      statusLabel
      revision
    }
  }
`);

export const CaseDraftConsultationAnswerMutation = graphql(`
  mutation CaseDraftConsultationAnswer(
    $id: ID!
    $answer: String!
    $note: String
    $attachmentFileIds: [ID!]
    $revision: Int!
  ) {
    draftConsultationAnswer(
      id: $id
      answer: $answer
      note: $note
      attachmentFileIds: $attachmentFileIds
      revision: $revision
    ) {
      id
      status
      statusLabel
      revision
    }
  }
`);

export const CaseReviewConsultationAnswerMutation = graphql(`
  mutation CaseReviewConsultationAnswer(
    $id: ID!
    $decision: CaseReviewDecision!
    $note: String
    $revision: Int!
  ) {
    reviewConsultationAnswer(id: $id, decision: $decision, note: $note, revision: $revision) {
      id
      status
      statusLabel
      revision
    }
  }
`);

export const CaseDeliverConsultationAnswerMutation = graphql(`
  mutation CaseDeliverConsultationAnswer($id: ID!, $note: String, $revision: Int!) {
    deliverConsultationAnswer(id: $id, note: $note, revision: $revision) {
      id
      status
      statusLabel
      revision
    }
  }
`);

export const CaseAcknowledgeConsultationMutation = graphql(`
  mutation CaseAcknowledgeConsultation($id: ID!, $note: String, $revision: Int!) {
    acknowledgeConsultation(id: $id, note: $note, revision: $revision) {
      id
      status
      statusLabel
      revision
    }
  }
`);

// --- Pekerjaan ---

export const CaseCreateWorkItemMutation = graphql(`
  mutation CaseCreateWorkItem($input: CreateWorkItemInput!) {
    createWorkItem(input: $input) {
      id
      number
    }
  }
`);

export const CaseAcceptWorkItemMutation = graphql(`
  mutation CaseAcceptWorkItem($id: ID!, $note: String, $revision: Int!) {
    acceptWorkItem(id: $id, note: $note, revision: $revision) {
      id
      status
      statusLabel
      revision
    }
  }
`);

export const CaseSubmitWorkResultMutation = graphql(`
  mutation CaseSubmitWorkResult(
    $id: ID!
    $result: String!
    $attachmentFileIds: [ID!]
    $revision: Int!
  ) {
    submitWorkResult(
      id: $id
      result: $result
      attachmentFileIds: $attachmentFileIds
      revision: $revision
    ) {
      id
      status
      statusLabel
      revision
    }
  }
`);

export const CaseVerifyWorkItemMutation = graphql(`
  mutation CaseVerifyWorkItem(
    $id: ID!
    $decision: CaseReviewDecision!
    $note: String
    $revision: Int!
  ) {
    verifyWorkItem(id: $id, decision: $decision, note: $note, revision: $revision) {
      id
      status
      statusLabel
      revision
    }
  }
`);

export const CaseCancelWorkItemMutation = graphql(`
  mutation CaseCancelWorkItem($id: ID!, $note: String!, $revision: Int!) {
    cancelWorkItem(id: $id, note: $note, revision: $revision) {
      id
      status
      statusLabel
      revision
    }
  }
`);

// --- Pengaduan TIK ---

export const CaseFileIctComplaintMutation = graphql(`
  mutation CaseFileIctComplaint($input: FileIctComplaintInput!) {
    fileIctComplaint(input: $input) {
      id
      number
    }
  }
`);

export const CaseRouteIctComplaintMutation = graphql(`
  mutation CaseRouteIctComplaint($id: ID!, $officerId: ID!, $note: String, $revision: Int!) {
    routeIctComplaint(id: $id, officerId: $officerId, note: $note, revision: $revision) {
      id
      status
      statusLabel
      revision
    }
  }
`);

export const CaseResolveIctComplaintMutation = graphql(`
  mutation CaseResolveIctComplaint($id: ID!, $handling: String!, $revision: Int!) {
    resolveIctComplaint(id: $id, handling: $handling, revision: $revision) {
      id
      status
      statusLabel
      revision
    }
  }
`);

export const CaseConfirmIctResolutionMutation = graphql(`
  mutation CaseConfirmIctResolution($id: ID!, $solved: Boolean!, $note: String, $revision: Int!) {
    confirmIctResolution(id: $id, solved: $solved, note: $note, revision: $revision) {
      id
      status
      statusLabel
      revision
    }
  }
`);

export const CaseDocumentIctResultMutation = graphql(`
  mutation CaseDocumentIctResult(
    $id: ID!
    $followUp: String!
    $attachmentFileIds: [ID!]
    $revision: Int!
  ) {
    documentIctResult(
      id: $id
      followUp: $followUp
      attachmentFileIds: $attachmentFileIds
      revision: $revision
    ) {
      id
      status
      statusLabel
      revision
    }
  }
`);

// --- Pengaduan masyarakat ---

export const CaseVerifyPublicComplaintMutation = graphql(`
  mutation CaseVerifyPublicComplaint(
    $id: ID!
    $decision: ComplaintVerification!
    $note: String
    $revision: Int!
  ) {
    verifyPublicComplaint(id: $id, decision: $decision, note: $note, revision: $revision) {
      id
      status
      statusLabel
      revision
    }
  }
`);

export const CaseReroutePublicComplaintMutation = graphql(`
  mutation CaseReroutePublicComplaint(
    $id: ID!
    $organizationCode: String!
    $note: String!
    $revision: Int!
  ) {
    reroutePublicComplaint(
      id: $id
      organizationCode: $organizationCode
      note: $note
      revision: $revision
    ) {
      id
      status
      statusLabel
      revision
    }
  }
`);

export const CaseAnswerPublicComplaintMutation = graphql(`
  mutation CaseAnswerPublicComplaint(
    $id: ID!
    $answer: String!
    $attachmentFileIds: [ID!]
    $revision: Int!
  ) {
    answerPublicComplaint(
      id: $id
      answer: $answer
      attachmentFileIds: $attachmentFileIds
      revision: $revision
    ) {
      id
      status
      statusLabel
      revision
    }
  }
`);

// --- Kinerja, rekap, kalender ---

export const CasePublishRecapMutation = graphql(`
  mutation CasePublishRecap($flow: CaseFlow!, $month: String!) {
    publishMonthlyRecap(flow: $flow, month: $month) {
      id
      month
      publishedAt
    }
  }
`);

export const CaseRecapFileQuery = graphql(`
  query CaseRecapFile($flow: CaseFlow!, $month: String!, $format: RecapFormat!) {
    monthlyRecapFile(flow: $flow, month: $month, format: $format) {
      filename
      contentType
      base64
      size
    }
  }
`);

export const CaseImportHolidaysMutation = graphql(`
  mutation CaseImportHolidays($year: Int!, $csv: String!) {
    importHolidays(year: $year, csv: $csv) {
      year
      imported
      errors {
        line
        message
      }
    }
  }
`);
