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

/**
 * Merges the resolver maps of the service's parts field by field (several parts resolve fields of
 * LoanProject); a field resolved twice is a wiring mistake and stops the start.
 */
function mergeResolvers(...parts: Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const part of parts) {
    for (const [type, fields] of Object.entries(part) as [string, Record<string, unknown>][]) {
      const target = (merged[type] ??= {});
      for (const [field, resolver] of Object.entries(fields)) {
        if (Object.hasOwn(target, field))
          throw new Error(`resolver ${type}.${field} is defined twice`);
        target[field] = resolver;
      }
    }
  }
  return merged as Resolvers;
}

export const resolvers: Resolvers = {
  ...mergeResolvers(
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
