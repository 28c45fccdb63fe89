import {
  startConsumer,
  streamName,
  subjectForType,
  type ConsumerOptions,
  type EventData,
  type EventsLogger,
  type RunningConsumer,
} from '@sipadu/events';
import type { Connection } from 'mongoose';
import type { AuditInput, AuditLog } from '../audit/audit-log.js';

/** Target type of the audit entries of partner systems' API requests. */
export const PARTNER_API_TARGET = 'partner-api';

type PartnerAccess = EventData<'gateway.partner.accessed'>;

export interface PartnerAccessConsumerOptions {
  nc: ConsumerOptions['nc'];
  /** The documents database: holds the consumer's inbox of processed events. */
  connection: Connection;
  audit: Pick<AuditLog, 'append'>;
  /** Durable consumer name, `documents-gateway-partners` in a deployment. */
  durable: string;
  deliverFrom: 'all' | 'new';
  logger: EventsLogger;
}

/** The audit entry of one partner request: who (client), what (root fields), how it ended. */
export function partnerAccessAudit(access: PartnerAccess): AuditInput {
  const operation = `${access.operationName ?? '(tanpa nama)'} (${access.operationType})`;
  const details = [
    `operasi ${operation}`,
    `hasil ${access.outcome}`,
    ...(access.errorCodes.length > 0 ? [`kode galat ${access.errorCodes.join(', ')}`] : []),
    `cakupan ${access.scopes.join(' ') || '-'}`,
    `permintaan ${access.requestId}`,
    `alamat ${access.clientAddress ?? '-'}`,
    `${access.durationMs} ms`,
  ];
  return {
    action: access.outcome === 'ALLOWED' ? 'PARTNER_READ' : 'PARTNER_REFUSED',
    actor: {
      id: access.clientId,
      name: access.clientId,
      organizationCode: access.organizationCode,
    },
    targetType: PARTNER_API_TARGET,
    // An operation the gateway could not read names no field; the entry still needs a target.
    targetId: access.fields.join(',') || '(tidak terbaca)',
    organizationCode: access.organizationCode,
    detail: details.join('; '),
  };
}

/**
 * Appends every partner system's GraphQL request the gateway reports (`gateway.partner.accessed`)
 * to the hash-chained audit log, so super-admins read partners' access beside everything else
 * (`auditLog(filter: { action: PARTNER_READ })`). Once per event without the inbox (which grows
 * with partner traffic): the entry's id is the event id, so a redelivery finds it written.
 */
export function startPartnerAccessConsumer(options: PartnerAccessConsumerOptions): RunningConsumer {
  const { audit } = options;
  return startConsumer({
    nc: options.nc,
    connection: options.connection,
    stream: streamName('gateway'),
    durable: options.durable,
    deliverFrom: options.deliverFrom,
    filterSubjects: [subjectForType('gateway.partner.accessed')],
    withoutInbox: true,
    logger: options.logger,
    handler: async (envelope) => {
      if (envelope.type !== 'gateway.partner.accessed') return;
      await audit.append(partnerAccessAudit(envelope.data), { id: envelope.id });
    },
  });
}
