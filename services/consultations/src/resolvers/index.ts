import { mergeResolvers } from '@sipadu/service-kit';
import { calendarResolvers } from './calendar.resolver.js';
import { consultationResolvers } from './consultation.resolver.js';
import { ictComplaintResolvers } from './ict-complaint.resolver.js';
import { performanceResolvers } from './performance.resolver.js';
import { publicComplaintResolvers } from './public-complaint.resolver.js';
import { statisticsResolvers } from './statistics.resolver.js';
import { workItemResolvers } from './work-item.resolver.js';

export const resolvers = mergeResolvers(
  calendarResolvers,
  consultationResolvers,
  workItemResolvers,
  ictComplaintResolvers,
  publicComplaintResolvers,
  performanceResolvers,
  statisticsResolvers,
);
