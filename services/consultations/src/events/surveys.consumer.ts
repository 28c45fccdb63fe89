import type { NatsConnection } from '@nats-io/nats-core';
import { startConsumer, streamName, subjectForType, type RunningConsumer } from '@sipadu/events';
import type { Logger } from '@sipadu/service-kit';
import type { Connection } from 'mongoose';
import type { ComplaintCatalog } from '../services/complaint-catalog.service.js';

/**
 * Follows the services published in SIPUTRI, so citizens can name the service they complain
 * about and the complaint reaches the agency that provides it.
 */
export function startSurveysConsumer(options: {
  nc: NatsConnection;
  connection: Connection;
  prefix: string;
  deliverFrom: 'all' | 'new';
  logger: Logger;
  catalog: ComplaintCatalog;
}): RunningConsumer {
  return startConsumer({
    nc: options.nc,
    connection: options.connection,
    stream: streamName('surveys'),
    durable: `${options.prefix}-surveys`,
    filterSubjects: [subjectForType('surveys.standard.published')],
    deliverFrom: options.deliverFrom,
    // The projection is a version-guarded upsert: a redelivered event changes nothing.
    withoutInbox: true,
    handler: (envelope) => options.catalog.applySurveysEvent(envelope),
    logger: options.logger,
  });
}
