import type { NatsConnection } from '@nats-io/nats-core';
import { startConsumer, streamName, type RunningConsumer } from '@sipadu/events';
import type { Logger } from '@sipadu/service-kit';
import type { Connection } from 'mongoose';
import type { ProjectionService } from '../services/projection.service.js';

/** Keeps the organizations projection (names and kinds of a project's parties) from identity. */
export function startIdentityConsumer(options: {
  nc: NatsConnection;
  connection: Connection;
  projections: ProjectionService;
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
    handler: (envelope) => options.projections.applyIdentity(envelope),
    logger: options.logger,
  });
}
