import { graphql } from '@/gql';

/** What the user table shows of one user. */
export const UserRowFragment = graphql(`
  fragment UserRow on User {
    id
    username
    name
    email
    roles
    active
    organization {
      code
      name
    }
  }
`);
