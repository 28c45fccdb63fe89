import type { NatsConnection } from '@nats-io/nats-core';
import { startConsumer, streamName, subjectForType, type RunningConsumer } from '@sipadu/events';
import type { Logger } from '@sipadu/service-kit';
import type { Connection } from 'mongoose';
import type { AggregationService } from '../services/aggregation.service.js';

/**
 * The single writer of the IKM aggregates: survey responses in stream order, one at a time
 * cluster-wide (`maxAckPending: 1`), so FerretDB's non-atomic `$inc` never races with itself.
 * Each event carries its stream sequence to the aggregation, which skips what it already applied.
 */
export function startResponsesConsumer(options: {
  nc: NatsConnection;
  connection: Connection;
  aggregation: AggregationService;
  prefix: string;
  deliverFrom: 'all' | 'new';
  logger: Logger;
}): RunningConsumer {
  return startConsumer({
    nc: options.nc,
    connection: options.connection,
    stream: streamName('surveys'),
    durable: `${options.prefix}-responses`,
    filterSubjects: [subjectForType('surveys.response.submitted')],
    deliverFrom: options.deliverFrom,
    concurrency: 1,
    maxAckPending: 1,
    // The aggregation is idempotent by itself (unique raw insert, sequence-guarded aggregates);
    // an inbox row per response would cost a scan per event on FerretDB.
    withoutInbox: true,
    handler: async (envelope, context) => {
      await options.aggregation.apply(envelope, context.streamSequence);
    },
    logger: options.logger,
  });
}
