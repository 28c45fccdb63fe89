import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

describe('session cookie', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.stubEnv('NEXTAUTH_URL', 'http://localhost:3000');
  });
  afterEach(() => vi.unstubAllEnvs());

  it('splits a large session like next-auth and reassembles it in order', async () => {
    const { chunkSessionCookie, joinSessionCookie, sessionCookieNames } =
      await import('./session-cookie');
    const value = 'x'.repeat(5000) + 'y'.repeat(3000);
    const chunks = chunkSessionCookie(value);
    expect(chunks.map((chunk) => chunk.name)).toEqual([
      'next-auth.session-token.0',
      'next-auth.session-token.1',
      'next-auth.session-token.2',
    ]);
    expect(chunks.every((chunk) => chunk.value.length <= 4096 - 163)).toBe(true);
    const shuffled = [{ name: 'other', value: 'z' }, ...chunks.reverse()];
    expect(joinSessionCookie(shuffled)).toBe(value);
    expect(sessionCookieNames(shuffled)).toHaveLength(3);
  });

  it('keeps a small session in one cookie and uses the secure name behind HTTPS', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://sipadu.example.go.id');
    const { chunkSessionCookie } = await import('./session-cookie');
    expect(chunkSessionCookie('abc')).toEqual([
      { name: '__Secure-next-auth.session-token', value: 'abc' },
    ]);
  });

  it('encodes and decodes with the session secret; garbage reads as signed out', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    const { decodeSession, encodeSession } = await import('./session-cookie');
    const encoded = await encodeSession({ sub: 'u1', accessToken: 'a', expiresAt: 1 });
    expect(await decodeSession(encoded)).toMatchObject({ sub: 'u1', accessToken: 'a' });
    expect(await decodeSession('not-a-jwe')).toBeNull();
  });
});
