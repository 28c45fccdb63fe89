import { DeliverPolicy, jetstream, type ConsumerMessages } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { TokenRevocations } from '@sipadu/service-kit';
import { parseEnvelope } from './envelope.js';
import type { EventsLogger } from './logger.js';
import { connectNats } from './nats-connection.js';
import { streamName, subjectForType } from './subjects.js';

/** Per subject, in token time (seconds): the last deactivation and the re-activation after it. */
interface Deactivation {
  deactivatedAt: number;
  reactivatedAt: number | null;
}

/**
 * Which accounts were deactivated when: a token of such an account issued at or before its
 * deactivation is refused, a token issued after a re-activation is not (Keycloak issues none in
 * between, the account being disabled there).
 */
export class DeactivatedAccounts implements TokenRevocations {
  private readonly bySubject = new Map<string, Deactivation>();

  apply(subject: string, active: boolean, at: Date): void {
    // `iat` has whole seconds: a token issued in the second of the deactivation, before it, has
    // the same `iat`, so the comparison is on the second, inclusive.
    const second = Math.floor(at.getTime() / 1000);
    const known = this.bySubject.get(subject);
    if (!active) this.bySubject.set(subject, { deactivatedAt: second, reactivatedAt: null });
    else if (known) known.reactivatedAt = second;
  }

  isRevoked(subject: string, issuedAt: number): boolean {
    const known = this.bySubject.get(subject);
    if (!known || issuedAt > known.deactivatedAt) return false;
    return known.reactivatedAt === null || issuedAt < known.reactivatedAt;
  }
}

export interface DeactivationFollower extends TokenRevocations {
  stop(): Promise<void>;
}

const ACTIVATION_CHANGED = 'identity.user.activationChanged';
const MAX_BACKOFF_MS = 30_000;

/**
 * Follows `identity.user.activationChanged` with an ordered (ephemeral, unacknowledged) consumer
 * from the start of identity's stream, so a restarted process knows every past deactivation, and
 * answers from memory. Fail-open: while NATS is unreachable the list keeps what it knew and tokens
 * are verified without the latest deactivations (logged); verification itself never fails on it.
 * `source` is the process's NATS connection, or a URL to connect to (closed again on `stop`).
 */
export function followDeactivations(
  source: NatsConnection | string,
  logger: EventsLogger,
): DeactivationFollower {
  const accounts = new DeactivatedAccounts();
  const log = { component: 'deactivated-accounts' };
  let stopped = false;
  let nc: NatsConnection | undefined = typeof source === 'string' ? undefined : source;
  let messages: ConsumerMessages | undefined;
  let wake: (() => void) | undefined;
  // Resumes after the last applied message when the consumer has to be made again.
  let lastSequence = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function follow(): Promise<void> {
    if (!nc || nc.isClosed()) {
      if (typeof source !== 'string') return;
      nc = await connectNats(source, 'sipadu-deactivated-accounts', {
        waitOnFirstConnect: false,
        timeout: 5_000,
      });
    }
    const consumer = await jetstream(nc).consumers.get(streamName('identity'), {
      filter_subjects: [subjectForType(ACTIVATION_CHANGED)],
      ...(lastSequence > 0
        ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: lastSequence + 1 }
        : { deliver_policy: DeliverPolicy.All }),
    });
    messages = await consumer.consume();
    // Stopped before there was anything to close: close now, the loop below then ends at once
    // (awaiting the close before reading would wait forever).
    if (stopped) void messages.close();
    else logger.info(log, 'daftar akun nonaktif diikuti dari NATS');
    for await (const msg of messages) {
      lastSequence = msg.seq;
      try {
        const envelope = parseEnvelope(JSON.parse(msg.string()));
        if (envelope.type !== ACTIVATION_CHANGED) continue;
        accounts.apply(envelope.data.userId, envelope.data.active, new Date(envelope.occurredAt));
      } catch (err) {
        logger.error(
          { ...log, err, seq: msg.seq },
          'peristiwa aktivasi akun tidak valid, dilewati',
        );
      }
    }
  }

  const running = (async () => {
    let failures = 0;
    while (!stopped) {
      try {
        await follow();
        failures = 0;
        // The connection of the process closed (it is shutting down): nothing left to follow.
        if (typeof source !== 'string' && source.isClosed()) return;
      } catch (err) {
        failures += 1;
        const level = failures === 1 || failures % 20 === 0 ? 'warn' : 'debug';
        logger[level](
          { ...log, err, failures },
          'daftar akun nonaktif tidak dapat diikuti; token diperiksa dengan daftar terakhir (fail-open)',
        );
      }
      if (!stopped) await sleep(Math.min(500 * 2 ** Math.min(failures, 6), MAX_BACKOFF_MS));
    }
  })();

  return {
    isRevoked: (subject, issuedAt) => accounts.isRevoked(subject, issuedAt),
    async stop() {
      stopped = true;
      wake?.();
      await messages?.close().catch(() => undefined);
      await running;
      if (typeof source === 'string') await nc?.close().catch(() => undefined);
    },
  };
}
