import { startConsumer, streamName, type RunningConsumer } from '@sipadu/events';
import type { NatsConnection } from '@nats-io/nats-core';
import type { Logger } from '@sipadu/service-kit';
import type { Connection } from 'mongoose';
import { RULE_STREAM_SUBJECTS, type RuleStream } from '../rules/index.js';
import type { RuleEngine } from '../rules/rule-engine.js';

/**
 * One durable consumer per producing service's stream (only the subjects of RULE_STREAM_SUBJECTS
 * where the rules need just part of a stream), each feeding the rule engine. Acked only after the
 * engine finished, so a process killed mid-batch gets the unacked events again.
 */
export function startRuleConsumers(options: {
  nc: NatsConnection;
  connection: Connection;
  engine: RuleEngine;
  streams: readonly string[];
  prefix: string;
  deliverFrom: 'all' | 'new';
  concurrency: number;
  logger: Logger;
}): RunningConsumer[] {
  return options.streams.map((service) =>
    startConsumer({
      nc: options.nc,
      connection: options.connection,
      stream: streamName(service),
      durable: `${options.prefix}-${service}`,
      filterSubjects: [...(RULE_STREAM_SUBJECTS[service as RuleStream] ?? [`sipadu.${service}.>`])],
      deliverFrom: options.deliverFrom,
      concurrency: options.concurrency,
      handler: async (envelope) => {
        await options.engine.handle(envelope);
      },
      logger: options.logger,
    }),
  );
}
