import type { NatsConnection, Subscription } from '@nats-io/nats-core';

export type LiveSignal = 'notification' | 'read';
type Listener = (signal: LiveSignal) => void;

/** Core NATS subject of a user's live signals; outside the `sipadu.` streams on purpose. */
const subjectOf = (userId: string) => `live.sipadu.notifications.${userId}`;
const WILDCARD = 'live.sipadu.notifications.*';

/**
 * Wakes a user's open event streams when something changed for them. Signals go through core NATS
 * (not JetStream: they carry no data and losing one costs nothing, the stream re-reads the
 * database), so a stream held by one replica hears of a notification written by another.
 */
export class LiveHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private subscription: Subscription | undefined;

  constructor(private readonly nc: NatsConnection) {}

  start(): void {
    this.subscription = this.nc.subscribe(WILDCARD, {
      callback: (error, msg) => {
        if (error) return;
        const userId = msg.subject.slice(WILDCARD.length - 1);
        const signal = msg.string() === 'read' ? 'read' : 'notification';
        for (const listener of this.listeners.get(userId) ?? []) listener(signal);
      },
    });
  }

  signal(userId: string, signal: LiveSignal): void {
    if (/^[\w-]+$/.test(userId)) this.nc.publish(subjectOf(userId), signal);
  }

  listen(userId: string, listener: Listener): () => void {
    const set = this.listeners.get(userId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (!set.size) this.listeners.delete(userId);
    };
  }

  get connections(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }

  stop(): void {
    this.subscription?.unsubscribe();
  }
}
