import type { NatsConnection } from '@nats-io/nats-core';
import {
  startConsumer,
  streamName,
  type AnyEventEnvelope,
  type RunningConsumer,
} from '@sipadu/events';
import type { Logger } from '@sipadu/service-kit';
import type { Connection } from 'mongoose';

/**
 * Keeps a service's identity projections (OrganizationDirectory, StaffDirectory, …): every
 * identity event is handed to each applier in turn, which ignore what is not theirs.
 */
export function startIdentityConsumer(options: {
  nc: NatsConnection;
  connection: Connection;
  prefix: string;
  deliverFrom: 'all' | 'new';
  logger: Logger;
  appliers: ((event: AnyEventEnvelope) => Promise<void>)[];
  /** Narrower filters (e.g. `['sipadu.identity.organization.>']`); default every identity event. */
  subjects?: string[];
}): RunningConsumer {
  return startConsumer({
    nc: options.nc,
    connection: options.connection,
    stream: streamName('identity'),
    durable: `${options.prefix}-identity`,
    filterSubjects: options.subjects ?? ['sipadu.identity.>'],
    deliverFrom: options.deliverFrom,
    handler: async (envelope) => {
      for (const apply of options.appliers) await apply(envelope);
    },
    logger: options.logger,
  });
}
