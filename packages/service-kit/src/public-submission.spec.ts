import { describe, expect, it } from 'vitest';
import { ClientRateLimiter, honeypotFilled, isUuidV4 } from './public-submission.js';

describe('client rate limiter', () => {
  it('counts every bucket of a client within a sliding window', () => {
    let now = 1_000_000;
    const limiter = new ClientRateLimiter(60_000, () => now);
    const buckets = (service: string) => [
      { key: 'all', limit: 5 },
      { key: service, limit: 3 },
    ];
    for (let i = 0; i < 3; i += 1) expect(limiter.admit('203.0.113.7', buckets('ktp'))).toBe(true);
    expect(limiter.admit('203.0.113.7', buckets('ktp'))).toBe(false);
    // Other buckets still count against the shared one (3 + 2 = 5).
    expect(limiter.admit('203.0.113.7', buckets('kk'))).toBe(true);
    expect(limiter.admit('203.0.113.7', buckets('akta'))).toBe(true);
    expect(limiter.admit('203.0.113.7', buckets('imb'))).toBe(false);
    // Another address is unaffected.
    expect(limiter.admit('198.51.100.1', buckets('ktp'))).toBe(true);
    // The window slides: a minute after the first three, they no longer count.
    now += 60_001;
    expect(limiter.admit('203.0.113.7', buckets('ktp'))).toBe(true);
  });

  it('does not count a refused request', () => {
    let now = 0;
    const limiter = new ClientRateLimiter(1_000, () => now);
    const bucket = [{ key: 'lacak', limit: 2 }];
    limiter.admit('a', bucket);
    now = 500;
    limiter.admit('a', bucket);
    for (let i = 0; i < 5; i += 1) expect(limiter.admit('a', bucket)).toBe(false);
    // Only the two admitted ones were counted: the first leaves the window at 1000 ms.
    now = 1_001;
    expect(limiter.admit('a', bucket)).toBe(true);
  });

  it('does not limit calls without a client address, and forgets ended windows', () => {
    let now = 0;
    const limiter = new ClientRateLimiter(1_000, () => now);
    const bucket = [{ key: 's', limit: 1 }];
    for (let i = 0; i < 10; i += 1) expect(limiter.admit(null, bucket)).toBe(true);
    limiter.admit('x', bucket);
    limiter.admit('y', bucket);
    expect(limiter.size).toBe(2);
    now = 5_000;
    limiter.admit('z', bucket);
    expect(limiter.size).toBe(1);
  });
});

describe('public form guards', () => {
  it('recognizes uuid v4 submission ids and a filled honeypot', () => {
    expect(isUuidV4('0b6f1c8e-9a3d-4f2b-8c1e-2d3f4a5b6c7d')).toBe(true);
    expect(isUuidV4('0b6f1c8e-9a3d-1f2b-8c1e-2d3f4a5b6c7d')).toBe(false); // version 1
    expect(isUuidV4('not-a-uuid')).toBe(false);
    expect(honeypotFilled('https://spam.example')).toBe(true);
    expect(honeypotFilled('  ')).toBe(false);
    expect(honeypotFilled(null)).toBe(false);
    expect(honeypotFilled(undefined)).toBe(false);
  });
});
