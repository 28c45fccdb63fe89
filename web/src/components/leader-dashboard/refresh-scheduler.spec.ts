import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRefreshScheduler } from './refresh-scheduler';

describe('dashboard refresh scheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('makes one refresh of a burst of signals, after the quiet time', async () => {
    const refresh = vi.fn(async () => undefined);
    const scheduler = createRefreshScheduler(refresh, 500);
    scheduler.signal();
    await vi.advanceTimersByTimeAsync(300);
    scheduler.signal();
    scheduler.signal();
    await vi.advanceTimersByTimeAsync(499);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('refreshes once more when a signal arrives during a refresh, never two at once', async () => {
    let finish: () => void = () => undefined;
    let running = 0;
    let most = 0;
    const refresh = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          running += 1;
          most = Math.max(most, running);
          finish = () => {
            running -= 1;
            resolve();
          };
        }),
    );
    const scheduler = createRefreshScheduler(refresh, 100);
    scheduler.signal();
    await vi.advanceTimersByTimeAsync(100);
    expect(refresh).toHaveBeenCalledTimes(1);
    scheduler.signal();
    scheduler.signal();
    await vi.advanceTimersByTimeAsync(500);
    expect(refresh).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(100);
    expect(refresh).toHaveBeenCalledTimes(2);
    finish();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(most).toBe(1);
  });

  it('keeps refreshing after a failed refresh, and stops when cancelled', async () => {
    const refresh = vi.fn(async () => {
      throw new Error('jaringan putus');
    });
    const scheduler = createRefreshScheduler(refresh, 100);
    scheduler.signal();
    await vi.advanceTimersByTimeAsync(100);
    scheduler.signal();
    await vi.advanceTimersByTimeAsync(100);
    expect(refresh).toHaveBeenCalledTimes(2);
    scheduler.signal();
    scheduler.cancel();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(refresh).toHaveBeenCalledTimes(2);
  });
});
