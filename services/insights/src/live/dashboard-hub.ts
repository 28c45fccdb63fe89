import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import type { Logger } from '@sipadu/service-kit';

/** What an open dashboard receives: "something changed, read again" (no figures travel here). */
export interface DashboardSignal {
  type: 'dashboard';
  /** Why, e.g. `projects.progress.submitted` or several such reasons joined by commas. */
  reason: string;
  at: string;
}

/** A stream the hub writes to: an Express response in production, a stub in tests. */
export interface SignalSink {
  write(chunk: string): unknown;
  end(): unknown;
}

export interface DashboardHubOptions {
  logger: Logger;
  /**
   * With a NATS connection the signals cross replicas (core NATS, like the notifications live
   * hub): the module-events consumer runs on one replica while dashboards hang on every one.
   */
  nc?: NatsConnection;
  maxConnections?: number;
  heartbeatMs?: number;
  /** Signals arriving within this window go out as one. */
  debounceMs?: number;
}

/** Core NATS subject of the dashboard signals; outside the `sipadu.` streams on purpose. */
const SUBJECT = 'live.sipadu.insights.dashboard';

/**
 * Fan-out of "refresh" signals to the open leaders' dashboards over server-sent events. A burst of
 * module events (a hundred survey answers, an import) becomes one signal per window, so dashboards
 * re-read their figures once; comments every 25 s keep proxies from closing idle streams.
 */
export class DashboardHub {
  private readonly sinks = new Set<SignalSink>();
  private readonly maxConnections: number;
  private readonly heartbeatMs: number;
  private readonly debounceMs: number;
  private readonly reasons = new Set<string>();
  private pending: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly subscription: Subscription | undefined;
  private closed = false;

  constructor(private readonly options: DashboardHubOptions) {
    this.maxConnections = options.maxConnections ?? 500;
    this.heartbeatMs = options.heartbeatMs ?? 25_000;
    this.debounceMs = options.debounceMs ?? 500;
    this.subscription = options.nc?.subscribe(SUBJECT, {
      callback: (error, msg) => {
        if (error) return;
        try {
          this.broadcast(JSON.parse(msg.string()) as DashboardSignal);
        } catch {
          // a malformed signal is dropped: the next one refreshes the dashboards anyway
        }
      },
    });
  }

  get connections(): number {
    return this.sinks.size;
  }

  /** Registers an open stream; false when the hub is full or closed (the route answers 503). */
  attach(sink: SignalSink): boolean {
    if (this.closed || this.sinks.size >= this.maxConnections) return false;
    this.sinks.add(sink);
    this.heartbeat ??= setInterval(() => this.writeAll(': ping\n\n'), this.heartbeatMs);
    return true;
  }

  detach(sink: SignalSink): void {
    this.sinks.delete(sink);
    if (this.sinks.size === 0 && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = undefined;
    }
  }

  /** Something the dashboard shows changed; sent after the debounce window. */
  signal(reason: string): void {
    if (this.closed) return;
    this.reasons.add(reason);
    this.pending ??= setTimeout(() => this.flush(), this.debounceMs);
  }

  /** Ends every stream and stops the timers (service shutdown). */
  close(): void {
    this.closed = true;
    clearTimeout(this.pending);
    clearInterval(this.heartbeat);
    this.pending = undefined;
    this.heartbeat = undefined;
    this.subscription?.unsubscribe();
    for (const sink of this.sinks) sink.end();
    this.sinks.clear();
  }

  private flush(): void {
    this.pending = undefined;
    const signal: DashboardSignal = {
      type: 'dashboard',
      reason: [...this.reasons].join(','),
      at: new Date().toISOString(),
    };
    this.reasons.clear();
    if (this.options.nc && !this.options.nc.isClosed()) {
      this.options.nc.publish(SUBJECT, JSON.stringify(signal));
    } else {
      this.broadcast(signal);
    }
  }

  private broadcast(signal: DashboardSignal): void {
    this.writeAll(`event: dashboard\ndata: ${JSON.stringify(signal)}\n\n`);
  }

  private writeAll(chunk: string): void {
    for (const sink of this.sinks) {
      try {
        sink.write(chunk);
      } catch (error) {
        this.options.logger.warn({ err: error }, 'aliran dasbor tidak dapat ditulisi');
        this.detach(sink);
      }
    }
  }
}
