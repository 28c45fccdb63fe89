/** Where the browser opens the dashboard's live stream (the dashboard stream BFF). */
export const DASHBOARD_STREAM_PATH = '/api/dasbor/stream';

/** The server-sent event telling an open dashboard that something it shows has changed. */
export const DASHBOARD_SIGNAL = 'dashboard';

export interface RefreshScheduler {
  /** Something changed: refresh after the quiet time (signals in a burst make one refresh). */
  signal(): void;
  /** Stops any pending refresh (the page is leaving). */
  cancel(): void;
}

/**
 * Coalesces change signals into refreshes: one refresh `delayMs` after the last signal of a
 * burst, never two at once; a signal arriving during a refresh schedules one more after it, so
 * the last change is never missed.
 */
export function createRefreshScheduler(
  refresh: () => Promise<unknown>,
  delayMs: number,
): RefreshScheduler {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let cancelled = false;

  const run = async () => {
    timer = undefined;
    running = true;
    try {
      await refresh();
    } catch {
      // The caller reports its own failures; the next signal tries again.
    } finally {
      running = false;
    }
    if (again && !cancelled) {
      again = false;
      schedule();
    }
  };

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delayMs);
  }

  return {
    signal() {
      if (cancelled) return;
      if (running) again = true;
      else schedule();
    },
    cancel() {
      cancelled = true;
      clearTimeout(timer);
    },
  };
}
