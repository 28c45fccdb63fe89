import { createHash, randomBytes } from 'node:crypto';
import { rateLimited as rateLimitedError } from '@sipadu/service-kit';

// Abuse resistance of the public survey without hurting real respondents (issue 7, item 2):
// sliding-window limits per client address (all services, and per service), a honeypot field
// and the submission id. Nothing here is stored: client addresses are hashed with a salt that
// lives only in this process's memory and are forgotten when their window passes.

export const RATE_LIMITED_MESSAGE =
  'Terlalu banyak pengiriman survei dari jaringan Anda. Silakan coba lagi dalam beberapa menit.';

/** The error of a refused submission (the gateway uses the same code for its own limit). */
export function rateLimited() {
  return rateLimitedError(RATE_LIMITED_MESSAGE);
}

export interface SubmissionLimits {
  /** Submissions one client address may make in the window, over all services. */
  perClient: number;
  /** … and for one service. */
  perService: number;
  windowMs: number;
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Whether a submission id is a uuid v4 (what the form generates when it opens). */
export function isUuidV4(value: string): boolean {
  return UUID_V4.test(value);
}

/** The honeypot: a field people never see; anything in it means a bot filled the form. */
export function honeypotFilled(website: string | null | undefined): boolean {
  return typeof website === 'string' && website.trim() !== '';
}

/** Beyond this many tracked keys the oldest are dropped (memory stays bounded under a flood). */
const MAX_KEYS = 200_000;

/**
 * In-memory sliding-window rate limit per hashed client address. Each replica counts on its own:
 * with N replicas a client may make up to N × the limit, which the limits' generosity absorbs
 * (one office or carrier NAT can share an address). A client with no address (a call that did
 * not come through the gateway, i.e. from inside the cluster) is not limited.
 */
export class SubmissionGuard {
  private readonly salt = randomBytes(16);
  /** Hashed key → submission times (ms), oldest first. */
  private readonly windows = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    private readonly limits: SubmissionLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Counts one submission of `clientAddress` for `serviceId`, or throws RATE_LIMITED (and counts
   * nothing) when either window is full.
   */
  admit(clientAddress: string | null, serviceId: string): void {
    if (!clientAddress) return;
    const now = this.now();
    this.sweep(now);
    const client = this.hash(clientAddress);
    const keys = [
      { key: client, limit: this.limits.perClient },
      { key: `${client}|${serviceId}`, limit: this.limits.perService },
    ];
    const windows = keys.map(({ key, limit }) => ({ key, limit, times: this.recent(key, now) }));
    if (windows.some(({ times, limit }) => times.length >= limit)) throw rateLimited();
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
    const from = now - this.limits.windowMs;
    let drop = 0;
    while (drop < times.length && times[drop]! <= from) drop += 1;
    return drop > 0 ? times.slice(drop) : times;
  }

  /** Forgets windows that ended (at most once per window length). */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.limits.windowMs) return;
    this.lastSweep = now;
    const from = now - this.limits.windowMs;
    for (const [key, times] of this.windows) {
      if (times.length === 0 || times.at(-1)! <= from) this.windows.delete(key);
    }
  }
}
