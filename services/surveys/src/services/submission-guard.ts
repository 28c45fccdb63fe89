import { ClientRateLimiter, rateLimited as rateLimitedError } from '@sipadu/service-kit';

// Abuse resistance of the public survey without hurting real respondents (issue 7, item 2):
// sliding-window limits per client address (all services, and per service); the honeypot and
// submission-id checks are the shared ones of `@sipadu/service-kit`.

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

/** The survey's limits over the shared in-memory limiter (see ClientRateLimiter). */
export class SubmissionGuard {
  private readonly limiter: ClientRateLimiter;

  constructor(
    private readonly limits: SubmissionLimits,
    now: () => number = Date.now,
  ) {
    this.limiter = new ClientRateLimiter(limits.windowMs, now);
  }

  /**
   * Counts one submission of `clientAddress` for `serviceId`, or throws RATE_LIMITED (and counts
   * nothing) when either window is full.
   */
  admit(clientAddress: string | null, serviceId: string): void {
    const admitted = this.limiter.admit(clientAddress, [
      { key: '*', limit: this.limits.perClient },
      { key: `layanan:${serviceId}`, limit: this.limits.perService },
    ]);
    if (!admitted) throw rateLimited();
  }

  /** Number of tracked keys (for tests). */
  get size(): number {
    return this.limiter.size;
  }
}
