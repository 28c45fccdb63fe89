import { mergeResolvers } from '@sipadu/service-kit';
import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';
import type { Resolvers } from '../generated/graphql.js';
import { planningResolvers } from '../planning/planning.resolver.js';
import { disbursementResolvers } from './disbursement.resolver.js';
import {
  loanAgreementResolvers,
  loanProjectResolvers,
  projectHistoryResolvers,
} from './loan-project.resolver.js';
import { mutationResolvers } from './mutation.resolver.js';
import { portfolioResolvers } from './portfolio.resolver.js';
import { progressResolvers } from './progress.resolver.js';
import { queryResolvers } from './query.resolver.js';

/** Free-form JSON (the OC4IDS export): passed through as is. */
const jsonScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

export const resolvers: Resolvers = {
  ...mergeResolvers<Resolvers>(
    {
      Query: queryResolvers,
      Mutation: mutationResolvers,
      LoanProject: loanProjectResolvers,
      ProjectHistoryEntry: projectHistoryResolvers,
      LoanAgreement: loanAgreementResolvers,
    },
    planningResolvers,
    disbursementResolvers,
    progressResolvers,
    portfolioResolvers,
  ),
  JSON: jsonScalar,
};
