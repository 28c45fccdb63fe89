import { mergeResolvers } from '@sipadu/service-kit';
import { assessmentResolvers } from './assessment.resolver.js';
import { dashboardResolvers } from './dashboard.resolver.js';
import { dataSetResolvers } from './data-set.resolver.js';

export const resolvers = mergeResolvers(assessmentResolvers, dashboardResolvers, dataSetResolvers);
