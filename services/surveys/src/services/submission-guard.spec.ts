import { describe, expect, it } from 'vitest';
import { RATE_LIMITED_MESSAGE, SubmissionGuard } from './submission-guard.js';

function refusal(fn: () => void): { code?: unknown; message: string } | null {
  try {
    fn();
    return null;
  } catch (error) {
    const e = error as { message: string; extensions?: { code?: unknown } };
    return { code: e.extensions?.code, message: e.message };
  }
}

describe('survey submission guard', () => {
  it('limits one client per service and over all services within a sliding window', () => {
    let now = 1_000_000;
    const guard = new SubmissionGuard({ perClient: 5, perService: 3, windowMs: 60_000 }, () => now);
    for (let i = 0; i < 3; i += 1) guard.admit('203.0.113.7', 'ktp');
    expect(refusal(() => guard.admit('203.0.113.7', 'ktp'))).toEqual({
      code: 'RATE_LIMITED',
      message: RATE_LIMITED_MESSAGE,
    });
    // Other services still count against the client's overall limit (3 + 2 = 5).
    guard.admit('203.0.113.7', 'kk');
    guard.admit('203.0.113.7', 'akta');
    expect(refusal(() => guard.admit('203.0.113.7', 'imb'))?.code).toBe('RATE_LIMITED');
    // Another address is unaffected.
    guard.admit('198.51.100.1', 'ktp');
    // The window slides: a minute after the first three, they no longer count.
    now += 60_001;
    expect(refusal(() => guard.admit('203.0.113.7', 'ktp'))).toBeNull();
  });

  it('does not count a refused submission', () => {
    let now = 0;
    const guard = new SubmissionGuard({ perClient: 2, perService: 2, windowMs: 1_000 }, () => now);
    guard.admit('a', 's');
    now = 500;
    guard.admit('a', 's');
    for (let i = 0; i < 5; i += 1) expect(refusal(() => guard.admit('a', 's'))).not.toBeNull();
    // Only the two admitted ones were counted: the first leaves the window at 1000 ms.
    now = 1_001;
    expect(refusal(() => guard.admit('a', 's'))).toBeNull();
  });

  it('does not limit calls without a client address, and forgets ended windows', () => {
    let now = 0;
    const guard = new SubmissionGuard({ perClient: 1, perService: 1, windowMs: 1_000 }, () => now);
    for (let i = 0; i < 10; i += 1) guard.admit(null, 's');
    guard.admit('x', 's');
    guard.admit('y', 's');
    expect(guard.size).toBe(4);
    now = 5_000;
    guard.admit('z', 's');
    expect(guard.size).toBe(2);
  });
});
