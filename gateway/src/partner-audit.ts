import type { ApolloServerPlugin } from '@apollo/server';
import type { Context as TraceContext } from '@opentelemetry/api';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/nats-core';
import {
  TRACEPARENT_HEADER,
  connectNats,
  createEvent,
  currentTraceparent,
  ensureStream,
  subjectForType,
  type EventData,
  type EventEnvelope,
} from '@sipadu/events';
import type { Logger } from '@sipadu/service-kit';
import {
  Kind,
  getOperationAST,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { GatewayContext, PartnerIdentity } from './context.js';

export const PARTNER_ACCESSED = 'gateway.partner.accessed';
type PartnerAccess = EventData<typeof PARTNER_ACCESSED>;
export type PartnerAccessEnvelope = EventEnvelope<typeof PARTNER_ACCESSED>;
type Outcome = PartnerAccess['outcome'];
type OperationType = PartnerAccess['operationType'];

/** Codes of a request refused before it could run: bad token, malformed or invalid operation. */
const REFUSAL_CODES = new Set([
  'UNAUTHENTICATED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** How a partner's request ended, from the codes of its errors (the strongest refusal wins). */
export function outcomeOf(errorCodes: readonly string[]): Outcome {
  if (errorCodes.length === 0) return 'ALLOWED';
  if (errorCodes.includes('FORBIDDEN')) return 'FORBIDDEN';
  if (errorCodes.includes('RATE_LIMITED')) return 'RATE_LIMITED';
  if (errorCodes.some((code) => REFUSAL_CODES.has(code))) return 'REFUSED';
  return 'ERROR';
}

const ROOT_TYPES: Record<Exclude<OperationType, 'unknown'>, string> = {
  query: 'Query',
  mutation: 'Mutation',
  subscription: 'Subscription',
};

export interface OperationSummary {
  operationName: string | null;
  operationType: OperationType;
  /** `Query.loanProjects`, … (through fragments on the root type), de-duplicated. */
  fields: string[];
}

/** What an operation asks for, without its arguments: the audit never records values. */
export function summarizeOperation(
  document: DocumentNode | undefined,
  operationName: string | null | undefined,
): OperationSummary {
  const operation = document ? getOperationAST(document, operationName) : null;
  if (!document || !operation) {
    return { operationName: operationName ?? null, operationType: 'unknown', fields: [] };
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const rootType = ROOT_TYPES[operation.operation];
  const fields = new Set<string>();
  const visited = new Set<string>();
  const collect = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) fields.add(`${rootType}.${selection.name.value}`);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  return {
    operationName: operationName ?? operation.name?.value ?? null,
    operationType: operation.operation,
    fields: [...fields],
  };
}

/**
 * The same summary from a raw request body, for requests refused before Apollo parsed them (rate
 * limit). `maxTokens` keeps the parser within the gateway's limits.
 */
export function summarizeRequestBody(body: unknown, maxTokens: number): OperationSummary {
  const { query, operationName } = (body ?? {}) as { query?: unknown; operationName?: unknown };
  const name = typeof operationName === 'string' ? operationName : null;
  let document: DocumentNode | undefined;
  try {
    document = typeof query === 'string' ? parse(query, { maxTokens }) : undefined;
  } catch {
    document = undefined;
  }
  return summarizeOperation(document, name);
}

export interface PartnerAccessFacts extends OperationSummary {
  errorCodes: string[];
  requestId: string;
  clientAddress: string | null;
  durationMs: number;
  traceContext?: TraceContext;
}

/** The `gateway.partner.accessed` envelope of one request (actor: the partner's client). */
export function partnerAccessEvent(
  partner: PartnerIdentity,
  facts: PartnerAccessFacts,
): PartnerAccessEnvelope {
  const errorCodes = [...new Set(facts.errorCodes)];
  const traceparent = facts.traceContext ? currentTraceparent(facts.traceContext) : undefined;
  return createEvent(
    PARTNER_ACCESSED,
    {
      clientId: partner.clientId,
      organizationCode: partner.organizationCode,
      scopes: partner.scopes,
      operationName: facts.operationName,
      operationType: facts.operationType,
      fields: facts.fields,
      outcome: outcomeOf(errorCodes),
      errorCodes,
      requestId: facts.requestId,
      clientAddress: facts.clientAddress,
      durationMs: Math.max(0, Math.round(facts.durationMs)),
    },
    {
      actor: { type: 'client', id: partner.clientId, org: partner.organizationCode },
      subject: { type: 'client', id: partner.clientId },
      org: partner.organizationCode,
      ...(traceparent ? { traceparent } : {}),
    },
  );
}

/** Where the plugin and the rate limit hand their events. */
export interface PartnerAuditSink {
  record(event: PartnerAccessEnvelope): void;
}

/**
 * Records every GraphQL request of a partner system once its response is known: operation, root
 * fields, outcome and error codes (after the gateway's error formatting, so the codes the partner
 * saw). People's requests are not recorded here.
 */
export function partnerAuditPlugin(sink: PartnerAuditSink): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const partner = contextValue.caller?.partner;
      if (!partner) return;
      const started = performance.now();
      return {
        async willSendResponse({ response, document, operationName }) {
          const body = response.body;
          const errors =
            (body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors) ?? [];
          sink.record(
            partnerAccessEvent(partner, {
              ...summarizeOperation(document, operationName),
              errorCodes: errors.map((error) =>
                String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
              ),
              requestId: contextValue.requestId,
              clientAddress: contextValue.clientAddress,
              durationMs: performance.now() - started,
              traceContext: contextValue.traceContext,
            }),
          );
        },
      };
    },
  };
}

export interface PartnerAuditPublisherOptions {
  natsUrl: string;
  logger: Logger;
  /** Events held while NATS is unreachable (default 10 000); beyond it the oldest are dropped. */
  maxQueued?: number;
  /** PubAck wait per event (default 5 s). */
  publishTimeoutMs?: number;
  /** Retry delay after a failure doubles from 200 ms up to this (default 5 s). */
  maxBackoffMs?: number;
}

/**
 * Sends partner-access events to JetStream (stream SIPADU_GATEWAY, Nats-Msg-Id = event id, so a
 * re-send after a lost ack is dropped by the stream). The gateway has no database, hence no
 * outbox: events wait in a bounded in-memory queue and are retried with backoff until NATS
 * accepts them, so NATS being down for a while loses nothing as long as the process lives and
 * the queue does not overflow; `stop` flushes what it can within its grace period. A crash loses
 * what was still queued. NATS is connected on the first event: a gateway without partner traffic
 * never needs it.
 */
export class PartnerAuditPublisher implements PartnerAuditSink {
  private readonly queue: PartnerAccessEnvelope[] = [];
  private readonly maxQueued: number;
  private readonly publishTimeoutMs: number;
  private readonly maxBackoffMs: number;
  private connection: { nc: NatsConnection; js: JetStreamClient } | undefined;
  private streamReady = false;
  private running: Promise<void> | undefined;
  private stopping = false;
  private deadline = Number.POSITIVE_INFINITY;
  /** Wakes the loop; `urgent` (stop) also cuts a retry backoff short, a new event does not. */
  private wakeSleeper: ((urgent: boolean) => void) | undefined;
  private dropped = 0;
  private closed = false;

  constructor(private readonly options: PartnerAuditPublisherOptions) {
    this.maxQueued = options.maxQueued ?? 10_000;
    this.publishTimeoutMs = options.publishTimeoutMs ?? 5_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
  }

  /** Events not yet acknowledged by JetStream. */
  get pending(): number {
    return this.queue.length;
  }

  record(event: PartnerAccessEnvelope): void {
    if (this.closed) {
      this.options.logger.error(
        { eventId: event.id },
        'audit akses mitra hilang: gateway berhenti',
      );
      return;
    }
    this.queue.push(event);
    if (this.queue.length > this.maxQueued) {
      this.queue.shift();
      this.dropped += 1;
      if (this.dropped === 1 || this.dropped % 100 === 0) {
        this.options.logger.error(
          { dropped: this.dropped, maxQueued: this.maxQueued },
          'antrean audit akses mitra penuh: catatan tertua dibuang',
        );
      }
    }
    this.running ??= this.loop();
    this.wakeSleeper?.(false);
  }

  /** Publishes what is queued for at most `graceMs`, then closes the NATS connection. */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    this.deadline = Date.now() + graceMs;
    this.wakeSleeper?.(true);
    await this.running;
    this.closed = true;
    if (this.queue.length > 0) {
      this.options.logger.error(
        { lost: this.queue.length },
        'audit akses mitra tidak terkirim saat gateway berhenti',
      );
    }
    await this.connection?.nc.drain().catch(() => undefined);
  }

  private async loop(): Promise<void> {
    let failures = 0;
    for (;;) {
      const next = this.queue[0];
      if (!next) {
        if (this.stopping) return;
        await this.sleep(Number.POSITIVE_INFINITY, false);
        continue;
      }
      try {
        await this.publish(next);
        // Only the published event leaves the queue (the overflow may have shifted it already).
        if (this.queue[0] === next) this.queue.shift();
        failures = 0;
      } catch (err) {
        failures += 1;
        if (this.stopping && Date.now() >= this.deadline) return;
        const log = failures === 1 || failures % 20 === 0 ? 'warn' : 'debug';
        this.options.logger[log](
          { err, failures, queued: this.queue.length },
          'audit akses mitra belum terkirim ke NATS, dicoba lagi',
        );
        const backoff = Math.min(200 * 2 ** (failures - 1), this.maxBackoffMs);
        await this.sleep(
          this.stopping ? Math.min(backoff, this.deadline - Date.now()) : backoff,
          true,
        );
      }
    }
  }

  private async publish(event: PartnerAccessEnvelope): Promise<void> {
    if (!this.connection || this.connection.nc.isClosed()) {
      // Reconnects of an established connection are handled by the client; only the first
      // connection is retried here, so a gateway started before NATS keeps trying.
      const nc = await connectNats(this.options.natsUrl, 'sipadu-gateway', {
        waitOnFirstConnect: false,
        timeout: this.publishTimeoutMs,
      });
      this.connection = { nc, js: jetstream(nc) };
      this.streamReady = false;
    }
    const { nc, js } = this.connection;
    if (!this.streamReady) {
      const jsm = await jetstreamManager(nc, {
        checkAPI: false,
        timeout: this.publishTimeoutMs,
      });
      await ensureStream(jsm, 'gateway');
      this.streamReady = true;
    }
    const hdrs = headers();
    hdrs.set('Content-Type', 'application/json');
    if (event.traceparent) hdrs.set(TRACEPARENT_HEADER, event.traceparent);
    try {
      await js.publish(subjectForType(event.type), JSON.stringify(event), {
        msgID: event.id,
        timeout: this.publishTimeoutMs,
        headers: hdrs,
      });
    } catch (err) {
      // The server may have lost the stream (new store): ensure it again before the retry.
      this.streamReady = false;
      throw err;
    }
  }

  private sleep(ms: number, backingOff: boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeSleeper = undefined;
        resolve();
      };
      const timer = Number.isFinite(ms) ? setTimeout(done, Math.max(0, ms)) : undefined;
      // During a backoff new events do not hammer a dead server; only stop cuts it short.
      this.wakeSleeper = (urgent) => {
        if (urgent || !backingOff) done();
      };
    });
  }
}
