import { graphql } from '@/gql';

export const DataSetSummaryFragment = graphql(`
  fragment DataSetSummary on DataSet {
    id
    title
    description
    classification
    walidataCode
    walidataName
    updateFrequency
    period
    license
    keywords
    modifiedAt
    fields {
      name
      title
      type
      description
    }
    downloads {
      format
      mediaType
      url
    }
  }
`);

/** The catalog: open data sets, plus the internal ones the caller may read. */
export const DataSetsQuery = graphql(`
  query DataSets {
    dataSets {
      ...DataSetSummary
    }
  }
`);

export const DataSetQuery = graphql(`
  query DataSet($id: ID!) {
    dataSet(id: $id) {
      ...DataSetSummary
      sourceService
      readerRoles
      readerOrganizations
    }
  }
`);

export const UpdateDataSetMutation = graphql(`
  mutation UpdateDataSet($id: ID!, $input: DataSetInput!) {
    updateDataSet(id: $id, input: $input) {
      id
      classification
      updateFrequency
      description
      readerRoles
      readerOrganizations
    }
  }
`);
