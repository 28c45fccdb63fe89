import 'server-only';
import { graphql } from '@/gql';
import { getClient } from '@/graphql/server-client';
import { runQuery } from '@/graphql/run-query';

const ProjectFormOrganizationsQuery = graphql(`
  query ProjectFormOrganizations {
    organizations(first: 100) {
      edges {
        node {
          code
          name
          kind
        }
      }
    }
  }
`);

export interface ProjectFormOrganizations {
  /** Organizations that may execute a project (every kind but lenders). */
  organizations: { code: string; name: string }[];
  /** Lenders (kind LENDER), e.g. PT SMI. */
  lenders: { code: string; name: string }[];
  error: string | null;
}

/** Choices of the project form's organization fields. */
export async function projectFormOrganizations(): Promise<ProjectFormOrganizations> {
  const { data, error } = await runQuery(getClient(), ProjectFormOrganizationsQuery, {});
  const all = (data?.organizations.edges ?? []).map(({ node }) => node);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'id');
  return {
    organizations: all
      .filter((org) => org.kind !== 'LENDER')
      .map(({ code, name }) => ({ code, name }))
      .sort(byName),
    lenders: all
      .filter((org) => org.kind === 'LENDER')
      .map(({ code, name }) => ({ code, name }))
      .sort(byName),
    error,
  };
}
