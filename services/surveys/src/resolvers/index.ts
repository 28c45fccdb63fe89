import { mergeResolvers } from '@sipadu/service-kit';
import type { Resolvers } from '../generated/graphql.js';
import { evaluationResolvers } from './evaluation.resolver.js';
import { standardResolvers } from './standard.resolver.js';
import { surveyResolvers } from './survey.resolver.js';

export const resolvers: Resolvers = mergeResolvers<Resolvers>(
  standardResolvers,
  surveyResolvers,
  evaluationResolvers,
);
