import type { NatsConnection } from '@nats-io/nats-core';
import { startConsumer, streamName, type RunningConsumer } from '@sipadu/events';
import type { Logger } from '@sipadu/service-kit';
import type { Connection } from 'mongoose';
import type { OrganizationDirectory } from '../services/organization-directory.service.js';

/**
 * Keeps the organizations projection (names and kinds of the standards' owners) from identity;
 * a new name also reaches the standards and pledge of that organization.
 */
export function startIdentityConsumer(options: {
  nc: NatsConnection;
  connection: Connection;
  organizations: OrganizationDirectory;
  prefix: string;
  deliverFrom: 'all' | 'new';
  logger: Logger;
}): RunningConsumer {
  return startConsumer({
    nc: options.nc,
    connection: options.connection,
    stream: streamName('identity'),
    durable: `${options.prefix}-identity`,
    filterSubjects: ['sipadu.identity.organization.>'],
    deliverFrom: options.deliverFrom,
    handler: (envelope) => options.organizations.applyIdentity(envelope),
    logger: options.logger,
  });
}
