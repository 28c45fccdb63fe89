import { graphql } from '@/gql';

/** One row of the project list. */
export const LoanProjectRowFragment = graphql(`
  fragment LoanProjectRow on LoanProject {
    id
    code
    name
    fiscalYear
    organizationCode
    organizationName
    lenderOrganizationCode
    lenderName
    amount
    stage
    physicalProgress
    behindPlan
    requirementSummary {
      total
      approved
      waived
    }
  }
`);

export const CreateLoanProjectMutation = graphql(`
  mutation CreateLoanProject($input: LoanProjectInput!) {
    createLoanProject(input: $input) {
      id
      code
    }
  }
`);

export const UpdateLoanProjectMutation = graphql(`
  mutation UpdateLoanProject($id: ID!, $input: LoanProjectUpdateInput!) {
    updateLoanProject(id: $id, input: $input) {
      id
      code
      updatedAt
    }
  }
`);

export const TransitionLoanProjectMutation = graphql(`
  mutation TransitionLoanProject($id: ID!, $transition: String!, $note: String) {
    transitionLoanProject(id: $id, transition: $transition, note: $note) {
      id
      stage
    }
  }
`);

export const SetProjectLocationsMutation = graphql(`
  mutation SetProjectLocations($projectId: ID!, $locations: [ProjectLocationInput!]!) {
    setProjectLocations(projectId: $projectId, locations: $locations) {
      id
      locations {
        id
      }
    }
  }
`);

export const SetLoanAgreementMutation = graphql(`
  mutation SetLoanAgreement($projectId: ID!, $input: LoanAgreementInput!) {
    setLoanAgreement(projectId: $projectId, input: $input) {
      id
      agreement {
        documentId
        sealed
      }
    }
  }
`);

export const CreateAgreementDocumentMutation = graphql(`
  mutation CreateAgreementDocument($input: CreateDocumentInput!) {
    createDocument(input: $input) {
      id
      title
    }
  }
`);

/** Sub-kegiatan a project may cite, found by code or name. */
export const SubKegiatanSearchQuery = graphql(`
  query SubKegiatanSearch($search: String) {
    planningCodes(search: $search, level: SUB_KEGIATAN, first: 30) {
      code
      name
      versionId
    }
  }
`);
