import type { QueryResolvers } from '../generated/graphql.js';

export const queryResolvers: QueryResolvers = {
  me: (_root, _args, { principal, services, loaders }) => services.users.me(principal, loaders),
  organizations: (_root, { kind, search, first, after }, { services }) =>
    services.organizations.list({ kind, search }, { first, after }),
  organization: (_root, { code }, { services }) => services.organizations.byCode(code),
  users: (_root, { organizationCode, search, first, after }, { principal, services }) =>
    services.users.list(principal, { organizationCode, search }, { first, after }),
  user: (_root, { id }, { principal, services }) => services.users.get(principal, id),
  dataBreaches: (_root, { status }, { principal, services }) =>
    services.breaches.list(principal, status),
};
