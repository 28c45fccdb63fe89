import { graphql } from '@/gql';

/** One requirement as the checklist shows it. */
export const RequirementItemFragment = graphql(`
  fragment RequirementItem on DocumentRequirement {
    id
    title
    description
    group
    dueDate
    overdue
    status
    subject {
      type
      id
    }
    uploaderOrganizationCode
    reviewerOrganizationCodes
    currentReviewerOrganizationCode
    document {
      id
    }
    history {
      transition
      to
      actor {
        name
        organizationCode
      }
      at
      note
      documentVersion
    }
    availableActions {
      name
      to
      requiresNote
      blockedReason
    }
  }
`);

/** One version of a document with its seals. */
export const DocumentVersionItemFragment = graphql(`
  fragment DocumentVersionItem on DocumentVersion {
    number
    note
    uploadedAt
    sha256
    uploadedBy {
      id
      name
      organizationCode
    }
    file {
      id
      filename
      contentType
      size
    }
    signatures {
      id
      code
      signedAt
      signerPosition
      reason
      signer {
        name
        organizationCode
      }
      stampedFile {
        id
        filename
      }
    }
  }
`);

export const UploadPurposesQuery = graphql(`
  query UploadPurposes {
    uploadPurposes {
      name
      label
      maxBytes
      contentTypes
      extensions
    }
  }
`);

export const SubmitRequirementVersionMutation = graphql(`
  mutation SubmitRequirementVersion($requirementId: ID!, $fileId: ID!, $note: String) {
    submitRequirementVersion(requirementId: $requirementId, fileId: $fileId, note: $note) {
      id
      status
    }
  }
`);

export const ForwardRequirementMutation = graphql(`
  mutation ForwardRequirement($id: ID!, $note: String) {
    forwardRequirement(id: $id, note: $note) {
      id
      status
    }
  }
`);

export const ReviewRequirementMutation = graphql(`
  mutation ReviewRequirement($id: ID!, $decision: ReviewDecision!, $message: String) {
    reviewRequirement(id: $id, decision: $decision, message: $message) {
      id
      status
    }
  }
`);

export const WaiveRequirementMutation = graphql(`
  mutation WaiveRequirement($id: ID!, $reason: String!) {
    waiveRequirement(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

export const SignDocumentVersionMutation = graphql(`
  mutation SignDocumentVersion($documentId: ID!, $version: Int!, $reason: String) {
    signDocumentVersion(documentId: $documentId, version: $version, reason: $reason) {
      id
      code
      verificationUrl
      stampedFile {
        id
        filename
      }
    }
  }
`);

export const CreateRequirementMutation = graphql(`
  mutation CreateRequirement($input: CreateRequirementInput!) {
    createRequirement(input: $input) {
      id
      subject {
        type
        id
      }
    }
  }
`);

export const ApplyRequirementTemplateMutation = graphql(`
  mutation ApplyRequirementTemplate($input: ApplyTemplateInput!) {
    createRequirementsFromTemplate(input: $input) {
      id
      subject {
        type
        id
      }
    }
  }
`);
