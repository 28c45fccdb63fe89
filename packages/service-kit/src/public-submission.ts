import { createHash, randomBytes } from 'node:crypto';

// Abuse resistance of the forms citizens fill without an account (surveys, public complaints):
// sliding-window limits per client address, a honeypot field and a form id. Nothing here is
// stored: client addresses are hashed with a salt that lives only in this process's memory and
// are forgotten when their window passes.

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Whether a submission id is a uuid v4 (what a public form generates when it opens). */
export function isUuidV4(value: string): boolean {
  return UUID_V4.test(value);
}

/** The honeypot: a field people never see; anything in it means a bot filled the form. */
export function honeypotFilled(website: string | null | undefined): boolean {
  return typeof website === 'string' && website.trim() !== '';
}

/** One counter a request is admitted against: `key` names it per client (e.g. a service id). */
export interface ClientBucket {
  key: string;
  limit: number;
}

/** Beyond this many tracked keys the oldest are dropped (memory stays bounded under a flood). */
const MAX_KEYS = 200_000;

/**
 * In-memory sliding-window rate limit per hashed client address. Each replica counts on its own:
 * with N replicas a client may make up to N × the limit, which the limits' generosity absorbs
 * (one office or carrier NAT can share an address). A client with no address (a call that did
 * not come through the gateway, i.e. from inside the cluster) is not limited.
 */
export class ClientRateLimiter {
  private readonly salt = randomBytes(16);
  /** Hashed key → admission times (ms), oldest first. */
  private readonly windows = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Counts one request of `clientAddress` in every bucket and returns true, or returns false
   * (and counts nothing) when any bucket's window is full.
   */
  admit(clientAddress: string | null, buckets: readonly ClientBucket[]): boolean {
    if (!clientAddress) return true;
    const now = this.now();
    this.sweep(now);
    const client = this.hash(clientAddress);
    const windows = buckets.map(({ key, limit }) => {
      const hashed = `${client}|${key}`;
      return { key: hashed, limit, times: this.recent(hashed, now) };
    });
    if (windows.some(({ times, limit }) => times.length >= limit)) return false;
    for (const { key, times } of windows) {
      times.push(now);
      // Re-inserted so the map's order stays "least recently used first" for eviction.
      this.windows.delete(key);
      this.windows.set(key, times);
    }
    while (this.windows.size > MAX_KEYS) {
      const oldest = this.windows.keys().next().value as string;
      this.windows.delete(oldest);
    }
    return true;
  }

  /** Number of tracked keys (for tests). */
  get size(): number {
    return this.windows.size;
  }

  private hash(address: string): string {
    return createHash('sha256').update(this.salt).update(address).digest('base64url').slice(0, 22);
  }

  private recent(key: string, now: number): number[] {
    const times = this.windows.get(key) ?? [];
    const from = now - this.windowMs;
    let drop = 0;
    while (drop < times.length && times[drop]! <= from) drop += 1;
    return drop > 0 ? times.slice(drop) : times;
  }

  /** Forgets windows that ended (at most once per window length). */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    const from = now - this.windowMs;
    for (const [key, times] of this.windows) {
      if (times.length === 0 || times.at(-1)! <= from) this.windows.delete(key);
    }
  }
}
