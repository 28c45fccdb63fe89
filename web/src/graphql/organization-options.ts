import 'server-only';
import { graphql } from '@/gql';
import { getClient } from './server-client';
import { runQuery } from './run-query';

const OrganizationOptionsQuery = graphql(`
  query OrganizationOptions {
    organizations(first: 100) {
      edges {
        node {
          code
          name
        }
      }
    }
  }
`);

/** Organizations to choose from in administrators' forms and filters. */
export async function organizationOptions(): Promise<{ code: string; name: string }[]> {
  const { data } = await runQuery(getClient(), OrganizationOptionsQuery, {});
  return (data?.organizations.edges ?? []).map(({ node }) => node);
}
