import type { Resolvers } from '../generated/graphql.js';
import { mutationResolvers } from './mutation.resolver.js';
import { organizationResolvers, publicOfficerResolvers } from './organization.resolver.js';
import { queryResolvers } from './query.resolver.js';
import { userResolvers } from './user.resolver.js';

export const resolvers: Resolvers = {
  Query: queryResolvers,
  Mutation: mutationResolvers,
  Organization: organizationResolvers,
  PublicOfficer: publicOfficerResolvers,
  User: userResolvers,
};
