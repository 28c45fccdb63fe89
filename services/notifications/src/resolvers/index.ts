import type { Resolvers } from '../generated/graphql.js';
import { Mutation } from './mutation.resolver.js';
import { Notification, NotificationPreferences } from './notification.resolver.js';
import { Query } from './query.resolver.js';
import {
  Document,
  DocumentRequirement,
  LoanProject,
  Message,
  MessageAttachment,
  Thread,
} from './thread.resolver.js';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Notification,
  NotificationPreferences,
  Thread,
  Message,
  MessageAttachment,
  DocumentRequirement,
  Document,
  LoanProject,
};
