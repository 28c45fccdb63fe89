import { graphql } from '@/gql';

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      username
    }
  }
`);

export const SetUserActiveMutation = graphql(`
  mutation SetUserActive($id: ID!, $active: Boolean!, $reason: String) {
    setUserActive(id: $id, active: $active, reason: $reason) {
      id
      active
    }
  }
`);

export const SetUserRolesMutation = graphql(`
  mutation SetUserRoles($id: ID!, $roles: [String!]!) {
    setUserRoles(id: $id, roles: $roles) {
      id
      roles
    }
  }
`);
