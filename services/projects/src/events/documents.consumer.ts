import type { NatsConnection } from '@nats-io/nats-core';
import { startConsumer, streamName, type RunningConsumer } from '@sipadu/events';
import type { Logger } from '@sipadu/service-kit';
import type { Connection } from 'mongoose';
import type { ProjectionService } from '../services/projection.service.js';

/**
 * Keeps the requirement, document, seal and photo-capture projections from the documents
 * service. One event at a time (no `concurrency`): a requirement change recounts its project's
 * summary from the projection, and two recounts of one project must not overtake each other.
 */
export function startDocumentsConsumer(options: {
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
    stream: streamName('documents'),
    durable: `${options.prefix}-documents`,
    filterSubjects: [
      'sipadu.documents.requirement.>',
      'sipadu.documents.document.created',
      'sipadu.documents.signature.created',
      'sipadu.documents.file.stored',
    ],
    deliverFrom: options.deliverFrom,
    handler: (envelope) => options.projections.applyDocuments(envelope),
    logger: options.logger,
  });
}
